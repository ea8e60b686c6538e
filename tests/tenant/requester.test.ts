/** Requester endpoints (docs/graph-notes.md §3) and the request workflow without and with approval. */
import type { AccessPackage, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope } from '@microsoft/microsoft-graph-types';
import { answer, EM, expectEnvelope, ID, RA, SA, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const allowed = `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
const names = (r: { body: { value: AccessPackage[] } }): string[] => r.body.value.map((p) => p.displayName as string).sort();

const contributorsBody = (extra: Record<string, unknown> = {}) => userAdd(ID.contributors, ID.contributorsPolicy, {
  justification: 'Spring campaign', answers: [answer(ID.campaignQ, 'Spring launch'), answer(ID.regionQ, 'emea', 'choice')], ...extra,
});

describe('accessPackages/filterByCurrentUser', () => {
  test('Adele: employee packages incl. the hidden one (isHidden kept), never admin-only or People Managers', async () => {
    const r = await tt.as(U.adele, 'GET', allowed);
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toMatch(/\$metadata#Collection\(microsoft\.graph\.accessPackage\)$/);
    expect(names(r)).toEqual(['Engineering Onboarding', 'Falcon War Room', 'Finance Reports (read)', 'Intranet Editors',
      'Marketing Campaign Contributors', 'Marketing Site Visitors', 'Project Falcon Team']);
    const war = r.body.value.find((p: AccessPackage) => p.displayName === 'Falcon War Room');
    expect(war.isHidden).toBe(true);
    // Graph shape only: no foreign keys of the fixture
    for (const p of r.body.value) {
      expect(Object.keys(p).sort()).toEqual(['createdDateTime', 'description', 'displayName', 'id', 'isHidden', 'modifiedDateTime']);
    }
  });

  test('Megan (People Managers member) also sees Contoso Expenses Approver', async () => {
    expect(names(await tt.as(U.megan, 'GET', allowed))).toContain('Contoso Expenses Approver');
  });

  test('Jordan (Fabrikam guest) sees only Project Falcon Team', async () => {
    expect(names(await tt.as(U.jordan, 'GET', allowed))).toEqual(['Project Falcon Team']);
  });

  test('unknown on → 400; SubjectAccess suffices; no EM scope → 403', async () => {
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/accessPackages/filterByCurrentUser(on='everything')`), 400);
    expect((await tt.as(U.adele, 'GET', allowed, { scopes: [SA] })).status).toBe(200);
    expect((await tt.as(U.adele, 'GET', allowed, { scopes: [RA] })).status).toBe(200);
    expectEnvelope(await tt.as(U.adele, 'GET', allowed, { scopes: ['User.Read'] }), 403, 'Authorization_RequestDenied');
  });
});

describe('getApplicablePolicyRequirements', () => {
  const req = (id: string) => `${EM}/accessPackages/${id}/getApplicablePolicyRequirements`;

  test('one element per admitting policy, CSDL question shape', async () => {
    const r = await tt.as(U.adele, 'POST', req(ID.contributors));
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(1);
    const el = r.body.value[0];
    expect(el).toEqual(expect.objectContaining({
      policyId: ID.contributorsPolicy, policyDisplayName: 'Employees (manager approval)', isApprovalRequiredForAdd: true,
      isApprovalRequiredForUpdate: true, isRequestorJustificationRequired: true, allowCustomAssignmentSchedule: true,
    }));
    expect(el.schedule.expiration).toEqual({ type: 'afterDuration', duration: 'P90D', endDateTime: null });
    expect(el.questions.map((q: any) => q['@odata.type'])).toEqual(['#microsoft.graph.accessPackageTextInputQuestion', '#microsoft.graph.accessPackageMultipleChoiceQuestion']);
    expect(typeof el.questions[0].text).toBe('string');
    expect(el.questions[1].choices.map((c: any) => c.actualValue)).toEqual(['emea', 'americas', 'apac']);
  });

  test('Jordan sees only the Fabrikam policy of Project Falcon; Alex only the employee one', async () => {
    const j = await tt.as(U.jordan, 'POST', req(ID.falcon));
    expect(j.body.value.map((x: any) => x.policyId)).toEqual([ID.falconFabrikam]);
    expect(j.body.value[0].questions[0].regexPattern).toBe('^FAB-[0-9]{6}$');
    const a = await tt.as(U.alex, 'POST', req(ID.falcon));
    expect(a.body.value.map((x: any) => x.policyId)).toEqual([ID.falconEmployees]);
  });

  test('no admitting policy: an empty collection, not an error', async () => {
    const r = await tt.as(U.nestor, 'POST', req(ID.breakGlass));
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([]);
  });
});

