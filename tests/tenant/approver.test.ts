/** Approver endpoints (docs/graph-notes.md §4), the two-stage Project Falcon workflow, scopes and timeouts. */
import type { ApprovalStage } from '@microsoft/microsoft-graph-types';
import { answer, EM, expectEnvelope, ID, RWA, SA, TestTenant, U, userAdd } from './helpers';

const APPROVALS = `${EM}/accessPackageAssignmentApprovals`;
const MINE = `${APPROVALS}/filterByCurrentUser(on='approver')`;

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

async function stages(user: string, id: string): Promise<ApprovalStage[]> {
  const r = await tt.as(user, 'GET', `${APPROVALS}/${id}`);
  expect(r.status).toBe(200);
  expect(r.body.id).toBe(id);
  return r.body.stages;
}

test('Project Falcon Team: Isaiah approves stage 1, Patti must justify stage 2, Alex is delivered into the group', async () => {
  // Isaiah sees Alex's request; the approval id is the request id
  const list = await tt.as(U.isaiah, 'GET', MINE);
  expect(list.status).toBe(200);
  expect(list.body.value.map((a: any) => a.id)).toEqual([ID.alexFalconRequest]);
  const s1 = await stages(U.isaiah, ID.alexFalconRequest);
  expect(s1).toHaveLength(2);
  expect(s1[0]).toEqual(expect.objectContaining({ status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true, reviewedBy: null }));
  expect(s1[1]).toEqual(expect.objectContaining({ status: 'Initializing', assignedToMe: false }));
  // Patti is not an approver yet
  expect((await tt.as(U.patti, 'GET', MINE)).body.value.map((a: any) => a.id)).not.toContain(ID.alexFalconRequest);

  expect((await tt.as(U.isaiah, 'PATCH', `${APPROVALS}/${ID.alexFalconRequest}/stages/${s1[0].id}`, { body: { reviewResult: 'Approve', justification: 'Welcome aboard' } })).status).toBe(204);
  // a second decision on the same stage: 409
  expectEnvelope(await tt.as(U.isaiah, 'PATCH', `${APPROVALS}/${ID.alexFalconRequest}/stages/${s1[0].id}`, { body: { reviewResult: 'Deny' } }), 409, 'AccessHubEmulator.StageAlreadyDecided');
  expect((await tt.as(U.isaiah, 'GET', MINE)).body.value).toEqual([]);

  // stage 2 now waits for Patti
  expect((await tt.as(U.patti, 'GET', MINE)).body.value.map((a: any) => a.id)).toContain(ID.alexFalconRequest);
  const s2 = await stages(U.patti, ID.alexFalconRequest);
  expect(s2[0]).toEqual(expect.objectContaining({ status: 'Completed', reviewResult: 'Approved', justification: 'Welcome aboard', reviewedBy: expect.objectContaining({ id: ID.isaiah }) }));
  expect(s2[1]).toEqual(expect.objectContaining({ status: 'InProgress', assignedToMe: true }));
  const stage2 = `${APPROVALS}/${ID.alexFalconRequest}/stages/${s2[1].id}`;
  expectEnvelope(await tt.as(U.patti, 'PATCH', stage2, { body: { reviewResult: 'Approve' } }), 400, 'AccessHubEmulator.ApproverJustificationRequired');
  expectEnvelope(await tt.as(U.isaiah, 'PATCH', stage2, { body: { reviewResult: 'Approve', justification: 'me too' } }), 403);
  expect((await tt.as(U.patti, 'PATCH', stage2, { body: { reviewResult: 'Approve', justification: 'Q1 milestone' } })).status).toBe(204);

  await tt.settle();
  const req = await tt.as(U.alex, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}?$expand=assignment`);
  expect(req.body).toEqual(expect.objectContaining({ state: 'delivered', status: 'Delivered' }));
  expect(req.body.assignment.state).toBe('delivered');
  // Fixed-date policy: the assignment ends on the policy's endDateTime
  expect(req.body.assignment.schedule.expiration.type).toBe('afterDateTime');
  const members = await tt.as(U.alex, 'GET', `/v1.0/groups/${ID.falconGroup}/members?$select=id`);
  expect(members.body.value.map((m: any) => m.id)).toContain(ID.alex);
  // and SharePoint follows the group: Alex can now edit the Falcon site
  const perms = await tt.as(U.alex, 'GET', '/sites/falcon/_api/web/effectiveBasePermissions');
  expect(perms.body).toEqual({ High: '432', Low: '1011030767' });
});

test('deny ends the request; later stages never start', async () => {
  const s = await stages(U.isaiah, ID.alexFalconRequest);
  expect((await tt.as(U.isaiah, 'PATCH', `${APPROVALS}/${ID.alexFalconRequest}/stages/${s[0].id}`, { body: { reviewResult: 'Deny', justification: 'Not this quarter' } })).status).toBe(204);
  const r = await tt.as(U.alex, 'GET', `${EM}/assignmentRequests/${ID.alexFalconRequest}`);
  expect(r.body).toEqual(expect.objectContaining({ state: 'denied', status: 'Denied', completedDateTime: expect.any(String) }));
  expect((await tt.as(U.patti, 'GET', MINE)).body.value.map((a: any) => a.id)).not.toContain(ID.alexFalconRequest);
});

test('self-approval: Patti requesting Falcon War Room does not see it among her approvals and cannot decide it', async () => {
  const r = await tt.as(U.patti, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.warRoom, ID.warRoomPolicy, { justification: 'incident' }) });
  expect(r.status).toBe(201);
  await tt.settle();
  expect((await tt.as(U.patti, 'GET', MINE)).body.value.map((a: any) => a.id)).not.toContain(r.body.id);
  expect((await tt.as(U.patti, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`)).body.value.map((a: any) => a.id)).not.toContain(r.body.id);
  const stageId = tt.tenant.db.assignmentRequests.find((x) => x.id === r.body.id)!.approvalStages[0].id;
  expectEnvelope(await tt.as(U.patti, 'PATCH', `${APPROVALS}/${r.body.id}/stages/${stageId}`, { body: { reviewResult: 'Approve', justification: 'x' } }), 403);
});

