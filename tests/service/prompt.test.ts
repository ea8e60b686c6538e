/**
 * AccessPrompt's data path against the local tenant: what each page view costs (requests and sequential round
 * trips, from `/_dev/log` under injected latency) cold, later in the day, cached for the session, with named
 * packages, at the fixture and with 1,000 packages; and what it decides for the fixture's people on their sites (offer, none, ending soon, none).
 */
import { LocalTenantHandle } from '../../localTenant';
import { startTenant, tokenFor, measureFromLog, ILogMeasure, readLog, servicesFor } from './localTenantClient';
import { createBrowserClients } from '../../src/services/graph/createBrowserClients';
import { createServices } from '../../src/services/createServices';
import { fetchTransport, loadPrompt, IPromptContext } from '../../src/core/prompt/loadPrompt';
import { choosePrompt, promptSettings, IPromptFacts, IPromptProperties } from '../../src/core/model/prompt';
import { IPromptHost, runPrompt } from '../../src/core/prompt/runPrompt';
import { ID, U } from '../contoso';

const LATENCY_MS = 150;

/** A Storage that behaves like the browser's (string values, per instance). */
class MemoryStorage implements Storage {
  private readonly _map = new Map<string, string>();
  public get length(): number { return this._map.size; }
  public clear(): void { this._map.clear(); }
  public getItem(key: string): string | null { return this._map.has(key) ? this._map.get(key)! : null; } // eslint-disable-line @rushstack/no-new-null -- Storage's contract
  public key(i: number): string | null { return Array.from(this._map.keys())[i] ?? null; } // eslint-disable-line @rushstack/no-new-null -- Storage's contract
  public removeItem(key: string): void { this._map.delete(key); }
  public setItem(key: string, value: string): void { this._map.set(key, String(value)); }
}

interface IBrowser { session: MemoryStorage; local: MemoryStorage }
const newBrowser = (): IBrowser => ({ session: new MemoryStorage(), local: new MemoryStorage() });

async function contextFor(tenant: LocalTenantHandle, user: string, site: string, browser: IBrowser, props: IPromptProperties = {}): Promise<IPromptContext> {
  const token = await tokenFor(tenant, user);
  const titles: Record<string, string> = { marketing: 'Marketing', engineering: 'Engineering', legal: 'Legal' };
  return {
    transport: fetchTransport({ graphBaseUrl: `${tenant.url}/v1.0`, siteUrl: `${tenant.url}/sites/${site}`, graphToken: async () => token, spToken: async () => token }),
    person: user, siteUrl: `https://contoso.sharepoint.com/sites/${site}`, siteTitle: titles[site] || site,
    settings: promptSettings(props), session: browser.session, local: browser.local, now: () => new Date()
  };
}

