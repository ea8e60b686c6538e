import type * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneChoiceGroup, PropertyPaneDropdown } from '@microsoft/sp-property-pane';
import * as strings from 'AccessRequestButtonWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import type { WebPartUiModule } from '../webPartUi';
import type { IAccessRequestButtonProperties } from './components/AccessRequestButtonRoot';
import type { AppError, AppErrorKind } from '../../services/infrastructure/AppError';
import * as commonStrings from 'CommonStrings';

const PICK_FIELD = 'pickPackage';
/** What Graph answers for an id that names no package this person may see. */
const NOT_FOUND_KINDS: AppErrorKind[] = ['notFound', 'forbidden', 'validation'];

export default class AccessRequestButtonWebPart extends AccessHubWebPart<IAccessRequestButtonProperties> {
  private _checkedName: string | undefined;
  /** Why the last check could not say whether the package exists (busy, offline, a server error). */
  private _checkError: AppError | undefined;

  protected rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: IAccessRequestButtonProperties }> {
    return ui.ROOTS.AccessRequestButton;
  }

  /** Accepts an id or a My Access link, checks the package exists for the owner and shows its name. */
  private async _validatePackage(value: string): Promise<string> {
    const id = this.ui.parsePackageRef(value);
    if (!value.trim()) return '';
    if (!id) return strings.PackageInvalid;
    const hadError = !!this._checkError;
    this._checkError = undefined;
    try {
      const pkg = await this.services.entitlements.getAvailablePackage(id);
      if (this._checkedName !== pkg.displayName || hadError) {
        this._checkedName = pkg.displayName;
        this.context.propertyPane.refresh();
      }
      return '';
    } catch (e) {
      const error = await this.ui.toAppError(e);
      this._checkedName = undefined;
      if (NOT_FOUND_KINDS.indexOf(error.kind) >= 0) return strings.PackageNotFound;
      // We could not check: keep the value, say why and offer to check again, rather than "not found".
      this.ui.reportError('AccessRequestButtonWebPart', error);
      this._checkError = error;
      this.context.propertyPane.refresh();
      return '';
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
            ...this.pickableErrorFields,
            PropertyPaneTextField('accessPackageId', {
              label: strings.PackageFieldLabel,
              description: this._checkedName ? `${strings.PackageFieldChecked} ${this._checkedName}` : strings.PackageFieldDescription,
              onGetErrorMessage: (v: string) => this._validatePackage(v),
              deferredValidationTime: 500
            }),
            ...this.errorFields('check', this._checkError, commonStrings.PropertyPane.CheckFailed, () => {
              // Expected: _validatePackage catches, reports and shows its own errors; this only ends the chain.
              this._validatePackage(this.properties.accessPackageId || '').catch(() => undefined);
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
