import type * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IPropertyPaneField, PropertyPaneButton, PropertyPaneButtonType, PropertyPaneLabel } from '@microsoft/sp-property-pane';
import * as commonStrings from 'CommonStrings';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import { IAccessHubServices } from '../services/IAccessHubServices';
import type { IWebPartUi, WebPartUiModule } from './webPartUi';
import { IAccessPackage } from '../core/model/types';
import type { AppError } from '../services/infrastructure/AppError';

/**
 * The shared base of every Access Hub web part: builds the services once, follows the section's theme
 * and mounts the web part's root component. No business rules here.
 *
 * The bundle's first script holds only the web part classes and their property panes; the roots, Fluent UI,
 * PnPjs and the services come with import() in onInit (SPFx's documented code splitting), in chunks shared
 * with the AccessPrompt banner. The property panes' helpers (errors, formatting, package references) come from
 * that chunk too (`this.ui`): a module this script imports is downloaded again in the banner's chunk.
 */
export abstract class AccessHubWebPart<TProps extends object> extends BaseClientSideWebPart<TProps> {
  private _theme: IReadonlyTheme | undefined;
  private _ui: IWebPartUi | undefined;
  private _module: WebPartUiModule | undefined;
  private _root: React.ComponentType<{ properties: TProps }> | undefined;

  /** The chunk loaded in onInit: the roots and the property panes' helpers. */
  protected get ui(): WebPartUiModule {
    if (!this._module) throw new Error('the web part UI is loaded in onInit');
    return this._module;
  }

  /** The services this web part built in onInit (for the property pane's own checks). */
  protected get services(): IAccessHubServices {
    if (!this._ui) throw new Error('services are built in onInit');
    return this._ui.services;
  }

  private _pickable: IAccessPackage[] | undefined;
  private _pickableError: AppError | undefined;
  private _pickableLoading: boolean = false;

  /**
   * The packages the page's editor may request, for property-pane pickers, loaded once when the pane
   * opens. Graph lists all packages only to EM admins (docs/graph-notes.md §2.3), so a picker offers these
   * and the id/My Access link field covers the rest.
   */
  protected get pickablePackages(): IAccessPackage[] | undefined {
    return this._pickable;
  }

  protected onPropertyPaneConfigurationStart(): void {
    this._loadPickable();
  }

  private _loadPickable(): void {
    if (this._pickable || this._pickableLoading || !this._ui) return;
    this._pickableLoading = true;
    this._pickableError = undefined;
    this._ui.services.entitlements.listRequestablePackages().then(list => {
      this._pickable = list.slice().sort((a, b) => a.displayName.localeCompare(b.displayName));
    }, async (e: unknown) => {
      // Busy, offline or refused: say so in the pane with a retry, instead of an empty picker.
      this._pickableError = await this.ui.toAppError(e);
      this.ui.reportError(this.constructor.name, this._pickableError);
    }).then(() => {
      this._pickableLoading = false;
      this.context.propertyPane.refresh();
      // The handlers above report and show every error of the load; this only ends the chain.
    }, () => undefined);
  }

  /** A pane message and a "Try again" button, for a failed check (`template` has `{0}` for the reason). */
  protected errorFields(key: string, error: AppError | undefined, template: string, retry: () => void): IPropertyPaneField<unknown>[] {
    if (!error) return [];
    return [
      PropertyPaneLabel(`${key}Error`, { text: this.ui.format(template, this.ui.errorMessage(error)) }),
      PropertyPaneButton(`${key}Retry`, { text: commonStrings.Common.Retry, buttonType: PropertyPaneButtonType.Normal, onClick: () => { retry(); return ''; } })
    ];
  }

  /** Fields to show after a package picker when loading its choices failed. */
  protected get pickableErrorFields(): IPropertyPaneField<unknown>[] {
    return this.errorFields('pickable', this._pickableError, commonStrings.PropertyPane.PickerFailed, () => {
      this._pickableError = undefined;
      this.context.propertyPane.refresh();
      this._loadPickable();
    });
  }

  /** The web part's root component, from the chunk loaded in onInit. */
  protected abstract rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: TProps }>;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const ui = await import(/* webpackChunkName: 'access-hub-ui' */ './webPartUi');
    this._module = ui;
    this._ui = await ui.createWebPartUi(this.context, this.domElement);
    this._root = this.rootOf(ui);
  }

  public render(): void {
    if (this._ui && this._root) this._ui.render(this._root, this.properties, this._theme);
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    this.render();
  }

  protected onDispose(): void {
    if (this._ui) this._ui.unmount();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
