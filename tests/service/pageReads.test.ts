/**
 * Components on one page share one read of each collection (services/loaders/pageReads.ts): the Marketing page as Adele has
 * the catalog (this site) and MyAccess, each with its own services, as SPFx builds them per web part. With the page's
 * store they read the person's assignments, requests and the site once; each alone reads them twice. After a change
 * the product makes, the next load reads again.
 */
import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, measureFromLog } from './localTenantClient';
import { loadCatalog } from '../../src/services/loaders/loadCatalog';
import { loadMyAccess } from '../../src/services/loaders/loadMyAccess';
import { createPageReads, IPageReads, PAGE_READ_MAX_AGE_MS } from '../../src/services/loaders/pageReads';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { U } from '../contoso';

const LATENCY_MS = 100;
let tenant: LocalTenantHandle;
beforeAll(async () => { tenant = await startTenant(); });
afterAll(async () => { await tenant.stop(); });
beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

/** The catalog's and MyAccess's first loads at once, each with its own services (as two web parts). */
function marketingPage(pageReads?: IPageReads): { catalog: IAccessHubServices; myAccess: IAccessHubServices; load: () => Promise<unknown> } {
  const catalog = servicesFor(tenant, U.adele, 'marketing', 'en-us', tenant.url, undefined, pageReads);
  const myAccess = servicesFor(tenant, U.adele, 'marketing', 'en-us', tenant.url, undefined, pageReads);
  return {
    catalog, myAccess,
    load: () => Promise.all([
      loadCatalog(catalog, { scope: 'currentSite', selectedIds: [], showOwned: true }),
      loadMyAccess(myAccess)
    ])
  };
}

const count = (paths: string[], pattern: RegExp): number => paths.filter(p => pattern.test(p)).length;

describe('one read of each collection per page view', () => {
  it('the catalog and MyAccess read the assignments, the requests and the site once with the page\'s store, twice without', async () => {
    const alone = marketingPage();
    await Promise.all([alone.catalog.entitlements.getMe(), alone.myAccess.entitlements.getMe()]);
    const separate = await measureFromLog(tenant, alone.load, LATENCY_MS);

    const shared = marketingPage(createPageReads(() => Date.now(), PAGE_READ_MAX_AGE_MS));
    await Promise.all([shared.catalog.entitlements.getMe(), shared.myAccess.entitlements.getMe()]);
    const together = await measureFromLog(tenant, shared.load, LATENCY_MS);

    expect(count(separate.paths, /assignments\/filterByCurrentUser/)).toBe(2);
    expect(count(separate.paths, /assignmentRequests\/filterByCurrentUser/)).toBe(2);
    expect(count(together.paths, /assignments\/filterByCurrentUser/)).toBe(1);
    expect(count(together.paths, /assignmentRequests\/filterByCurrentUser/)).toBe(1);
    expect(together.requests).toBe(separate.requests - 2);
    expect(together.roundTrips).toBeLessThanOrEqual(separate.roundTrips);
    // eslint-disable-next-line no-console
    console.log(`Marketing as Adele, catalog + MyAccess: ${separate.requests} requests without the page's store, ${together.requests} with it`);
  });

  it('a change the product makes (announced on the page) makes the next load read again', async () => {
    const page = marketingPage(createPageReads(() => Date.now(), PAGE_READ_MAX_AGE_MS));
    await page.load();
    const again = await measureFromLog(tenant, () => loadMyAccess(page.myAccess), LATENCY_MS);
    expect(count(again.paths, /filterByCurrentUser/)).toBe(0);
    // A write through the services forgets at once; so does a change another component announces. Here: the write.
    const mine = await page.myAccess.entitlements.listMyAccessRequests();
    expect(Array.isArray(mine)).toBe(true);
    await page.catalog.entitlements.cancelRequest('00000000-0000-0000-0000-000000000000').catch(() => undefined);
    const afterWrite = await measureFromLog(tenant, () => loadMyAccess(page.myAccess), LATENCY_MS);
    expect(count(afterWrite.paths, /filterByCurrentUser/)).toBe(2);
  });

  it('a service without the page\'s store shares only what is in flight: a later call reads again', async () => {
    const reads = createPageReads();
    let loads = 0;
    const slow = (): Promise<number> => reads.read('k', () => new Promise(r => setTimeout(() => r(++loads), 20)));
    expect(await Promise.all([slow(), slow()])).toEqual([1, 1]);
    expect(await slow()).toBe(2);
    // A failure is not kept either.
    await expect(reads.read('f', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await reads.read('f', async () => 'ok')).toBe('ok');
  });
});
