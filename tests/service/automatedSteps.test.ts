/**
 * The product's service layer against the local tenant: a request held by a custom extension (docs/graph-notes.md
 * §3.12) and the Verified ID hand-off's beta read (§3.13).
 */
import { LocalTenantHandle } from '../../localTenant';
import { loadPanelData } from '../../src/services/loaders/loadPanelData';
import { isCredentialError } from '../../src/components/requestPanel/VerifiedIdHandOff';
import { toAppError } from '../../src/services/infrastructure/AppError';
import { ID, U } from '../contoso';
import { readLog, servicesFor, startTenant } from './localTenantClient';

let tenant: LocalTenantHandle;
beforeAll(async () => { tenant = await startTenant({ workflowDelayMs: 5 }); });
afterAll(async () => { await tenant.stop(); });
beforeEach(async () => { await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' }); });

const adeleIntranet = async (): Promise<ReturnType<typeof Object>> => {
  const { entitlements } = servicesFor(tenant, U.adele);
  return (await entitlements.listMyAccessRequests()).find(r => r.id === ID.adeleIntranetRequest);
};

describe('a request waiting on a custom extension', () => {
  it("MyAccess's read gives Adele's Intranet Editors request an automated step waiting since the request was made", async () => {
    const r = await adeleIntranet();
    expect(r).toBeDefined();
    expect(r.state).toBe('submitted');
    expect(r.automatedStep).toEqual({ failed: false, since: r.createdDateTime });
    // The panel's read (listMyRequests) carries it too; requests without an extension carry none.
    const { entitlements } = servicesFor(tenant, U.adele);
    const all = await entitlements.listMyRequests();
    expect(all.find(x => x.id === ID.adeleIntranetRequest)!.automatedStep).toEqual({ failed: false, since: r.createdDateTime });
    expect(all.filter(x => x.id !== ID.adeleIntranetRequest).every(x => x.automatedStep === undefined)).toBe(true);
  });

  it('a failed callout reads as failed, and a time-out too', async () => {
    tenant.tenant.failCallout(ID.adeleIntranetRequest, 'Logic App returned 500');
    expect((await adeleIntranet()).automatedStep).toEqual({ failed: true });
    await fetch(`${tenant.url}/_dev/reset`, { method: 'POST' });
    await fetch(`${tenant.url}/_dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: 'P1D' }) });
    expect((await adeleIntranet()).automatedStep).toEqual({ failed: true });
  });

  it('after the callback the request goes to approval and no step is shown', async () => {
    tenant.tenant.completeCallout(ID.adeleIntranetRequest, 'Course finished');
    await tenant.tenant.settle();
    const r = await adeleIntranet();
    expect(r.state).toBe('pendingApproval');
    expect(r.automatedStep).toBeUndefined();
  });
});

describe('Verified ID (beta)', () => {
  it("Megan's panel data marks the People managers policy of Contoso Expenses Approver, in the same parallel reads", async () => {
    await fetch(`${tenant.url}/_dev/log`, { method: 'DELETE' });
    const services = servicesFor(tenant, U.megan);
    const data = await loadPanelData(services, ID.expenses);
    expect(data.policies.map(p => [p.policyId, p.requiresVerifiedId])).toEqual([[ID.expensesPolicy, true]]);
    const log = (await readLog(tenant)).filter(e => /getApplicablePolicyRequirements$/.test(e.path));
    expect(log.map(e => `${e.method} ${e.path.replace(/identityGovernance\/entitlementManagement\/accessPackages\/[^/]+\//, '…/')} ${e.status}`).sort())
      .toEqual(['POST /beta/…/getApplicablePolicyRequirements 200', 'POST /v1.0/…/getApplicablePolicyRequirements 200']);
  });

  it('other packages are not marked; when the beta read fails the panel data is as before', async () => {
    const services = servicesFor(tenant, U.megan);
    const contributors = await loadPanelData(services, ID.contributors);
    expect(contributors.policies.length).toBeGreaterThan(0);
    expect(contributors.policies.every(p => !p.requiresVerifiedId)).toBe(true);
    // The beta route fails (503) while v1.0 answers.
    await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ errorRate: 1, path: '^/beta/' }) });
    try {
      // A read budget of 1 ms: the 503 is not retried (tests never wait for real time).
      const data = await loadPanelData(servicesFor(tenant, U.megan, 'marketing', 'en-us', tenant.url, { budgetMs: 1, baseDelayMs: 1 }), ID.expenses);
      expect(data.policies.map(p => [p.policyId, !!p.requiresVerifiedId])).toEqual([[ID.expensesPolicy, false]]);
    } finally {
      await fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    }
  });

  it("a v1.0 submit for the credential policy is refused, and the product recognises the refusal as the credential's", async () => {
    const { entitlements } = servicesFor(tenant, U.megan);
    const [policy] = await entitlements.getRequirements(ID.expenses);
    const error = await entitlements.submitRequest({ accessPackageId: ID.expenses, policyId: policy.policyId, justification: 'Approving team expenses', answers: {} }, policy)
      .then(() => undefined, async (e: unknown) => toAppError(e));
    expect(error && error.status).toBe(400);
    expect(isCredentialError(error)).toBe(true);
    // An ordinary refusal is not taken for it.
    const other = await entitlements.submitRequest({ accessPackageId: ID.contributors, policyId: ID.contributorsPolicy, justification: '', answers: {} }, (await entitlements.getRequirements(ID.contributors))[0])
      .then(() => undefined, async (e: unknown) => toAppError(e));
    expect(other && other.status).toBe(400);
    expect(isCredentialError(other)).toBe(false);
  });
});
