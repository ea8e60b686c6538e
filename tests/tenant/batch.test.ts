/** POST /v1.0/$batch (JSON batching with dependsOn). */
import { EM, expectEnvelope, ID, TestTenant, U, userAdd } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });
beforeEach(async () => { await tt.reset(); });

const batch = (user: string, requests: unknown[]) => tt.as(user, 'POST', '/v1.0/$batch', { body: { requests } });

test('independent requests with relative urls; per-response status/headers/body', async () => {
  const r = await batch(U.adele, [
    { id: '1', method: 'GET', url: '/me?$select=id,displayName' },
    { id: '2', method: 'GET', url: "identityGovernance/entitlementManagement/assignments/filterByCurrentUser(on='target')" },
    { id: '3', method: 'GET', url: '/users/nobody@contoso.com' },
  ]);
  expect(r.status).toBe(200);
  const byId = Object.fromEntries(r.body.responses.map((x: any) => [x.id, x]));
  expect(byId['1']).toEqual(expect.objectContaining({ status: 200, body: expect.objectContaining({ id: ID.adele, displayName: 'Adele Vance' }) }));
  expect(byId['1'].headers['Content-Type']).toMatch(/application\/json/);
  expect(byId['2'].body.value).toHaveLength(1);
  expect(byId['3'].status).toBe(404);
  expect(byId['3'].body.error.code).toBe('Request_ResourceNotFound');
});

test('dependsOn orders writes; a failed dependency yields 424', async () => {
  const r = await batch(U.lee, [
    { id: 'read', method: 'GET', url: `/identityGovernance/entitlementManagement/assignments/filterByCurrentUser(on='target')`, dependsOn: ['add'] },
    { id: 'add', method: 'POST', url: '/identityGovernance/entitlementManagement/assignmentRequests', headers: { 'Content-Type': 'application/json' }, body: userAdd(ID.engineering, ID.engineeringPolicy) },
    { id: 'dup', method: 'POST', url: '/identityGovernance/entitlementManagement/assignmentRequests', headers: { 'Content-Type': 'application/json' }, body: userAdd(ID.engineering, ID.engineeringPolicy), dependsOn: ['add'] },
    { id: 'after-dup', method: 'GET', url: '/me', dependsOn: ['dup'] },
  ]);
  expect(r.status).toBe(200);
  const byId = Object.fromEntries(r.body.responses.map((x: any) => [x.id, x]));
  expect(byId.add.status).toBe(201);
  expect(byId.add.body.state).toBe('submitted');
  expect(byId.dup.status).toBe(400);
  expect(byId.dup.body.error.code).toBe('AccessHubEmulator.ExistingOpenRequest');
  expect(byId['after-dup'].status).toBe(424);
  expect(byId.read.status).toBe(200);
  const order = r.body.responses.map((x: any) => x.id);
  expect(order.indexOf('add')).toBeLessThan(order.indexOf('read'));
});

test('more than 20 requests, unknown dependencies, duplicate ids, absolute urls and bad JSON: 400', async () => {
  const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
  expectEnvelope(await batch(U.adele, many), 400);
  expect((await batch(U.adele, many.slice(0, 20))).body.responses).toHaveLength(20);
  expectEnvelope(await batch(U.adele, [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }]), 400);
  expectEnvelope(await batch(U.adele, [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }]), 400);
  expectEnvelope(await batch(U.adele, [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }]), 400);
  expectEnvelope(await tt.as(U.adele, 'POST', '/v1.0/$batch', { raw: '{"requests": [' }), 400);
  expectEnvelope(await batch(U.adele, []), 400);
  expectEnvelope(await tt.call('POST', '/v1.0/$batch', { body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } }), 401);
});

test('a sub-request with a body needs Content-Type', async () => {
  const r = await batch(U.lee, [{ id: '1', method: 'POST', url: `${EM.replace('/v1.0', '')}/assignmentRequests`, body: userAdd(ID.engineering, ID.engineeringPolicy) }]);
  expect(r.body.responses[0].status).toBe(400);
});
