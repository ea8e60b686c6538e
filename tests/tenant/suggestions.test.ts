/** Access package suggestions (docs/graph-notes.md §3.9): route, flags, shapes, permissions and the tenant switch. */
import { EM, expectEnvelope, ID, RA, RWA, SA, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const both = `${EM}/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')`;
const withPkg = `${both}?$expand=accessPackage`;
const RELATED = '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased';
const HISTORY = '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased';

describe('accessPackageSuggestions/filterByCurrentUser', () => {
  test("Alex: Intranet Editors, held by his two peers under Isaiah; Graph's shape with $expand=accessPackage", async () => {
    const r = await tt.as(U.alex, 'GET', withPkg);
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toMatch(/\$metadata#identityGovernance\/entitlementManagement\/accessPackageSuggestions\/filterByCurrentUser\(on='relatedPeopleAssignments,assignmentHistory'\)$/);
    expect(r.body.value).toEqual([{
      id: ID.intranetEditors,
      reasons: [{ '@odata.type': RELATED, relatedPeopleAssignmentCount: 2 }],
      accessPackage: { id: ID.intranetEditors, displayName: 'Intranet Editors', description: expect.any(String) },
    }]);
  });

  test('without $expand the package is not inline', async () => {
    const r = await tt.as(U.alex, 'GET', both);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.value[0]).sort()).toEqual(['id', 'reasons']);
  });

  test('related people are the manager, direct reports and peers: Isaiah sees what his reports and peers hold', async () => {
    const isaiah = await tt.as(U.isaiah, 'GET', both);
    const counts = isaiah.body.value.map((s: { id: string; reasons: { relatedPeopleAssignmentCount: number }[] }) => [s.id, s.reasons[0].relatedPeopleAssignmentCount]);
    // Henrietta and Lidia (reports); Alex (report) holds Engineering Onboarding; Lynne (a peer under Allan) Finance Reports.
    expect(counts).toEqual([[ID.intranetEditors, 2], [ID.engineering, 1], [ID.finance, 1]]);
    // Allan has no manager and no peers; Lynne (a report) holds Finance Reports; Megan (Lynne's report) is two levels down.
    const allan = await tt.as(U.allan, 'GET', both);
    expect(allan.body.value.map((s: { id: string; reasons: { relatedPeopleAssignmentCount: number }[] }) => [s.id, s.reasons[0].relatedPeopleAssignmentCount])).toEqual([[ID.finance, 1]]);
  });

  test('history: Johanna had Finance Reports (read) until it expired', async () => {
    const r = await tt.as(U.johanna, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='assignmentHistory')`);
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([{ id: ID.finance, reasons: [{ '@odata.type': HISTORY, pastAssignmentCount: 1, lastAssignmentDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }] }]);
  });

  test('a single flag selects its reasons only; none gives nothing', async () => {
    const related = await tt.as(U.johanna, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments')`);
    expect(related.status).toBe(200);
    // Diego (her manager) and his other reports hold nothing she may request and lacks.
    expect(related.body.value).toEqual([]);
    const alexHistory = await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='assignmentHistory')`);
    expect(alexHistory.body.value).toEqual([]);
    const none = await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='none')`);
    expect(none.status).toBe(200);
    expect(none.body.value).toEqual([]);
  });

  test('a package the caller holds is no longer suggested: Alex is assigned Intranet Editors after approval', async () => {
    const post = await tt.as(U.alex, 'POST', `${EM}/assignmentRequests`, { body: userAdd(ID.intranetEditors, ID.intranetPolicy, { justification: 'Engineering news' }) });
    expect(post.status).toBeLessThan(300);
    await tt.settle();
    // The policy's custom extension answers first (it holds new requests until its Logic App calls back).
    tt.tenant.completeCallout(post.body.id);
    await tt.settle();
    // Still suggested while it waits for Nestor: no assignment yet.
    expect((await tt.as(U.alex, 'GET', both)).body.value).toHaveLength(1);
    const approvals = await tt.as(U.nestor, 'GET', `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`);
    const approval = approvals.body.value.find((a: { id: string }) => a.id === post.body.id);
    expect(approval).toBeTruthy();
    const stages = await tt.as(U.nestor, 'GET', `${EM}/accessPackageAssignmentApprovals/${approval.id}/stages`);
    const patch = await tt.as(U.nestor, 'PATCH', `${EM}/accessPackageAssignmentApprovals/${approval.id}/stages/${stages.body.value[0].id}`, { body: { reviewResult: 'Approve', justification: 'ok' } });
    expect(patch.status).toBeLessThan(300);
    await tt.settle();
    expect((await tt.as(U.alex, 'GET', both)).body.value).toEqual([]);
  });

  test('flags: comma-separated with spaces and any case; an unknown member or an empty value → 400', async () => {
    const spaced = await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='assignmentHistory, RelatedPeopleAssignments')`);
    expect(spaced.status).toBe(200);
    expect(spaced.body.value).toHaveLength(1);
    expectEnvelope(await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,everything')`), 400, 'BadRequest');
    expectEnvelope(await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions/filterByCurrentUser(on='')`), 400, 'BadRequest');
  });

  test('permissions: Read.All or ReadWrite.All (no admin role needed); SubjectAccess alone → 403', async () => {
    expect((await tt.as(U.alex, 'GET', both, { scopes: [RA] })).status).toBe(200);
    expect((await tt.as(U.alex, 'GET', both, { scopes: [RWA] })).status).toBe(200);
    expectEnvelope(await tt.as(U.alex, 'GET', both, { scopes: [SA] }), 403, 'Authorization_RequestDenied');
  });

  test('strict: only $expand=accessPackage is documented', async () => {
    expectEnvelope(await tt.as(U.alex, 'GET', `${both}?$select=id`), 400, 'BadRequest');
    expectEnvelope(await tt.as(U.alex, 'GET', `${both}?$expand=accessPackage($expand=resourceRoleScopes)`), 400, 'BadRequest');
    expectEnvelope(await tt.as(U.alex, 'GET', `${both}?$top=1`), 400, 'BadRequest');
  });

  test('the collection root is not addressable: 404 with an empty code', async () => {
    expectEnvelope(await tt.as(U.alex, 'GET', `${EM}/accessPackageSuggestions`), 404, '');
  });
});

describe('the suggestions switch', () => {
  test("'unavailable': 404 as outside the global cloud; reset restores 'on'", async () => {
    expect((await tt.call('POST', '/_dev/suggestions', { body: { suggestions: 'unavailable' } })).status).toBe(200);
    expectEnvelope(await tt.as(U.alex, 'GET', withPkg), 404, '');
    await tt.reset();
    expect((await tt.call('GET', '/_dev/suggestions')).body).toEqual({ suggestions: 'on' });
    expect((await tt.as(U.alex, 'GET', withPkg)).status).toBe(200);
  });

  test("'off': related-people reasons dropped, history kept", async () => {
    await tt.call('POST', '/_dev/suggestions', { body: { suggestions: 'off' } });
    expect((await tt.as(U.alex, 'GET', withPkg)).body.value).toEqual([]);
    const j = await tt.as(U.johanna, 'GET', both);
    expect(j.body.value.map((s: { id: string }) => s.id)).toEqual([ID.finance]);
  });

  test('a bad value → 400; the startup option sets the default', async () => {
    expect((await tt.call('POST', '/_dev/suggestions', { body: { suggestions: 'maybe' } })).status).toBe(400);
    const other = await TestTenant.start({ suggestions: 'unavailable' });
    try {
      expect((await other.as(U.alex, 'GET', both)).status).toBe(404);
      await other.reset();
      expect((await other.as(U.alex, 'GET', both)).status).toBe(404);
    } finally { await other.stop(); }
  });
});
