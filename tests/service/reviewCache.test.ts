/**
 * AccessApprovals' access-review section against the local tenant, with the review cache (src/services/loaders/
 * reviewCache.ts, docs/graph-notes.md §5): Graph's route costs three sequential round trips; a load from the cache
 * one, with every cached instance and stage proved current in that same round trip. Request counts, never times.
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH, LocalTenantHandle } from '../../localTenant';
import type { FxAccessReview } from '../../localTenant/fixture';
import { startTenant, tokenFor, servicesFor, readLog, waitFor } from './localTenantClient';
import { recordRequests, roundTrips, ISpan } from './roundTrips';
import { createBrowserClients } from '../../src/services/graph/createBrowserClients';
import { createServices } from '../../src/services/createServices';
import { GraphApprovalService } from '../../src/services/graph/GraphApprovalService';
import { IReviewCache, MemoryReviewCache } from '../../src/services/loaders/reviewCache';
import { IReviewDecision } from '../../src/models/approvals';
import { ID, U } from '../contoso';

const AR = '/identityGovernance/accessReviews';

class MemoryStorage implements Storage {
  private readonly _map = new Map<string, string>();
  public get length(): number { return this._map.size; }
  public clear(): void { this._map.clear(); }
  public getItem(key: string): string | null { return this._map.has(key) ? (this._map.get(key) as string) : null; }
  public key(index: number): string | null { return Array.from(this._map.keys())[index] ?? null; }
  public removeItem(key: string): void { this._map.delete(key); }
  public setItem(key: string, value: string): void { this._map.set(key, String(value)); }
}

interface IReviewer {
  service: GraphApprovalService;
  cache: IReviewCache;
  /** Runs the refreshes the loads so far left for the background; how many there were. */
  background(): Promise<number>;
}

function reviewer(t: LocalTenantHandle, upn: string, options: { lenient?: boolean } = {}): IReviewer {
  let token: Promise<string> | undefined;
  const clients = createBrowserClients(`${t.url}/v1.0`, `${t.url}/sites/intranet`, () => (token = token || tokenFor(t, upn)));
  const tasks: Array<() => Promise<void>> = [];
  const cache = new MemoryReviewCache();
  const service = new GraphApprovalService(clients.graph, { reviewCache: cache, background: task => { tasks.push(task); }, lenientGraph: options.lenient });
  return {
    service, cache,
    background: async () => {
      const run = tasks.splice(0);
      await Promise.all(run.map(task => task()));
      return run.length;
    }
  };
}

interface IMeasured<T> { value: T; requests: number; roundTrips: number; sent: string[] }

/** What `work` sent: one line per request, a `$batch` as its requests. */
async function measure<T>(work: () => Promise<T>): Promise<IMeasured<T>> {
  const { value, spans } = await recordRequests(work);
  const line = (s: ISpan): string => (s.batched ? `$batch [${s.batched.map(r => r.replace(/^GET /, '')).join(' | ')}]` : decodeURIComponent(new URL(s.url).pathname + new URL(s.url).search).replace(/^\/v1\.0/, ''));
  return { value, requests: spans.length, roundTrips: roundTrips(spans), sent: spans.slice().sort((a, b) => a.start - b.start).map(line) };
}

const byPerson = (list: IReviewDecision[]): Array<[string, string]> => list.map(d => [d.principalName, d.decision] as [string, string]).sort();

const DEFINITIONS = `${AR}/definitions/filterByCurrentUser(on='reviewer')`;
const instances = (def: string): string => `${AR}/definitions/${def}/instances/filterByCurrentUser(on='reviewer')`;
const instance = (def: string, inst: string): string => `${AR}/definitions/${def}/instances/${inst}`;
const decisions = (base: string): string => `${base}/decisions/filterByCurrentUser(on='reviewer')`;

/** A second review for Diego: a copy of the quarterly one with its own ids and name. */
function anotherReview(from: FxAccessReview, n: number): FxAccessReview {
  const hex = (k: number): string => `00000000-0000-4000-8000-${String(n * 100 + k).padStart(12, '0')}`;
  const copy: FxAccessReview = JSON.parse(JSON.stringify(from));
  copy.id = hex(1);
  copy.displayName = `Another review ${n}`;
  copy.instances = copy.instances.slice(0, 1);
  copy.instances[0].id = hex(2);
  copy.instances[0].decisions.forEach((d, k) => { d.id = hex(10 + k); });
  return copy;
}

let tenant: LocalTenantHandle;
beforeAll(async () => { tenant = await startTenant({ workflowDelayMs: 5 }); });
afterAll(async () => { await tenant.stop(); });
beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

