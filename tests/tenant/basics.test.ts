/** Dev endpoints, authentication, CORS, routing and the error envelope. */
import { createTenant, DEFAULT_SCOPES, EMULATOR_ERROR_CODES } from '../../localTenant';
import { EM, expectEnvelope, ID, TestTenant, U } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

describe('developer endpoints', () => {
  test('health answers 200 when ready', async () => {
    const r = await tt.call('GET', '/_dev/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual(expect.objectContaining({ status: 'ok', tenant: 'Contoso', users: 15 }));
  });

  test('token: a JWT-looking bearer token with the default scopes', async () => {
    const r = await tt.call('POST', '/_dev/token', { body: { user: U.adele } });
    expect(r.status).toBe(200);
    expect(r.body.token_type).toBe('Bearer');
    expect(r.body.expires_in).toBeGreaterThan(0);
    const [head, payload, sig] = String(r.body.access_token).split('.');
    expect(sig.length).toBeGreaterThan(20);
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual(expect.objectContaining({ alg: 'HS256', typ: 'JWT' }));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toEqual(expect.objectContaining({ oid: ID.adele, upn: U.adele, name: 'Adele Vance' }));
    expect(claims.scp.split(' ').sort()).toEqual([...DEFAULT_SCOPES].sort());
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
  });

  test('token by id, with explicit scopes; unknown users and bad bodies are rejected', async () => {
    const ok = await tt.call('POST', '/_dev/token', { body: { user: ID.alex, scopes: ['EntitlementMgmt-SubjectAccess.ReadWrite'] } });
    expect(JSON.parse(Buffer.from(ok.body.access_token.split('.')[1], 'base64url').toString()).scp).toBe('EntitlementMgmt-SubjectAccess.ReadWrite');
    expect((await tt.call('POST', '/_dev/token', { body: { user: 'nobody@contoso.com' } })).status).toBe(404);
    expect((await tt.call('POST', '/_dev/token', { body: { user: U.adele, scopes: 'x' } })).status).toBe(400);
    expect((await tt.call('POST', '/_dev/token', { raw: '{"user":' })).status).toBe(400);
    expect((await tt.call('POST', '/_dev/token', { body: {} })).status).toBe(400);
  });

  test('clock: rejects bad durations and moves the tenant time', async () => {
    expect((await tt.advance('eleven days')).status).toBe(400);
    const before = Date.parse((await tt.call('GET', '/_dev/clock')).body.now);
    const r = await tt.advance('P2DT3H');
    expect(r.status).toBe(200);
    const after = Date.parse(r.body.now);
    expect(after - before).toBeGreaterThanOrEqual((2 * 24 + 3) * 3600_000);
    expect(after - before).toBeLessThan((2 * 24 + 3) * 3600_000 + 60_000);
  });

  test('reset brings back the fixture (clock included)', async () => {
    await tt.advance('P30D');
    await tt.reset();
    expect((await tt.call('GET', '/_dev/clock')).body.offsetMs).toBe(0);
  });

  test('log records method, path, status, user and duration; not /_dev/log itself', async () => {
    await tt.call('DELETE', '/_dev/log');
    await tt.as(U.adele, 'GET', '/v1.0/me');
    await tt.call('GET', '/v1.0/me');
    const log = (await tt.call('GET', '/_dev/log')).body.value as any[];
    const me = log.filter((e) => e.path === '/v1.0/me');
    expect(me).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, user: U.adele, durationMs: expect.any(Number) }),
      expect.objectContaining({ method: 'GET', status: 401, user: null }),
    ]);
    expect(log.some((e) => e.path.startsWith('/_dev/log'))).toBe(false);
  });

  test('unknown developer endpoint: 404', async () => {
    expect((await tt.call('GET', '/_dev/nothing')).status).toBe(404);
  });
});

