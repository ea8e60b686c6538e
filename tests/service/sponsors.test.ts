/**
 * Sponsors as approvers through the product's service layer against the local tenant: `GET /me/sponsors`, the approvers
 * of a request's expanded policy, and what the panel's loader names (docs/graph-notes.md §3.11).
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH, LocalTenantHandle } from '../../localTenant';
import { measureFromLog, servicesFor, startTenant, waitFor } from './localTenantClient';
import { loadApprovalInfo } from '../../src/services/loaders/loadApprovalInfo';
import { ID, U } from '../contoso';

/** Jordan's Falcon access has ended (he may request it again); `visibility` is the Fabrikam stage's setting. */
function fixture(visibility: string): unknown {
  const fx = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  fx.assignments = fx.assignments.filter((a: any) => a.targetId !== ID.jordan);
  fx.assignmentRequests = fx.assignmentRequests.filter((r: any) => r.targetId !== ID.jordan);
  fx.assignmentPolicies.find((p: any) => p.id === ID.falconFabrikam).requestApprovalSettings.stages[0].approverInformationVisibility = visibility;
  return fx;
}

async function requestFalconAsJordan(tenant: LocalTenantHandle): Promise<{ id: string; description: string }> {
  const { entitlements } = servicesFor(tenant, U.jordan, 'falcon');
  const [policy] = await entitlements.getRequirements(ID.falcon);
  const request = await entitlements.submitRequest({
    accessPackageId: ID.falcon, policyId: policy.policyId, justification: 'Fabrikam integration work package 4.',
    answers: { [ID.contractQ]: ['FAB-123456'] }
  }, policy, 'en-us');
  await waitFor(async () => ((await entitlements.getRequest(request.id)).state === 'pendingApproval' ? true : undefined));
  return { id: request.id, description: policy.description };
}

describe('sponsors at the Contoso fixture', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });

  it('Jordan\'s sponsor is Patti, in one GET /me/sponsors; Adele has none', async () => {
    const jordan = servicesFor(tenant, U.jordan);
    await jordan.entitlements.getMe();
    let sponsors: unknown;
    const cost = await measureFromLog(tenant, async () => { sponsors = await jordan.entitlements.getSponsors(); });
    expect(sponsors).toEqual([{ id: ID.patti, displayName: 'Patti Fernandez', userPrincipalName: '', mail: undefined, preferredLanguage: undefined }]);
    expect(cost.requests).toBe(1);
    expect(cost.paths[0]).toMatch(/\/v1\.0\/me\/sponsors\?\$select=id,displayName$/);
    expect(await servicesFor(tenant, U.adele).entitlements.getSponsors()).toEqual([]);
  });

  it('MyAccess reads who approves from the expanded policies: Jordan\'s sponsor (visible), Alex\'s manager then others', async () => {
    const [falcon] = (await servicesFor(tenant, U.jordan).entitlements.listMyAccessAssignments()).filter(a => a.accessPackageId === ID.falcon);
    expect(falcon.approvers).toEqual([{ visibility: 'visible', kinds: ['sponsor'] }]);
    const alexFalcon = (await servicesFor(tenant, U.alex).entitlements.listMyAccessRequests()).find(r => r.id === ID.alexFalconRequest);
    expect(alexFalcon && alexFalcon.approvers).toEqual([{ visibility: 'default', kinds: ['manager'] }, { visibility: 'default', kinds: ['other'] }]);
  });
});

describe.each([
  ['visible', { sponsors: ['Patti Fernandez'], hidden: undefined }],
  ['default', { sponsors: ['Patti Fernandez'], hidden: undefined }],
  ['notVisible', { sponsors: undefined, hidden: true }]
])('Jordan requests Project Falcon; the stage\'s approverInformationVisibility is %s', (visibility, expected) => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant({ fixture: fixture(visibility), workflowDelayMs: 5 }); });
  afterAll(async () => { await tenant.stop(); });

  it('the panel\'s loader finds his request\'s policy among his requests and names his sponsor, or says nobody', async () => {
    const { id, description } = await requestFalconAsJordan(tenant);
    const services = servicesFor(tenant, U.jordan, 'falcon');
    await services.entitlements.getMe();
    let info: Awaited<ReturnType<typeof loadApprovalInfo>> | undefined;
    const cost = await measureFromLog(tenant, async () => { info = await loadApprovalInfo(services, id, description, true); });
    expect({ sponsors: info!.sponsors && info!.sponsors.map(s => s.displayName), hidden: info!.hidden }).toEqual(expected);
    expect(info!.manager).toBeUndefined();
    // The approval (403 for a requester), my requests with their policies, and the sponsors only when they are named.
    expect(cost.paths.some(p => /\/me\/sponsors/.test(p))).toBe(!expected.hidden);
    expect(cost.paths.some(p => /assignmentRequests\/filterByCurrentUser\(on='target'\)\?\$expand=accessPackage,assignment\(\$expand=assignmentPolicy\)/.test(p))).toBe(true);
  });
});
