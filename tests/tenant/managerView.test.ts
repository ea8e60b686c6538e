/**
 * The manager view (docs/graph-notes.md §3.14): `filterByCurrentUser(on='targetManager')` on assignments and
 * assignment requests, metadata only, not documented. The local tenant answers it behind a switch (on by default):
 * on, a manager reads their direct reports' items; off, the 400 Graph gives a value the enum does not take.
 */
import { EM, expectEnvelope, ID, TestTenant, U } from './helpers';

const PREFER = { Prefer: 'include-unknown-enum-members' };
const ASSIGNMENTS = `${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage,target`;
const REQUESTS = `${EM}/assignmentRequests/filterByCurrentUser(on='targetManager')?$expand=requestor,accessPackage,assignment($expand=target)`;

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

describe("on='targetManager' with the switch on (the default)", () => {
  test("Isaiah reads his report Alex's assignments with the package and the person expanded", async () => {
    const r = await tt.as(U.isaiah, 'GET', ASSIGNMENTS, { headers: PREFER });
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toMatch(/\$metadata#Collection\(microsoft\.graph\.accessPackageAssignment\)$/);
    // Isaiah's reports: Alex (Engineering Onboarding), Henrietta and Lidia (Intranet Editors).
    expect(r.body.value.map((a: any) => a.id).sort())
      .toEqual([ID.alexEngineeringAssignment, ID.henriettaEditorsAssignment, ID.lidiaEditorsAssignment].sort());
    const a = r.body.value.find((x: any) => x.id === ID.alexEngineeringAssignment);
    expect(a.target).toEqual(expect.objectContaining({ objectId: ID.alex, displayName: 'Alex Wilber' }));
    expect(a.accessPackage).toEqual(expect.objectContaining({ id: ID.engineering, displayName: 'Engineering Onboarding' }));
    // Ending soon: the fixture's dates move with the tenant's clock.
    const left = new Date(a.schedule.expiration.endDateTime).getTime() - tt.tenant.now().getTime();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(14 * 86400000);
  });

  test("Isaiah reads Alex's requests, the pending Falcon one among them, with the requestor expanded", async () => {
    const r = await tt.as(U.isaiah, 'GET', REQUESTS, { headers: PREFER });
    expect(r.status).toBe(200);
    const falcon = r.body.value.find((x: any) => x.id === ID.alexFalconRequest);
    expect(falcon).toEqual(expect.objectContaining({ state: 'pendingApproval' }));
    expect(falcon.requestor).toEqual(expect.objectContaining({ objectId: ID.alex, displayName: 'Alex Wilber' }));
    expect(falcon.accessPackage.displayName).toBe('Project Falcon Team');
    // Only Alex's: nobody else reports to Isaiah.
    expect(new Set(r.body.value.map((x: any) => x.requestor.objectId))).toEqual(new Set([ID.alex]));
  });

  test('$filter on state (documented on the request) narrows to what is pending', async () => {
    const r = await tt.as(U.isaiah, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='targetManager')?$filter=state eq 'pendingApproval'`, { headers: PREFER });
    expect(r.status).toBe(200);
    expect(r.body.value.map((x: any) => x.id)).toEqual([ID.alexFalconRequest]);
  });

  test('a person nobody reports to gets an empty collection, not an error', async () => {
    for (const path of [ASSIGNMENTS, REQUESTS]) {
      const r = await tt.as(U.alex, 'GET', path, { headers: PREFER });
      expect(r.status).toBe(200);
      expect(r.body.value).toEqual([]);
    }
  });

  test('an evolvable member: without Prefer: include-unknown-enum-members it is refused (docs/graph-notes.md §1.2)', async () => {
    expectEnvelope(await tt.as(U.isaiah, 'GET', ASSIGNMENTS), 400);
    expectEnvelope(await tt.as(U.isaiah, 'GET', REQUESTS), 400);
  });

  test('$top is not documented on these functions and is refused (§17)', async () => {
    expectEnvelope(await tt.as(U.isaiah, 'GET', `${EM}/assignments/filterByCurrentUser(on='targetManager')?$top=1`, { headers: PREFER }), 400);
  });
});

describe('the switch', () => {
  test("off: targetManager is refused like a value the enum lacks, in Graph's envelope; target still answers", async () => {
    const off = await tt.call('POST', '/_dev/manager-view', { body: { enabled: false } });
    expect(off.body).toEqual({ enabled: false });
    for (const path of [ASSIGNMENTS, REQUESTS]) {
      const r = await tt.as(U.isaiah, 'GET', path, { headers: PREFER });
      expectEnvelope(r, 400, 'BadRequest');
      expect(r.body.error.message).toMatch(/'targetManager' is not a valid member of 'accessPackageAssignment(Request)?FilterByCurrentUserOptions'/);
    }
    // The same words as for a member no version has.
    const unknown = await tt.as(U.isaiah, 'GET', `${EM}/assignments/filterByCurrentUser(on='nobody')`, { headers: PREFER });
    expectEnvelope(unknown, 400, 'BadRequest');
    expect((await tt.as(U.isaiah, 'GET', `${EM}/assignments/filterByCurrentUser(on='target')`)).status).toBe(200);
    // Other evolvable members are not affected.
    expect((await tt.as(U.isaiah, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='targetOrRequestor')`, { headers: PREFER })).status).toBe(200);
  });

  test('GET tells the state; on again answers; reset restores the default', async () => {
    expect((await tt.call('GET', '/_dev/manager-view')).body).toEqual({ enabled: true });
    await tt.call('POST', '/_dev/manager-view', { body: { enabled: false } });
    expect((await tt.call('GET', '/_dev/manager-view')).body).toEqual({ enabled: false });
    await tt.reset();
    expect((await tt.call('GET', '/_dev/manager-view')).body).toEqual({ enabled: true });
    expect((await tt.as(U.isaiah, 'GET', ASSIGNMENTS, { headers: PREFER })).status).toBe(200);
    expectEnvelope(await tt.call('POST', '/_dev/manager-view', { body: { enabled: 'no' } }), 400);
  });

  test('managerView: false at start is the default that reset restores', async () => {
    const other = await TestTenant.start({ managerView: false });
    try {
      expectEnvelope(await other.as(U.isaiah, 'GET', ASSIGNMENTS, { headers: PREFER }), 400);
      await other.reset();
      expectEnvelope(await other.as(U.isaiah, 'GET', REQUESTS, { headers: PREFER }), 400);
    } finally {
      await other.stop();
    }
  });
});