describe('authentication', () => {
  test('401 with Graph envelope without a token', async () => {
    const r = await tt.call('GET', '/v1.0/me', { headers: { 'client-request-id': 'abc-123' } });
    expectEnvelope(r, 401, 'InvalidAuthenticationToken');
    expect(r.body.error.innerError['client-request-id']).toBe('abc-123');
  });

  test('401 for a tampered or foreign token', async () => {
    const token = await tt.token(U.adele);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, oid: ID.nestor })).toString('base64url')}.${s}`;
    expectEnvelope(await tt.call('GET', '/v1.0/me', { token: forged }), 401, 'InvalidAuthenticationToken');
    expectEnvelope(await tt.call('GET', '/v1.0/me', { token: 'not-a-jwt' }), 401, 'InvalidAuthenticationToken');
  });

  test('SharePoint needs a token too', async () => {
    const r = await tt.call('GET', '/sites/marketing/_api/web');
    expect(r.status).toBe(401);
  });
});

describe('routing and envelope', () => {
  test('/beta is not emulated: 404 envelope', async () => {
    const r = await tt.as(U.adele, 'GET', '/beta/me');
    expectEnvelope(r, 404);
  });

  test('unknown EM routes answer 404 with an empty code (docs/graph-notes.md §11.3)', async () => {
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/availableAccessPackages`), 404, '');
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/accessPackageSuggestions`), 404, '');
  });

  test('unknown directory route: 404 envelope; wrong method: 405', async () => {
    expectEnvelope(await tt.as(U.adele, 'GET', '/v1.0/nothingHere'), 404);
    expectEnvelope(await tt.as(U.adele, 'DELETE', '/v1.0/me'), 405);
  });

  test('CORS: preflight 204 and allow-origin on responses', async () => {
    const pre = await fetch(`${tt.url}${EM}/assignmentRequests`, {
      method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,prefer,consistencylevel' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'prefer', 'consistencylevel', 'x-requestdigest', 'client-request-id', 'sdkversion', 'odata-version']) expect(allowed).toContain(h);
    const r = await tt.as(U.adele, 'GET', '/v1.0/me');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('fallback handles non-API paths; default is a 404 text', async () => {
    const r = await tt.call('GET', '/sites/marketing/SitePages/Home.aspx');
    expect(r.status).toBe(404);
  });
});

describe('library API', () => {
  test('createTenant works without HTTP: users, sites, permission levels, tokens', () => {
    const t = createTenant();
    try {
      expect(t.findUser(U.adele)?.id).toBe(ID.adele);
      expect(t.findUser(ID.adele)?.userPrincipalName).toBe(U.adele);
      expect(t.sites.map((s) => s.url)).toContain('https://contoso.sharepoint.com/sites/marketing');
      expect(t.sites.find((s) => s.url.endsWith('/marketing'))?.pages[0].name).toBe('Home.aspx');
      expect(t.tenantInfo.displayName).toBe('Contoso');
      expect(t.sitePermissionLevel('marketing', ID.adele)).toBe('Read');
      expect(t.sitePermissionLevel('https://contoso.sharepoint.com/sites/marketing', ID.megan)).toBe('Full Control');
      expect(t.sitePermissionLevel('/sites/intranet', ID.lee)).toBe('Edit');
      expect(t.sitePermissionLevel('intranet', ID.jordan)).toBe('none');
      expect(t.sitePermissionLevel('finance', ID.adele)).toBe('none');
      expect(t.issueToken(t.findUser(U.adele)!).token_type).toBe('Bearer');
      expect(Object.values(EMULATOR_ERROR_CODES).every((c) => c.startsWith('AccessHubEmulator.'))).toBe(true);
    } finally {
      t.dispose();
    }
  });
});

describe('fallback', () => {
  test('non-API paths go to the fallback (the workbench) and are logged; API paths never do', async () => {
    const seen: string[] = [];
    const other = await TestTenant.start({
      fallback: (req, res) => { seen.push(req.url ?? ''); res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<h1>page</h1>'); },
    });
    try {
      const page = await other.call('GET', '/sites/marketing/SitePages/Home.aspx?as=adelev@contoso.com');
      expect(page.status).toBe(200);
      expect(page.text).toBe('<h1>page</h1>');
      expect((await other.call('GET', '/v1.0/me')).status).toBe(401);
      expect(seen).toEqual(['/sites/marketing/SitePages/Home.aspx?as=adelev@contoso.com']);
      const log = (await other.call('GET', '/_dev/log')).body.value as any[];
      expect(log.find((e) => e.path.startsWith('/sites/marketing/SitePages'))?.status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
