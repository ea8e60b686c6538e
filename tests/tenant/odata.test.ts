/** OData query options and paging on collections (docs/graph-notes.md §1.1, §15.1). */
import { allPages, EM, expectEnvelope, ID, TestTenant, U } from './helpers';

let tt: TestTenant;
// Lenient on purpose: these test the emulator's general OData engine ($filter operators, $orderby, $skip, $count,
// nested options) on endpoints whose Graph pages document fewer options; strict mode is tests/tenant/queryOptions.test.ts.
beforeAll(async () => { tt = await TestTenant.start({ lenient: true }); });
afterAll(async () => { await tt.stop(); });

const PKGS = `${EM}/accessPackages`;
const q = async (query: string): Promise<string[]> => {
  const r = await tt.as(U.nestor, 'GET', `${PKGS}?$select=displayName&$orderby=displayName&${query}`);
  if (r.status !== 200) throw new Error(r.text);
  return r.body.value.map((p: any) => p.displayName);
};

test('$filter: eq, ne, and, or, not, parentheses, contains, startswith, in, tolower', async () => {
  expect(await q("$filter=displayName eq 'Intranet Editors'")).toEqual(['Intranet Editors']);
  expect(await q("$filter=displayName eq 'intranet editors'")).toEqual(['Intranet Editors']); // case-insensitive like Graph
  expect((await q('$filter=isHidden ne false'))).toEqual(['Falcon War Room']);
  expect(await q("$filter=startswith(displayName,'Marketing') and not contains(displayName,'Visitors')")).toEqual(['Marketing Campaign Contributors']);
  expect(await q("$filter=(startswith(displayName,'Falcon') or startswith(displayName,'Finance')) and isHidden eq false")).toEqual(['Finance Reports (read)']);
  expect(await q("$filter=contains(tolower(displayName),'team')")).toEqual(['Project Falcon Team']);
  expect(await q(`$filter=id in ('${ID.falcon}','${ID.warRoom}')`)).toEqual(['Falcon War Room', 'Project Falcon Team']);
  expect(await q(`$filter=catalog/id eq 'f53f6ad7-646e-425c-af07-1803142d960b'`)).toEqual(['Falcon War Room', 'Project Falcon Team']);
  expect(await q("$filter=resourceRoleScopes/any(r: r/role/originSystem eq 'AadApplication')")).toEqual(['Contoso Expenses Approver', 'Engineering Onboarding', 'Marketing Campaign Contributors']);
});

test('$filter on nested paths of requests: accessPackage/id, state, createdDateTime', async () => {
  const r = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$filter=accessPackage/id eq '${ID.finance}' and state eq 'denied'`);
  expect(r.body.value).toHaveLength(1);
  const since = await tt.as(U.adele, 'GET', `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$filter=createdDateTime ge ${new Date(Date.now() - 45 * 86400_000).toISOString()}`);
  expect(since.body.value.map((x: any) => x.state).sort()).toEqual(['denied', 'submitted']);
});

test('$orderby asc/desc and several keys', async () => {
  const desc = await tt.as(U.nestor, 'GET', `${PKGS}?$select=displayName&$orderby=displayName desc`);
  expect(desc.body.value[0].displayName).toBe('Project Falcon Team');
  const two = await tt.as(U.nestor, 'GET', `${PKGS}?$select=displayName,isHidden&$orderby=isHidden desc,displayName asc&$top=2`);
  expect(two.body.value.map((p: any) => p.displayName)).toEqual(['Falcon War Room', 'Break-glass Admin Tools']);
});

test('$top + @odata.nextLink chain (absolute, same origin), $skip, $count', async () => {
  const first = await tt.as(U.nestor, 'GET', `${PKGS}?$top=4&$count=true&$orderby=displayName`);
  expect(first.body['@odata.count']).toBe(9);
  expect(first.body.value).toHaveLength(4);
  expect(first.body['@odata.nextLink']).toMatch(new RegExp(`^${tt.url.replace(/[.]/g, '\\.')}/v1\\.0/identityGovernance/entitlementManagement/accessPackages\\?`));
  const { items, pages } = await allPages(tt, U.nestor, `${PKGS}?$top=4&$orderby=displayName`);
  expect(pages).toBe(3);
  expect(items.map((p) => p.id)).toEqual((await tt.as(U.nestor, 'GET', `${PKGS}?$orderby=displayName`)).body.value.map((p: any) => p.id));
  const skipped = await tt.as(U.nestor, 'GET', `${PKGS}?$orderby=displayName&$skip=7`);
  expect(skipped.body.value).toHaveLength(2);
  expect(skipped.body['@odata.nextLink']).toBeUndefined();
  // the nextLink works with the Host the request came to
  const viaLocalhost = await tt.as(U.nestor, 'GET', `http://localhost:${tt.h.port}${PKGS}?$top=5`);
  expect(viaLocalhost.body['@odata.nextLink']).toMatch(/^http:\/\/localhost:\d+\//);
});

test('400 for unknown properties in $select/$filter/$orderby/$expand, bad syntax and unknown options', async () => {
  for (const bad of ['$select=id,colour', "$filter=colour eq 'red'", '$orderby=colour', '$expand=owner', "$filter=displayName eq 'x", '$filter=displayName eq', '$top=-1', '$top=abc', '$foo=1', '$skiptoken=garbage', '$count=maybe', "$filter=catalog/nope eq 'x'"]) {
    const r = await tt.as(U.nestor, 'GET', `${PKGS}?${bad}`);
    expectEnvelope(r, 400);
  }
});

test('$select on function results and nested $expand options', async () => {
  const r = await tt.as(U.adele, 'GET', `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$select=id&$top=1`);
  expect(Object.keys(r.body.value[0])).toEqual(['id']);
  const x = await tt.as(U.nestor, 'GET', `${PKGS}/${ID.contributors}?$select=id&$expand=resourceRoleScopes($select=id;$expand=role($select=displayName))`);
  expect(x.body.resourceRoleScopes[0]).toEqual({ id: expect.any(String), role: { displayName: expect.any(String) } });
});

test('Prefer: odata.maxpagesize sets the page size', async () => {
  const r = await tt.as(U.nestor, 'GET', PKGS, { headers: { Prefer: 'odata.maxpagesize=2' } });
  expect(r.body.value).toHaveLength(2);
  const next = await tt.as(U.nestor, 'GET', r.body['@odata.nextLink'], { headers: { Prefer: 'odata.maxpagesize=2' } });
  expect(next.body.value).toHaveLength(2);
  expect(next.body.value[0].id).not.toBe(r.body.value[0].id);
});
