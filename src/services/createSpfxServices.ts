import { graphfi, GraphBrowser } from '@pnp/graph';
import { spfi, SPFx as SpSPFx } from '@pnp/sp';
import type { TimelinePipe } from '@pnp/core';
import type { Queryable } from '@pnp/queryable';
import type { BaseComponentContext } from '@microsoft/sp-component-base';
import { Log } from '@microsoft/sp-core-library';
import { createServices, ICreateServicesOptions } from './createServices';
import { RetryReads, ThrottleGate } from './infrastructure/readRetry';
import { RetryStatus } from './infrastructure/RetryStatus';
import { setErrorSink } from './infrastructure/reportError';
import { IAccessHubServices } from './IAccessHubServices';
import { pageReadsFor } from './loaders/pageReads';
import { graphOrigin } from '../core/graphOrigin';

/** One throttle gate for every component of the page: a Retry-After one of them met holds the others' requests too. */
const pageThrottleGate = new ThrottleGate();

/**
 * My Access of a Graph origin's cloud: the US Government clouds (GCC High, DoD) have their own host, the others use the
 * global one (docs/graph-notes.md §16). Here rather than in core/graphOrigin.ts, which is in the customizer's first script.
 */
export function myAccessOrigin(graph: string): string {
  return /\.microsoft\.us(?::\d+)?$/i.test(graph) ? 'https://myaccess.microsoft.us' : 'https://myaccess.microsoft.com';
}

/**
 * SPFx's Graph token for `resource`. PnPjs's own SPFxToken asks for `${url.protocol}//${url.hostname}`, which drops
 * a port: the local tenant's origin (`http://localhost:4400`) would ask for another resource than the customizer does.
 */
function GraphToken(ctx: BaseComponentContext, resource: string): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.auth.replace(async function (url: URL, init: RequestInit) {
      const provider = await ctx.aadTokenProviderFactory.getTokenProvider();
      (init.headers as Record<string, string>).Authorization = `Bearer ${await provider.getToken(resource)}`;
      return [url, init];
    });
    return instance;
  };
}

/**
 * The services of an SPFx component (web part or customizer): PnPjs with SPFx's own auth, the page's
 * language, My Access for this tenant, and a grant cache per tenant and person.
 */
export function createSpfxServices(ctx: BaseComponentContext, extra: Pick<ICreateServicesOptions, 'card' | 'team'> = {}): IAccessHubServices {
  const { pageContext } = ctx;
  setErrorSink((source, error, text) => {
    const logged = new Error(text);
    logged.name = `AppError(${error.kind})`;
    Log.error(source, logged, ctx.serviceScope);
  });
  const retryStatus = new RetryStatus();
  // RetryReads after SPFx(): it replaces the send step SPFx() installed (PnPjs's three-try retry).
  const reads = RetryReads({ status: retryStatus, gate: pageThrottleGate });
  // The page says which Graph its tenant uses (national clouds, the local tenant): docs/graph-notes.md §16.
  const legacy = pageContext.legacyPageContext;
  const graph = graphOrigin(legacy ? legacy.msGraphEndpointUrl : undefined);
  return createServices({
    clients: {
      // PnPjs's SPFx() behaviour with the page's Graph as base URL: GraphBrowser is SPFx() without its token step,
      // which GraphToken replaces. The root stays relative: with an absolute root PnPjs's batching posts to
      // `<origin>/$batch` without the version (its batch URL fix-up only matches a URL DefaultInit made absolute).
      graph: graphfi().using(GraphBrowser({ baseUrl: `${graph}/v1.0` }), GraphToken(ctx, graph), reads),
      sp: spfi(pageContext.web.absoluteUrl).using(SpSPFx(ctx), reads),
      retryStatus,
      graphBaseUrl: `${graph}/v1.0`
    },
    language: pageContext.cultureInfo.currentUICultureName.toLowerCase(),
    myAccessUrl: `${myAccessOrigin(graph)}/@${pageContext.aadInfo.tenantId}`,
    cacheKey: `${pageContext.aadInfo.tenantId}:${pageContext.user.loginName}`,
    // Every web part on the page (they share this bundle's modules) reads the person's lists and the site once.
    pageReads: pageReadsFor(`${graph}|${pageContext.aadInfo.tenantId}:${pageContext.user.loginName}`),
    storage: window.localStorage,
    card: extra.card,
    team: extra.team
  });
}
