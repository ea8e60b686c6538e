/**
 * The data layer under the conditions Graph really has: many pages,
 * answers lost on the way back, and each business-rule error mapped once.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, readLog } from './localTenantClient';
import { createBrowserClients } from '../../src/services/graph/createBrowserClients';
import { createServices } from '../../src/services/createServices';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { ID } from '../contoso';
import { grantLabel } from '../../src/models/grants';
import { IRetryClock } from '../../src/services/infrastructure/readRetry';
import { RetryStatus } from '../../src/services/infrastructure/RetryStatus';
import { AppError } from '../../src/services/infrastructure/AppError';


interface IProxy { url: string; close(): Promise<void> }

/**
 * A proxy in front of the tenant that can misbehave the way networks and services do: `rewrite` changes
 * the path it forwards, `loseAnswer` lets the tenant process a request and then cuts the connection.
 */
async function startProxy(target: string, o: { rewrite?: (path: string) => string; rewriteBody?: (body: string) => string; loseAnswer?: (req: http.IncomingMessage) => boolean }): Promise<IProxy> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const path = o.rewrite ? o.rewrite(req.url || '/') : req.url || '/';
      const raw = Buffer.concat(chunks).toString('utf8');
      const sent = o.rewriteBody ? o.rewriteBody(raw) : raw;
      const headers = { ...req.headers, host: new URL(target).host, 'content-length': String(Buffer.byteLength(sent)) };
      const upstream = http.request(`${target}${path}`, { method: req.method, headers }, up => {
        const body: Buffer[] = [];
        up.on('data', c => body.push(c));
        up.on('end', () => {
          if (o.loseAnswer && o.loseAnswer(req)) { req.socket.destroy(); return; }
          // nextLinks name the tenant's origin: point them back at the proxy.
          const text = Buffer.concat(body).toString('utf8').split(target).join(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
          res.writeHead(up.statusCode || 500, { ...up.headers, 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      });
      upstream.end(sent);
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(r => { server.closeAllConnections(); server.close(() => r()); })
  };
}

function servicesThrough(tenant: LocalTenantHandle, base: string, user: string): IAccessHubServices {
  return servicesFor(tenant, user, 'marketing', 'en-us', base);
}

describe('paging', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ scale: 'packages:450' }); });
  afterAll(async () => { await tenant.stop(); });

  it('reads every page of a large list by following @odata.nextLink, never with $skip or $count', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const before = (await readLog(tenant)).length;
    const packages = await entitlements.listRequestablePackages();
    const calls = (await readLog(tenant)).slice(before).filter(e => /allowedRequestor/.test(decodeURIComponent(e.path)));
    expect(packages.length).toBeGreaterThan(400);
    expect(new Set(packages.map(p => p.id)).size).toBe(packages.length);
    expect(calls.length).toBe(Math.ceil(packages.length / 100));
    // filterByCurrentUser(on='allowedRequestor') documents no query option (docs/graph-notes.md §17).
    expect(calls.filter(e => /\$(skip|count|top)=/.test(decodeURIComponent(e.path)))).toEqual([]);
    expect(calls.slice(1).every(e => /\$skiptoken=/.test(decodeURIComponent(e.path)))).toBe(true);
  });
});

describe('what each package grants, when Graph refuses the nested expand', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });

  it('falls back to $expand=role,scope and still maps the grants', async () => {
    // The proxy turns the nested expand into one the tenant rejects with 400, as a stricter Graph might.
    const proxy = await startProxy(tenant.url, { rewriteBody: b => b.split('role($expand=resource)').join('role($expand=nonsense)') });
    try {
      const services = servicesThrough(tenant, proxy.url, 'adelev@contoso.com');
      const packages = await services.entitlements.listRequestablePackages();
      const grants = await services.entitlements.getGrants(packages);
      const visitors = grants.get(ID.visitors) || [];
      expect(visitors.map(grantLabel)).toEqual(['Marketing — Visitors']);
      const contributors = grants.get(ID.contributors) || [];
      expect(contributors.map(g => g.kind).sort()).toEqual(['appRole', 'groupMember']);
      const batches = (await readLog(tenant)).filter(e => /\$batch/.test(e.path));
      expect(batches.length).toBeGreaterThanOrEqual(2);
    } finally {
      await proxy.close();
    }
  });
});

