import { LocalTenantHandle } from '../../localTenant';
import { servicesFor, startTenant, readLog, waitFor } from './localTenantClient';
import { mapRequirement } from '../../src/models/policy';
import { isAppError } from '../../src/services/infrastructure/AppError';
import { grantLabel, siteLevelOfPackage } from '../../src/models/grants';
import { ID } from '../contoso';


let tenant: LocalTenantHandle;

beforeAll(async () => { tenant = await startTenant(); });
afterAll(async () => { await tenant.stop(); });
beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

describe('GraphEntitlementService against the local tenant', () => {
  it('lists what Adele may request, hidden packages marked, and maps what each grants', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const packages = await entitlements.listRequestablePackages();
    const names = packages.map(p => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['Marketing Campaign Contributors', 'Marketing Site Visitors', 'Project Falcon Team']));
    expect(names).not.toContain('Break-glass Admin Tools');
    const warRoom = packages.find(p => p.id === ID.warRoom);
    expect(warRoom && warRoom.isHidden).toBe(true);

    const grants = await entitlements.getGrants(packages);
    const contributors = (grants.get(ID.contributors) || []).map(grantLabel).sort();
    expect(contributors).toEqual(['Marketing Team — Member', 'Salesforce — Marketing User']);
    expect((grants.get(ID.visitors) || []).map(grantLabel)).toEqual(['Marketing — Visitors']);
  });

  it('batches the grant look-ups 20 to a $batch and serves the second load from cache', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const packages = await entitlements.listRequestablePackages();
    const before = (await readLog(tenant)).length;
    await entitlements.getGrants(packages);
    const afterCold = await readLog(tenant);
    const coldCalls = afterCold.slice(before).filter(e => /\$batch|resourceRoleScopes/.test(e.path));
    // The documented $expand=role,scope, 20 packages to a $batch, then one $batch of the resources' names.
    expect(coldCalls.length).toBe(Math.ceil(packages.length / 20) + 1);
    expect(coldCalls.every(e => /\$batch/.test(e.path))).toBe(true);
    await entitlements.getGrants(packages);
    const afterWarm = await readLog(tenant);
    expect(afterWarm.slice(afterCold.length).filter(e => /\$batch|resourceRoleScopes/.test(e.path))).toHaveLength(0);
  });

  it('finds the packages for the Marketing site through its site roles and its connected group', async () => {
    const services = servicesFor(tenant, 'adelev@contoso.com', 'marketing');
    const site = await services.site.getSite();
    expect(site.groupId).toBe('b11e98fb-0ea7-4352-ad9d-eef73fffa7a7');
    const packages = await services.entitlements.listRequestablePackages();
    const grants = await services.entitlements.getGrants(packages);
    const forSite = packages.filter(p => siteLevelOfPackage({ grants: grants.get(p.id) || [] }, site) !== 'none').map(p => p.displayName).sort();
    expect(forSite).toEqual(['Marketing Campaign Contributors', 'Marketing Site Visitors']);
    expect(await services.site.getMyLevel()).toBe('visitor');
  });

  it('reads the requirements with localized questions and submits a request that waits for the manager', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const [policy] = await entitlements.getRequirements(ID.contributors);
    expect(policy.isApprovalRequired).toBe(true);
    expect(policy.questions).toHaveLength(2);
    const [text, choice] = policy.questions;
    const request = await entitlements.submitRequest({
      accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'Spring campaign',
      answers: { [text.id]: ['Spring launch'], [choice.id]: ['emea'] }
    }, policy, 'en-us');
    expect(['submitted', 'pendingApproval']).toContain(request.state);
    const pending = await waitFor(async () => {
      const r = await entitlements.getRequest(request.id);
      return r.state === 'pendingApproval' ? r : undefined;
    });
    expect(pending.answers.map(a => a.value).sort()).toEqual(['Spring launch', 'emea']);
    const mine = (await entitlements.listMyRequests()).filter(r => r.accessPackageId === ID.contributors && r.state === 'pendingApproval');
    expect(mine).toHaveLength(1);
    const manager = await entitlements.getManager();
    expect(manager && manager.displayName).toBe('Megan Bowen');
  });

  it('maps a second request for the same package to openRequestExists, and a validation error to its field', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const [policy] = await entitlements.getRequirements(ID.contributors);
    const answers = { [policy.questions[0].id]: ['A'], [policy.questions[1].id]: ['emea'] };
    const first = await entitlements.submitRequest({ accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'x', answers }, policy);
    // The service returns the request already waiting instead of failing: read back, never post twice.
    const second = await entitlements.submitRequest({ accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'x', answers }, policy);
    expect(second.id).toBe(first.id);

    // A client that skipped its own validation still gets the service's error, tied to the field.
    const [falcon] = await entitlements.getRequirements(ID.falcon);
    const error = await entitlements.submitRequest({ accessPackageId: ID.falcon, policyId: falcon.policyId, justification: '', answers: {} }, { ...falcon, isJustificationRequired: false })
      .then(() => undefined, e => e);
    expect(isAppError(error)).toBe(true);
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('justification');
  });

  it('follows a request without approval until it is delivered, and the assignment appears', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const reqs = await entitlements.getRequirements(ID.engineering);
    expect(reqs).toHaveLength(1);
    expect(reqs[0].isApprovalRequired).toBe(false);
    const request = await entitlements.submitRequest({ accessPackageId: ID.engineering, policyId: reqs[0].policyId, justification: '', answers: {} }, reqs[0]);
    const delivered = await waitFor(async () => {
      const r = await entitlements.getRequest(request.id);
      return r.state === 'delivered' ? r : undefined;
    });
    expect(delivered.state).toBe('delivered');
    const assignments = await entitlements.listMyAssignments();
    expect(assignments.some(a => a.accessPackageId === ID.engineering && a.state === 'delivered')).toBe(true);
  });

  it('cancels a pending request', async () => {
    // Falcon War Room: one approval stage (Adele's Intranet Editors request is already open, held by its extension).
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const [policy] = await entitlements.getRequirements(ID.warRoom);
    const request = await entitlements.submitRequest({ accessPackageId: ID.warRoom, policyId: policy.policyId, justification: 'War room duty', answers: {} }, policy);
    await waitFor(async () => ((await entitlements.getRequest(request.id)).state === 'pendingApproval' ? true : undefined));
    await entitlements.cancelRequest(request.id);
    const after = await entitlements.getRequest(request.id);
    expect(after.state).toBe('canceled');
    const again = await entitlements.cancelRequest(request.id).then(() => undefined, e => e);
    expect(again && again.kind).toBe('notCancellable');
  });

  it('shows Jordan (Fabrikam guest) only the Fabrikam policy with its contract-number pattern', async () => {
    const { entitlements } = servicesFor(tenant, 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com');
    const policies = await entitlements.getRequirements(ID.falcon);
    expect(policies.map(p => p.displayName)).toEqual(['Fabrikam partners']);
    const q = policies[0].questions.find(x => x.kind === 'text');
    expect(q && q.kind === 'text' && q.regexPattern).toBeTruthy();
  });

  it('gives an empty requirement list, not an error, for a package nobody may request', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    expect(await entitlements.getRequirements(ID.breakGlass)).toEqual([]);
  });

  it('says notFound for an unknown package id', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    const error = await entitlements.getAvailablePackage('00000000-0000-4000-8000-000000000000').then(() => undefined, e => e);
    expect(error && error.kind).toBe('notFound');
  });

  it('retries a throttled read after Retry-After and still gets the data', async () => {
    const { entitlements } = servicesFor(tenant, 'adelev@contoso.com');
    await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1, retryAfterS: 1, path: 'filterByCurrentUser' }) });
    const started = Date.now();
    const outcome = entitlements.listMyAssignments().then(() => 'ok', e => e.kind);
    await new Promise(r => setTimeout(r, 300));
    await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await outcome).toBe('ok');
    // It waited for Retry-After (1 s) before asking again.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const log = await readLog(tenant);
    expect(log.some(e => e.status === 429)).toBe(true);
  });

  it('keeps questions mapped from the CSDL shape the tenant emits', async () => {
    const res = await fetch(`${tenant.url}/v1.0/identityGovernance/entitlementManagement/accessPackages/${ID.contributors}/getApplicablePolicyRequirements`, {
      method: 'POST', headers: { Authorization: `Bearer ${await (await fetch(`${tenant.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'johannal@contoso.com' }) })).json().then(b => b.access_token)}` }
    });
    const body = await res.json();
    const policy = mapRequirement(body.value[0]);
    expect(policy.questions[0].localizations.some(l => l.languageCode === 'de')).toBe(true);
  });
});
