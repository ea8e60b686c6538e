import { IAccessHubServices } from '../IAccessHubServices';
import { buildCatalog, catalogCandidates, CatalogScope, ICatalogEntry } from '../../models/catalog';
import { IAccessPackage, IGrant, ISiteInfo } from '../../core/model/types';
import { ISiteAccessMap, readAccessMap } from '../../core/model/siteAccessMap';
import { siteLevelOfPackage } from '../../core/model/siteGrants';
import { timeOf } from '../../core/model/time';
import { loadMyStatus, IMyStatus } from './loadMyStatus';

export interface ICatalogOptions {
  scope: CatalogScope;
  selectedIds: string[];
  showOwned: boolean;
  /** The site's access map from the component's properties (checked by readAccessMap), for scope `currentSite`. */
  accessMap?: unknown;
  /**
   * Without a map: resolve with the first packages found (`scanning`, then `later` for the rest) instead of waiting
   * for every package to be checked. The web part asks for it; other callers get the whole catalog.
   */
  progressive?: boolean;
}

export interface ISiteAccessMapInfo {
  madeAt: string;
  /** Mapped packages. */
  mapped: number;
  /** Packages created or modified since the map was made (known once `later` settles). */
  changedSince?: number;
}

export interface ICatalogData {
  entries: ICatalogEntry[];
  site?: ISiteInfo;
  /** Set when the catalog came from the site's access map. */
  map?: ISiteAccessMapInfo;
  /**
   * With a map: checks the packages created or modified since the map was made on their own, and gives the same
   * catalog with those that grant the site now added. Called by the view after it has shown this one.
   */
  later?: () => Promise<ICatalogData>;
  /** Set while more of the person's requestable packages are being checked (`later` gives the whole catalog). */
  scanning?: boolean;
  /** Set when the rest of the scan failed: what was found is shown, and more may exist. */
  incomplete?: boolean;
}

/**
 * Loads a catalog in as few sequential round trips as it can.
 *
 * With a site access map (scope `currentSite`; the web part's own, else the site's shared one): the mapped packages
 * by id with what they grant now, the person's status and the site, all at once: one round trip whatever the size of
 * the tenant (two the first time a person meets the site's shared map that day: the map itself first). Then, in the
 * background, the person's requestable list shows which packages changed since the map was made; those are checked
 * on their own. A site with no map costs one read more, once a day per person (the answer "no map" is kept too).
 *
 * Without one: the package list, the person's status (loadMyStatus) and the site run in parallel; then the grants
 * of the packages, batched 20 to a `$batch` and cached by package version, so a warm load asks Graph only for the
 * person's status.
 */
export async function loadCatalog(services: IAccessHubServices, options: ICatalogOptions): Promise<ICatalogData> {
  if (options.scope !== 'currentSite') return fullCatalog(services, options);
  // The person's status and the site are needed either way: asked at once, shared by whichever path follows.
  const status = loadMyStatus(services.entitlements);
  const siteRead = services.site.getSite();
  status.catch(() => undefined);
  siteRead.catch(() => undefined);
  // This web part's own map, else the site's (README, "A site's access map"): instant when an earlier view kept it.
  let map = options.accessMap !== undefined ? readAccessMap(options.accessMap) : undefined;
  let packagesRead: PackageList | undefined;
  if ((!map || map.packages.length === 0) && services.site.getSiteAccessMap) {
    // The first view of the day does not know whether the site has a map: the package list starts beside the map's
    // file, so a site without one waits no longer (and with one, the background check below needs the list anyway).
    if (!(services.site.keptSiteAccessMap && services.site.keptSiteAccessMap())) {
      packagesRead = earlyList(services);
    }
    const text = await services.site.getSiteAccessMap().catch(() => undefined);
    map = text ? readAccessMap(text) : undefined;
  }
  if (map && map.packages.length > 0) {
    const [mapped, mine, site] = await Promise.all([services.entitlements.getMappedPackages(map), status, siteRead]);
    // A map copied from another site's page says nothing about this one.
    if (readAccessMap(map, site.url)) return fromMap(services, options, map, mapped, mine, site);
  }
  return fullCatalog(services, options, status, siteRead, packagesRead);
}

/**
 * Every requestable package, checked page by page: each page's candidates have their grants read while the next page
 * is listed, and the catalog resolves as soon as it has something to show (the first package that matches, or the
 * end of the list). When more is being read, `scanning` is set and `later` gives the complete catalog.
 */
/** The requestable list, each page told to `onPage` (those already read first). */
type PackageList = (onPage: (page: IAccessPackage[]) => void) => Promise<IAccessPackage[]>;

/** Starts the requestable list now and keeps its pages for whoever listens later (fullCatalog). */
function earlyList(services: IAccessHubServices): PackageList {
  const pages: IAccessPackage[][] = [];
  let listener: ((page: IAccessPackage[]) => void) | undefined;
  const all = services.entitlements.listRequestablePackages(page => { pages.push(page); if (listener) listener(page); });
  all.catch(() => undefined);
  return onPage => {
    pages.forEach(onPage);
    listener = onPage;
    return all;
  };
}

