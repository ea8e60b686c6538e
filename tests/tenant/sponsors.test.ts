/** Sponsors (docs/graph-notes.md §3.11): `GET /me/sponsors`, `GET /users/{id}/sponsors` and targetUserSponsors approvers. */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant';
import { answer, EM, expectEnvelope, ID, RWA, TestTenant, U, userAdd } from './helpers';

/** The Contoso fixture with Jordan's Falcon access and requests gone, so he can request it again; `tweak` changes more. */
function variant(tweak: (fx: any) => void = () => undefined): unknown {
  const fx = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  fx.assignments = fx.assignments.filter((a: any) => a.targetId !== ID.jordan);
  fx.assignmentRequests = fx.assignmentRequests.filter((r: any) => r.targetId !== ID.jordan);
  tweak(fx);
  return fx;
}

const falconAsJordan = () => userAdd(ID.falcon, ID.falconFabrikam, {
  justification: 'Fabrikam integration work package 4.', answers: [answer(ID.contractQ, 'FAB-123456')],
});

describe('GET /me/sponsors and /users/{id}/sponsors', () => {
  let tt: TestTenant;
  beforeAll(async () => {
    tt = await TestTenant.start({
      fixture: variant((fx) => {
        // Lee also has a group among his sponsors: the list carries both types.
        fx.users.find((u: any) => u.id === ID.lee).sponsorIds = [ID.megan, ID.falconGroup];
      }),
    });
  });
  afterAll(async () => { await tt.stop(); });

  test('Jordan reads his sponsor, Patti, as a directoryObject typed user, with $select', async () => {
    const r = await tt.as(U.jordan, 'GET', '/v1.0/me/sponsors?$select=id,displayName');
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toMatch(/\$metadata#directoryObjects$/);
    expect(r.body.value).toEqual([{ '@odata.type': '#microsoft.graph.user', id: ID.patti, displayName: 'Patti Fernandez' }]);
  });

  test('without $select a user sponsor has the default user properties; the same list by id or UPN', async () => {
    const me = await tt.as(U.jordan, 'GET', '/v1.0/me/sponsors');
    expect(me.body.value[0]).toMatchObject({ userPrincipalName: U.patti, mail: 'pattif@contoso.com', jobTitle: 'Project Falcon Lead' });
    expect(me.body.value[0]).not.toHaveProperty('sponsorIds');
    const byId = await tt.as(U.adele, 'GET', `/v1.0/users/${ID.jordan}/sponsors?$select=id,displayName`);
    expect(byId.body.value.map((x: any) => x.id)).toEqual([ID.patti]);
  });

  test('users and groups: a group sponsor comes typed group, and $select keeps what each type has', async () => {
    const r = await tt.as(U.lee, 'GET', '/v1.0/me/sponsors?$select=id,displayName,userPrincipalName');
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: ID.megan, displayName: 'Megan Bowen', userPrincipalName: U.megan },
      { '@odata.type': '#microsoft.graph.group', id: ID.falconGroup, displayName: 'Project Falcon' },
    ]);
  });

  test('most members have none; an unknown user is 404; an unknown property 400; no token 401', async () => {
    expect((await tt.as(U.adele, 'GET', '/v1.0/me/sponsors')).body.value).toEqual([]);
    expectEnvelope(await tt.as(U.adele, 'GET', '/v1.0/users/nobody@contoso.com/sponsors'), 404, 'Request_ResourceNotFound');
    expect((await tt.as(U.jordan, 'GET', '/v1.0/me/sponsors?$select=shoeSize')).status).toBe(400);
    expect((await tt.call('GET', '/v1.0/me/sponsors')).status).toBe(401);
  });

  test('$top is not documented for the list: 400 from the strict tenant', async () => {
    expect((await tt.as(U.jordan, 'GET', '/v1.0/me/sponsors?$top=1')).status).toBe(400);
  });
});

describe('targetUserSponsors approve (fallback approvers when the requestor has no sponsor)', () => {
  async function pendingFor(tt: TestTenant, approver: string): Promise<string[]> {
    const r = await tt.as(approver, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`, { scopes: [RWA] });
    expect(r.status).toBe(200);
    return r.body.value.filter((x: any) => x.justification === 'Fabrikam integration work package 4.').map((x: any) => x.id);
  }

  test('Jordan\'s sponsor decides his Falcon request; his expanded policy says so, visible to him', async () => {
    const tt = await TestTenant.start({
      // Lee sponsors Jordan here, so that the sponsor and the fallback (Patti) are different people.
      fixture: variant((fx) => { fx.users.find((u: any) => u.id === ID.jordan).sponsorIds = [ID.lee]; }),
    });
    try {
      const sent = await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: falconAsJordan() });
      expect(sent.status).toBe(201);
      await tt.settle();
      expect(await pendingFor(tt, U.lee)).toEqual([sent.body.id]);
      expect(await pendingFor(tt, U.patti)).toEqual([]);
      const mine = await tt.as(U.jordan, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=assignment($expand=assignmentPolicy)`);
      const stage = mine.body.value.find((x: any) => x.id === sent.body.id).assignment.assignmentPolicy.requestApprovalSettings.stages[0];
      expect(stage).toMatchObject({
        approverInformationVisibility: 'visible',
        primaryApprovers: [{ '@odata.type': '#microsoft.graph.targetUserSponsors' }],
        fallbackPrimaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: ID.patti }],
      });
    } finally {
      await tt.stop();
    }
  });

  test('without sponsors the fallback approver (Patti) decides', async () => {
    const tt = await TestTenant.start({ fixture: variant((fx) => { delete fx.users.find((u: any) => u.id === ID.jordan).sponsorIds; }) });
    try {
      expect((await tt.as(U.jordan, 'GET', '/v1.0/me/sponsors')).body.value).toEqual([]);
      const sent = await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: falconAsJordan() });
      await tt.settle();
      expect(await pendingFor(tt, U.patti)).toEqual([sent.body.id]);
      expect(await pendingFor(tt, U.lee)).toEqual([]);
    } finally {
      await tt.stop();
    }
  });

  test('a group sponsor: its members approve', async () => {
    const tt = await TestTenant.start({
      fixture: variant((fx) => {
        fx.users.find((u: any) => u.id === ID.jordan).sponsorIds = [ID.marketingGroup];
      }),
    });
    try {
      const sent = await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: falconAsJordan() });
      await tt.settle();
      // Marketing Team: Megan and Lynne.
      expect(await pendingFor(tt, U.megan)).toEqual([sent.body.id]);
      expect(await pendingFor(tt, U.lynne)).toEqual([sent.body.id]);
      expect(await pendingFor(tt, U.patti)).toEqual([]);
    } finally {
      await tt.stop();
    }
  });
});
