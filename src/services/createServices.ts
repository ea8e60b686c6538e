import { IAccessHubClients } from './graph/createBrowserClients';
import { GraphEntitlementService } from './graph/GraphEntitlementService';
import { SharePointSiteAccessService } from './sharepoint/SharePointSiteAccessService';
import { GraphApprovalService } from './graph/GraphApprovalService';
import type { ICardService } from './graph/GraphCardService';
import type { ITeamService } from './graph/GraphTeamService';
import { StorageGrantCache, MemoryGrantCache } from '../core/prompt/grantCache';
import { IAccessHubServices } from './IAccessHubServices';
import { StorageReviewCache } from './loaders/reviewCache';
import type { IPageReads } from './loaders/pageReads';

export interface ICreateServicesOptions {
  clients: IAccessHubClients;
  language: string;
  myAccessUrl: string;
  /** Keys the persistent grant and review caches, so two tenants or people never share entries. */
  cacheKey?: string;
  storage?: Storage;
  now?: () => Date;
  pollIntervalMs?: number;
  /** The page's shared reads (pageReads.ts `pageReadsFor`); without it each service shares only reads in flight. */
  pageReads?: IPageReads;
  /**
   * Try the query options AccessApprovals would like and Graph does not document (docs/graph-notes.md §17): off in the
   * product, which sends only documented options; on for tests against a Graph known to accept them.
   */
  tryUndocumentedOptions?: boolean;
  /**
   * Builds the AccessCard's one-`$batch` read (graph/GraphCardService.ts) on these clients. A factory, not an import
   * here: the web parts' and the banner's shared chunks do not carry the card's code.
   */
  card?: (clients: IAccessHubClients) => ICardService;
  /**
   * Builds MyAccess's "My team" reads (graph/GraphTeamService.ts) on these clients: the web parts pass it, the banner
   * and the AccessCard do not, so their bundles do not carry it. Without it MyAccess shows no "My team" tab.
   */
  team?: (clients: IAccessHubClients) => ITeamService;
}

/** Builds the services once per root; SPFx and the local workbench differ only in the clients they pass. */
export function createServices(o: ICreateServicesOptions): IAccessHubServices {
  const cache = o.storage && o.cacheKey ? new StorageGrantCache(o.storage, `accessHub:grants:${o.cacheKey}:`) : new MemoryGrantCache();
  return {
    entitlements: new GraphEntitlementService(o.clients.graph, { cache, pageReads: o.pageReads, graphBaseUrl: o.clients.graphBaseUrl }),
    site: new SharePointSiteAccessService(o.clients.sp, o.pageReads, o.storage, o.now ? () => o.now!().getTime() : undefined),
    language: o.language,
    myAccessUrl: o.myAccessUrl,
    now: o.now || (() => new Date()),
    pollIntervalMs: o.pollIntervalMs,
    approvals: new GraphApprovalService(o.clients.graph, {
      lenientGraph: o.tryUndocumentedOptions,
      // A reviewer's reviews (not their decisions) for a day, so a later load reads only the decisions; without storage, every load finds them again.
      reviewCache: o.storage && o.cacheKey ? new StorageReviewCache(o.storage, `accessHub:reviews:${o.cacheKey}`) : undefined
    }),
    card: o.card ? o.card(o.clients) : undefined,
    team: o.team ? o.team(o.clients) : undefined,
    // Not a service here: features in chunks of their own build theirs on it (suggestions), and the banner, which
    // shares this code, does not reference their chunks.
    graph: o.clients.graph,
    retryStatus: o.clients.retryStatus
  };
}
