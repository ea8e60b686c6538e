/** SharePoint REST (/sites/<name>/_api) and the directory endpoints. */
import { answer, EM, expectEnvelope, ID, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const FULL = { High: '2147483647', Low: '4294967295' };
const EDIT = { High: '432', Low: '1011030767' };
const READ = { High: '176', Low: '138612833' };

describe('SharePoint REST', () => {
  test('web, site (GroupId; zero GUID without a group), currentuser', async () => {
    const web = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web', { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(web.status).toBe(200);
    expect(web.body).toEqual(expect.objectContaining({ Title: 'Marketing', Url: 'https://contoso.sharepoint.com/sites/marketing', ServerRelativeUrl: '/sites/marketing', Id: expect.any(String) }));
    const site = await tt.as(U.adele, 'GET', '/sites/marketing/_api/site');
    expect(site.body).toEqual(expect.objectContaining({ Id: 'c13aa233-e8bd-4e21-aaa6-6c84dfef9d85', GroupId: ID.marketingGroup, Url: 'https://contoso.sharepoint.com/sites/marketing' }));
    expect((await tt.as(U.adele, 'GET', '/sites/intranet/_api/site')).body.GroupId).toBe('00000000-0000-0000-0000-000000000000');
    const me = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web/currentuser');
    expect(me.body).toEqual(expect.objectContaining({ LoginName: 'i:0#.f|membership|adelev@contoso.com', Title: 'Adele Vance', Email: 'adelev@contoso.com', IsSiteAdmin: false, Id: expect.any(Number) }));
    expect((await tt.as(U.megan, 'GET', '/sites/marketing/_api/web/currentuser')).body.IsSiteAdmin).toBe(true);
  });

  test('answers carry request-id (= SPRequestGuid) and echo client-request-id, as Graph does', async () => {
    const r = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web', { headers: { 'client-request-id': 'sp-crid-1' } });
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('request-id')).toBe(r.headers.get('SPRequestGuid'));
    expect(r.headers.get('client-request-id')).toBe('sp-crid-1');
    const g = await tt.as(U.adele, 'GET', '/v1.0/me', { headers: { 'client-request-id': 'g-crid-1' } });
    expect(g.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.headers.get('client-request-id')).toBe('g-crid-1');
  });

  test('files in Site Assets: read by anyone on the site, written by editors only, 404 when none, cleared by reset', async () => {
    const file = `/sites/marketing/_api/web/getFileByServerRelativeUrl('${encodeURIComponent('/sites/marketing/SiteAssets/map.json')}')/$value`;
    const add = `/sites/marketing/_api/web/getFolderByServerRelativeUrl('${encodeURIComponent('/sites/marketing/SiteAssets')}')/Files/add(url='map.json',overwrite=true)`;
    expect((await tt.as(U.adele, 'GET', file)).status).toBe(404);
    // Adele reads the site (Read); writing needs Edit.
    const denied = await tt.as(U.adele, 'POST', add, { raw: '{"v":1}' });
    expect(denied.status).toBe(403);
    expect(denied.body['odata.error'].code).toMatch(/UnauthorizedAccessException/);
    const added = await tt.as(U.megan, 'POST', add, { raw: '{"v":1}' });
    expect(added.status).toBe(200);
    expect(added.body).toEqual(expect.objectContaining({ Name: 'map.json', ServerRelativeUrl: '/sites/marketing/SiteAssets/map.json', Length: '7' }));
    const read = await tt.as(U.adele, 'GET', file);
    expect(read.status).toBe(200);
    expect(read.text).toBe('{"v":1}');
    // Not without overwrite, not outside Site Assets, not from another site, nor for someone without access.
    expect((await tt.as(U.megan, 'POST', add.replace('overwrite=true', 'overwrite=false'), { raw: '{}' })).status).toBe(400);
    expect((await tt.as(U.megan, 'POST', add.replace(encodeURIComponent('/sites/marketing/SiteAssets'), encodeURIComponent('/sites/marketing/Shared Documents')), { raw: '{}' })).status).toBe(400);
    expect((await tt.as(U.adele, 'GET', file.replace(/^\/sites\/marketing/, '/sites/intranet'))).status).toBe(404);
    expect((await tt.as(U.allan, 'GET', file)).status).toBe(403);
    await tt.reset();
    expect((await tt.as(U.adele, 'GET', file)).status).toBe(404);
  });

  test('verbose responses when asked; $select', async () => {
    const v = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web?$select=Title', { headers: { Accept: 'application/json;odata=verbose' } });
    expect(v.body.d.Title).toBe('Marketing');
    expect(v.body.d.Url).toBeUndefined();
  });

  test('effectiveBasePermissions: real masks from roles (everyone, group owners/members, users)', async () => {
    const perms = async (user: string, site: string) => (await tt.as(user, 'GET', `/sites/${site}/_api/web/effectiveBasePermissions`)).body;
    expect(await perms(U.nestor, 'intranet')).toEqual(FULL);
    expect(await perms(U.lee, 'intranet')).toEqual(EDIT);
    expect(await perms(U.adele, 'intranet')).toEqual(READ);
    expect(await perms(U.megan, 'marketing')).toEqual(FULL); // group owner
    expect(await perms(U.lynne, 'marketing')).toEqual(EDIT); // group member
    expect(await perms(U.adele, 'marketing')).toEqual(READ); // delivered "Marketing Site Visitors"
  });

  test('no read access: 403 on the site API except contextinfo; unknown site 404', async () => {
    const r = await tt.as(U.jordan, 'GET', '/sites/intranet/_api/web');
    expect(r.status).toBe(403);
    expect(r.body['odata.error'].message.value).toMatch(/Access denied/);
    expect((await tt.as(U.adele, 'GET', '/sites/finance/_api/web/effectiveBasePermissions')).status).toBe(403);
    const ctx = await tt.as(U.jordan, 'POST', '/sites/intranet/_api/contextinfo');
    expect(ctx.status).toBe(200);
    expect(ctx.body).toEqual(expect.objectContaining({ FormDigestValue: expect.any(String), FormDigestTimeoutSeconds: 1800, WebFullUrl: 'https://contoso.sharepoint.com/sites/intranet' }));
    expect((await tt.as(U.adele, 'GET', '/sites/nowhere/_api/web')).status).toBe(404);
    expect((await tt.as(U.adele, 'GET', '/sites/marketing/_api/web/lists')).status).toBe(404);
  });

  test('sitegroups list the site roles', async () => {
    const g = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web/sitegroups');
    expect(g.body.value.map((x: any) => [x.Id, x.Title])).toEqual([[3, 'Marketing Owners'], [4, 'Marketing Visitors'], [5, 'Marketing Members']]);
    const visitors = await tt.as(U.adele, 'GET', '/sites/marketing/_api/web/sitegroups/getById(4)/users');
    expect(visitors.body.value.map((u: any) => u.Email)).toEqual(['adelev@contoso.com']);
  });

  test('effectiveBasePermissions changes after delivery: Adele gets Edit on Marketing after Megan approves', async () => {
    const body = userAdd(ID.contributors, ID.contributorsPolicy, { justification: 'campaign', answers: [answer(ID.campaignQ, 'Autumn'), answer(ID.regionQ, 'apac', 'choice')] });
    const r = await tt.as(U.adele, 'POST', `${EM}/assignmentRequests`, { body });
    expect(r.status).toBe(201);
    await tt.settle();
    const stage = (await tt.as(U.megan, 'GET', `${EM}/accessPackageAssignmentApprovals/${r.body.id}`)).body.stages[0];
    expect((await tt.as(U.megan, 'PATCH', `${EM}/accessPackageAssignmentApprovals/${r.body.id}/stages/${stage.id}`, { body: { reviewResult: 'Approve' } })).status).toBe(204);
    await tt.settle();
    expect((await tt.as(U.adele, 'GET', '/sites/marketing/_api/web/effectiveBasePermissions')).body).toEqual(EDIT);
    const sf = tt.tenant.db.servicePrincipals.find((s) => s.id === ID.salesforceSp)!;
    expect(sf.appRoleAssignments.map((a) => [a.principalId, a.appRoleId]).sort()).toEqual([
      [ID.megan, '2980314b-077a-4b70-a7fe-6bfb8f62906b'], // Megan's fixture assignment, applied on load
      [ID.adele, '2980314b-077a-4b70-a7fe-6bfb8f62906b'],
    ].sort());
  });
});

