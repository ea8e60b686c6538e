import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneChoiceGroup, PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import * as strings from 'AccessRequestButtonWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import { AccessRequestButtonRoot, IAccessRequestButtonProperties } from './components/AccessRequestButtonRoot';
import { parsePackageRef } from '../../models/packageRef';

const PICK_FIELD = 'pickPackage';

export default class AccessRequestButtonWebPart extends AccessHubWebPart<IAccessRequestButtonProperties> {
  private _checkedName: string | undefined;

  protected get rootComponent(): React.ComponentType<{ properties: IAccessRequestButtonProperties }> {
    return AccessRequestButtonRoot;
  }

  /** Accepts an id or a My Access link, checks the package exists for the owner and shows its name. */
  private async _validatePackage(value: string): Promise<string> {
    const id = parsePackageRef(value);
    if (!value.trim()) return '';
    if (!id) return strings.PackageInvalid;
    try {
      const pkg = await this.services.entitlements.getAvailablePackage(id);
      if (this._checkedName !== pkg.displayName) {
        this._checkedName = pkg.displayName;
        this.context.propertyPane.refresh();
      }
      return '';
    } catch {
      this._checkedName = undefined;
      return strings.PackageNotFound;
    }
  }

  /** Picking a package by name fills in its id; the dropdown itself stores nothing. */
  protected onPropertyPaneFieldChanged(path: string, _old: unknown, value: unknown): void {
    if (path !== PICK_FIELD || typeof value !== 'string' || !value) return;
    this.properties.accessPackageId = value;
    (this.properties as Record<string, unknown>)[PICK_FIELD] = '';
    this.context.propertyPane.refresh();
    this.render();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.BasicGroupName,
          groupFields: [
            PropertyPaneDropdown(PICK_FIELD, {
              label: strings.PickFieldLabel,
              disabled: !this.pickablePackages,
              options: (this.pickablePackages || []).map(p => ({ key: p.id, text: p.displayName }))
            }),
            PropertyPaneTextField('accessPackageId', {
              label: strings.PackageFieldLabel,
              description: this._checkedName ? `${strings.PackageFieldChecked} ${this._checkedName}` : strings.PackageFieldDescription,
              onGetErrorMessage: (v: string) => this._validatePackage(v),
              deferredValidationTime: 500
            }),
            PropertyPaneTextField('label', { label: strings.LabelFieldLabel }),
            PropertyPaneChoiceGroup('appearance', {
              label: strings.AppearanceFieldLabel,
              options: [
                { key: 'primary', text: strings.AppearancePrimary },
                { key: 'default', text: strings.AppearanceDefault },
                { key: 'link', text: strings.AppearanceLink }
              ]
            })
          ]
        }]
      }]
    };
  }
}
