/**
 * Custom extensions that hold a request (docs/graph-notes.md §3.12) and the one /beta route, Verified ID's requirement
 * status (§3.13): callout shapes, hold, complete, fail, time-out, resume's permission, and the v1.0 POST a credential
 * policy refuses.
 */
import { EM, expectEnvelope, ID, RWA, SA, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const mine = async (user: string): Promise<any[]> =>
  (await tt.as(user, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')`)).body.value;
const request = async (user: string, id: string): Promise<any> => (await mine(user)).find((r) => r.id === id);
const resumeBody = (instanceId: string, extra: Record<string, unknown> = {}) => ({
  source: 'Contoso.TrainingCheck', type: 'microsoft.graph.accessPackageCustomExtensionStage.assignmentRequestCreated',
  data: { '@odata.type': 'microsoft.graph.accessPackageAssignmentRequestCallbackData', stage: 'assignmentRequestCreated', customExtensionStageInstanceId: instanceId, customExtensionStageInstanceDetail: 'Course finished', ...extra },
});

describe('callout instances on requests', () => {
  test("Adele's fixture request waits for the Intranet Editors extension, in Graph's customExtensionCalloutInstance shape", async () => {
    const r = await request(U.adele, ID.adeleIntranetRequest);
    expect({ state: r.state, status: r.status }).toEqual({ state: 'submitted', status: 'WaitingForCallback' });
    expect(r.customExtensionCalloutInstances).toEqual([{
      id: ID.intranetCallout, customExtensionId: ID.intranetExtension, detail: null, externalCorrelationId: expect.any(String), status: 'waitingForCallback',
    }]);
    // Requests of policies without an extension carry an empty list, as before.
    const others = (await mine(U.adele)).filter((x) => x.id !== ID.adeleIntranetRequest);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((x) => Array.isArray(x.customExtensionCalloutInstances) && x.customExtensionCalloutInstances.length === 0)).toBe(true);
  });

  test('a new request on the policy is held at assignmentRequestCreated: no approval stage starts until the callback', async () => {
    const post = await tt.as(U.lee, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.intranetEditors, ID.intranetPolicy, { justification: 'News' }) });
    expect(post.status).toBe(201);
    await tt.settle();
    const held = await request(U.lee, post.body.id);
    expect({ state: held.state, status: held.status }).toEqual({ state: 'submitted', status: 'WaitingForCallback' });
    expect(held.customExtensionCalloutInstances.map((c: any) => [c.customExtensionId, c.status])).toEqual([[ID.intranetExtension, 'waitingForCallback']]);
    // Nestor (the policy's approver) has nothing to approve yet.
    const approvals = await tt.as(U.nestor, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`);
    expect(approvals.body.value.map((x: any) => x.id)).not.toContain(post.body.id);
    // The callback moves it on to approval.
    tt.tenant.completeCallout(post.body.id, 'Course finished');
    await tt.settle();
    const after = await request(U.lee, post.body.id);
    expect(after.state).toBe('pendingApproval');
    expect(after.customExtensionCalloutInstances.map((c: any) => [c.status, c.detail])).toEqual([['callbackReceived', 'Course finished']]);
  });

  test('/_dev/callouts fails the call: calloutFailed, and the request is not moved on', async () => {
    const r = await tt.call('POST', '/_dev/callouts', { body: { requestId: ID.adeleIntranetRequest, outcome: 'fail', detail: 'Logic App returned 500' } });
    expect(r.status).toBe(200);
    // Any workflow step already scheduled for the request runs now: it must not move the request on either.
    await tt.settle();
    const after = await request(U.adele, ID.adeleIntranetRequest);
    expect(after.customExtensionCalloutInstances.map((c: any) => [c.status, c.detail])).toEqual([['calloutFailed', 'Logic App returned 500']]);
    expect(after.state).toBe('submitted');
    // Nothing waits any more: a second answer is refused.
    expectEnvelope(await tt.call('POST', '/_dev/callouts', { body: { requestId: ID.adeleIntranetRequest, outcome: 'complete' } }), 400, 'AccessHubEmulator.NotWaitingForCallback');
    expectEnvelope(await tt.call('POST', '/_dev/callouts', { body: { requestId: ID.adeleIntranetRequest, outcome: 'maybe' } }), 400);
  });

  test("the wait ends after the extension's timeoutDuration (P1D): callbackTimedOut", async () => {
    await tt.advance('PT20H');
    expect((await request(U.adele, ID.adeleIntranetRequest)).customExtensionCalloutInstances[0].status).toBe('waitingForCallback');
    await tt.advance('PT4H');
    expect((await request(U.adele, ID.adeleIntranetRequest)).customExtensionCalloutInstances[0].status).toBe('callbackTimedOut');
  });
});

describe('resume (the extension\'s callback)', () => {
  const path = `${EM}/assignmentRequests/${ID.adeleIntranetRequest}/resume`;

  test('a requestor may not resume, not even her own request (403); SubjectAccess alone is not enough', async () => {
    expectEnvelope(await tt.as(U.adele, 'POST', path, { body: resumeBody(ID.intranetCallout) }), 403);
    expectEnvelope(await tt.as(U.nestor, 'POST', path, { body: resumeBody(ID.intranetCallout), scopes: [SA] }), 403);
    expect((await request(U.adele, ID.adeleIntranetRequest)).customExtensionCalloutInstances[0].status).toBe('waitingForCallback');
  });

  test('an administrator with ReadWrite.All resumes: 204, callbackReceived with the detail, the request goes to approval', async () => {
    expectEnvelope(await tt.as(U.nestor, 'POST', path, { body: resumeBody('00000000-0000-0000-0000-00000000beef'), scopes: [RWA] }), 400, 'AccessHubEmulator.NotWaitingForCallback');
    const r = await tt.as(U.nestor, 'POST', path, { body: resumeBody(ID.intranetCallout), scopes: [RWA] });
    expect(r.status).toBe(204);
    await tt.settle();
    const after = await request(U.adele, ID.adeleIntranetRequest);
    expect(after.state).toBe('pendingApproval');
    expect(after.customExtensionCalloutInstances[0]).toEqual(expect.objectContaining({ status: 'callbackReceived', detail: 'Course finished' }));
    expectEnvelope(await tt.as(U.nestor, 'POST', path, { body: resumeBody(ID.intranetCallout), scopes: [RWA] }), 400, 'AccessHubEmulator.NotWaitingForCallback');
    expectEnvelope(await tt.as(U.nestor, 'POST', `${EM}/assignmentRequests/00000000-0000-0000-0000-000000000000/resume`, { body: resumeBody(ID.intranetCallout), scopes: [RWA] }), 404);
  });

  test('an administrator reads the policy with customExtensionStageSettings($expand=customExtension)', async () => {
    const r = await tt.as(U.nestor, 'GET', `${EM}/assignmentPolicies/${ID.intranetPolicy}?$expand=customExtensionStageSettings($expand=customExtension)`);
    expect(r.status).toBe(200);
    expect(r.body.customExtensionStageSettings).toEqual([expect.objectContaining({
      stage: 'assignmentRequestCreated',
      customExtension: expect.objectContaining({
        '@odata.type': '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension', id: ID.intranetExtension,
        displayName: 'Intranet editor training check', callbackConfiguration: expect.objectContaining({ timeoutDuration: 'P1D' }),
      }),
    })]);
    // A requestor cannot read policies at all (no entitlement-management role): the name stays out of her reach.
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentPolicies/${ID.intranetPolicy}?$expand=customExtensionStageSettings($expand=customExtension)`), 403);
  });
});