async function post(tenant: LocalTenantHandle, path: string, body: unknown): Promise<void> {
  await fetch(`${tenant.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const measure = (tenant: LocalTenantHandle, work: () => Promise<unknown>): Promise<ILogMeasure> => measureFromLog(tenant, work, LATENCY_MS);

describe('AccessPrompt at the fixture', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await post(tenant, '/_dev/reset', {}); });

  it('decides the banners of the fixture\'s people: Adele and Megan on Marketing, Alex on Engineering, Adele on Legal', async () => {
    const decide = async (user: string, site: string): Promise<string | undefined> => {
      const ctx = await contextFor(tenant, user, site, newBrowser());
      const banner = choosePrompt((await loadPrompt(ctx)).facts, ctx.settings, new Date());
      return banner && `${banner.kind}:${banner.packageName}`;
    };
    expect(await decide(U.adele, 'marketing')).toBe('offer:Marketing Campaign Contributors');
    expect(await decide(U.megan, 'marketing')).toBeUndefined();
    expect(await decide(U.alex, 'engineering')).toBe('expiring:Engineering Onboarding');
    expect(await decide(U.adele, 'legal')).toBeUndefined();
  });

  it('never leaves the catalog unnamed grants: after the prompt\'s scan, the catalog still names groups and apps', async () => {
    // One browser: the prompt scans first (the documented $expand=role,scope names no group), then the catalog
    // reads its grants with the same localStorage, as on a page with both.
    const browser = newBrowser();
    await loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser));
    const token = await tokenFor(tenant, U.adele);
    const services = createServices({
      clients: createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/marketing`, async () => token),
      language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com',
      storage: browser.local, cacheKey: U.adele
    });
    const packages = await services.entitlements.listRequestablePackages();
    const grants = await services.entitlements.getGrants(packages.filter(p => p.id === ID.contributors));
    const names = (grants.get(ID.contributors) || []).map(g => `${g.resourceName} — ${g.roleName}`);
    expect(names).toEqual(expect.arrayContaining(['Marketing Team — Member', 'Salesforce — Marketing User']));
  });

  it('costs one round trip once the day\'s scan is known, none when cached for the session', async () => {
    const browser = newBrowser();
    const cold = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser)));
    // First page view of the day: the first round trip carries the first page of packages; their grants follow.
    expect(cold.roundTrips).toBe(2);
    // $batch + 3 SharePoint REST (site, permissions, the site's access map: none here), then 1 $batch of grants.
    expect(cold.requests).toBe(5);
    browser.session.clear(); // a new session later that day, on another site
    const later = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'legal', browser)));
    expect(later).toMatchObject({ requests: 4, roundTrips: 1 });
    expect(later.paths.filter(p => /\$batch$/.test(p))).toHaveLength(1);
    const cached = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'legal', browser)));
    expect(cached).toMatchObject({ requests: 0, roundTrips: 0 });
    process.stdout.write(`[prompt fixture] cold ${cold.requests} req/${cold.roundTrips} rt; later ${later.requests}/${later.roundTrips}; cached ${cached.requests}/${cached.roundTrips}\n`);
  });

  it('a day-old scan serves the page at once and is revalidated in the background, once', async () => {
    const browser = newBrowser();
    await loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser));
    browser.session.clear();
    const tomorrow = { ...(await contextFor(tenant, U.adele, 'marketing', browser)), now: () => new Date(Date.now() + 25 * 3600000) };
    const stale = await loadPrompt(tomorrow);
    expect(stale.revalidation).toBeDefined();
    expect(choosePrompt(stale.facts, tomorrow.settings, new Date())).toMatchObject({ packageName: 'Marketing Campaign Contributors' });
    await stale.revalidation;
    browser.session.clear();
    expect((await loadPrompt(tomorrow)).revalidation).toBeUndefined();
  });

  it('with named packages it never scans', async () => {
    const browser = newBrowser();
    const named = await measure(tenant, async () => {
      const ctx = await contextFor(tenant, U.adele, 'marketing', browser, { packageIds: [ID.contributors] });
      const banner = choosePrompt((await loadPrompt(ctx)).facts, ctx.settings, new Date());
      expect(banner).toMatchObject({ kind: 'offer', packageName: 'Marketing Campaign Contributors' });
    });
    expect(named).toMatchObject({ requests: 3, roundTrips: 1 });
    expect(named.paths.some(p => /filterByCurrentUser\(on='allowedRequestor'\)/.test(p))).toBe(false);
  });
});

describe('AccessPrompt with 1,000 packages', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'packages:1000' }); });
  afterAll(async () => { await tenant.stop(); });

  it('scans once a day per person; later views and named packages cost one round trip', async () => {
    const browser = newBrowser();
    const first = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser)));
    browser.session.clear();
    const later = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser)));
    const cached = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', browser)));
    const named = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', newBrowser(), { packageIds: [ID.contributors] })));
    process.stdout.write(`[prompt 1000] first ${first.requests} req/${first.roundTrips} rt; later ${later.requests}/${later.roundTrips}; cached ${cached.requests}/${cached.roundTrips}; named ${named.requests}/${named.roundTrips}\n`);
    expect(first.requests).toBeGreaterThan(10);
    // The scan sends no query option (the function documents none): after the first of its 11 pages (1,009
    // packages), 10 follow @odata.nextLink one after another (was: $count/$skip pages in one $batch, 55 requests and
    // 11 round trips; now 64 and 12, each page's grants read while the next page is).
    const scanPages = first.paths.map(p => decodeURIComponent(p)).filter(p => /filterByCurrentUser\(on='allowedRequestor'\)/.test(p));
    expect(scanPages).toHaveLength(10);
    expect(scanPages.every(p => /\?\$skiptoken=[^&]+$/.test(p))).toBe(true);
    expect(later).toMatchObject({ requests: 4, roundTrips: 1 });
    expect(cached).toMatchObject({ requests: 0, roundTrips: 0 });
    expect(named).toMatchObject({ requests: 3, roundTrips: 1 });
  }, 60000);
});