async function fullCatalog(services: IAccessHubServices, options: ICatalogOptions,
  statusRead?: Promise<IMyStatus>, siteRead?: Promise<ISiteInfo>, packagesRead?: PackageList): Promise<ICatalogData> {
  const { entitlements } = services;
  const status = statusRead || loadMyStatus(entitlements);
  const site = options.scope === 'currentSite' ? siteRead || services.site.getSite() : Promise.resolve(undefined);
  status.catch(() => undefined);
  site.catch(() => undefined);
  const wanted: IAccessPackage[] = [];
  const grants = new Map<string, IGrant[]>();
  const reads: Array<Promise<void>> = [];
  let changed: (() => void) | undefined;
  const listed = (packagesRead || (onPage => entitlements.listRequestablePackages(onPage)))(page => {
    const candidates = catalogCandidates(page, options.scope, options.selectedIds);
    wanted.push(...candidates);
    const read = entitlements.getGrants(candidates).then(g => {
      g.forEach((v, k) => grants.set(k, v));
      if (changed) changed();
    });
    read.catch(() => undefined); // awaited below
    reads.push(read);
  });
  listed.catch(() => undefined);
  const [mine, where] = await Promise.all([status, site]);
  const build = (): ICatalogEntry[] => buildCatalog({
    packages: wanted.filter(p => grants.has(p.id)), grants, assignments: mine.assignments, requests: mine.requests, site: where,
    scope: options.scope, selectedIds: options.selectedIds, showOwned: options.showOwned, now: services.now()
  });
  // Complete once the list is read and every page's grants are.
  const complete = (async (): Promise<ICatalogData> => {
    await listed;
    for (let i = 0; i < reads.length; i++) await reads[i];
    return { entries: build(), site: where };
  })();
  complete.catch(() => undefined);
  if (!options.progressive) return complete;
  // The first package to show, or the end, whichever comes first.
  const first = await new Promise<ICatalogData | undefined>((resolve, reject) => {
    const check = (): void => {
      const entries = build();
      // If the rest fails, what was found stays, said to be incomplete (the view offers to read again).
      if (entries.length > 0) resolve({ entries, site: where, scanning: true, later: () => complete.catch(() => ({ entries: build(), site: where, incomplete: true })) });
    };
    changed = check;
    check();
    complete.then(() => resolve(undefined), reject);
  });
  return first || complete;
}

function fromMap(services: IAccessHubServices, options: ICatalogOptions, map: ISiteAccessMap,
  mapped: { packages: IAccessPackage[]; grants: Map<string, IGrant[]> }, status: IMyStatus, site: ISiteInfo): ICatalogData {
  const build = (packages: IAccessPackage[], grants: Map<string, IGrant[]>): ICatalogEntry[] => buildCatalog({
    packages, grants, assignments: status.assignments, requests: status.requests, site,
    scope: 'currentSite', showOwned: options.showOwned, now: services.now()
  });
  // buildCatalog keeps only packages that grant the site now: a mapped package that stopped doing so is not shown.
  const entries = build(mapped.packages, mapped.grants);
  const info: ISiteAccessMapInfo = { madeAt: map.madeAt, mapped: map.packages.length };
  const later = (): Promise<ICatalogData> => changedSinceMap(services, map, site).then(changed => {
    const packages = mapped.packages.slice();
    const grants = new Map(mapped.grants);
    const have = new Set(packages.map(p => p.id.toLowerCase()));
    for (const c of changed.granting) {
      if (have.has(c.pkg.id.toLowerCase())) continue;
      packages.push(c.pkg);
      grants.set(c.pkg.id, c.grants);
    }
    return { entries: build(packages, grants), site, map: { ...info, changedSince: changed.count } };
  });
  return { entries, site, map: info, later };
}

/**
 * The packages in the person's requestable list that were created or modified after the map was made and are not
 * in it, read on their own (cached grants) and kept when they grant the site.
 */
async function changedSinceMap(services: IAccessHubServices, map: ISiteAccessMap, site: ISiteInfo):
  Promise<{ count: number; granting: Array<{ pkg: IAccessPackage; grants: IGrant[] }> }> {
  const madeAt = timeOf(map.madeAt);
  const inMap = new Set(map.packages.map(p => p.id));
  const all = await services.entitlements.listRequestablePackages();
  const changed = all.filter(p => {
    const modified = timeOf(p.modifiedDateTime);
    return modified !== undefined && madeAt !== undefined && modified > madeAt;
  });
  const toCheck = catalogCandidates(changed.filter(p => !inMap.has(p.id.toLowerCase())), 'all');
  const grants = toCheck.length ? await services.entitlements.getGrants(toCheck) : new Map<string, IGrant[]>();
  const granting = toCheck
    .filter(p => grants.has(p.id) && siteLevelOfPackage({ grants: grants.get(p.id) || [] }, site) !== 'none')
    .map(p => ({ pkg: p, grants: grants.get(p.id) || [] }));
  return { count: changed.length, granting };
}