describe('submitting when the answer is lost', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });

  it('reads back instead of posting again, so exactly one request exists', async () => {
    const proxy = await startProxy(tenant.url, { loseAnswer: req => req.method === 'POST' && /assignmentRequests$/.test(req.url || '') });
    try {
      const services = servicesThrough(tenant, proxy.url, 'adelev@contoso.com');
      const [policy] = await services.entitlements.getRequirements(ID.contributors);
      const answers = { [policy.questions[0].id]: ['Spring'], [policy.questions[1].id]: ['emea'] };
      const request = await services.entitlements.submitRequest({ accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'x', answers }, policy);
      const created = (tenant.tenant as any).db.assignmentRequests.filter((r: any) => r.targetId === ID.adele && r.accessPackageId === ID.contributors);
      expect(created).toHaveLength(1);
      expect(request.id).toBe(created[0].id);
      const posts = (await readLog(tenant)).filter(e => e.method === 'POST' && /assignmentRequests$/.test(e.path));
      expect(posts).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('business-rule errors, mapped once', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

  it('alreadyAssigned: requesting what you have', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const [policy] = await entitlements.getRequirements(ID.visitors);
    const e = await entitlements.submitRequest({ accessPackageId: ID.visitors, policyId: policy.policyId, justification: '', answers: {} }, policy).then(() => undefined, x => x);
    expect(e && e.kind).toBe('alreadyAssigned');
  });

  it('notAllowed: a policy that does not admit you', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const [policy] = await entitlements.getRequirements(ID.falcon);
    const fabrikam = { ...policy, policyId: ID.falconFabrikam };
    const e = await entitlements.submitRequest({ accessPackageId: ID.falcon, policyId: fabrikam.policyId, justification: 'x', answers: {} }, fabrikam).then(() => undefined, x => x);
    expect(e && e.kind).toBe('notAllowed');
  });

  it('validation: an answer that does not match the pattern, tied to its question', async () => {
    const { entitlements } = servicesFor(tenant, 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com');
    await fetch(`${tenant.url}/_dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: 'P21D' }) });
    const [policy] = await entitlements.getRequirements(ID.falcon);
    const q = policy.questions[0];
    const e = await entitlements.submitRequest({ accessPackageId: ID.falcon, policyId: policy.policyId, justification: 'x', answers: { [q.id]: ['FAB-1'] } }, policy).then(() => undefined, x => x);
    expect(e && e.kind).toBe('validation');
    expect(e && e.field).toBe(`question:${q.id}`);
  });

  it('unauthorized and forbidden', async () => {
    const expired = createServices({
      clients: createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/marketing`, async () => 'not-a-token'),
      language: 'en-us', myAccessUrl: ''
    });
    expect(await expired.entitlements.listMyRequests().then(() => undefined, x => x.kind)).toBe('unauthorized');
    const res = await fetch(`${tenant.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'adelev@contoso.com', scopes: ['User.Read'] }) });
    const token = (await res.json()).access_token;
    const noScope = createServices({ clients: createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/marketing`, async () => token), language: 'en-us', myAccessUrl: '' });
    expect(await noScope.entitlements.listMyRequests().then(() => undefined, x => x.kind)).toBe('forbidden');
  });

  it('offline: the service cannot be reached, after trying for the whole budget', async () => {
    const { clock, sleeps } = fakeClock();
    const gone = createServices({
      clients: createBrowserClients('http://127.0.0.1:9/v1.0', 'http://127.0.0.1:9/sites/marketing', async () => 't', { clock }),
      language: 'en-us', myAccessUrl: ''
    });
    const e: AppError = await gone.entitlements.listMyAssignments().then(() => { throw new Error('resolved'); }, x => x);
    expect(e.kind).toBe('offline');
    // No answer, so no request-id: the client-request-id we sent is what support can look up.
    expect(e.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    // Backoff 1 s, 2 s, 4 s … (16 s at most) at 3/4 with this clock's jitter, until the next wait would pass 60 s.
    expect(sleeps).toEqual([750, 1500, 3000, 6000, 12000, 12000, 12000, 12000]);
  });
});

/** Time that passes only when the code under test sleeps; jitter fixed at the middle. */
function fakeClock(): { clock: IRetryClock; sleeps: number[]; onSleep: Array<() => void> } {
  let now = 0;
  const sleeps: number[] = [];
  const onSleep: Array<() => void> = [];
  return {
    sleeps,
    onSleep,
    clock: {
      now: () => now,
      sleep: async (ms: number) => { onSleep.forEach(f => f()); sleeps.push(ms); now += ms; },
      random: () => 0.5
    }
  };
}

type Fault = { status: number; retryAfter?: string } | 'drop';

