import { BaseAdaptiveCardQuickView, IActionArguments, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'AccessCardAdaptiveCardExtensionStrings';
import type { IAccessCardProperties, IAccessCardState } from '../state';
import type { AccessCardController } from '../logic/AccessCardController';
import type { IQuickViewData } from '../logic/cardModel';

/**
 * The quick view: an Adaptive Card template (logic/cardModel.ts QUICK_VIEW_TEMPLATE) bound to the controller's data;
 * Approve, Deny and Extend are Action.Submit, handled by the controller (decideApproval, extendAssignment).
 */
export class QuickView extends BaseAdaptiveCardQuickView<IAccessCardProperties, IAccessCardState, IQuickViewData> {
  private get _controller(): AccessCardController {
    const controller = this.state.controller;
    if (!controller) throw new Error('AccessCard: the quick view opens after onInit');
    return controller;
  }

  public get title(): string {
    return strings.CardTitle;
  }

  public get data(): IQuickViewData {
    return this._controller.quickView().data;
  }

  public get template(): ISPFxAdaptiveCard {
    return this._controller.quickView().template;
  }

  public onAction(action: IActionArguments): void {
    if (action.type !== 'Submit' && action.type !== 'Execute') return;
    // Never rejects: each row shows its own outcome.
    this._controller.onAction(action).catch(() => undefined);
  }
}