describe('AccessPrompt for a person with 250 assignments', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'held:250' }); });
  afterAll(async () => { await tenant.stop(); });

  it('reads every page: an expiring assignment on the third page still says access ends', async () => {
    const db = tenant.tenant.db;
    const mine = db.assignments.filter(a => a.targetId === ID.alex);
    expect(mine.length).toBeGreaterThan(250);
    // Only Engineering Onboarding ends soon, and it comes last: beyond the first two pages of 100.
    const far = new Date(Date.now() + 200 * 86400000).toISOString();
    for (const a of mine) {
      const exp = a.schedule && a.schedule.expiration;
      if (a.id !== ID.alexEngineeringAssignment && exp && exp.endDateTime) exp.endDateTime = far;
    }
    const eng = db.assignments.splice(db.assignments.findIndex(a => a.id === ID.alexEngineeringAssignment), 1)[0];
    db.assignments.push(eng);
    const ctx = await contextFor(tenant, U.alex, 'engineering', newBrowser());
    const cost = await measure(tenant, async () => {
      const { facts } = await loadPrompt(ctx);
      expect(facts.assignments).toHaveLength(mine.length);
      expect(choosePrompt(facts, ctx.settings, new Date())).toMatchObject({ kind: 'expiring', packageName: 'Engineering Onboarding' });
    });
    expect(cost.paths.filter(p => /assignments\/filterByCurrentUser\(on='target'\).*\$skiptoken=/.test(decodeURIComponent(p)))).toHaveLength(2);
  }, 60000);
});