describe('Verified ID (beta only)', () => {
  const betaReq = (pkg: string) => `/beta/identityGovernance/entitlementManagement/accessPackages/${pkg}/getApplicablePolicyRequirements`;

  test('beta getApplicablePolicyRequirements carries verifiableCredentialRequired for the credential policy, null elsewhere', async () => {
    const r = await tt.as(U.megan, 'POST', betaReq(ID.expenses));
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(1);
    expect(r.body.value[0]).toEqual(expect.objectContaining({
      policyId: ID.expensesPolicy,
      verifiableCredentialRequirementStatus: { '@odata.type': '#microsoft.graph.verifiableCredentialRequired', expiryDateTime: expect.any(String), url: expect.stringMatching(/^openid-vc:\/\//) },
    }));
    const plain = await tt.as(U.megan, 'POST', betaReq(ID.contributors));
    expect(plain.body.value.map((p: any) => p.verifiableCredentialRequirementStatus)).toEqual([null]);
    // v1.0 has no such member.
    const v1 = await tt.as(U.megan, 'POST', `${EM}/accessPackages/${ID.expenses}/getApplicablePolicyRequirements`);
    expect(v1.status).toBe(200);
    expect(v1.body.value[0]).not.toHaveProperty('verifiableCredentialRequirementStatus');
    // Still a Graph call: a token is needed.
    expect((await tt.call('POST', betaReq(ID.expenses))).status).toBe(401);
  });

  test('every other /beta path stays 404, also GET of the same path and beta $batch', async () => {
    expectEnvelope(await tt.as(U.megan, 'GET', betaReq(ID.expenses)), 404);
    expectEnvelope(await tt.as(U.megan, 'GET', '/beta/me'), 404);
    expectEnvelope(await tt.as(U.megan, 'GET', `/beta/identityGovernance/entitlementManagement/accessPackages/filterByCurrentUser(on='allowedRequestor')`), 404);
    expectEnvelope(await tt.as(U.megan, 'POST', '/beta/identityGovernance/entitlementManagement/assignmentRequests', { body: userAdd(ID.expenses, ID.expensesPolicy) }), 404);
    expectEnvelope(await tt.as(U.megan, 'POST', '/beta/$batch', { body: { requests: [] } }), 404);
  });

  test('a v1.0 POST for the credential policy is refused (no credential can be presented) and creates nothing', async () => {
    const before = (await mine(U.megan)).length;
    const r = await tt.as(U.megan, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.expenses, ID.expensesPolicy) });
    expectEnvelope(r, 400, 'AccessHubEmulator.VerifiableCredentialRequired');
    expect((await mine(U.megan)).length).toBe(before);
  });
});