const quarterly = (): FxAccessReview => tenant.tenant.db.accessReviews.find(r => r.id === ID.review) as FxAccessReview;
const advance = (duration: string): Promise<Response> =>
  fetch(`${tenant.url}/_dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: duration }) });

describe('the review section with the review cache', () => {
  it('cold: 3 sequential round trips (definitions, instances, stages with decisions); warm: 1 ($batch), the same decisions', async () => {
    const diego = reviewer(tenant, U.diego);
    const cold = await measure(() => diego.service.listReviewDecisions());
    expect(cold.roundTrips).toBe(3);
    expect(cold.requests).toBe(3);
    expect(cold.sent).toEqual([
      DEFINITIONS,
      `$batch [${instances(ID.review)}]`,
      `$batch [${instance(ID.review, ID.reviewInstance)}/stages | ${decisions(instance(ID.review, ID.reviewInstance))}]`
    ]);
    expect(byPerson(cold.value)).toEqual([['Lynne Robbins', 'NotReviewed'], ['Megan Bowen', 'NotReviewed']]);
    expect(diego.cache.get()).toEqual({ definitions: [{
      id: ID.review, name: 'Finance Reports (read): quarterly review', justificationRequired: true, instances: [{ id: ID.reviewInstance, staged: false }]
    }] });
    expect(await diego.background()).toBe(0);

    const warm = await measure(() => diego.service.listReviewDecisions());
    expect(warm.roundTrips).toBe(1);
    expect(warm.requests).toBe(1);
    // The decisions, and the definition's instances, which prove the cached one still in progress and no new one.
    expect(warm.sent).toEqual([`$batch [${instances(ID.review)} | ${decisions(instance(ID.review, ID.reviewInstance))}]`]);
    expect(warm.value).toEqual(cold.value);

    // Afterwards, in the background: the definitions again, one request; nothing new, so the page is not told.
    await diego.background();
    const told = jest.fn();
    await diego.service.listReviewDecisions(told);
    const refresh = await measure(() => diego.background());
    expect(refresh.value).toBe(1);
    expect(refresh.sent).toEqual([DEFINITIONS]);
    expect(told).not.toHaveBeenCalled();
    expect(diego.cache.get()).toBeDefined();
  });

  it('decisions are always read fresh: a decision recorded, recommendations accepted, or a change made elsewhere shows on the next warm load', async () => {
    const diego = reviewer(tenant, U.diego);
    const first = await diego.service.listReviewDecisions();
    const megan = first.find(d => d.principalId === ID.megan) as IReviewDecision;
    await diego.service.recordReviewDecision(megan, 'Deny', 'Left Finance');
    const afterRecord = await measure(() => diego.service.listReviewDecisions());
    expect(afterRecord.roundTrips).toBe(1);
    expect(byPerson(afterRecord.value)).toEqual([['Lynne Robbins', 'NotReviewed'], ['Megan Bowen', 'Deny']]);

    await diego.service.acceptRecommendations(ID.review, ID.reviewInstance);
    const afterAccept = await measure(() => diego.service.listReviewDecisions());
    expect(afterAccept.roundTrips).toBe(1);
    expect(byPerson(afterAccept.value)).toEqual([['Lynne Robbins', 'Deny'], ['Megan Bowen', 'Deny']]);

    // Another session (say My Access in another tab) changes Megan's decision: the cached load reads what Graph has now.
    await servicesFor(tenant, U.diego, 'intranet').approvals?.recordReviewDecision(megan, 'Approve', 'Back in Finance');
    const afterElsewhere = await measure(() => diego.service.listReviewDecisions());
    expect(afterElsewhere.roundTrips).toBe(1);
    expect(byPerson(afterElsewhere.value)).toEqual([['Lynne Robbins', 'Deny'], ['Megan Bowen', 'Approve']]);
    expect(afterElsewhere.value.find(d => d.principalId === ID.megan)?.justification).toBe('Back in Finance');
  });

  it('an instance that ended is never shown as open: its decisions still read, but the same round trip says it ended; the full route follows', async () => {
    const diego = reviewer(tenant, U.diego);
    expect(await diego.service.listReviewDecisions()).toHaveLength(2);
    await advance('P20D');
    expect(tenant.tenant.db.accessReviews[0].instances[0].status).not.toBe('InProgress');
    const load = await measure(() => diego.service.listReviewDecisions());
    expect(load.value).toEqual([]);
    // The cached wave, then Graph's route: the definition has no instance in progress, so no third read.
    expect(load.sent).toEqual([
      `$batch [${instances(ID.review)} | ${decisions(instance(ID.review, ID.reviewInstance))}]`,
      DEFINITIONS,
      `$batch [${instances(ID.review)}]`
    ]);
    expect(load.roundTrips).toBe(3);
    // What is cached now: the definition, watched for its next instance.
    expect(diego.cache.get()).toEqual({ definitions: [expect.objectContaining({ id: ID.review, instances: [] })] });
    const next = await measure(() => diego.service.listReviewDecisions());
    expect(next.value).toEqual([]);
    expect(next.sent).toEqual([`$batch [${instances(ID.review)}]`]);
  });

  it('an instance that disappeared (its decisions answer 404) or a definition that did (404): the cache goes, the full route answers', async () => {
    const diego = reviewer(tenant, U.diego);
    await diego.service.listReviewDecisions();
    const rv = quarterly();
    const kept = rv.instances;
    rv.instances = [];
    tenant.tenant.commit();
    const gone = await measure(() => diego.service.listReviewDecisions());
    expect(gone.value).toEqual([]);
    expect(gone.requests).toBe(3);
    expect(diego.cache.get()).toEqual({ definitions: [expect.objectContaining({ id: ID.review, instances: [] })] });

    // Back again (say, a mistake undone), then the whole definition deleted.
    rv.instances = kept;
    tenant.tenant.commit();
    expect(await diego.service.listReviewDecisions()).toHaveLength(2);
    tenant.tenant.db.accessReviews = [];
    tenant.tenant.commit();
    const deleted = await measure(() => diego.service.listReviewDecisions());
    expect(deleted.value).toEqual([]);
    expect(deleted.sent).toEqual([`$batch [${instances(ID.review)} | ${decisions(instance(ID.review, ID.reviewInstance))}]`, DEFINITIONS]);
    expect(diego.cache.get()).toEqual({ definitions: [] });
    // Reviewing nothing costs a later load no request at all; the background refresh still looks for new reviews.
    const nothing = await measure(() => diego.service.listReviewDecisions());
    expect(nothing.requests).toBe(0);
    expect(await diego.background()).toBe(1);
  });

  it('a new instance of a cached review shows in the same load: the cached wave sees it and the full route reads both', async () => {
    const diego = reviewer(tenant, U.diego);
    await diego.service.listReviewDecisions();
    const rv = quarterly();
    const next = anotherReview(rv, 1).instances[0];
    rv.instances.push(next);
    tenant.tenant.commit();
    const load = await measure(() => diego.service.listReviewDecisions());
    expect(load.roundTrips).toBe(4);
    expect(load.value.filter(d => d.instanceId === next.id)).toHaveLength(2);
    expect(load.value.filter(d => d.instanceId === ID.reviewInstance)).toHaveLength(2);
    expect((await measure(() => diego.service.listReviewDecisions())).roundTrips).toBe(1);
  });

  it('a new review: the load from the cache shows what it knew, the background refresh finds the new one and tells the page, and the next load shows it', async () => {
    const diego = reviewer(tenant, U.diego);
    await diego.service.listReviewDecisions();
    const added = anotherReview(quarterly(), 2);
    tenant.tenant.db.accessReviews.push(added);
    tenant.tenant.commit();
    const told = jest.fn();
    const warm = await measure(() => diego.service.listReviewDecisions(told));
    expect(warm.roundTrips).toBe(1);
    expect(warm.value.map(d => d.reviewName)).not.toContain(added.displayName);
    expect(told).not.toHaveBeenCalled();
    await diego.background();
    expect(told).toHaveBeenCalledTimes(1);
    expect(diego.cache.get()).toBeUndefined();
    // What the page does when told: read again. The full route, which caches both reviews.
    const again = await measure(() => diego.service.listReviewDecisions(told));
    expect(again.roundTrips).toBe(3);
    expect(again.value.filter(d => d.reviewName === added.displayName)).toHaveLength(2);
    expect(diego.cache.get()?.definitions.map(d => d.id).sort()).toEqual([added.id, ID.review].sort());
    const warmAgain = await measure(() => diego.service.listReviewDecisions(told));
    expect(warmAgain.roundTrips).toBe(1);
    expect(warmAgain.requests).toBe(1);
    expect(warmAgain.value).toEqual(again.value);
  });

  it('in the product the cache is per tenant and person in localStorage: another person on the same browser reads their own', async () => {
    const storage = new MemoryStorage();
    const servicesOf = (upn: string) => createServices({
      clients: createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/intranet`, () => tokenFor(tenant, upn)),
      language: 'en-us', myAccessUrl: '', cacheKey: `contoso:${upn}`, storage
    }).approvals as GraphApprovalService;
    // Without storage (tests, bench) every load takes Graph's route, as before the cache.
    const plain = servicesFor(tenant, U.diego, 'intranet').approvals as GraphApprovalService;
    await plain.listReviewDecisions();
    expect((await measure(() => plain.listReviewDecisions())).roundTrips).toBe(3);

    const cold = await measure(() => servicesOf(U.diego).listReviewDecisions());
    expect(cold.roundTrips).toBe(3);
    expect(storage.getItem(`accessHub:reviews:contoso:${U.diego}`)).toContain(ID.reviewInstance);
    const patti = await measure(() => servicesOf(U.patti).listReviewDecisions());
    expect(patti.value).toEqual([]);
    expect(patti.sent).toEqual([DEFINITIONS]);
    expect(JSON.parse(storage.getItem(`accessHub:reviews:contoso:${U.patti}`) as string).s).toEqual({ definitions: [] });
    // A page load later: new services, the same storage.
    const refreshes = async (): Promise<number> => (await readLog(tenant)).filter(e => /\/definitions\/filterByCurrentUser/.test(e.path)).length;
    const before = await refreshes();
    const warm = await measure(() => servicesOf(U.diego).listReviewDecisions());
    expect(warm.sent[0]).toBe(`$batch [${instances(ID.review)} | ${decisions(instance(ID.review, ID.reviewInstance))}]`);
    expect(warm.value).toEqual(cold.value);
    // Its refresh runs on its own (the product's default); it ends before the next test measures anything.
    await waitFor(async () => ((await refreshes()) > before ? true : undefined));
  });
});

