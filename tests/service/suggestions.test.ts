/**
 * "Suggested for you" through the product's service (GraphSuggestionService on the Graph client createServices gives) against
 * the local tenant: what Alex is suggested and why, the tenant's switch (off, unavailable), a token without the
 * documented scope, throttling retried as every read, and the component fake's capture.
 */
import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, readLog, tokenFor } from './localTenantClient';
import { createBrowserClients } from '../../src/services/graph/createBrowserClients';
import { graphSuggestionService, listSuggestions, SUGGESTIONS_PATH } from '../../src/services/graph/GraphSuggestionService';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { ALEX_SUGGESTIONS } from '../component/fakes/FakeSuggestionService';
import { ID, U } from '../contoso';

async function post(tenant: LocalTenantHandle, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${tenant.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
}

const logged: string[] = [];
/** As the row builds it in its chunk. */
const suggestionsOf = (services: IAccessHubServices) => graphSuggestionService(services.graph!);

describe('suggestions service', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); setErrorSink((source, _e, text) => { logged.push(`${source} ${text}`); }); });
  afterAll(async () => { setErrorSink(undefined); await tenant.stop(); });
  beforeEach(async () => { logged.length = 0; await post(tenant, '/_dev/reset', {}); });

  it('Alex: Intranet Editors because two people he works with have it, in one request', async () => {
    const services = servicesFor(tenant, U.alex, 'intranet');
    const before = (await readLog(tenant)).length;
    const list = await suggestionsOf(services).list();
    expect(list).toEqual([{
      packageId: ID.intranetEditors, displayName: 'Intranet Editors', description: expect.stringContaining('Intranet'),
      reasons: [{ kind: 'relatedPeople', count: 2, people: [] }]
    }]);
    const calls = (await readLog(tenant)).slice(before).filter(e => e.path.indexOf('/v1.0/') === 0);
    expect(calls.map(e => [e.method, e.status, decodeURIComponent(e.path)])).toEqual([['GET', 200, `/v1.0/${SUGGESTIONS_PATH}`]]);
    expect(logged).toEqual([]);
  });

  it('Johanna: her own history, with when she was last assigned', async () => {
    const list = await suggestionsOf(servicesFor(tenant, U.johanna, 'intranet')).list();
    expect(list).toEqual([{ packageId: ID.finance, displayName: 'Finance Reports (read)', description: expect.any(String),
      reasons: [{ kind: 'history', count: 1, lastAssignedDateTime: expect.stringMatching(/^\d{4}-/) }] }]);
  });

  it("off: the related-people reason is gone (Alex has none left); unavailable (404): none, nothing logged", async () => {
    await post(tenant, '/_dev/suggestions', { suggestions: 'off' });
    expect(await suggestionsOf(servicesFor(tenant, U.alex, 'intranet')).list()).toEqual([]);
    expect((await suggestionsOf(servicesFor(tenant, U.johanna, 'intranet')).list()).map(s => s.packageId)).toEqual([ID.finance]);
    await post(tenant, '/_dev/suggestions', { suggestions: 'unavailable' });
    const before = (await readLog(tenant)).length;
    expect(await suggestionsOf(servicesFor(tenant, U.alex, 'intranet')).list()).toEqual([]);
    expect((await readLog(tenant)).slice(before).filter(e => e.path.indexOf('/v1.0/') === 0).map(e => e.status)).toEqual([404]);
    expect(logged).toEqual([]);
  });

  it('a token without EntitlementManagement.Read.All or ReadWrite.All (403): none, nothing logged', async () => {
    const token = await tokenFor(tenant, U.alex, ['EntitlementMgmt-SubjectAccess.ReadWrite']);
    const clients = createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/intranet`, async () => token);
    const before = (await readLog(tenant)).length;
    expect(await listSuggestions(clients.graph)).toEqual([]);
    expect((await readLog(tenant)).slice(before).map(e => e.status)).toEqual([403]);
    expect(logged).toEqual([]);
  });

  it('throttled (429 with Retry-After) is retried as every read, waiting what Graph asks', async () => {
    let now = 0;
    const waits: number[] = [];
    const token = await tokenFor(tenant, U.alex);
    const clients = createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/intranet`, async () => token,
      { clock: { now: () => now, sleep: async (ms: number) => { waits.push(ms); now += ms; await new Promise(r => setTimeout(r, 5)); }, random: () => 0 } });
    await post(tenant, '/_dev/faults', { throttleRate: 1, retryAfterS: 2, path: 'accessPackageSuggestions' });
    const before = (await readLog(tenant)).length;
    const pending = listSuggestions(clients.graph);
    // Let two throttled attempts happen, then lift the throttle.
    while ((await readLog(tenant)).slice(before).filter(e => e.status === 429).length < 2) await new Promise(r => setTimeout(r, 5));
    await post(tenant, '/_dev/faults', {});
    expect((await pending).map(s => s.packageId)).toEqual([ID.intranetEditors]);
    const statuses = (await readLog(tenant)).slice(before).filter(e => e.path.indexOf('accessPackageSuggestions') >= 0).map(e => e.status);
    expect(statuses.slice(-1)).toEqual([200]);
    expect(statuses.filter(x => x === 429).length).toBeGreaterThanOrEqual(2);
    expect(waits.length).toBe(statuses.length - 1);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(2000);
    expect(logged).toEqual([]);
  });

  it('Graph still busy when the retry budget is spent (503 with Retry-After): none, nothing logged', async () => {
    let now = 0;
    await post(tenant, '/_dev/faults', { errorRate: 1, retryAfterS: 1, path: 'accessPackageSuggestions' });
    const token = await tokenFor(tenant, U.alex);
    const before = (await readLog(tenant)).length;
    const clients = createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/intranet`, async () => token,
      { budgetMs: 5000, clock: { now: () => now, sleep: async (ms: number) => { now += ms; }, random: () => 0 } });
    expect(await listSuggestions(clients.graph)).toEqual([]);
    const statuses = (await readLog(tenant)).slice(before).filter(e => e.path.indexOf('accessPackageSuggestions') >= 0).map(e => e.status);
    expect(statuses.length).toBeGreaterThan(1);
    expect(new Set(statuses)).toEqual(new Set([503]));
    expect(logged).toEqual([]);
  });

  it("the component fake's capture is what the tenant answers Alex", async () => {
    const token = await tokenFor(tenant, U.alex);
    const res = await fetch(`${tenant.url}/v1.0/${SUGGESTIONS_PATH}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await res.json()).value).toEqual(ALEX_SUGGESTIONS);
  });
});
