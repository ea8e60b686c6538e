/** Faults, persistence (LOCAL_TENANT_DATA) and the scale option. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createTenant } from '../../localTenant';
import { allPages, EM, expectEnvelope, ID, TestTenant, U, userAdd } from './helpers';

describe('faults', () => {
  let tt: TestTenant;
  beforeAll(async () => { tt = await TestTenant.start(); });
  afterAll(async () => { await tt.stop(); });
  afterEach(async () => { await tt.call('POST', '/_dev/faults', { body: {} }); });

  test('throttleRate 1 → 429 with Retry-After on Graph and SharePoint, never on /_dev', async () => {
    const token = await tt.token(U.adele);
    expect((await tt.call('POST', '/_dev/faults', { body: { throttleRate: 1, retryAfterS: 7 } })).status).toBe(200);
    const r = await tt.call('GET', '/v1.0/me', { token });
    expectEnvelope(r, 429, 'TooManyRequests');
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await tt.call('GET', '/sites/marketing/_api/web', { token })).status).toBe(429);
    expect((await tt.call('GET', '/_dev/health')).status).toBe(200);
    await tt.call('POST', '/_dev/faults', { body: {} });
    expect((await tt.call('GET', '/v1.0/me', { token })).status).toBe(200);
  });

  test('path limits faults; errorRate → 503 with Retry-After; latency is added', async () => {
    const token = await tt.token(U.adele);
    await tt.call('POST', '/_dev/faults', { body: { errorRate: 1, path: 'entitlementManagement' } });
    expect((await tt.call('GET', '/v1.0/me', { token })).status).toBe(200);
    const r = await tt.call('GET', `${EM}/assignments/filterByCurrentUser(on='target')`, { token });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    await tt.call('POST', '/_dev/faults', { body: { latencyMs: 150 } });
    const t0 = Date.now();
    expect((await tt.call('GET', '/v1.0/me', { token })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  test('dropRate 1 destroys the connection; invalid settings are rejected', async () => {
    const token = await tt.token(U.adele);
    await tt.call('POST', '/_dev/faults', { body: { dropRate: 1 } });
    await expect(fetch(`${tt.url}/v1.0/me`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow();
    expect((await tt.call('POST', '/_dev/faults', { body: { throttleRate: 2 } })).status).toBe(400);
    expect((await tt.call('POST', '/_dev/faults', { body: { path: '(' } })).status).toBe(400);
    expect((await tt.call('POST', '/_dev/faults', { body: { bogus: 1 } })).status).toBe(400);
  });
});

describe('persistence', () => {
  test('state survives a restart with LOCAL_TENANT_DATA; reset rewrites the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tenant-'));
    const dataPath = path.join(dir, 'state.json');
    let tt = await TestTenant.start({ dataPath });
    let requestId: string;
    try {
      expect(fs.existsSync(dataPath)).toBe(true);
      const r = await tt.as(U.lee, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.engineering, ID.engineeringPolicy) });
      expect(r.status).toBe(201);
      requestId = r.body.id;
      await tt.settle();
      await tt.advance('P1D');
    } finally {
      await tt.stop();
    }
    expect(fs.readdirSync(dir)).toEqual(['state.json']); // no temp files left behind
    tt = await TestTenant.start({ dataPath });
    try {
      const got = await tt.as(U.lee, 'GET', `${EM}/assignmentRequests/${requestId}`);
      expect(got.body.state).toBe('delivered');
      expect((await tt.as(U.lee, 'GET', `/v1.0/groups/${ID.engineeringGroup}/members?$select=id`)).body.value.map((m: any) => m.id)).toContain(ID.lee);
      expect((await tt.call('GET', '/_dev/clock')).body.offsetMs).toBeGreaterThanOrEqual(86400_000);
      await tt.reset();
      const saved = JSON.parse(fs.readFileSync(dataPath, 'utf8'));
      expect(saved.assignmentRequests.some((r: any) => r.id === requestId)).toBe(false);
      expect(saved.clockOffsetMs).toBe(0);
    } finally {
      await tt.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a hostile fixture is rejected with a clear error; a sparse one loads', () => {
    expect(() => createTenant({ fixture: { users: 'nope' } })).toThrow(/users/);
    expect(() => createTenant({ fixture: [] })).toThrow(/object/);
    const t = createTenant({ fixture: { referenceDateTime: '2026-01-01T00:00:00Z', users: [{ id: 'u1', displayName: 'Solo', userPrincipalName: 'solo@contoso.com', userType: 'Member' }] } });
    expect(t.findUser('solo@contoso.com')?.id).toBe('u1');
    t.dispose();
  });
});

describe('scale', () => {
  const SPEC = 'packages:300,approvals:150,users:200,assignments:100,requests:50';

  test('deterministic for a setting', () => {
    const a = createTenant({ scale: SPEC });
    const b = createTenant({ scale: SPEC });
    try {
      expect(a.db.accessPackages.length).toBe(9 + 300);
      expect(a.db.accessPackages.map((p) => p.id)).toEqual(b.db.accessPackages.map((p) => p.id));
      expect(a.db.assignmentRequests.map((r) => r.id)).toEqual(b.db.assignmentRequests.map((r) => r.id));
      expect(a.users.length).toBe(15 + 200);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  test('default page size 100 with nextLink; Megan has the synthetic approvals; site packages grow', async () => {
    const tt = await TestTenant.start({ scale: SPEC });
    try {
      const { items, pages, first } = await allPages(tt, U.megan, `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`);
      expect(first.body.value).toHaveLength(100);
      expect(first.body['@odata.nextLink']).toBeDefined();
      expect(items.length).toBeGreaterThan(300);
      expect(pages).toBe(Math.ceil(items.length / 100));
      expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
      const approvals = await allPages(tt, U.megan, `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`);
      expect(approvals.items.length).toBe(150 + 0); // fixture requests do not wait for Megan
      const marketingRoles = tt.tenant.db.resources.filter((r) => r.originId === 'https://contoso.sharepoint.com/sites/marketing').length;
      expect(marketingRoles).toBeGreaterThan(1);
      // The list documents $select and $filter (no $count, no $top).
      const nestorPkgs = await tt.as(U.nestor, 'GET', `${EM}/accessPackages?$filter=resourceRoleScopes/any(r: r/scope/originId eq 'https://contoso.sharepoint.com/sites/marketing')&$select=id`);
      expect(nestorPkgs.body.value.length).toBeGreaterThan(5);
    } finally {
      await tt.stop();
    }
  });

  test('invalid scale settings fail loudly', () => {
    expect(() => createTenant({ scale: 'packages:lots' })).toThrow(/LOCAL_TENANT_SCALE/);
  });
});