describe('directory', () => {
  test('/me default properties; $select opens up more; unknown property → 400', async () => {
    const me = await tt.as(U.adele, 'GET', '/v1.0/me');
    expect(me.body).toEqual(expect.objectContaining({ id: ID.adele, displayName: 'Adele Vance', userPrincipalName: U.adele, preferredLanguage: 'en-US' }));
    expect(me.body).not.toHaveProperty('userType');
    expect(me.body).not.toHaveProperty('managerId');
    const sel = await tt.as(U.adele, 'GET', '/v1.0/me?$select=id,userType,department');
    expect(sel.body).toEqual(expect.objectContaining({ id: ID.adele, userType: 'Member', department: 'Marketing' }));
    expect(sel.body).not.toHaveProperty('displayName');
    expectEnvelope(await tt.as(U.adele, 'GET', '/v1.0/me?$select=id,shoeSize'), 400);
  });

  test('/users/{id|upn}, manager (404 without), /me/manager, groups', async () => {
    expect((await tt.as(U.adele, 'GET', `/v1.0/users/${U.alex}`)).body.id).toBe(ID.alex);
    const m = await tt.as(U.adele, 'GET', `/v1.0/users/${ID.adele}/manager`);
    expect(m.body).toEqual(expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: ID.megan }));
    expect((await tt.as(U.adele, 'GET', '/v1.0/me/manager')).body.id).toBe(ID.megan);
    expectEnvelope(await tt.as(U.grady, 'GET', '/v1.0/me/manager'), 404, 'Request_ResourceNotFound');
    expectEnvelope(await tt.as(U.adele, 'GET', '/v1.0/users/nobody@contoso.com'), 404);
    const g = await tt.as(U.adele, 'GET', `/v1.0/groups/${ID.marketingGroup}`);
    expect(g.body).toEqual(expect.objectContaining({ displayName: 'Marketing Team', groupTypes: ['Unified'] }));
    expect(g.body).not.toHaveProperty('memberIds');
    const guest = await tt.as(U.jordan, 'GET', `/v1.0/users/${ID.jordan}?$select=userType,mail`);
    expect(guest.body).toEqual(expect.objectContaining({ userType: 'Guest', mail: 'jordan.miller@fabrikam.com' }));
  });
});