test('scopes: SubjectAccess alone → 403 on approvals; ReadWrite.All → ok; switchable to SubjectAccess', async () => {
  expectEnvelope(await tt.as(U.isaiah, 'GET', MINE, { scopes: [SA] }), 403);
  expect((await tt.as(U.isaiah, 'GET', MINE, { scopes: [RWA] })).status).toBe(200);
  const relaxed = await TestTenant.start({ approvalScope: 'EntitlementMgmt-SubjectAccess.ReadWrite' });
  try {
    expect((await relaxed.as(U.isaiah, 'GET', MINE, { scopes: [SA] })).status).toBe(200);
    const s = (await relaxed.as(U.isaiah, 'GET', `${APPROVALS}/${ID.alexFalconRequest}`, { scopes: [SA] })).body.stages;
    expect((await relaxed.as(U.isaiah, 'PATCH', `${APPROVALS}/${ID.alexFalconRequest}/stages/${s[0].id}`, { scopes: [SA], body: { reviewResult: 'Approve' } })).status).toBe(204);
  } finally {
    await relaxed.stop();
  }
});

test('root approvals collection: 403 with empty code; unknown on → 400; bodies validated', async () => {
  const root = await tt.as(U.isaiah, 'GET', APPROVALS);
  expectEnvelope(root, 403, '');
  expect(root.body.error.message).toMatch(/^Only app tokens/);
  expectEnvelope(await tt.as(U.isaiah, 'GET', `${APPROVALS}/filterByCurrentUser(on='target')`), 400);
  const s = await stages(U.isaiah, ID.alexFalconRequest);
  const url = `${APPROVALS}/${ID.alexFalconRequest}/stages/${s[0].id}`;
  expectEnvelope(await tt.as(U.isaiah, 'PATCH', url, { body: { reviewResult: 'Approved' } }), 400);
  expectEnvelope(await tt.as(U.isaiah, 'PATCH', url, { raw: 'not json' }), 400);
  expectEnvelope(await tt.as(U.isaiah, 'PATCH', `${APPROVALS}/${ID.alexFalconRequest}/stages/00000000-0000-0000-0000-000000000000`, { body: { reviewResult: 'Approve' } }), 404);
  expectEnvelope(await tt.as(U.adele, 'GET', `${APPROVALS}/${ID.alexFalconRequest}`), 403);
  // nothing was decided by the failures
  expect((await stages(U.isaiah, ID.alexFalconRequest))[0].reviewResult).toBe('NotReviewed');
});

