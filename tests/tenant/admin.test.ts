/** Admin / property-pane endpoints: scopes plus EM roles (docs/graph-notes.md §2.2, §6, §11.3). */
import { EM, expectEnvelope, ID, RA, SA, TestTenant, U } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });

const PROJECTS = 'f53f6ad7-646e-425c-af07-1803142d960b';

test('Identity Governance Administrator (Nestor) lists every package and catalog', async () => {
  // $select and $filter are what the list documents (no $orderby): sorted here.
  const p = await tt.as(U.nestor, 'GET', `${EM}/accessPackages?$select=id,displayName`);
  expect(p.status).toBe(200);
  expect(p.body.value).toHaveLength(9);
  const sorted = p.body.value.slice().sort((a: any, b: any) => a.displayName.localeCompare(b.displayName));
  expect(sorted[0]).toEqual({ id: ID.breakGlass, displayName: 'Break-glass Admin Tools' });
  expect((await tt.as(U.nestor, 'GET', `${EM}/catalogs`)).body.value).toHaveLength(4);
});

test('catalog owner (Patti) sees only the Projects catalog; other packages 403', async () => {
  const p = await tt.as(U.patti, 'GET', `${EM}/accessPackages`);
  expect(p.body.value.map((x: any) => x.displayName).sort()).toEqual(['Falcon War Room', 'Project Falcon Team']);
  expect((await tt.as(U.patti, 'GET', `${EM}/catalogs`)).body.value.map((c: any) => c.id)).toEqual([PROJECTS]);
  expectEnvelope(await tt.as(U.patti, 'GET', `${EM}/accessPackages/${ID.contributors}`), 403, 'UnAuthorized');
  // admin lists must be filtered by package for catalog-scoped admins
  expectEnvelope(await tt.as(U.patti, 'GET', `${EM}/assignments`), 403, 'UnAuthorized');
  const asg = await tt.as(U.patti, 'GET', `${EM}/assignments?$filter=accessPackage/id eq '${ID.falcon}'&$expand=target`);
  expect(asg.body.value.map((a: any) => a.target.objectId)).toEqual([ID.jordan]);
});

test('package detail with $expand=assignmentPolicies,resourceRoleScopes($expand=role,scope)', async () => {
  // What accesspackage-get documents (localTenant/graph/queryOptions.ts); `catalog` is not among them.
  const r = await tt.as(U.nestor, 'GET', `${EM}/accessPackages/${ID.falcon}?$expand=assignmentPolicies,resourceRoleScopes($expand=role,scope)`);
  expect(r.status).toBe(200);
  expect(r.body.assignmentPolicies.map((p: any) => p.displayName).sort()).toEqual(['Contoso employees (two-stage approval)', 'Fabrikam partners']);
  expect(r.body.assignmentPolicies[0]).not.toHaveProperty('accessPackageId');
  expect(r.body.assignmentPolicies[0]).not.toHaveProperty('questions');
  expect(r.body.resourceRoleScopes[0].role.originId).toBe(`Member_${ID.falconGroup}`);
  expect(r.body).not.toHaveProperty('catalogId');
});

test('catalog resources and resourceRoles with filters', async () => {
  const res = await tt.as(U.nestor, 'GET', `${EM}/catalogs/a5e57cd7-bb8a-4e8a-a9f7-3c7e485ee18d/resources?$filter=originId eq 'https://contoso.sharepoint.com/sites/marketing'&$expand=roles,scopes`);
  expect(res.body.value).toHaveLength(1);
  expect(res.body.value[0].roles.map((r: any) => r.originId)).toEqual(['3', '4', '5']);
  const roles = await tt.as(U.nestor, 'GET', `${EM}/catalogs/a5e57cd7-bb8a-4e8a-a9f7-3c7e485ee18d/resourceRoles?$filter=(originSystem eq 'SharePointOnline' and resource/id eq '4515a163-05b7-48a4-a713-48c85f6127b3')&$expand=resource`);
  expect(roles.body.value.map((r: any) => r.displayName)).toEqual(['Marketing Owners', 'Marketing Visitors', 'Marketing Members']);
  expect(roles.body.value[0].resource.originSystem).toBe('SharePointOnline');
});

test('without a role: 403 UnAuthorized with the verbatim message; without a scope: 403', async () => {
  const r = await tt.as(U.adele, 'GET', `${EM}/accessPackages`);
  expectEnvelope(r, 403, 'UnAuthorized');
  expect(r.body.error.message).toBe('User is not authorized to perform the operation. Reason: The caller is not authorized.');
  expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/catalogs`), 403, 'UnAuthorized');
  expectEnvelope(await tt.as(U.adele, 'GET', `${EM}/assignmentPolicies`), 403, 'UnAuthorized');
  expectEnvelope(await tt.as(U.nestor, 'GET', `${EM}/accessPackages`, { scopes: [SA] }), 403);
  expect((await tt.as(U.nestor, 'GET', `${EM}/accessPackages`, { scopes: [RA] })).status).toBe(200);
});

test('noLicense quirk: every EM call fails with NoLicense; directory still works', async () => {
  const unlicensed = await TestTenant.start({ quirks: { noLicense: true } });
  try {
    expectEnvelope(await unlicensed.as(U.adele, 'GET', `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`), 403, 'NoLicense');
    expectEnvelope(await unlicensed.as(U.nestor, 'GET', `${EM}/catalogs`), 403, 'NoLicense');
    expect((await unlicensed.as(U.adele, 'GET', '/v1.0/me')).status).toBe(200);
  } finally {
    await unlicensed.stop();
  }
});