describe('AccessPrompt on a throttled tenant, and a decision that ages', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await post(tenant, '/_dev/reset', {}); });
  afterEach(async () => { await post(tenant, '/_dev/faults', {}); });

  /** Adele requests Marketing Campaign Contributors through Graph, not through the page. */
  const requestElsewhere = async (): Promise<void> => {
    const { entitlements } = servicesFor(tenant, U.adele);
    const [policy] = await entitlements.getRequirements(ID.contributors);
    const answers = { [policy.questions[0].id]: ['A'], [policy.questions[1].id]: ['emea'] };
    await entitlements.submitRequest({ accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'Spring campaign', answers }, policy);
  };

  const count = async (work: () => Promise<unknown>): Promise<string[]> => {
    const before = (await readLog(tenant)).length;
    await work();
    return (await readLog(tenant)).slice(before).map(e => e.path).filter(p => !/^\/_dev/.test(p));
  };

  it('waits Retry-After on 429 and 503 and tries again, within a bounded budget', async () => {
    const waits: number[] = [];
    const ctx = await contextFor(tenant, U.adele, 'marketing', newBrowser());
    // The first $batch and the first SharePoint read are throttled; the sleep lifts the faults.
    await post(tenant, '/_dev/faults', { throttleRate: 1, retryAfterS: 3, path: '\\$batch$|effectiveBasePermissions' });
    ctx.transport = fetchTransport({
      graphBaseUrl: `${tenant.url}/v1.0`, siteUrl: `${tenant.url}/sites/marketing`, graphToken: async () => tokenFor(tenant, U.adele), spToken: async () => tokenFor(tenant, U.adele),
      sleep: async ms => { waits.push(ms); await post(tenant, '/_dev/faults', {}); }
    });
    const paths = await count(async () => {
      const banner = choosePrompt((await loadPrompt(ctx)).facts, ctx.settings, new Date());
      expect(banner).toMatchObject({ kind: 'offer', packageName: 'Marketing Campaign Contributors' });
    });
    expect(waits).toEqual([3000, 3000]);
    expect(paths.filter(p => /effectiveBasePermissions/.test(p))).toHaveLength(2);
    expect(paths.filter(p => /\$batch$/.test(p))).toHaveLength(3); // the first batch twice, then the grants

    // A Retry-After beyond the budget is not waited for: the read fails at once.
    await post(tenant, '/_dev/faults', { throttleRate: 1, retryAfterS: 60 });
    const slept: number[] = [];
    const throttled = { ...ctx, session: newBrowser().session, local: newBrowser().local };
    throttled.transport = fetchTransport({ graphBaseUrl: `${tenant.url}/v1.0`, siteUrl: `${tenant.url}/sites/marketing`, graphToken: async () => 't', sleep: async ms => { slept.push(ms); } });
    await expect(loadPrompt(throttled)).rejects.toThrow(/429/);
    expect(slept).toEqual([]);
  });

  it('keeps a failed read for a few minutes: the next page views ask nothing, later ones ask again', async () => {
    const browser = newBrowser();
    const ctx = await contextFor(tenant, U.adele, 'marketing', browser);
    await post(tenant, '/_dev/faults', { throttleRate: 1, retryAfterS: 60 });
    const failing = await count(() => expect(loadPrompt(ctx)).rejects.toThrow());
    expect(failing.length).toBeGreaterThan(0);
    await post(tenant, '/_dev/faults', {});
    browser.session.clear(); // a new tab: the failure is kept per person, across sites and tabs
    const soon = { ...(await contextFor(tenant, U.adele, 'legal', browser)), now: () => new Date(Date.now() + 4 * 60000) };
    expect(await count(() => expect(loadPrompt(soon)).rejects.toThrow(/failed < 5 min ago/))).toEqual([]);
    const later = { ...soon, now: () => new Date(Date.now() + 6 * 60000) };
    const paths = await count(() => loadPrompt(later));
    expect(paths.length).toBeGreaterThan(0);
  });

  it('shows a decision kept for the session at once and revalidates it in the background once it is older than revalidateMinutes', async () => {
    const browser = newBrowser();
    const start = Date.now();
    const at = (minutes: number): Partial<IPromptContext> => ({ now: () => new Date(start + minutes * 60000) });
    const ctx = await contextFor(tenant, U.adele, 'marketing', browser);
    const first = await loadPrompt({ ...ctx, ...at(0) });
    expect(choosePrompt(first.facts, ctx.settings, new Date())).toMatchObject({ kind: 'offer', packageName: 'Marketing Campaign Contributors' });

    // Adele requests it elsewhere (My Access, another device): straight to Graph, not through this page.
    await requestElsewhere();

    // Younger than 5 minutes: the kept decision, nothing asked.
    const young = await measure(tenant, async () => {
      const load = await loadPrompt({ ...ctx, ...at(4) });
      expect(load).toMatchObject({ cached: true, revalidation: undefined });
    });
    expect(young).toMatchObject({ requests: 0, roundTrips: 0 });

    // Older: the kept decision at once, the fresh one in one round trip.
    let fresh: IPromptFacts | undefined;
    const old = await measure(tenant, async () => {
      const load = await loadPrompt({ ...ctx, ...at(6) });
      expect(load.cached).toBe(true);
      expect(choosePrompt(load.facts, ctx.settings, new Date())).toMatchObject({ kind: 'offer' });
      fresh = (await load.revalidation) || undefined;
    });
    expect(old).toMatchObject({ requests: 4, roundTrips: 1 });
    expect(fresh && choosePrompt(fresh, ctx.settings, new Date())).toMatchObject({ kind: 'pending', packageName: 'Marketing Campaign Contributors' });
    // The fresh answer is kept from then on.
    expect(await loadPrompt({ ...ctx, ...at(7) })).toMatchObject({ cached: true, revalidation: undefined });

    // A shorter age is a customizer property.
    const quick = { ...ctx, settings: promptSettings({ revalidateMinutes: 0.5 }) };
    expect((await loadPrompt({ ...quick, ...at(8) })).revalidation).toBeDefined();
  });

  it('runPrompt shows the kept banner, then the fresh one; a failed revalidation keeps the kept one and rejects nothing', async () => {
    const browser = newBrowser();
    const start = Date.now();
    const ctx = await contextFor(tenant, U.adele, 'marketing', browser);
    await loadPrompt(ctx);
    await post(tenant, '/_dev/faults', { throttleRate: 1, retryAfterS: 60 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const shown: string[] = [];
    const host = (minutes: number): IPromptHost => ({
      ctx: { ...ctx, now: () => new Date(start + minutes * 60000) },
      show: async view => { shown.push(view.banner.kind); },
      hide: () => { shown.push('hidden'); }
    });
    try {
      expect(await runPrompt(host(6))).toMatchObject({ kind: 'offer' });
      expect(shown).toEqual(['offer']);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kept the earlier answer/), expect.anything());
    } finally {
      warn.mockRestore();
      await post(tenant, '/_dev/faults', {});
    }
    // Once the tenant answers again (after the failure is forgotten) the fresh decision replaces the kept one.
    await requestElsewhere();
    shown.length = 0;
    expect(await runPrompt(host(12))).toMatchObject({ kind: 'pending' });
    expect(shown).toEqual(['offer', 'pending']);
  });
});

