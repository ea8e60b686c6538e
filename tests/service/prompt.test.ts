/**
 * AccessPrompt's data path against the local tenant: what each page view costs (requests and sequential round
 * trips, from `/_dev/log` under injected latency) cold, later in the day, cached for the session, with named
 * packages, at the fixture and with 1,000 packages; and what it decides for the Done-when people.
 */
import { LocalTenantHandle } from '../../localTenant';
import { startTenant, tokenFor, measureFromLog, ILogMeasure } from './localTenantClient';
import { createBrowserClients } from '../../src/services/clients';
import { createServices } from '../../src/services/createServices';
import { fetchTransport, loadPrompt, IPromptContext } from '../../src/services/loadPrompt';
import { choosePrompt, promptSettings, IPromptProperties } from '../../src/models/prompt';
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

  it('decides the Done-when banners', async () => {
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
    expect(cold.requests).toBe(4); // $batch + 2 SharePoint REST, then 1 $batch of grants
    browser.session.clear(); // a new session later that day, on another site
    const later = await measure(tenant, async () => loadPrompt(await contextFor(tenant, U.adele, 'legal', browser)));
    expect(later).toMatchObject({ requests: 3, roundTrips: 1 });
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
    expect(later).toMatchObject({ requests: 3, roundTrips: 1 });
    expect(cached).toMatchObject({ requests: 0, roundTrips: 0 });
    expect(named).toMatchObject({ requests: 3, roundTrips: 1 });
  }, 60000);
});
