import { TimelinePipe } from '@pnp/core';
import { Queryable } from '@pnp/queryable';
import { graphfi, GraphFI, GraphBrowser, GraphQueryable, IGraphQueryable } from '@pnp/graph';
import '@pnp/graph/batching';
import { spfi, SPFI, SPBrowser } from '@pnp/sp';
import { RetryReads, RetryingSender, IReadRetryOptions } from '../infrastructure/readRetry';
import { RetryStatus } from '../infrastructure/RetryStatus';

/**
 * The two PnPjs roots every service uses. SPFx builds them with `SPFx(context)`; the local workbench
 * and tests point them at the local tenant with `GraphBrowser`/`SPBrowser` plus `TokenAuth`.
 */
export interface IAccessHubClients {
  graph: GraphFI;
  sp: SPFI;
  /** Whether a read of these clients is waiting to try again (see readRetry.ts). */
  retryStatus?: RetryStatus;
  /** The Graph base URL (`https://graph.microsoft.com/v1.0`): the key of the banner's reads on the page (infrastructure/bannerReads.ts). */
  graphBaseUrl?: string;
}

/**
 * `@pnp/graph` has no entitlement-management module, so services address paths directly. GraphFI keeps
 * its root protected; this subclass exposes exactly one thing: a queryable for a path from any root
 * (including the batched roots `graph.batched()` returns).
 */
class GraphPaths extends GraphFI {
  public static path(fi: GraphFI, path: string): IGraphQueryable {
    return (fi as GraphPaths).create(GraphQueryable, path);
  }
}

export function graphPath(fi: GraphFI, path: string): IGraphQueryable {
  return GraphPaths.path(fi, path);
}

export type TokenSource = () => Promise<string>;

/** Adds `Authorization: Bearer` from a token source (the local tenant's `/_dev/token`). */
export function TokenAuth(getToken: TokenSource): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.auth.replace(async function (url: URL, init: RequestInit) {
      const token = await getToken();
      (init.headers as Record<string, string>).Authorization = `Bearer ${token}`;
      return [url, init];
    });
    return instance;
  };
}

export function createBrowserClients(
  graphBaseUrl: string, siteUrl: string, getToken: TokenSource, retry: IReadRetryOptions = {}
): IAccessHubClients {
  const retryStatus = retry.status || new RetryStatus(retry.clock && retry.clock.now);
  const reads = RetryReads({ ...retry, status: retryStatus });
  return {
    // RetryReads last: it replaces the send step GraphBrowser/SPBrowser installed (PnPjs's three-try retry).
    graph: graphfi().using(GraphBrowser({ baseUrl: graphBaseUrl }), TokenAuth(getToken), reads),
    sp: spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), TokenAuth(getToken), reads),
    retryStatus,
    graphBaseUrl
  };
}

/**
 * A send behaviour for writes that must not run twice: it retries 429 only (the service did nothing,
 * docs/graph-notes.md §12), honouring Retry-After and backing off when it is absent. A 5xx or a dropped
 * connection surfaces to the caller, which reads back before posting again. (The clients' RetryReads applies
 * the same rule to every write; naming it where we write keeps that promise visible and independent of setup.)
 */
export function RetryThrottledOnly(retries: number = 3, options: IReadRetryOptions = {}): TimelinePipe<Queryable> {
  const sender = new RetryingSender({ ...options, writeAttempts: retries + 1 });
  return (instance: Queryable) => {
    instance.on.send.replace(async function (url: URL, init: RequestInit): Promise<Response> {
      return sender.send(url.toString(), init);
    });
    return instance;
  };
}
