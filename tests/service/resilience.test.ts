/**
 * The data layer under the conditions Graph really has: many pages, a service that ignores `$skip`,
 * answers lost on the way back, and each business-rule error mapped once.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, readLog } from './localTenantClient';
import { createBrowserClients } from '../../src/services/clients';
import { createServices } from '../../src/services/createServices';
import { IAccessHubServices } from '../../src/services/interfaces';
import { ID } from '../contoso';
import { grantLabel } from '../../src/models/grants';


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

  it('reads every page of a large list, pages after the first in parallel with $skip', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const before = (await readLog(tenant)).length;
    const packages = await entitlements.listRequestablePackages();
    const calls = (await readLog(tenant)).slice(before).filter(e => /allowedRequestor/.test(decodeURIComponent(e.path)));
    expect(packages.length).toBeGreaterThan(400);
    expect(new Set(packages.map(p => p.id)).size).toBe(packages.length);
    expect(calls.length).toBe(Math.ceil(packages.length / 100));
    expect(calls.slice(1).every(e => /\$skip=/.test(decodeURIComponent(e.path)))).toBe(true);
  });

  it('falls back to @odata.nextLink when the service does not honour $skip', async () => {
    const { entitlements: direct } = servicesFor(tenant, 'adelev@contoso.com');
    const expected = (await direct.listRequestablePackages()).map(p => p.id).sort();
    const proxy = await startProxy(tenant.url, { rewrite: p => p.replace(/([?&])\$skip=\d+/, '$1') });
    try {
      const services = servicesThrough(tenant, proxy.url, 'adelev@contoso.com');
      const ids = (await services.entitlements.listRequestablePackages()).map(p => p.id).sort();
      expect(ids).toEqual(expected);
    } finally {
      await proxy.close();
    }
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

  it('offline: the service cannot be reached', async () => {
    const gone = createServices({
      clients: createBrowserClients('http://127.0.0.1:9/v1.0', 'http://127.0.0.1:9/sites/marketing', async () => 't'),
      language: 'en-us', myAccessUrl: ''
    });
    expect(await gone.entitlements.listMyAssignments().then(() => undefined, x => x.kind)).toBe('offline');
  });
});
