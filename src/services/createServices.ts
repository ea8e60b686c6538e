import { IAccessHubClients } from './clients';
import { GraphEntitlementService } from './EntitlementService';
import { SharePointSiteAccessService } from './SiteAccessService';
import { GraphApprovalService } from './ApprovalService';
import { StorageGrantCache, MemoryGrantCache } from './grantCache';
import { IAccessHubServices } from './interfaces';

export interface ICreateServicesOptions {
  clients: IAccessHubClients;
  language: string;
  myAccessUrl: string;
  /** Keys the persistent grant cache, so two tenants or people never share entries. */
  cacheKey?: string;
  storage?: Storage;
  now?: () => Date;
  pollIntervalMs?: number;
}

/** Builds the services once per root; SPFx and the local workbench differ only in the clients they pass. */
export function createServices(o: ICreateServicesOptions): IAccessHubServices {
  const cache = o.storage && o.cacheKey ? new StorageGrantCache(o.storage, `accessHub:grants:${o.cacheKey}:`) : new MemoryGrantCache();
  return {
    entitlements: new GraphEntitlementService(o.clients.graph, { cache }),
    site: new SharePointSiteAccessService(o.clients.sp),
    language: o.language,
    myAccessUrl: o.myAccessUrl,
    now: o.now || (() => new Date()),
    pollIntervalMs: o.pollIntervalMs,
    approvals: new GraphApprovalService(o.clients.graph),
    retryStatus: o.clients.retryStatus
  };
}