describe('availableAccessPackages/{id}/resourceRoleScopes', () => {
  test('$expand=role,scope gives ids {roleId}_{scopeId} and a root scope', async () => {
    const r = await tt.as(U.adele, 'GET', `${EM}/availableAccessPackages/${ID.contributors}/resourceRoleScopes?$expand=role,scope`, { scopes: [SA] });
    expect(r.status).toBe(200);
    expect(r.body.value).toHaveLength(2);
    for (const rrs of r.body.value as AccessPackageResourceRoleScope[]) {
      expect(rrs.id).toBe(`${rrs.role?.id}_${rrs.scope?.id}`);
      expect(rrs.scope).toEqual(expect.objectContaining({ displayName: 'Root', description: 'Root Scope', isRootScope: true }));
      expect(rrs).not.toHaveProperty('roleId');
    }
    expect(r.body.value.map((x: any) => x.role.originId).sort()).toEqual(['2980314b-077a-4b70-a7fe-6bfb8f62906b', 'Member_b11e98fb-0ea7-4352-ad9d-eef73fffa7a7']);
  });

  test('hidden packages are reachable when a policy admits the caller; others 404', async () => {
    expect((await tt.as(U.adele, 'GET', `${EM}/availableAccessPackages/${ID.warRoom}/resourceRoleScopes`)).status).toBe(200);
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/availableAccessPackages/${ID.breakGlass}/resourceRoleScopes`), 404, '');
    expectEnvelope(await tt.as(U.jordan, 'GET', `${EM}/availableAccessPackages/${ID.contributors}/resourceRoleScopes`), 404, '');
  });
});

describe('POST assignmentRequests (userAdd)', () => {
  const post = (user: string, body: unknown) => tt.as(U[user as keyof typeof U] ?? user, 'POST', `${EM}/assignmentRequests`, { body });

  test('Adele: validation errors for missing justification, missing and invalid answers', async () => {
    expectEnvelope(await post('adele', contributorsBody({ justification: '' })), 400, 'AccessHubEmulator.JustificationRequired');
    const missing = await post('adele', contributorsBody({ answers: [answer(ID.campaignQ, 'Spring')] }));
    expectEnvelope(missing, 400, 'AccessHubEmulator.AnswerRequired');
    expect(missing.body.error.message).toContain(ID.regionQ);
    const badChoice = await post('adele', contributorsBody({ answers: [answer(ID.campaignQ, 'Spring'), answer(ID.regionQ, 'mars', 'choice')] }));
    expectEnvelope(badChoice, 400, 'AccessHubEmulator.AnswerInvalid');
    expect(badChoice.body.error.message).toContain(ID.regionQ);
    // nothing was created by the failures (her one open request is the fixture's, held by the Intranet Editors extension)
    const mine = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='createdBy')`);
    expect(mine.body.value.filter((r: any) => r.state === 'submitted' || r.state === 'pendingApproval').map((r: any) => r.id)).toEqual([ID.adeleIntranetRequest]);
  });

  test('Adele: 201 submitted/Accepted with null dates, then pendingApproval waiting for Megan; a second request is rejected', async () => {
    const r = await post('adele', contributorsBody());
    expect(r.status).toBe(201);
    const created = r.body as AccessPackageAssignmentRequest;
    expect(created).toEqual(expect.objectContaining({ requestType: 'userAdd', state: 'submitted', status: 'Accepted', createdDateTime: null, completedDateTime: null, justification: 'Spring campaign' }));
    expect(created.answers).toHaveLength(2);
    expect(created).not.toHaveProperty('requestorId');
    expectEnvelope(await post('adele', contributorsBody()), 400, 'AccessHubEmulator.ExistingOpenRequest');
    await tt.settle();
    const got = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/${created.id}?$expand=accessPackage,requestor,assignment($expand=target)`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(expect.objectContaining({ state: 'pendingApproval', status: 'PendingApproval', createdDateTime: expect.any(String) }));
    expect(got.body.accessPackage.displayName).toBe('Marketing Campaign Contributors');
    expect(got.body.requestor).toEqual(expect.objectContaining({ objectId: ID.adele, principalName: U.adele, subjectType: 'user', subjectLifecycle: expect.any(String) }));
    expect(got.body.assignment.target.objectId).toBe(ID.adele);
    const pending = await tt.as(U.megan, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`);
    expect(pending.body.value.map((x: any) => x.id)).toContain(created.id);
    expect((await tt.as(U.lynne, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`)).body.value.map((x: any) => x.id)).not.toContain(created.id);
  });

  test('Grady has no manager: the fallback approver (Lynne) gets his Marketing request', async () => {
    expect((await post('grady', contributorsBody())).status).toBe(201);
    await tt.settle();
    const lynne = await tt.as(U.lynne, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=requestor`);
    expect(lynne.body.value.map((x: any) => x.requestor.principalName)).toContain(U.grady);
  });

  test('Jordan: regex FAB- + 6 digits is enforced (after his current assignment ends)', async () => {
    const body = (v: string) => userAdd(ID.falcon, ID.falconFabrikam, { justification: 'WP4', answers: [answer(ID.contractQ, v)] });
    expectEnvelope(await post('jordan', body('FAB-123456')), 400, 'AccessHubEmulator.AlreadyAssigned');
    await tt.advance('P21D');
    const bad = await post('jordan', body('FAB-12345'));
    expectEnvelope(bad, 400, 'AccessHubEmulator.AnswerInvalid');
    expect(bad.body.error.message).toContain(ID.contractQ);
    expectEnvelope(await post('jordan', userAdd(ID.falcon, ID.falconEmployees, { justification: 'x' })), 400, 'AccessHubEmulator.PolicyNotAllowed');
    expect((await post('jordan', body('FAB-654321'))).status).toBe(201);
    await tt.settle();
    const patti = await tt.as(U.patti, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=requestor`);
    expect(patti.body.value.map((x: any) => x.requestor.principalName)).toContain(U.jordan);
  });

  test('policy must belong to the package; notSpecified never admits; already assigned rejected', async () => {
    expectEnvelope(await post('adele', userAdd(ID.contributors, ID.visitorsPolicy)), 400, 'AccessHubEmulator.PolicyNotAllowed');
    expectEnvelope(await post('nestor', userAdd(ID.breakGlass, '6221fd5d-772d-4ad8-a020-fb7ad38a73dc')), 400, 'AccessHubEmulator.PolicyNotAllowed');
    expectEnvelope(await post('adele', userAdd(ID.visitors, ID.visitorsPolicy)), 400, 'AccessHubEmulator.AlreadyAssigned');
    expectEnvelope(await post('adele', { requestType: 'userAdd', assignment: { accessPackageId: ID.contributors, assignmentPolicyId: ID.contributorsPolicy, targetId: ID.megan }, justification: 'x' }), 400, 'AccessHubEmulator.PolicyNotAllowed');
  });

  test('custom schedule: only where allowed and within the policy expiration', async () => {
    const start = new Date(Date.now() + 3600_000).toISOString();
    const within = { startDateTime: start, expiration: { type: 'afterDuration', duration: 'P30D' } };
    const tooLong = { startDateTime: start, expiration: { type: 'afterDuration', duration: 'P120D' } };
    expectEnvelope(await post('adele', contributorsBody({ schedule: tooLong })), 400, 'AccessHubEmulator.ScheduleOutOfRange');
    expectEnvelope(await post('adele', contributorsBody({ schedule: { startDateTime: '2001-01-01T00:00:00Z', expiration: { type: 'afterDuration', duration: 'P1D' } } })), 400, 'AccessHubEmulator.ScheduleOutOfRange');
    expectEnvelope(await post('alex', userAdd(ID.intranetEditors, ID.intranetPolicy, { justification: 'x', schedule: within })), 400, 'AccessHubEmulator.ScheduleNotAllowed');
    const ok = await post('adele', contributorsBody({ schedule: within }));
    expect(ok.status).toBe(201);
    expect(ok.body.schedule.expiration).toEqual(expect.objectContaining({ type: 'afterDuration', duration: 'P30D' }));
  });

  test('without approval: submitted → delivering → delivered, assignment and grants created', async () => {
    // Lee is not in the Engineering group; Engineering Onboarding has no approval
    const r = await post('lee', userAdd(ID.engineering, ID.engineeringPolicy));
    expect(r.status).toBe(201);
    await tt.settle();
    const got = await tt.as(U.lee, 'GET', `${EM}/assignmentRequests/${r.body.id}?$expand=assignment`);
    expect(got.body).toEqual(expect.objectContaining({ state: 'delivered', status: 'Delivered', completedDateTime: expect.any(String) }));
    expect(got.body.assignment).toEqual(expect.objectContaining({ state: 'delivered', status: 'Delivered', expiredDateTime: null }));
    const members = await tt.as(U.lee, 'GET', `/v1.0/groups/${ID.engineeringGroup}/members?$select=id`);
    expect(members.body.value.map((m: any) => m.id)).toContain(ID.lee);
    const mine = await tt.as(U.lee, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`);
    expect(mine.body.value.map((a: any) => a.accessPackage.displayName)).toEqual(['Engineering Onboarding']);
    expect(mine.body.value[0].assignmentPolicy.id).toBe(ID.engineeringPolicy);
  });

  test('malformed and wrongly typed bodies: 400 envelope; read-only scope cannot write', async () => {
    expectEnvelope(await tt.as(U.adele, 'POST', `${EM}/assignmentRequests`, { raw: '{"requestType":' }), 400);
    expectEnvelope(await post('adele', { requestType: 42, assignment: {} }), 400);
    expectEnvelope(await post('adele', { requestType: 'userAdd' }), 400);
    expectEnvelope(await post('adele', { ...contributorsBody(), answers: 'yes' }), 400);
    expectEnvelope(await post('adele', { ...contributorsBody(), parameters: { bypassApproval: true } }), 400);
    expectEnvelope(await post('adele', { ...contributorsBody(), requestType: 'userExtend' }), 400);
    expectEnvelope(await tt.as(U.adele, 'POST', `${EM}/assignmentRequests`, { body: contributorsBody(), scopes: [RA] }), 403);
  });

  test('quirk createStatus 200', async () => {
    const other = await TestTenant.start({ quirks: { createStatus: 200 } });
    try {
      expect((await other.as(U.adele, 'POST', `${EM}/assignmentRequests`, { body: contributorsBody() })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});

describe('userUpdate, userRemove, cancel', () => {
  test('userUpdate without schedule renews Engineering Onboarding for 365 days from now, no approval', async () => {
    const r = await tt.as(U.alex, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userUpdate', assignment: { id: ID.alexEngineeringAssignment } } });
    expect(r.status).toBe(201);
    await tt.settle();
    const a = (await tt.as(U.alex, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')?$filter=id eq '${ID.alexEngineeringAssignment}'`)).body.value[0];
    const end = Date.parse(a.schedule.expiration.endDateTime);
    const expected = tt.tenant.now().getTime() + 365 * 86400_000;
    expect(Math.abs(end - expected)).toBeLessThan(60_000);
    expect(a.state).toBe('delivered');
    // still in the Engineering group after the clock passes the old end date
    await tt.advance('P11D');
    const members = await tt.as(U.alex, 'GET', `/v1.0/groups/${ID.engineeringGroup}/members?$select=id`);
    expect(members.body.value.map((m: any) => m.id)).toContain(ID.alex);
  });

  test('userUpdate needs approval where isApprovalRequiredForUpdate (Megan renewing Marketing Campaign Contributors)', async () => {
    const asg = (await tt.as(U.megan, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage&$filter=accessPackage/id eq '${ID.contributors}'`)).body.value[0];
    expectEnvelope(await tt.as(U.megan, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userUpdate', assignment: { id: asg.id } } }), 400, 'AccessHubEmulator.JustificationRequired');
    const r = await tt.as(U.megan, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userUpdate', assignment: { id: asg.id }, justification: 'Summer campaign' } });
    expect(r.status).toBe(201);
    await tt.settle();
    const got = await tt.as(U.megan, 'GET', `${EM}/assignmentRequests/${r.body.id}`);
    expect(got.body).toEqual(expect.objectContaining({ requestType: 'userUpdate', state: 'pendingApproval' }));
  });

  test('userRemove takes the grants away but keeps base membership; not allowed where the policy forbids', async () => {
    const r = await tt.as(U.alex, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userRemove', assignment: { id: ID.alexEngineeringAssignment } } });
    expect(r.status).toBe(201);
    await tt.settle();
    const members = (await tt.as(U.alex, 'GET', `/v1.0/groups/${ID.engineeringGroup}/members?$select=id`)).body.value.map((m: any) => m.id);
    expect(members).not.toContain(ID.alex);
    expect(members).toContain(ID.isaiah); // base membership from the fixture
    const a = (await tt.as(U.alex, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')?$filter=id eq '${ID.alexEngineeringAssignment}'`)).body.value[0];
    expect(a.state).toBe('expired');
    expect(a.expiredDateTime).toEqual(expect.any(String));
    // Removing an assignment that is no longer active
    expectEnvelope(await tt.as(U.alex, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userRemove', assignment: { id: ID.alexEngineeringAssignment } } }), 400, 'AccessHubEmulator.AssignmentNotActive');
    // Someone else's assignment
    expectEnvelope(await tt.as(U.adele, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userRemove', assignment: { id: ID.meganFinanceAssignment } } }), 404, 'AccessHubEmulator.AssignmentNotFound');
  });

  test('cancel: 200 empty while pending, then NotCancellable; others may not cancel', async () => {
    const cancel = `${EM}/assignmentRequests/${ID.alexFalconRequest}/cancel`;
    expectEnvelope(await tt.as(U.adele, 'POST', cancel), 403, 'UnAuthorized');
    const r = await tt.as(U.alex, 'POST', cancel);
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const got = await tt.as(U.alex, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}`);
    expect(got.body).toEqual(expect.objectContaining({ state: 'canceled', status: 'Canceled' }));
    expectEnvelope(await tt.as(U.alex, 'POST', cancel), 400, 'AccessHubEmulator.NotCancellable');
    // a cancelled request no longer waits for Isaiah
    const isaiah = await tt.as(U.isaiah, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`);
    expect(isaiah.body.value).toEqual([]);
    expectEnvelope(await tt.as(U.alex, 'POST', `${EM}/assignmentRequests/00000000-0000-0000-0000-000000000000/cancel`), 404);
  });

  test('quirk cancelStatus 204', async () => {
    const other = await TestTenant.start({ quirks: { cancelStatus: 204 } });
    try {
      expect((await other.as(U.alex, 'POST', `${EM}/assignmentRequests/${ID.alexFalconRequest}/cancel`)).status).toBe(204);
    } finally {
      await other.stop();
    }
  });
});

describe('assignmentRequests/filterByCurrentUser and assignments', () => {
  test('target / createdBy / approver; evolvable options need Prefer', async () => {
    const target = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')`);
    expect(target.body.value.map((r: any) => r.state).sort()).toEqual(['delivered', 'denied', 'submitted']);
    const diego = await tt.as(U.diego, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`);
    expect(diego.body.value.map((r: any) => r.id)).toEqual([ID.gradyFinanceRequest]);
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='targetOrRequestor')`), 400);
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='unknownFutureValue')`), 400);
    const withPrefer = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='targetOrRequestor')`, { headers: { Prefer: 'include-unknown-enum-members' } });
    expect(withPrefer.status).toBe(200);
    expect(withPrefer.body.value).toHaveLength(3);
  });

  test('request expands: target is not a navigation of a request (400)', async () => {
    expectEnvelope(await tt.as(U.alex, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=target`), 400);
  });

  test('GET request by id: own or approver only', async () => {
    expect((await tt.as(U.isaiah, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}`)).status).toBe(200);
    expect((await tt.as(U.alex, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}`)).status).toBe(200);
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}`), 403);
    expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/7a3c0000-0000-0000-0000-000000000000`), 404);
  });

  test('assignments: current and expired, real null expiredDateTime', async () => {
    const j = await tt.as(U.johanna, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')`);
    expect(j.body.value).toHaveLength(1);
    expect(j.body.value[0]).toEqual(expect.objectContaining({ state: 'expired', expiredDateTime: expect.any(String) }));
    const a = await tt.as(U.alex, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')?$expand=target`);
    expect(a.body.value[0].expiredDateTime).toBeNull();
    expect(a.body.value[0].target.objectId).toBe(ID.alex);
    expectEnvelope(await tt.as(U.alex, 'GET', `${EM}/assignments/filterByCurrentUser(on='approver')`), 400);
  });
});