describe('AccessPrompt with the site\'s shared access map (README, "A site\'s access map")', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'packages:1000' }); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await post(tenant, '/_dev/reset', {}); });

  it('decides as without it, cold in 2 round trips at 1,000 packages instead of one per page of the requestable list', async () => {
    const { scanSiteAccess } = await import('../../src/services/loaders/scanSiteAccess');
    const without = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'marketing', newBrowser())));
    const before = choosePrompt((await loadPrompt(await contextFor(tenant, U.adele, 'marketing', newBrowser()))).facts, promptSettings({}), new Date());

    const megan = servicesFor(tenant, U.megan, 'marketing');
    const map = await scanSiteAccess(megan);
    await megan.site.saveSiteAccessMap!(map);
    let facts: IPromptFacts | undefined;
    const withMap = await measure(tenant, async () => {
      facts = (await loadPrompt(await contextFor(tenant, U.adele, 'marketing', newBrowser()))).facts;
    });
    const after = choosePrompt(facts!, promptSettings({}), new Date());
    // eslint-disable-next-line no-console
    console.log(`AccessPrompt, Marketing as Adele at 1,000 packages, cold: without the site's map ${without.requests} requests in ${without.roundTrips} round trips; with it ${withMap.requests} in ${withMap.roundTrips}`);
    // The same kind of banner for the same raise. The package may differ: the map holds what the owner (Megan) may
    // request, and Adele may request packages Megan may not (README: the owner adds those by id).
    expect(after && after.kind).toBe('offer');
    expect(before && before.kind).toBe('offer');
    if (after && after.kind === 'offer' && before && before.kind === 'offer') {
      expect(after.target).toBe(before.target);
      expect(map.packages.map(p => p.id)).toContain(after.packageId);
    }
    expect(withMap.roundTrips).toBe(2);
    expect(without.roundTrips).toBeGreaterThan(5);
    // Only the requestable list's first page (in the first $batch), never its next pages.
    expect(withMap.paths.filter(p => /allowedRequestor/.test(p))).toEqual([]);
  });
});

describe('a page without a site access map: the banner and the catalog make one scan, not two', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'packages:1000' }); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await post(tenant, '/_dev/reset', {}); });

  /** The banner's first script and a web part on one window (core/pageSharedReads.ts is keyed on it), or apart. */
  async function page(shareWindow: boolean): Promise<ILogMeasure> {
    const g = globalThis as unknown as { window?: unknown };
    const had = 'window' in g;
    if (shareWindow) g.window = globalThis;
    try {
      const { loadCatalog } = await import('../../src/services/loaders/loadCatalog');
      const ctx = await contextFor(tenant, U.adele, 'marketing', newBrowser());
      const catalog = servicesFor(tenant, U.adele, 'marketing');
      await catalog.entitlements.getMe();
      return await measure(tenant, async () => {
        // The customizer's first script starts first; the catalog's bundle a moment later.
        const banner = loadPrompt(ctx);
        await new Promise(r => setTimeout(r, 5));
        await Promise.all([banner, loadCatalog(catalog, { scope: 'currentSite', selectedIds: [], showOwned: true })]);
      });
    } finally {
      if (shareWindow && !had) delete g.window;
      delete (globalThis as unknown as Record<string, unknown>).__accessHubSharePointReads;
    }
  }

  const listPages = (m: ILogMeasure): string[] => m.paths.filter(p => /allowedRequestor/.test(p));

  it('the catalog takes the banner\'s pages of the requestable list and its reads of what each package grants', async () => {
    const apart = await page(false);
    const together = await page(true);
    // eslint-disable-next-line no-console
    console.log(`Marketing as Adele at 1,000 packages, no map, banner + catalog: ${apart.requests} requests each scanning on its own; ${together.requests} sharing the banner's reads`);
    // Apart: each lists every page. Together: every page once (the first rides in the banner's $batch).
    expect(listPages(together).length).toBeGreaterThanOrEqual(10);
    expect(new Set(listPages(together)).size).toBe(listPages(together).length);
    expect(listPages(apart).length).toBeGreaterThanOrEqual(2 * listPages(together).length);
    // What each package grants is read once too: together costs little more than half of apart.
    expect(together.requests).toBeLessThan(apart.requests * 0.6);
  });
});
