import type * as React from 'react';
import {
  IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneChoiceGroup, PropertyPaneToggle, PropertyPaneDropdown
} from '@microsoft/sp-property-pane';
import * as strings from 'AccessCatalogWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import type { WebPartUiModule } from '../webPartUi';
import type { IAccessCatalogProperties } from './components/AccessCatalogRoot';
import { parsePackageRefs } from '../../models/packageRef';

const ADD_FIELD = 'addPackage';

export default class AccessCatalogWebPart extends AccessHubWebPart<IAccessCatalogProperties> {
  protected rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: IAccessCatalogProperties }> {
    return ui.ROOTS.AccessCatalog;
  }

  /** Picking a package in the "add" dropdown appends its id to the list; the dropdown itself stores nothing. */
  protected onPropertyPaneFieldChanged(path: string, _old: unknown, value: unknown): void {
    if (path !== ADD_FIELD || typeof value !== 'string' || !value) return;
    const ids = parsePackageRefs(this.properties.packageIds);
    if (ids.indexOf(value) < 0) ids.push(value);
    this.properties.packageIds = ids.join('\n');
    (this.properties as Record<string, unknown>)[ADD_FIELD] = '';
    this.context.propertyPane.refresh();
    this.render();
  }

  private _chosenNames(): string {
    const known = this.pickablePackages || [];
    return parsePackageRefs(this.properties.packageIds)
      .map(id => (known.filter(p => p.id === id)[0] || { displayName: id }).displayName)
      .join(', ');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const selected = this.properties.scope === 'selected';
    const chosen = this._chosenNames();
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
            PropertyPaneDropdown(ADD_FIELD, {
              label: strings.AddPackageFieldLabel,
              disabled: !selected || !this.pickablePackages,
              options: (this.pickablePackages || []).map(p => ({ key: p.id, text: p.displayName }))
            }),
            ...this.pickableErrorFields,
            PropertyPaneTextField('packageIds', {
              label: strings.PackageIdsFieldLabel,
              description: chosen ? `${strings.PackageIdsChosen} ${chosen}` : strings.PackageIdsFieldDescription,
              multiline: true,
              disabled: !selected
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
