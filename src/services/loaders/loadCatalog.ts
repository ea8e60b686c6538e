import { IAccessHubServices } from '../IAccessHubServices';
import { buildCatalog, catalogCandidates, CatalogScope, ICatalogEntry } from '../../models/catalog';
import { ISiteInfo } from '../../core/model/types';
import { loadMyStatus } from './loadMyStatus';

export interface ICatalogOptions {
  scope: CatalogScope;
  selectedIds: string[];
  showOwned: boolean;
}

export interface ICatalogData {
  entries: ICatalogEntry[];
  site?: ISiteInfo;
}

/**
 * Loads a catalog in as few sequential round trips as it can: the package list, the person's status
 * (loadMyStatus) and the site run in parallel; then the grants of the packages, batched 20 to a
 * `$batch` and cached by package version, so a warm load asks Graph only for the person's status.
 */
export async function loadCatalog(services: IAccessHubServices, options: ICatalogOptions): Promise<ICatalogData> {
  const { entitlements } = services;
  const [packages, status, site] = await Promise.all([
    entitlements.listRequestablePackages(),
    loadMyStatus(entitlements),
    options.scope === 'currentSite' ? services.site.getSite() : Promise.resolve(undefined)
  ]);
  const wanted = catalogCandidates(packages, options.scope, options.selectedIds);
  const grants = await entitlements.getGrants(wanted);
  const entries = buildCatalog({
    packages: wanted, grants, assignments: status.assignments, requests: status.requests, site,
    scope: options.scope, selectedIds: options.selectedIds, showOwned: options.showOwned, now: services.now()
  });
  return { entries, site };
}
