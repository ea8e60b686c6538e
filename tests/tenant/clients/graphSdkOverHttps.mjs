// A Graph developer's own script against the local tenant over HTTPS, configured the way Microsoft documents a
// non-default host: `customHosts` on the SDK, the development certificate trusted with NODE_EXTRA_CA_CERTS (read at
// process start, which is why this runs as its own process). Prints what it saw as JSON; clients.test.ts asserts.
//
//   NODE_EXTRA_CA_CERTS=<cert.pem> LOCAL_TENANT_ARGS='{"baseUrl":"https://localhost:4400","token":"…",…}' node graphSdkOverHttps.mjs
import { BatchRequestContent, BatchResponseContent, Client, PageIterator } from '@microsoft/microsoft-graph-client';
import { graphfi, GraphBrowser, GraphQueryable, graphGet } from '@pnp/graph';
import '@pnp/graph/users/index.js';
import { InjectHeaders } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs/index.js';

const args = JSON.parse(process.env.LOCAL_TENANT_ARGS);
const host = new URL(args.baseUrl).hostname;
const EM = '/identityGovernance/entitlementManagement';

function sdk(options = {}) {
  return Client.init({
    baseUrl: `${args.baseUrl}/`,
    defaultVersion: 'v1.0',
    authProvider: (done) => done(null, args.token),
    ...options,
  });
}

async function status(promise) {
  try {
    await promise;
    return 200;
  } catch (e) {
    return e.statusCode ?? e.code ?? String(e);
  }
}

const out = {};
const client = sdk({ customHosts: new Set([host]) });

// Requester flow.
out.me = await client.api('/me').select('id,displayName').get();
const requestable = await client.api(`${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`).get();
const pkg = requestable.value.find((p) => p.displayName === args.packageName);
out.packageId = pkg && pkg.id;
const requirements = await client.api(`${EM}/accessPackages/${pkg.id}/getApplicablePolicyRequirements`).post({});
out.policyId = requirements.value[0].policyId;
out.created = await client.api(`${EM}/assignmentRequests`).post({
  requestType: 'userAdd',
  assignment: { accessPackageId: pkg.id, assignmentPolicyId: out.policyId },
  justification: args.justification,
  answers: args.answers,
});
const mine = await client.api(`${EM}/assignmentRequests/filterByCurrentUser(on='target')`).get();
out.myRequestIds = mine.value.map((r) => r.id);

// Paging: PageIterator follows @odata.nextLink (an https URL of the tenant's own host).
const firstPage = await client.api('/users').select('id').top(args.pageSize).get();
out.firstNextLink = firstPage['@odata.nextLink'];
const userIds = [];
await new PageIterator(client, firstPage, (user) => { userIds.push(user.id); return true; }).iterate();
out.userIds = userIds;

// $batch through BatchRequestContent (serial: each step depends on the one before, as the SDK requires).
const batch = new BatchRequestContent([
  { id: 'me', request: new Request(`${args.baseUrl}/v1.0/me?$select=id`, { method: 'GET' }) },
  {
    id: 'requestable', dependsOn: ['me'],
    request: new Request(`${args.baseUrl}/v1.0${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`, { method: 'GET' }), // the function documents no query option
  },
  // A requester may not read packages directly (admin endpoint): the step fails on its own, the batch does not.
  { id: 'direct', dependsOn: ['requestable'], request: new Request(`${args.baseUrl}/v1.0${EM}/accessPackages/${pkg.id}`, { method: 'GET' }) },
]);
const batchResponse = new BatchResponseContent(await client.api('/$batch').post(await batch.getContent()));
out.batch = {};
for (const id of ['me', 'requestable', 'direct']) {
  const r = batchResponse.getResponseById(id);
  out.batch[id] = { status: r.status, body: await r.json() };
}

// Without customHosts the SDK keeps the token to itself (only Graph's own hosts get it): 401.
out.withoutCustomHosts = await status(sdk().api('/me').get());

// PnPjs over HTTPS, as in Access Hub (Graph and SharePoint REST).
const graph = graphfi().using(GraphBrowser({ baseUrl: `${args.baseUrl}/v1.0` }), InjectHeaders({ Authorization: `Bearer ${args.token}` }));
out.pnpMe = (await graph.me.select('id')()).id;
out.pnpPackages = (await graphGet(GraphQueryable([graph.me, `${args.baseUrl}/v1.0${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`]))).length;
const sp = spfi(`${args.baseUrl}${args.sitePath}`).using(SPBrowser({ baseUrl: `${args.baseUrl}${args.sitePath}` }), InjectHeaders({ Authorization: `Bearer ${args.token}` }));
out.spWebTitle = (await sp.web.select('Title')()).Title;

process.stdout.write(JSON.stringify(out));
