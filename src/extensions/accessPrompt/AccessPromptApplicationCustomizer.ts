import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseApplicationCustomizer, PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import { graphfi, SPFx as GraphSPFx } from '@pnp/graph';
import { spfi, SPFx as SpSPFx } from '@pnp/sp';
import { AppRoot } from '../../components/AppRoot';
import { createServices } from '../../services/createServices';
import { IAccessHubServices } from '../../context/ServicesContext';
import { AccessPromptRoot } from './components/AccessPromptRoot';

export interface IAccessPromptApplicationCustomizerProperties {
  /** Optional: the package to offer on this site; otherwise the best package for the site is chosen. */
  accessPackageId?: string;
}

/** Claims the top placeholder and mounts the prompt; re-claims it when SharePoint re-creates placeholders. */
export default class AccessPromptApplicationCustomizer
  extends BaseApplicationCustomizer<IAccessPromptApplicationCustomizerProperties> {
  private _top: PlaceholderContent | undefined;
  private _services: IAccessHubServices | undefined;

  public async onInit(): Promise<void> {
    await super.onInit();
    const ctx = this.context;
    this._services = createServices({
      clients: {
        graph: graphfi().using(GraphSPFx(ctx)),
        sp: spfi(ctx.pageContext.web.absoluteUrl).using(SpSPFx(ctx))
      },
      language: ctx.pageContext.cultureInfo.currentUICultureName.toLowerCase(),
      myAccessUrl: `https://myaccess.microsoft.com/@${ctx.pageContext.aadInfo.tenantId}`,
      cacheKey: `${ctx.pageContext.aadInfo.tenantId}:${ctx.pageContext.user.loginName}`,
      storage: window.localStorage
    });
    ctx.placeholderProvider.changedEvent.add(this, this._render);
    this._render();
  }

  private _render(): void {
    if (this._top || !this._services) return;
    const top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, { onDispose: () => this._unmount() });
    if (!top) return;
    this._top = top;
    ReactDom.render(
      React.createElement(AppRoot, { services: this._services }, React.createElement(AccessPromptRoot, { properties: this.properties })),
      top.domElement
    );
  }

  private _unmount(): void {
    if (this._top) ReactDom.unmountComponentAtNode(this._top.domElement);
    this._top = undefined;
  }

  protected onDispose(): void {
    this._unmount();
  }
}
