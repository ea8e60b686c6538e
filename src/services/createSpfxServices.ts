import { graphfi, SPFx as GraphSPFx } from '@pnp/graph';
import { spfi, SPFx as SpSPFx } from '@pnp/sp';
import type { BaseComponentContext } from '@microsoft/sp-component-base';
import { createServices } from './createServices';
import { IAccessHubServices } from './interfaces';

/**
 * The services of an SPFx component (web part or customizer): PnPjs with SPFx's own auth, the page's
 * language, My Access for this tenant, and a grant cache per tenant and person.
 */
export function createSpfxServices(ctx: BaseComponentContext): IAccessHubServices {
  const { pageContext } = ctx;
  return createServices({
    clients: {
      graph: graphfi().using(GraphSPFx(ctx)),
      sp: spfi(pageContext.web.absoluteUrl).using(SpSPFx(ctx))
    },
    language: pageContext.cultureInfo.currentUICultureName.toLowerCase(),
    myAccessUrl: `https://myaccess.microsoft.com/@${pageContext.aadInfo.tenantId}`,
    cacheKey: `${pageContext.aadInfo.tenantId}:${pageContext.user.loginName}`,
    storage: window.localStorage
  });
}
