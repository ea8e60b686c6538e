import {
  BaseComponentsCardView, ComponentsCardViewParameters, IActionArguments, IQuickViewCardAction, PrimaryTextCardView
} from '@microsoft/sp-adaptive-card-extension-base';
import type { IAccessCardProperties, IAccessCardState } from '../state';
import { QUICK_VIEW_ID } from '../ids';

/**
 * The card view (SPFx 1.18+ components): card bar, header, body, one button (two on a large card), from the
 * framework-free logic (logic/cardModel.ts cardViewConfiguration) through SPFx's PrimaryTextCardView helper.
 */
export class CardView extends BaseComponentsCardView<IAccessCardProperties, IAccessCardState, ComponentsCardViewParameters> {
  public get cardViewParameters(): ComponentsCardViewParameters {
    const controller = this.state.controller;
    if (!controller) throw new Error('AccessCard: the card view renders after onInit');
    return PrimaryTextCardView(controller.cardView(this.cardSize));
  }

  /** The whole card opens the quick view (designing-card.md). */
  public get onCardSelection(): IQuickViewCardAction {
    return { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } };
  }

  /** A loading or failed card is not kept for the next visit; a card with data is (SPFx shows it at once). */
  public get isCacheEnabled(): boolean {
    const controller = this.state.controller;
    return !!controller && controller.kind !== 'loading' && controller.kind !== 'error';
  }

  /** "Try again" on a card that could not load. */
  public onAction(action: IActionArguments): void {
    const controller = this.state.controller;
    if (controller && (action.type === 'Execute' || action.type === 'Submit')) {
      // The controller shows its own errors on the card; nothing is left to handle here.
      controller.onAction(action).catch(() => undefined);
    }
  }
}
