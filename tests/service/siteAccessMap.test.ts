/**
 * A site's access map (src/core/model/siteAccessMap.ts): a site owner's scan finds the packages that grant the site;
 * with the map, a visitor's catalog reads only those packages, by id, with what they grant now, in one round trip
 * whatever the size of the tenant. The map is checked, never trusted: a package that is not for the visitor or no
 * longer grants the site is not shown, a map made for another site is ignored, and packages changed since the map
 * was made are checked on their own afterwards.
 */
import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, measureFromLog } from './localTenantClient';
import { loadCatalog, ICatalogData } from '../../src/services/loaders/loadCatalog';
import { scanSiteAccess, ScanCancelled, IScanProgress } from '../../src/services/loaders/scanSiteAccess';
import { ISiteAccessMap } from '../../src/core/model/siteAccessMap';
import { loadMyAccess, loadMyAccessGrants } from '../../src/services/loaders/loadMyAccess';
import { createPageReads, PAGE_READ_MAX_AGE_MS } from '../../src/services/loaders/pageReads';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { ID, U } from '../contoso';
import { recordRequests, roundTrips } from './roundTrips';

/** localStorage as the browser keeps it between page views. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k: string) => (items.has(k) ? items.get(k)! : null),
    key: (i: number) => Array.from(items.keys())[i] ?? null,
    removeItem: (k: string) => { items.delete(k); },
    setItem: (k: string, v: string) => { items.set(k, String(v)); }
  };
}

const LATENCY_MS = 60;
const ids = (data: ICatalogData): string[] => data.entries.map(e => e.pkg.id).sort();

describe('the site access map on the Contoso fixture', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

  it('a scan finds what the full catalog finds, and a visitor\'s catalog from the map shows the same packages', async () => {
    const progress: IScanProgress[] = [];
    const map = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'), { onProgress: p => progress.push(p), stepSize: 2 });
    expect(map.packages.map(p => p.id)).toContain(ID.contributors);
    expect(map.packages.map(p => p.id)).toContain(ID.visitors);
    expect(map.packages.map(p => p.id)).not.toContain(ID.finance);
    expect(progress[progress.length - 1].read).toBe(progress[progress.length - 1].total);
    expect(progress.length).toBeGreaterThan(2);
    // The Marketing group's name travels with the map: visitors need not ask the directory.
    expect(map.names[ID.marketingGroup]).toBeTruthy();

    const adele = servicesFor(tenant, U.adele, 'marketing');
    const full = await loadCatalog(adele, { scope: 'currentSite', selectedIds: [], showOwned: true });
    const fromMap = await loadCatalog(servicesFor(tenant, U.adele, 'marketing'), { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: map });
    expect(fromMap.map).toBeDefined();
    expect(ids(fromMap)).toEqual(ids(full));
    // Named as the full catalog names them (from the map, not by id).
    const labels = (d: ICatalogData): string[] => d.entries.flatMap(e => e.grants.map(g => g.resourceName)).sort();
    expect(labels(fromMap)).toEqual(labels(full));
  });

  it('reads the mapped packages, the status and the site in one round trip, without the directory or the package list', async () => {
    const map = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'));
    const adele = servicesFor(tenant, U.adele, 'marketing');
    await adele.entitlements.getMe();
    let data: ICatalogData | undefined;
    const cost = await measureFromLog(tenant, async () => {
      data = await loadCatalog(adele, { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: map });
    }, LATENCY_MS);
    expect(cost.roundTrips).toBe(1);
    expect(cost.paths.filter(p => /allowedRequestor|\/groups\/|\/servicePrincipals\//.test(p))).toEqual([]);
    await data!.later!();
  });

  it('leaves out a mapped package that is not for the visitor or no longer grants the site; ignores another site\'s map', async () => {
    const real = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'));
    const tampered: ISiteAccessMap = {
      ...real,
      packages: [
        ...real.packages,
        // Grants the Finance site, not Marketing (as if it had changed since the map was made).
        { id: ID.expenses, name: 'Contoso Expenses Approver', level: 'member' },
        // Hidden from Adele's requestable list and granting Falcon: not for this catalog.
        { id: ID.warRoom, name: 'Falcon War Room', level: 'owner' },
        // Deleted or never existed: Graph answers 404.
        { id: '00000000-0000-4000-8000-000000000000', name: 'Gone', level: 'owner' }
      ]
    };
    const fromMap = await loadCatalog(servicesFor(tenant, U.adele, 'marketing'), { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: tampered });
    expect(ids(fromMap)).toEqual(real.packages.map(p => p.id).filter(id => id !== ID.expenses && id !== ID.warRoom).sort());

    // A map made on the Marketing site, used on the intranet: the intranet's catalog reads everything instead.
    const intranetFull = await loadCatalog(servicesFor(tenant, U.adele, 'intranet'), { scope: 'currentSite', selectedIds: [], showOwned: true });
    const intranetWithMarketingMap = await loadCatalog(servicesFor(tenant, U.adele, 'intranet'), { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: real });
    expect(intranetWithMarketingMap.map).toBeUndefined();
    expect(ids(intranetWithMarketingMap)).toEqual(ids(intranetFull));
  });

  it('checks packages changed since the map was made on their own, afterwards, and adds those that grant the site', async () => {
    const real = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'));
    // A map made long ago that has not heard of Marketing Campaign Contributors.
    const old: ISiteAccessMap = { ...real, madeAt: '2000-01-01T00:00:00.000Z', packages: real.packages.filter(p => p.id !== ID.contributors) };
    const first = await loadCatalog(servicesFor(tenant, U.adele, 'marketing'), { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: old });
    expect(ids(first)).not.toContain(ID.contributors);
    const later = await first.later!();
    expect(ids(later)).toContain(ID.contributors);
    expect(later.map!.changedSince).toBeGreaterThan(0);
  });

  it('on the Marketing page the map\'s read serves MyAccess too (names and what a held package grants): 1 round trip cold, not 3', async () => {
    const map = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'));
    const page = (withMap: boolean): { load: () => Promise<unknown>; warm: () => Promise<void> } => {
      const reads = createPageReads(() => Date.now(), PAGE_READ_MAX_AGE_MS);
      const catalog = servicesFor(tenant, U.adele, 'marketing', 'en-us', tenant.url, undefined, reads);
      const myAccess = servicesFor(tenant, U.adele, 'marketing', 'en-us', tenant.url, undefined, reads);
      return {
        warm: async () => { await Promise.all([catalog.entitlements.getMe(), myAccess.entitlements.getMe()]); },
        load: () => Promise.all([
          loadCatalog(catalog, { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: withMap ? map : undefined }),
          loadMyAccess(myAccess).then(d => loadMyAccessGrants(myAccess, d.assignments))
        ])
      };
    };
    const without = page(false);
    await without.warm();
    const a = await measureFromLog(tenant, without.load, LATENCY_MS);
    const withMap = page(true);
    await withMap.warm();
    const b = await measureFromLog(tenant, withMap.load, LATENCY_MS);
    // eslint-disable-next-line no-console
    console.log(`Marketing as Adele, catalog + MyAccess, cold: without a map ${a.requests} requests in ${a.roundTrips} round trips; with ${b.requests} in ${b.roundTrips}`);
    expect(a.roundTrips).toBe(3);
    // MyAccess asks what Adele's Marketing Visitors assignment grants while the catalog reads that package from the
    // map: it waits for that answer instead of a second read after its assignments (GraphEntitlementService.getGrants).
    expect(b.roundTrips).toBe(1);
    // The mapped packages' one $batch, the two status lists and the site: no second batch for MyAccess's grants.
    expect(b.paths.filter(p => /\/\$batch$/.test(p))).toHaveLength(1);
    expect(b.requests).toBe(4);
    expect(b.paths.filter(p => /\/groups\/|\/servicePrincipals\//.test(p))).toEqual([]);
  });

  it('the owner shares the map with the whole site; a visitor may not; a visitor\'s catalog without a map of its own uses it', async () => {
    const megan = servicesFor(tenant, U.megan, 'marketing');
    const map = await scanSiteAccess(megan);
    await megan.site.saveSiteAccessMap!(map);
    // A visitor (Read on the site) cannot publish one.
    await expect(servicesFor(tenant, U.adele, 'marketing').site.saveSiteAccessMap!(map)).rejects.toMatchObject({ kind: 'forbidden' });

    const full = await loadCatalog(servicesFor(tenant, U.adele, 'marketing'), { scope: 'currentSite', selectedIds: [], showOwned: true });
    const adele = servicesFor(tenant, U.adele, 'marketing');
    await adele.entitlements.getMe();
    let shared: ICatalogData | undefined;
    const cost = await measureFromLog(tenant, async () => {
      shared = await loadCatalog(adele, { scope: 'currentSite', selectedIds: [], showOwned: true });
    }, LATENCY_MS);
    expect(shared!.map).toBeDefined();
    expect(ids(shared!)).toEqual(ids(full));
    // The map file first (beside the status, the site and the package list's first page, which a site without a map
    // would need and the background check needs anyway), then the mapped packages: 2 round trips.
    expect(cost.roundTrips).toBe(2);
    expect(cost.paths.filter(p => /allowedRequestor/.test(p)).length).toBeLessThanOrEqual(1);
    expect(cost.paths.filter(p => /getFileByServerRelativeUrl/i.test(p))).toHaveLength(1);

    // On another site the file is that site's: the intranet has none, and its catalog reads everything.
    const intranet = await loadCatalog(servicesFor(tenant, U.adele, 'intranet'), { scope: 'currentSite', selectedIds: [], showOwned: true });
    expect(intranet.map).toBeUndefined();
  });

  it('a visitor\'s next view uses the map kept from the last one: 1 round trip, the file read again beside it', async () => {
    const megan = servicesFor(tenant, U.megan, 'marketing');
    await megan.site.saveSiteAccessMap!(await scanSiteAccess(megan));
    const storage = memoryStorage();
    const view = (): IAccessHubServices => servicesFor(tenant, U.adele, 'marketing', 'en-us', tenant.url, undefined, undefined, storage);
    const first = view();
    await first.entitlements.getMe();
    const cold = await measureFromLog(tenant, () => loadCatalog(first, { scope: 'currentSite', selectedIds: [], showOwned: true }), LATENCY_MS);
    const second = view();
    await second.entitlements.getMe();
    let data: ICatalogData | undefined;
    const warm = await measureFromLog(tenant, async () => {
      data = await loadCatalog(second, { scope: 'currentSite', selectedIds: [], showOwned: true });
    }, LATENCY_MS);
    expect(cold.roundTrips).toBe(2);
    expect(warm.roundTrips).toBe(1);
    expect(data!.map).toBeDefined();
    // eslint-disable-next-line no-console
    console.log(`Marketing as Adele with the site's shared map: cold ${cold.requests} requests in ${cold.roundTrips} round trips, next view ${warm.requests} in ${warm.roundTrips}`);
  });

  it('a cancelled scan stops between steps and rejects with ScanCancelled', async () => {
    const abort = new AbortController();
    let reports = 0;
    const scan = scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'), {
      signal: abort.signal, stepSize: 1, onProgress: () => { if (++reports === 2) abort.abort(); }
    });
    await expect(scan).rejects.toBeInstanceOf(ScanCancelled);
    expect(reports).toBe(2);
  });
});

describe('the site access map at 1,000 packages', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'packages:1000' }); });
  afterAll(async () => { await tenant.stop(); });

  it('a visitor\'s cold catalog takes one round trip with the map, many without', async () => {
    const map = await scanSiteAccess(servicesFor(tenant, U.megan, 'marketing'));
    const withMap = servicesFor(tenant, U.adele, 'marketing');
    const without = servicesFor(tenant, U.adele, 'marketing');
    await Promise.all([withMap.entitlements.getMe(), without.entitlements.getMe()]);
    let mapped: ICatalogData | undefined;
    let full: ICatalogData | undefined;
    const a = await measureFromLog(tenant, async () => {
      mapped = await loadCatalog(withMap, { scope: 'currentSite', selectedIds: [], showOwned: true, accessMap: map });
    }, LATENCY_MS);
    const b = await measureFromLog(tenant, async () => {
      full = await loadCatalog(without, { scope: 'currentSite', selectedIds: [], showOwned: true });
    }, LATENCY_MS);
    // eslint-disable-next-line no-console
    console.log(`1,000 packages, Marketing as Adele: with the map ${a.requests} requests in ${a.roundTrips} round trips; without ${b.requests} in ${b.roundTrips}`);
    expect(ids(mapped!)).toEqual(ids(full!));
    expect(a.roundTrips).toBe(1);
    expect(b.roundTrips).toBeGreaterThan(5);
    await mapped!.later!();
  });

  it('without a map, the web part\'s catalog shows the first packages that grant the site in 3 round trips, the rest later', async () => {
    const whole = await loadCatalog(servicesFor(tenant, U.adele, 'marketing'), { scope: 'currentSite', selectedIds: [], showOwned: true });
    const services = servicesFor(tenant, U.adele, 'marketing');
    await services.entitlements.getMe();
    await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: LATENCY_MS, jitterMs: 0 }) });
    try {
      const { value, spans } = await recordRequests(async () => {
        const first = await loadCatalog(services, { scope: 'currentSite', selectedIds: [], showOwned: true, progressive: true });
        const shownAt = performance.now();
        const rest = first.later ? await first.later() : undefined;
        return { first, shownAt, rest };
      });
      const beforeShown = spans.filter(s => s.end <= value.shownAt);
      const listPages = spans.filter(s => /allowedRequestor/.test(s.url));
      // eslint-disable-next-line no-console
      console.log(`1,000 packages, no map: first ${value.first.entries.length} packages shown after ${beforeShown.length} requests in ${roundTrips(beforeShown)} round trips; ` +
        `the whole catalog (${value.rest ? value.rest.entries.length : 0}) after ${spans.length} requests in ${roundTrips(spans)}`);
      expect(value.first.scanning).toBe(true);
      expect(value.first.entries.length).toBeGreaterThan(0);
      expect(value.first.entries.length).toBeLessThan(whole.entries.length);
      expect(roundTrips(beforeShown)).toBeLessThanOrEqual(3);
      // The list is read once, page after page (11 pages of 100), and the rest is the same catalog as a load that waits.
      expect(listPages.length).toBeGreaterThanOrEqual(10);
      expect(new Set(listPages.map(s => s.url)).size).toBe(listPages.length);
      expect(value.rest && ids(value.rest)).toEqual(ids(whole));
      expect(value.rest && value.rest.scanning).toBeFalsy();
    } finally {
      await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    }
  });
});