test('stages endpoints return the same stage objects as the approval carries inline', async () => {
  // The list documents only $top and $skip (no $expand=stages): GET approval carries them, as its example shows.
  expect(await stages(U.isaiah, ID.alexFalconRequest)).toHaveLength(2);
  const coll = await tt.as(U.isaiah, 'GET', `${APPROVALS}/${ID.alexFalconRequest}/stages`);
  expect(coll.body.value).toEqual(await stages(U.isaiah, ID.alexFalconRequest));
  const one = await tt.as(U.isaiah, 'GET', `${APPROVALS}/${ID.alexFalconRequest}/stages/${coll.body.value[0].id}`);
  expect(one.body).toEqual(expect.objectContaining(coll.body.value[0]));
});

test('Grady\'s Finance request: Diego must justify; it auto-denies after P4D (durationBeforeAutomaticDenial P3D)', async () => {
  const s = await stages(U.diego, ID.gradyFinanceRequest);
  expectEnvelope(await tt.as(U.diego, 'PATCH', `${APPROVALS}/${ID.gradyFinanceRequest}/stages/${s[0].id}`, { body: { reviewResult: 'Approve', justification: '  ' } }), 400, 'AccessHubEmulator.ApproverJustificationRequired');
  await tt.advance('P1D');
  expect((await tt.as(U.grady, 'GET', `${EM}/assignmentRequests/${ID.gradyFinanceRequest}`)).body.state).toBe('pendingApproval');
  await tt.advance('P3D');
  const r = await tt.as(U.grady, 'GET', `${EM}/assignmentRequests/${ID.gradyFinanceRequest}`);
  expect(r.body.state).toBe('denied');
  const after = await stages(U.diego, ID.gradyFinanceRequest);
  expect(after[0].status).toBe('Expired');
  expect((await tt.as(U.diego, 'GET', MINE)).body.value).toEqual([]);
  expectEnvelope(await tt.as(U.diego, 'PATCH', `${APPROVALS}/${ID.gradyFinanceRequest}/stages/${s[0].id}`, { body: { reviewResult: 'Approve', justification: 'late' } }), 409);
});

test('Jordan\'s renewed Fabrikam request goes to Patti and delivers after her approval', async () => {
  await tt.advance('P21D');
  const r = await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.falcon, ID.falconFabrikam, { justification: 'WP5', answers: [answer(ID.contractQ, 'FAB-000777')] }) });
  expect(r.status).toBe(201);
  await tt.settle();
  const s = await stages(U.patti, r.body.id);
  expect((await tt.as(U.patti, 'PATCH', `${APPROVALS}/${r.body.id}/stages/${s[0].id}`, { body: { reviewResult: 'Approve' } })).status).toBe(204);
  await tt.settle();
  const got = await tt.as(U.jordan, 'GET', `${EM}/assignmentRequests/${r.body.id}?$expand=assignment`);
  expect(got.body.state).toBe('delivered');
  expect(got.body.assignment.schedule.expiration.duration).toBe('P30D');
  expect(got.body.answers[0].value).toBe('FAB-000777');
});
