/**
 * Strict (the default): a query option Graph does not document for the endpoint answers 400 in Graph's envelope
 * (localTenant/graph/queryOptions.ts, docs/graph-notes.md §17); `lenient: true` honours it as before.
 */
import { DOCUMENTED_QUERY_OPTIONS } from '../../localTenant/graph/queryOptions';
import { AR, EM, expectEnvelope, ID, TestTenant, U } from './helpers';

const ALLOWED = `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
const APPROVER_REQUESTS = `${EM}/assignmentRequests/filterByCurrentUser(on='approver')`;
const DECISIONS = `${AR}/definitions/${ID.review}/instances/${ID.reviewInstance}/decisions/filterByCurrentUser(on='reviewer')`;

describe('strict', () => {
  let tt: TestTenant;
  beforeAll(async () => { tt = await TestTenant.start({ lenient: false }); });
  afterAll(async () => { await tt.stop(); });

  test.each([
    ['$count on allowedRequestor', U.adele, `${ALLOWED}?$count=true`, 'Count'],
    ['$skip on allowedRequestor', U.adele, `${ALLOWED}?$skip=100`, 'Skip'],
    ['$top on allowedRequestor', U.adele, `${ALLOWED}?$top=100`, 'Top'],
    ['$select on allowedRequestor', U.adele, `${ALLOWED}?$select=id`, 'Select'],
    ['$orderby on my assignments', U.alex, `${EM}/assignments/filterByCurrentUser(on='target')?$orderby=state`, 'OrderBy'],
    ['nested $expand on approver requests', U.diego, `${APPROVER_REQUESTS}?$expand=accessPackage($expand=assignmentPolicies)`, 'assignmentPolicies'],
    ['$expand=stages on the approvals list', U.diego, `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$expand=stages`, 'Expand'],
    ['$expand=insights on decisions', U.diego, `${DECISIONS}?$expand=insights`, 'Expand'],
    ['$count on decisions', U.diego, `${DECISIONS}?$count=true`, 'Count'],
    ['$expand=stages on instances', U.diego, `${AR}/definitions/${ID.review}/instances/filterByCurrentUser(on='reviewer')?$expand=stages`, 'Expand'],
    ['role($expand=resource) on role scopes', U.adele, `${EM}/availableAccessPackages/${ID.contributors}/resourceRoleScopes?$expand=role($expand=resource),scope`, 'resource'],
    ['$filter inside $expand', U.alex, `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage($filter=isHidden eq false)`, 'Filter'],
  ])('400 for %s', async (_what, user, path, named) => {
    const r = await tt.as(user, 'GET', path);
    expectEnvelope(r, 400);
    expect(r.body.error.code).toBe('BadRequest');
    expect(r.body.error.message).toMatch(/^The query specified in the URI is not valid\./);
    expect(r.body.error.message).toContain(named);
    expect(r.body.error.message).toMatch(/https:\/\/learn\.microsoft\.com\/en-us\/graph\/api\//);
  });

  test('the directory answers as the directory does', async () => {
    const r = await tt.as(U.adele, 'GET', '/v1.0/me?$skip=1');
    expectEnvelope(r, 400);
    expect(r.body.error.code).toBe('Request_BadRequest');
  });

  test.each([
    ['my requests with the documented expansions', U.alex, `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment($expand=assignmentPolicy)`],
    ['my assignments with the documented expansions and $filter', U.alex, `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy&$filter=state eq 'delivered'`],
    ['approver requests with the documented expansions', U.diego, `${APPROVER_REQUESTS}?$expand=requestor,accessPackage,assignment($expand=assignmentPolicy)`],
    ['approvals with $top', U.diego, `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$top=999`],
    ['role scopes with role,scope and $top', U.adele, `${EM}/availableAccessPackages/${ID.contributors}/resourceRoleScopes?$expand=role,scope&$top=5`],
    ['decisions with $select, $filter, $orderby, $top, $skip', U.diego, `${DECISIONS}?$select=id,decision&$filter=decision eq 'NotReviewed'&$orderby=decision&$top=5&$skip=0`],
    ['a user with $select and $expand=manager($select=…)', U.diego, `/v1.0/users/${ID.grady}?$select=id,displayName&$expand=manager($select=id,displayName)`],
  ])('200 for %s', async (_what, user, path) => {
    const r = await tt.as(user, 'GET', path);
    expect(r.status).toBe(200);
  });

  test('nextLinks carry only $skiptoken besides what was asked, and are followed', async () => {
    const big = await TestTenant.start({ lenient: false, scale: 'packages:250' });
    try {
      const first = await big.as(U.adele, 'GET', ALLOWED);
      expect(first.body['@odata.nextLink']).toMatch(/\$skiptoken=/);
      const next = await big.as(U.adele, 'GET', first.body['@odata.nextLink']);
      expect(next.status).toBe(200);
    } finally {
      await big.stop();
    }
  });

  test('every entry names its documentation', () => {
    for (const [key, entry] of Object.entries(DOCUMENTED_QUERY_OPTIONS)) {
      expect([key, entry.doc]).toEqual([key, expect.stringMatching(/^https:\/\/learn\.microsoft\.com\/en-us\/graph\/api\/.+\?view=graph-rest-1\.0$/)]);
    }
  });
});

describe('lenient: true', () => {
  let tt: TestTenant;
  beforeAll(async () => { tt = await TestTenant.start({ lenient: true }); });
  afterAll(async () => { await tt.stop(); });

  test('honours what Graph does not document, as before', async () => {
    const r = await tt.as(U.adele, 'GET', `${ALLOWED}?$count=true&$top=2&$skip=1&$select=id`);
    expect(r.status).toBe(200);
    expect(r.body['@odata.count']).toBeGreaterThan(2);
    expect(r.body.value).toHaveLength(2);
    const d = await tt.as(U.diego, 'GET', `${DECISIONS}?$expand=insights&$count=true`);
    expect(d.status).toBe(200);
  });
});
