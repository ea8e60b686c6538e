import { IAccessHubServices } from '../IAccessHubServices';
import { IAccessPackage, IGrant } from '../../core/model/types';
import { ISiteAccessMap, ISiteAccessMapEntry, MAX_MAPPED_PACKAGES } from '../../core/model/siteAccessMap';
import { siteLevelOfPackage } from '../../core/model/siteGrants';

export interface IScanProgress {
  /** Packages whose contents have been read so far. */
  read: number;
  /** Packages to read (known once the requestable list is read). */
  total: number;
  /** Packages found so far that grant this site. */
  found: ISiteAccessMapEntry[];
}

export interface IScanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: IScanProgress) => void;
  /** Packages whose contents are read between two progress reports (and two checks of `signal`). */
  stepSize?: number;
}

/** What a cancelled scan rejects with (the person cancelled: nothing to report). */
export class ScanCancelled extends Error {
  constructor() {
    super('The scan was cancelled.');
    this.name = 'ScanCancelled';
  }
}

/**
 * A site owner's scan for the site's access map: every package the owner may request, then what each grants (in
 * `$batch` requests, a bounded number at a time, through the same cached `getGrants` as the catalog), keeping those
 * that give something on this site. Runs in the owner's browser with progress and a cancel (`signal`).
 *
 * It sees what the owner may request: a package only other people may request is not found by this owner's scan
 * (Graph gives a requester no other list). The owner can add such a package by id before saving.
 */
export async function scanSiteAccess(services: IAccessHubServices, options: IScanOptions = {}): Promise<ISiteAccessMap> {
  const { signal, onProgress } = options;
  const step = Math.max(1, options.stepSize || 100);
  const check = (): void => { if (signal && signal.aborted) throw new ScanCancelled(); };
  const [site, all] = await Promise.all([services.site.getSite(), services.entitlements.listRequestablePackages()]);
  // Hidden packages are reached by a button or a deep link, never listed: Graph's availableAccessPackage does not
  // say whether a package is hidden, so a visitor's catalog could not leave them out of the map by itself.
  const packages = all.filter(p => !p.isHidden);
  check();
  const found: ISiteAccessMapEntry[] = [];
  const names: Record<string, string> = {};
  const keep = (pkg: IAccessPackage, grants: IGrant[]): void => {
    const level = siteLevelOfPackage({ grants }, site);
    if (level === 'none' || found.length >= MAX_MAPPED_PACKAGES) return;
    found.push({ id: pkg.id, name: pkg.displayName, level });
    for (const g of grants) {
      // Only names the directory gave (a resource Graph named by its id alone stays unnamed in the map).
      if ((g.originSystem === 'AadGroup' || g.originSystem === 'AadApplication') && g.resourceName && g.resourceName !== g.resourceOriginId) {
        names[g.resourceOriginId] = g.resourceName;
      }
    }
  };
  let read = 0;
  if (onProgress) onProgress({ read, total: packages.length, found: found.slice() });
  for (let i = 0; i < packages.length; i += step) {
    const chunk = packages.slice(i, i + step);
    const grants = await services.entitlements.getGrants(chunk);
    check();
    for (const pkg of chunk) {
      const g = grants.get(pkg.id);
      if (g) keep(pkg, g);
    }
    read += chunk.length;
    if (onProgress) onProgress({ read, total: packages.length, found: found.slice() });
  }
  return { v: 1, siteUrl: site.url, madeAt: services.now().toISOString(), packages: found, names };
}
