import { graphfi, SPFx as GraphSPFx } from '@pnp/graph';
import { spfi, SPFx as SpSPFx } from '@pnp/sp';
import type { BaseComponentContext } from '@microsoft/sp-component-base';
import { Log } from '@microsoft/sp-core-library';
import { createServices } from './createServices';
import { RetryReads } from './readRetry';
import { RetryStatus } from './retryStatus';
import { setErrorSink } from './errorLog';
import { IAccessHubServices } from './interfaces';

/**
 * The services of an SPFx component (web part or customizer): PnPjs with SPFx's own auth, the page's
 * language, My Access for this tenant, and a grant cache per tenant and person.
 */
export function createSpfxServices(ctx: BaseComponentContext): IAccessHubServices {
  const { pageContext } = ctx;
  setErrorSink((source, error, text) => {
    const logged = new Error(text);
    logged.name = `AppError(${error.kind})`;
    Log.error(source, logged, ctx.serviceScope);
  });
  const retryStatus = new RetryStatus();
  // RetryReads after SPFx(): it replaces the send step SPFx() installed (PnPjs's three-try retry).
  const reads = RetryReads({ status: retryStatus });
  return createServices({
    clients: {
      graph: graphfi().using(GraphSPFx(ctx), reads),
      sp: spfi(pageContext.web.absoluteUrl).using(SpSPFx(ctx), reads),
      retryStatus
    },
    language: pageContext.cultureInfo.currentUICultureName.toLowerCase(),
    myAccessUrl: `https://myaccess.microsoft.com/@${pageContext.aadInfo.tenantId}`,
    cacheKey: `${pageContext.aadInfo.tenantId}:${pageContext.user.loginName}`,
    storage: window.localStorage
  });
}
