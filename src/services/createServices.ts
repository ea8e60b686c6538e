import { IAccessHubClients } from './clients';
import { GraphEntitlementService } from './EntitlementService';
import { SharePointSiteAccessService } from './SiteAccessService';
import { StorageGrantCache, MemoryGrantCache } from './grantCache';
import { IAccessHubServices } from '../context/ServicesContext';

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
    retryStatus: o.clients.retryStatus
  };
}

export function myAccessPackageUrl(myAccessUrl: string, packageId: string): string {
  return `${myAccessUrl.replace(/\/+$/, '')}#/access-packages/${encodeURIComponent(packageId)}`;
}
