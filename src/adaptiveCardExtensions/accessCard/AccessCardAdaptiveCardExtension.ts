import { BaseAdaptiveCardExtension, IOnBeforeActionArguments } from '@microsoft/sp-adaptive-card-extension-base';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'AccessCardAdaptiveCardExtensionStrings';
import { CardView } from './cardView/CardView';
import { CARD_VIEW_ID, QUICK_VIEW_ID } from './ids';
import type { IAccessCardProperties, IAccessCardState } from './state';

export type { IAccessCardProperties, IAccessCardState };

/**
 * AccessCard, a Viva Connections dashboard card (Adaptive Card Extension): requests waiting for the person's decision,
 * else access ending soon, else their pending requests, else "nothing needs you". Its first script holds this class
 * and the card view; the logic, the services (PnPjs) and the quick view come with import() (named chunks).
 * https://learn.microsoft.com/en-us/sharepoint/dev/spfx/viva/get-started/build-first-sharepoint-adaptive-card-extension
 */
export default class AccessCardAdaptiveCardExtension extends BaseAdaptiveCardExtension<IAccessCardProperties, IAccessCardState> {
  public async onInit(): Promise<void> {
    this.state = { version: 0 };
    this.cardNavigator.register(CARD_VIEW_ID, () => new CardView());
    // Registered lazily: the quick view's chunk loads when the person opens it (release-1.15.2.md).
    this.quickViewNavigator.register(QUICK_VIEW_ID, () =>
      import(/* webpackChunkName: 'access-card-quick-view' */ './quickView/QuickView').then(m => new m.QuickView()));
    const runtime = await import(/* webpackChunkName: 'access-card-logic' */ './cardRuntime');
    const controller = runtime.createCardController(this.context, this.properties.endingSoonDays,
      () => this.setState({ version: this.state.version + 1 }));
    this.setState({ controller });
    const read = controller.start();
    // A card kept from the last visit shows at once and is read again meanwhile; without one, the host waits for the read.
    if (controller.snapshot) read.catch(() => undefined);
    else await read;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{ groupName: strings.SettingsGroup, groupFields: [PropertyPaneTextField('endingSoonDays', { label: strings.EndingSoonDaysLabel })] }]
      }]
    };
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    const controller = this.state.controller;
    if (propertyPath === 'endingSoonDays' && controller) controller.setEndingSoonDays(newValue).catch(() => undefined);
  }

  protected renderCard(): string | undefined {
    return CARD_VIEW_ID;
  }

  /** The quick view opens: the controller reads what it needs (an approver's requests with their stages). */
  public onBeforeAction(action: IOnBeforeActionArguments): void {
    const controller = this.state.controller;
    if (controller && action.type === 'QuickView') controller.openQuickView().catch(() => undefined);
  }
}
