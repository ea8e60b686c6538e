import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import { AppRoot } from '../components/AppRoot';
import { IAccessHubServices } from '../context/ServicesContext';
import { createSpfxServices } from '../services/createSpfxServices';
import { IAccessPackage } from '../models/types';

/**
 * The shared base of every Access Hub web part: builds the services once, follows the section's theme
 * and mounts the web part's root component. No business rules here.
 */
export abstract class AccessHubWebPart<TProps extends object> extends BaseClientSideWebPart<TProps> {
  private _services: IAccessHubServices | undefined;
  private _theme: IReadonlyTheme | undefined;

  /** The services this web part built in onInit (for the property pane's own checks). */
  protected get services(): IAccessHubServices {
    if (!this._services) throw new Error('services are built in onInit');
    return this._services;
  }

  private _pickable: IAccessPackage[] | undefined;

  /**
   * The packages the page's editor may request, for property-pane pickers, loaded once when the pane
   * opens. Graph lists all packages only to EM admins (docs/graph-notes.md §2.3), so a picker offers these
   * and the id/My Access link field covers the rest.
   */
  protected get pickablePackages(): IAccessPackage[] | undefined {
    return this._pickable;
  }

  protected onPropertyPaneConfigurationStart(): void {
    if (this._pickable || !this._services) return;
    this._services.entitlements.listRequestablePackages().then(list => {
      this._pickable = list.slice().sort((a, b) => a.displayName.localeCompare(b.displayName));
      this.context.propertyPane.refresh();
    }).catch(() => {
      this._pickable = [];
    });
  }

  protected abstract get rootComponent(): React.ComponentType<{ properties: TProps }>;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._services = createSpfxServices(this.context);
  }

  public render(): void {
    if (!this._services) return;
    const root = React.createElement(this.rootComponent, { properties: this.properties });
    ReactDom.render(React.createElement(AppRoot, { services: this._services, theme: this._theme }, root), this.domElement);
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