describe('a multi-stage review', () => {
  let staged: LocalTenantHandle;
  const STAGE1 = '0c0f4a55-6a5e-4a3e-9d2b-1d3a0b5f7a11';
  const STAGE2 = '6b7e2c1d-8f3a-4e5b-a6c7-2d4e6f8a0b22';
  beforeAll(async () => {
    const fixture = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
    const inst = fixture.accessReviews[0].instances[0];
    // Diego reviews both stages; the first ends after four days (the instance after eleven).
    inst.stages = [
      { id: STAGE1, startDateTime: inst.startDateTime, endDateTime: '2026-01-05T00:00:00Z', status: 'InProgress', reviewerIds: [ID.diego] },
      { id: STAGE2, startDateTime: '2026-01-05T00:00:00Z', endDateTime: inst.endDateTime, status: 'NotStarted', reviewerIds: [ID.diego] }
    ];
    staged = await startTenant({ fixture });
  });
  afterAll(async () => { await staged.stop(); });

  it('cold: 4 round trips (the stage in progress holds the decisions; its id comes with the third); warm: 1; a stage that ended sends the load the full way', async () => {
    const diego = reviewer(staged, U.diego);
    const base = instance(ID.review, ID.reviewInstance);
    const cold = await measure(() => diego.service.listReviewDecisions());
    expect(cold.roundTrips).toBe(4);
    expect(cold.sent[3]).toBe(`$batch [${decisions(`${base}/stages/${STAGE1}`)}]`);
    expect(cold.value.map(d => d.stageId)).toEqual([STAGE1, STAGE1]);

    const warm = await measure(() => diego.service.listReviewDecisions());
    expect(warm.roundTrips).toBe(1);
    expect(warm.sent).toEqual([`$batch [${instances(ID.review)} | ${decisions(`${base}/stages/${STAGE1}`)} | ${base}/stages]`]);
    expect(warm.value).toEqual(cold.value);

    const megan = warm.value.find(d => d.principalId === ID.megan) as IReviewDecision;
    await diego.service.recordReviewDecision(megan, 'Approve', 'Still in Finance');
    expect((await diego.service.listReviewDecisions()).find(d => d.principalId === ID.megan)?.decision).toBe('Approve');

    // Stage 1 ends, stage 2 starts: its decisions start unreviewed, and the load reads them, not stage 1's.
    await fetch(`${staged.url}/_dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: 'P5D' }) });
    const moved = await measure(() => diego.service.listReviewDecisions());
    expect(moved.roundTrips).toBe(5);
    expect(moved.value.map(d => [d.stageId, d.decision])).toEqual([[STAGE2, 'NotReviewed'], [STAGE2, 'NotReviewed']]);
    expect(diego.cache.get()?.definitions[0].instances).toEqual([{ id: ID.reviewInstance, staged: true, stageId: STAGE2 }]);
  });
});

describe('against a lenient tenant (a Graph that answers $expand=insights)', () => {
  let lenient: LocalTenantHandle;
  beforeAll(async () => { lenient = await startTenant({ workflowDelayMs: 5, lenient: true }); });
  afterAll(async () => { await lenient.stop(); });

  it('the reason for a recommendation comes with the batched reads, cold and warm', async () => {
    const diego = reviewer(lenient, U.diego, { lenient: true });
    const cold = await diego.service.listReviewDecisions();
    const warm = await measure(() => diego.service.listReviewDecisions());
    expect(warm.roundTrips).toBe(1);
    for (const list of [cold, warm.value]) {
      expect(list.find(d => d.principalId === ID.lynne)?.recommendationReason).toBe('No sign-in to the Finance site in 90 days');
    }
  });
});
