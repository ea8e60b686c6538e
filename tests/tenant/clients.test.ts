/**
 * Real clients against the local tenant, unchanged: Microsoft's @microsoft/microsoft-graph-client and @pnp/graph
 * drive the requester and approver flows. Over HTTPS the SDK is configured only as Microsoft documents for a
 * non-default host (`customHosts`), with the development certificate trusted through NODE_EXTRA_CA_CERTS.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { X509Certificate } from 'crypto';
import { Client, Context, HTTPMessageHandler, Middleware } from '@microsoft/microsoft-graph-client';
import type { Approval, AccessPackage, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import { graphfi, GraphBrowser, GraphQueryable, graphGet, graphPost, graphPatch } from '@pnp/graph';
import '@pnp/graph/users';
import { InjectHeaders } from '@pnp/queryable';
import { LocalTenantHandle, startLocalTenant } from '../../localTenant';
import { answer, ID, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const EM = '/identityGovernance/entitlementManagement';

describe('@microsoft/microsoft-graph-client', () => {
  /**
   * The SDK's default AuthenticationHandler adds the token only for https Graph (or https custom) hosts and
   * strips Authorization elsewhere, so against http://127.0.0.1 the chain needs its own auth middleware.
   */
  class BearerMiddleware implements Middleware {
    private next?: Middleware;
    constructor(private readonly token: string) {}
    async execute(context: Context): Promise<void> {
      const headers = (context.options?.headers ?? {}) as Record<string, string>;
      context.options = { ...(context.options ?? {}), headers: { ...headers, Authorization: `Bearer ${this.token}` } };
      await this.next!.execute(context);
    }
    setNext(next: Middleware): void { this.next = next; }
  }
  function client(token: string): Client {
    return Client.initWithMiddleware({ baseUrl: `${tt.url}/`, defaultVersion: 'v1.0', middleware: [new BearerMiddleware(token), new HTTPMessageHandler()] });
  }

  test('requester: list, requirements, submit; approver: approve; requester sees delivery', async () => {
    const adele = client(await tt.token(U.adele));
    const me = await adele.api('/me').select('id,displayName').get();
    expect(me.id).toBe(ID.adele);
    const pkgs: { value: AccessPackage[] } = await adele.api(`${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`).get(); // no $top: the function documents no query option
    const pkg = pkgs.value.find((p) => p.displayName === 'Marketing Campaign Contributors')!;
    const reqs = await adele.api(`${EM}/accessPackages/${pkg.id}/getApplicablePolicyRequirements`).post({});
    const policy = reqs.value[0];
    const created: AccessPackageAssignmentRequest = await adele.api(`${EM}/assignmentRequests`).post(userAdd(pkg.id!, policy.policyId, {
      justification: 'Campaign', answers: [answer(ID.campaignQ, 'Winter'), answer(ID.regionQ, 'americas', 'choice')],
    }));
    expect(created.state).toBe('submitted');
    await tt.settle();

    const megan = client(await tt.token(U.megan));
    const approvals: { value: Approval[] } = await megan.api(`${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`).get();
    expect(approvals.value.map((a) => a.id)).toContain(created.id);
    const approval: Approval = await megan.api(`${EM}/accessPackageAssignmentApprovals/${created.id}`).get();
    await megan.api(`${EM}/accessPackageAssignmentApprovals/${created.id}/stages/${approval.stages![0].id}`).patch({ reviewResult: 'Approve', justification: 'ok' });
    await tt.settle();
    const after = await adele.api(`${EM}/assignmentRequests/${created.id}`).expand('accessPackage').get();
    expect(after.state).toBe('delivered');
    expect(after.accessPackage.displayName).toBe('Marketing Campaign Contributors');
  });

  test('errors surface as GraphError with status and code', async () => {
    const adele = client(await tt.token(U.adele));
    await expect(adele.api(`${EM}/accessPackageAssignmentApprovals`).get()).rejects.toMatchObject({ statusCode: 403 });
    await expect(adele.api(`${EM}/assignmentRequests`).post(userAdd(ID.visitors, ID.visitorsPolicy)))
      .rejects.toMatchObject({ statusCode: 400, code: 'AccessHubEmulator.AlreadyAssigned' });
  });

  test('with the default chain (Client.init + authProvider) the SDK strips the token for an http host (401)', async () => {
    const token = await tt.token(U.adele);
    const sdk = Client.init({ baseUrl: `${tt.url}/`, defaultVersion: 'v1.0', authProvider: (done) => done(null, token) });
    await expect(sdk.api('/me').get()).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('@pnp/graph', () => {
  async function graph(user: string) {
    const token = await tt.token(user);
    const g = graphfi().using(GraphBrowser({ baseUrl: `${tt.url}/v1.0` }), InjectHeaders({ Authorization: `Bearer ${token}` }));
    // GraphFI is not a queryable: build paths from one of its queryables (here `me`) to inherit the behaviours.
    const at = (path: string) => GraphQueryable([g.me, `${tt.url}/v1.0${EM}/${path}`]);
    return { g, at };
  }

  test('requester and approver flows for Project Falcon (two stages)', async () => {
    const alex = await graph(U.alex);
    expect((await alex.g.me()).id).toBe(ID.alex);
    const mine = await graphGet(alex.at("assignmentRequests/filterByCurrentUser(on='target')"));
    expect(mine.map((r: any) => r.id)).toContain(ID.alexFalconRequest);

    const isaiah = await graph(U.isaiah);
    const a1 = await graphGet(isaiah.at(`accessPackageAssignmentApprovals/${ID.alexFalconRequest}`));
    await graphPatch(isaiah.at(`accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/${a1.stages[0].id}`), { body: JSON.stringify({ reviewResult: 'Approve' }) });
    const patti = await graph(U.patti);
    const list = await graphGet(patti.at("accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')"));
    expect(list.map((a: any) => a.id)).toContain(ID.alexFalconRequest);
    await expect(graphPatch(patti.at(`accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/${a1.stages[1].id}`), { body: JSON.stringify({ reviewResult: 'Approve' }) }))
      .rejects.toMatchObject({ status: 400 });
    await graphPatch(patti.at(`accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/${a1.stages[1].id}`), { body: JSON.stringify({ reviewResult: 'Approve', justification: 'ok' }) });
    await tt.settle();
    const done = await graphGet(alex.at(`assignmentRequests/${ID.alexFalconRequest}`));
    expect(done.state).toBe('delivered');
  });

  test('requester submits through graphPost', async () => {
    const lee = await graph(U.lee);
    const created = await graphPost(lee.at('assignmentRequests'), { body: JSON.stringify(userAdd(ID.engineering, ID.engineeringPolicy)) });
    expect(created).toEqual(expect.objectContaining({ state: 'submitted', status: 'Accepted' }));
    await tt.settle();
    const asg = await graphGet(lee.at("assignments/filterByCurrentUser(on='target')"));
    expect(asg.map((a: any) => a.state)).toEqual(['delivered']);
  });
});

describe('over HTTPS (startLocalTenant({ https: true }))', () => {
  let h: LocalTenantHandle;
  let certDir: string;
  beforeAll(async () => {
    // A throwaway cache: the test must not depend on, or replace, the certificate a developer already trusts.
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tenant-cert-'));
    h = await startLocalTenant({ port: 0, https: true, certDir, workflowDelayMs: 5 });
  });
  afterAll(async () => {
    await h.stop();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  /** GET over Node's https, trusting only the tenant's certificate. */
  function get(pathname: string): Promise<{ status: number; type: string; text: string }> {
    return new Promise((resolve, reject) => {
      https.get(`${h.url}${pathname}`, { ca: h.certificate }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      }).on('error', reject);
    });
  }

  /** Runs the client script as a developer would: its own Node process, NODE_EXTRA_CA_CERTS set. */
  function runClientScript(args: Record<string, unknown>, caFile: string): Promise<any> {
    const script = path.join(__dirname, 'clients', 'graphSdkOverHttps.mjs');
    return new Promise((resolve, reject) => {
      execFile(process.execPath, [script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, LOCAL_TENANT_ARGS: JSON.stringify(args) }, timeout: 60000
      }, (err, stdout, stderr) => {
        if (err) reject(new Error(`client script failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      });
    });
  }

  test('serves https://localhost with a self-signed certificate for localhost, its PEM at /_dev/certificate, cached', async () => {
    expect(h.url).toMatch(/^https:\/\/localhost:\d+$/);
    const cert = new X509Certificate(h.certificate!);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    const pem = await get('/_dev/certificate');
    expect(pem).toEqual(expect.objectContaining({ status: 200, type: 'application/x-pem-file', text: h.certificate }));
    expect((await get('/_dev/health')).status).toBe(200);
    // Cached next to its key, which only the owner may read.
    expect(fs.readFileSync(path.join(certDir, 'localhost-cert.pem'), 'utf8')).toBe(h.certificate);
    expect(fs.statSync(path.join(certDir, 'localhost-key.pem')).mode & 0o777).toBe(0o600);
    // Cached: a second start reuses the certificate people have already trusted.
    const again = await startLocalTenant({ port: 0, https: true, certDir });
    try {
      expect(again.certificate).toBe(h.certificate);
    } finally {
      await again.stop();
    }
    // Without trust, TLS refuses the connection: the certificate is what makes it work.
    await expect(new Promise((resolve, reject) => { https.get(`${h.url}/_dev/health`, resolve).on('error', reject); }))
      .rejects.toThrow(/self[- ]signed/i);
  });

  test('the Graph SDK with customHosts: requester flow, PageIterator, BatchRequestContent; PnPjs too', async () => {
    const caFile = path.join(certDir, 'trust.pem');
    fs.writeFileSync(caFile, (await get('/_dev/certificate')).text);
    const token = h.tenant.issueToken(U.adele).access_token;
    h.tenant.log.splice(0, h.tenant.log.length);
    const out = await runClientScript({
      baseUrl: h.url, token, packageName: 'Marketing Campaign Contributors', justification: 'Campaign', pageSize: 5, sitePath: '/sites/marketing',
      answers: [answer(ID.campaignQ, 'Winter'), answer(ID.regionQ, 'americas', 'choice')]
    }, caFile);

    expect(out.me.id).toBe(ID.adele);
    expect(out.packageId).toBeTruthy();
    expect(out.created).toEqual(expect.objectContaining({ state: 'submitted', requestType: 'userAdd' }));
    expect(out.myRequestIds).toContain(out.created.id);
    await h.tenant.settle();

    // Paging: every user once, in pages of 5, the links pointing back at https://localhost.
    expect(out.firstNextLink.startsWith(`${h.url}/v1.0/users?`)).toBe(true);
    expect(new Set(out.userIds).size).toBe(h.tenant.users.length);
    expect(out.userIds).toHaveLength(h.tenant.users.length);
    const userPages = h.tenant.log.filter((e) => e.method === 'GET' && /^\/v1\.0\/users\?/.test(e.path));
    expect(userPages).toHaveLength(Math.ceil(h.tenant.users.length / 5));

    expect(out.batch.me).toEqual({ status: 200, body: expect.objectContaining({ id: ID.adele }) });
    expect(out.batch.requestable.status).toBe(200);
    expect(out.batch.requestable.body.value).toContainEqual(expect.objectContaining({ id: out.packageId, displayName: 'Marketing Campaign Contributors' }));
    expect(out.batch.direct).toEqual({ status: 403, body: { error: expect.objectContaining({ code: expect.any(String) }) } });

    expect(out.withoutCustomHosts).toBe(401);
    expect(out.pnpMe).toBe(ID.adele);
    expect(out.pnpPackages).toBeGreaterThan(0);
    expect(out.spWebTitle).toBe('Marketing');
  });
});
