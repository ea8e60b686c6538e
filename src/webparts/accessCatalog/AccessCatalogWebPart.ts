import * as React from 'react';
import {
  IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneChoiceGroup, PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import * as strings from 'AccessCatalogWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import { AccessCatalogRoot, IAccessCatalogProperties } from './components/AccessCatalogRoot';

export default class AccessCatalogWebPart extends AccessHubWebPart<IAccessCatalogProperties> {
  protected get rootComponent(): React.ComponentType<{ properties: IAccessCatalogProperties }> {
    return AccessCatalogRoot;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.BasicGroupName,
          groupFields: [
            PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
            PropertyPaneChoiceGroup('scope', {
              label: strings.ScopeFieldLabel,
              options: [
                { key: 'currentSite', text: strings.ScopeCurrentSite },
                { key: 'all', text: strings.ScopeAll },
                { key: 'selected', text: strings.ScopeSelected }
              ]
            }),
            PropertyPaneTextField('packageIds', {
              label: strings.PackageIdsFieldLabel,
              description: strings.PackageIdsFieldDescription,
              multiline: true,
              disabled: this.properties.scope !== 'selected'
            }),
            PropertyPaneChoiceGroup('layout', {
              label: strings.LayoutFieldLabel,
              options: [{ key: 'list', text: strings.LayoutList }, { key: 'cards', text: strings.LayoutCards }]
            }),
            PropertyPaneToggle('showOwned', { label: strings.ShowOwnedFieldLabel })
          ]
        }]
      }]
    };
  }
}
