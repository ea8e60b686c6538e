/** A bad request never corrupts state; concurrent requests are safe. */
import { answer, EM, ID, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const snapshot = () => JSON.stringify({ ...tt.tenant.db, clockOffsetMs: 0 });

test('malformed requests leave the store untouched', async () => {
  const before = snapshot();
  const token = await tt.token(U.adele);
  const bodies: [string, string, string][] = [
    ['POST', `${EM}/assignmentRequests`, '{'],
    ['POST', `${EM}/assignmentRequests`, '[]'],
    ['POST', `${EM}/assignmentRequests`, 'null'],
    ['POST', `${EM}/assignmentRequests`, JSON.stringify({ requestType: 'userAdd', assignment: { accessPackageId: ID.contributors, assignmentPolicyId: ID.contributorsPolicy }, justification: 'x', answers: [{ value: 5, answeredQuestion: { id: ID.campaignQ } }] })],
    ['POST', `${EM}/assignmentRequests`, JSON.stringify({ requestType: 'userAdd', assignment: { accessPackageId: ID.contributors, assignmentPolicyId: ID.contributorsPolicy }, justification: 'x', answers: [answer(ID.campaignQ, 'a'), answer(ID.regionQ, 'emea', 'choice')], schedule: { startDateTime: 'tomorrow' } })],
    ['POST', `${EM}/assignmentRequests`, JSON.stringify({ requestType: 'userUpdate', assignment: { id: 12 } })],
    ['POST', `${EM}/assignmentRequests/${ID.alexFalconRequest}/cancel`, '{}'],
    ['PATCH', `${EM}/accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/6e6fbf2d-0730-46fc-a835-4cb7603438f5`, '{"reviewResult":"Approve"'],
    ['PATCH', `${EM}/accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/6e6fbf2d-0730-46fc-a835-4cb7603438f5`, '{"reviewResult":"Approve","justification":7}'],
    ['POST', '/v1.0/$batch', '{"requests":"all"}'],
    ['GET', `${EM}/accessPackages/filterByCurrentUser(on=allowedRequestor)`, ''],
    ['GET', `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$filter=((`, ''],
    ['GET', `/v1.0/me?$select=%ZZ`, ''],
  ];
  for (const [method, path, raw] of bodies) {
    const r = await tt.call(method, path, { token, raw: raw || undefined });
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body.error).toBeDefined();
  }
  await tt.settle();
  expect(snapshot()).toBe(before);
  // the tenant still works
  expect((await tt.as(U.adele, 'GET', '/v1.0/me')).status).toBe(200);
});

test('20 concurrent identical userAdd posts create exactly one request', async () => {
  const token = await tt.token(U.adele);
  const body = userAdd(ID.contributors, ID.contributorsPolicy, { justification: 'race', answers: [answer(ID.campaignQ, 'x'), answer(ID.regionQ, 'emea', 'choice')] });
  const results = await Promise.all(Array.from({ length: 20 }, () => tt.call('POST', `${EM}/assignmentRequests`, { token, body })));
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(results.filter((r) => r.status === 400).every((r) => r.body.error.code === 'AccessHubEmulator.ExistingOpenRequest')).toBe(true);
  await tt.settle();
  const mine = tt.tenant.db.assignmentRequests.filter((r) => r.targetId === ID.adele && r.accessPackageId === ID.contributors);
  expect(mine).toHaveLength(1);
  expect(mine[0].state).toBe('pendingApproval');
});

test('two approvers racing on the same stage: one 204, the other 409; the request moves on once', async () => {
  // Give stage 1 of Alex's request two approvers, then let both decide at once.
  const r = tt.tenant.db.assignmentRequests.find((x) => x.id === ID.alexFalconRequest)!;
  r.approvalStages[0].assignedToUserIds.push(ID.allan);
  tt.tenant.commit();
  const stage = r.approvalStages[0].id;
  const url = `${EM}/accessPackageAssignmentApprovals/${ID.alexFalconRequest}/stages/${stage}`;
  const [a, b] = await Promise.all([
    tt.as(U.isaiah, 'PATCH', url, { body: { reviewResult: 'Approve' } }),
    tt.as(U.allan, 'PATCH', url, { body: { reviewResult: 'Deny' } }),
  ]);
  expect([a.status, b.status].sort()).toEqual([204, 409]);
  const after = tt.tenant.db.assignmentRequests.find((x) => x.id === ID.alexFalconRequest)!;
  expect(after.approvalStages[0].status).toBe('Completed');
  expect(after.state).toBe(after.approvalStages[0].reviewResult === 'Approved' ? 'pendingApproval' : 'denied');
});

test('concurrent reads while writing stay consistent', async () => {
  const token = await tt.token(U.lee);
  const reads = Array.from({ length: 30 }, () => tt.call('GET', `${EM}/assignments/filterByCurrentUser(on='target')`, { token }));
  const write = tt.call('POST', `${EM}/assignmentRequests`, { token, body: userAdd(ID.engineering, ID.engineeringPolicy) });
  const all = await Promise.all([...reads, write]);
  expect(all.every((r) => r.status === 200 || r.status === 201)).toBe(true);
  await tt.settle();
  const assignments = tt.tenant.db.assignments.filter((a) => a.targetId === ID.lee);
  expect(assignments).toHaveLength(1);
  expect(tt.tenant.db.grants.filter((g) => g.assignmentId === assignments[0].id).length).toBe(2);
});