interface IFaultProxy extends IProxy {
  /** Every request that reached the proxy: method, path (decoded) and, for $batch, the sub-request count. */
  seen: Array<{ method: string; path: string; batchSize?: number }>;
}

/**
 * A proxy that answers the first requests matching `match` with the listed faults (in order), then lets
 * everything through to the tenant. Its answers carry a `request-id` like Graph's (`proxy-<n>`).
 * `batchFault` makes the first inner response of the first `$batch` answer a 429.
 */
async function startFaultProxy(target: string, match: RegExp, faults: Fault[], o: { batchFault?: boolean } = {}): Promise<IFaultProxy> {
  const queue = faults.slice();
  const seen: IFaultProxy['seen'] = [];
  let batchFaults = o.batchFault ? 1 : 0;
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(req.url || '/');
      const isBatch = /\$batch$/.test(path);
      seen.push({ method: req.method || 'GET', path, batchSize: isBatch ? JSON.parse(raw).requests.length : undefined });
      if (match.test(`${req.method} ${path}`) && queue.length) {
        const fault = queue.shift() as Fault;
        if (fault === 'drop') { req.socket.destroy(); return; }
        const body = JSON.stringify({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable', message: 'busy', innerError: { 'request-id': `proxy-${++n}` } } });
        res.writeHead(fault.status, {
          'Content-Type': 'application/json', 'request-id': `proxy-${n}`, ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {})
        });
        res.end(body);
        return;
      }
      const headers = { ...req.headers, host: new URL(target).host, 'content-length': String(Buffer.byteLength(raw)) };
      const upstream = http.request(`${target}${req.url}`, { method: req.method, headers }, up => {
        const body: Buffer[] = [];
        up.on('data', c => body.push(c));
        up.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          if (isBatch && batchFaults > 0) {
            batchFaults--;
            const answer = JSON.parse(text);
            answer.responses[0] = { id: answer.responses[0].id, status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests', message: 'busy' } } };
            text = JSON.stringify(answer);
          }
          // The body is re-sent whole: its length replaces any chunked encoding (fetch refuses both at once).
          const upHeaders = { ...up.headers };
          delete upHeaders['transfer-encoding'];
          res.writeHead(up.statusCode || 500, up.statusCode === 204 ? upHeaders : { ...upHeaders, 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      });
      upstream.end(raw);
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>(r => { server.closeAllConnections(); server.close(() => r()); })
  };
}

describe('reads survive throttling', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

  const ASSIGNMENTS = /^GET .*assignments\/filterByCurrentUser/;

  async function through(match: RegExp, faults: Fault[], o: { batchFault?: boolean } = {}) {
    const proxy = await startFaultProxy(tenant.url, match, faults, o);
    const fake = fakeClock();
    const status = new RetryStatus(fake.clock.now);
    const services = servicesThrough(tenant, proxy.url, 'adelev@contoso.com', { clock: fake.clock, status });
    return { proxy, services, status, ...fake };
  }

  function servicesThrough(t: LocalTenantHandle, base: string, user: string, retry: Parameters<typeof servicesFor>[5]): IAccessHubServices {
    return servicesFor(t, user, 'marketing', 'en-us', base, retry);
  }

  it('waits Retry-After on 429, then succeeds', async () => {
    const { proxy, services, sleeps } = await through(ASSIGNMENTS, [{ status: 429, retryAfter: '3' }, { status: 429, retryAfter: '3' }]);
    try {
      const assignments = await services.entitlements.listMyAssignments();
      expect(assignments.map(a => a.accessPackageId)).toContain(ID.visitors);
      expect(proxy.seen.filter(r => ASSIGNMENTS.test(`${r.method} ${r.path}`))).toHaveLength(3);
      // Retry-After 3 s plus at most a second of jitter, never less than the service asked for.
      expect(sleeps).toHaveLength(2);
      expect(sleeps.every(ms => ms >= 3000 && ms <= 4000)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('retries 503, 504 and a dropped connection, backing off when there is no Retry-After', async () => {
    const { proxy, services, sleeps } = await through(ASSIGNMENTS, [{ status: 503 }, { status: 504 }, 'drop']);
    try {
      const assignments = await services.entitlements.listMyAssignments();
      expect(assignments.map(a => a.accessPackageId)).toContain(ID.visitors);
      expect(proxy.seen.filter(r => ASSIGNMENTS.test(`${r.method} ${r.path}`))).toHaveLength(4);
      expect(sleeps).toEqual([750, 1500, 3000]);
    } finally {
      await proxy.close();
    }
  });

  it('retries the POST that only reads (getApplicablePolicyRequirements)', async () => {
    const READ_POST = /^POST .*getApplicablePolicyRequirements$/;
    const { proxy, services } = await through(READ_POST, [{ status: 503, retryAfter: '1' }, 'drop']);
    try {
      const [policy] = await services.entitlements.getRequirements(ID.contributors);
      expect(policy.questions).toHaveLength(2);
      expect(proxy.seen.filter(r => READ_POST.test(`${r.method} ${r.path}`))).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it('gives up when the budget is spent: a throttled error with the correlation id of the last answer', async () => {
    const always = Array.from({ length: 50 }, (): Fault => ({ status: 429, retryAfter: '10' }));
    const { proxy, services, sleeps } = await through(ASSIGNMENTS, always);
    try {
      const e: AppError = await services.entitlements.listMyAssignments().then(() => { throw new Error('resolved'); }, x => x);
      expect(e.kind).toBe('throttled');
      const attempts = proxy.seen.filter(r => ASSIGNMENTS.test(`${r.method} ${r.path}`));
      // 10 s + 0.5 s jitter per wait: the sixth wait would end past 60 s, so six attempts.
      expect(attempts).toHaveLength(6);
      expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60000);
      expect(e.correlationId).toBe('proxy-6');
    } finally {
      await proxy.close();
    }
  });

  it('503 with Retry-After after the budget reads as throttled too (Graph throttles with 503)', async () => {
    const always = Array.from({ length: 50 }, (): Fault => ({ status: 503, retryAfter: '30' }));
    const { proxy, services } = await through(ASSIGNMENTS, always);
    try {
      const e: AppError = await services.entitlements.listMyAssignments().then(() => { throw new Error('resolved'); }, x => x);
      expect(e.kind).toBe('throttled');
      expect(proxy.seen.filter(r => ASSIGNMENTS.test(`${r.method} ${r.path}`))).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('reports the wait to the retry status while it lasts, and idle after', async () => {
    const { proxy, services, status, onSleep } = await through(ASSIGNMENTS, [{ status: 429, retryAfter: '1' }]);
    const waitingWhileAsleep: Array<number | undefined> = [];
    onSleep.push(() => waitingWhileAsleep.push(status.waitingSince()));
    try {
      expect(status.waitingSince()).toBeUndefined();
      await services.entitlements.listMyAssignments();
      expect(waitingWhileAsleep).toEqual([0]);
      expect(status.waitingSince()).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });

  it('sends the throttled part of a $batch again, alone', async () => {
    const { proxy, services, sleeps } = await through(/^$/, [], { batchFault: true });
    try {
      const packages = await services.entitlements.listRequestablePackages();
      const grants = await services.entitlements.getGrants(packages);
      expect(packages.every(p => grants.has(p.id))).toBe(true);
      expect(grants.get(ID.visitors)!.map(grantLabel)).toEqual(['Marketing — Visitors']);
      // The role scopes' $batch (its throttled part sent again alone), then the resources' names, one $batch.
      const sizes = proxy.seen.filter(r => /\$batch$/.test(r.path)).map(r => r.batchSize);
      expect(sizes.slice(0, 2)).toEqual([packages.length, 1]);
      expect(sizes).toHaveLength(3);
      expect(sleeps).toHaveLength(1);
      expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    } finally {
      await proxy.close();
    }
  });

  it('does not retry a write on 503 (it may have happened), only on 429', async () => {
    const [request] = await servicesFor(tenant, 'alexw@contoso.com').entitlements.listMyRequests().then(r => r.filter(x => x.state === 'pendingApproval'));
    const CANCEL = /^POST .*\/cancel$/;
    const proxy = await startFaultProxy(tenant.url, CANCEL, [{ status: 503, retryAfter: '0' }, { status: 429, retryAfter: '0' }]);
    try {
      const services = servicesFor(tenant, 'alexw@contoso.com', 'marketing', 'en-us', proxy.url, { clock: fakeClock().clock });
      const e: AppError = await services.entitlements.cancelRequest(request.id).then(() => { throw new Error('resolved'); }, x => x);
      expect(e.status).toBe(503);
      expect(proxy.seen.filter(r => CANCEL.test(`${r.method} ${r.path}`))).toHaveLength(1);
      // The next try meets a 429: Graph did nothing, so that one is retried, and the cancel goes through.
      await services.entitlements.cancelRequest(request.id);
      expect(proxy.seen.filter(r => CANCEL.test(`${r.method} ${r.path}`))).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });
});
