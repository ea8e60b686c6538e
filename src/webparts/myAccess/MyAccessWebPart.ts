import type * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'MyAccessWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import type { WebPartUiModule } from '../webPartUi';
import type { IMyAccessProperties } from './components/MyAccessRoot';

export default class MyAccessWebPart extends AccessHubWebPart<IMyAccessProperties> {
  protected rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: IMyAccessProperties }> {
    return ui.ROOTS.MyAccess;
  }

  private _validateDays = (value: string): string => {
    const n = Number(value);
    return value === '' || (Number.isInteger(n) && n >= 1 && n <= 365) ? '' : strings.EndingSoonDaysInvalid;
  };

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [
          {
            groupName: strings.BasicGroupName,
            groupFields: [
              PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
              PropertyPaneTextField('endingSoonDays', {
                label: strings.EndingSoonDaysLabel,
                description: strings.EndingSoonDaysDescription,
                onGetErrorMessage: this._validateDays
              }),
              PropertyPaneTextField('catalogUrl', {
                label: strings.CatalogUrlLabel,
                description: strings.CatalogUrlDescription,
                onGetErrorMessage: (v: string) => (!v.trim() || this.ui.safeUrl(v) ? '' : strings.CatalogUrlInvalid)
              })
            ]
          },
          {
            groupName: strings.SectionsGroupName,
            groupFields: [
              PropertyPaneToggle('showActive', { label: strings.ShowActiveLabel, checked: this.properties.showActive !== false }),
              PropertyPaneToggle('showPending', { label: strings.ShowPendingLabel, checked: this.properties.showPending !== false }),
              PropertyPaneToggle('showHistory', { label: strings.ShowHistoryLabel, checked: this.properties.showHistory !== false })
            ]
          }
        ]
      }]
    };
  }
}
