/**
 * npm run bench: what the catalog costs. For the Marketing site of a tenant with few packages and of a
 * generated tenant where about 1,000 packages grant that site, it loads the AccessCatalog data through
 * the product's own service layer (as the web part does) against the local tenant, cold (empty grant
 * cache) and warm (second load, same cache), and prints: HTTP requests, sequential round trips (the
 * longest chain of requests that had to wait for each other) and wall time with 40 ms of latency added to
 * every response. Then AccessApprovals: its cold load for the fixture and for an approver with 500 pending
 * approvals, and 100 decisions in $batch requests against 100 single ones at 80 ms latency. It prints figures;
 * it asserts nothing.
 */
import { startLocalTenant } from '../localTenant';
import { createBrowserClients } from '../src/services/graph/createBrowserClients';
import { createServices } from '../src/services/createServices';
import { loadCatalog } from '../src/services/loaders/loadCatalog';
import { loadAccessApprovals } from '../src/services/loaders/loadAccessApprovals';
import { IDecisionInput } from '../src/services/graph/GraphApprovalService';
import { ISpan, roundTrips } from '../tests/service/roundTrips';

const spans: ISpan[] = [];
const realFetch = globalThis.fetch;
let recording = false;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const start = performance.now();
  const res = await realFetch(input, init);
  await res.clone().arrayBuffer();
  if (recording) spans.push({ start, end: performance.now(), url: String(input), method: (init && init.method) || 'GET' });
  return res;
}) as typeof fetch;

async function run(label: string, scale: string | undefined): Promise<void> {
  const tenant = await startLocalTenant({ port: 0, scale });
  try {
    const tokenRes = await realFetch(`${tenant.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'adelev@contoso.com' }) });
    const token = (await tokenRes.json()).access_token as string;
    await realFetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 40 }) });
    const services = createServices({
      clients: createBrowserClients(`${tenant.url}/v1.0`, `${tenant.url}/sites/marketing`, async () => token),
      language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com'
    });
    for (const phase of ['cold', 'warm']) {
      spans.length = 0;
      recording = true;
      const t0 = performance.now();
      const data = await loadCatalog(services, { scope: 'currentSite', selectedIds: [], showOwned: true });
      const ms = performance.now() - t0;
      recording = false;
      const batches = spans.filter(s => s.url.indexOf('$batch') >= 0).length;
      console.log(`${label.padEnd(34)} ${phase}: ${String(data.entries.length).padStart(5)} packages for the site | ` +
        `${String(spans.length).padStart(4)} requests (${batches} $batch) | ${String(roundTrips(spans)).padStart(3)} sequential round trips | ${ms.toFixed(0).padStart(6)} ms`);
    }
  } finally {
    await tenant.stop();
  }
}

async function approverServices(url: string, upn: string): Promise<ReturnType<typeof createServices>> {
  const tokenRes = await realFetch(`${url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: upn }) });
  const token = (await tokenRes.json()).access_token as string;
  return createServices({
    clients: createBrowserClients(`${url}/v1.0`, `${url}/sites/intranet`, async () => token),
    language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com'
  });
}

async function measure<T>(work: () => Promise<T>): Promise<{ value: T; requests: number; trips: number; ms: number }> {
  spans.length = 0;
  recording = true;
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  recording = false;
  return { value, requests: spans.length, trips: roundTrips(spans), ms };
}

/** AccessApprovals: the cold load (fixture and 500 pending), then 100 decisions batched against 100 one by one. */
async function approvals(): Promise<void> {
  console.log('\nAccessApprovals as diegos@contoso.com, 80 ms latency per response\n');
  for (const [label, scale] of [['Contoso fixture', undefined], ['500 pending (approvals:500)', 'approvals:500,approver:diegos@contoso.com']] as const) {
    const tenant = await startLocalTenant({ port: 0, scale });
    try {
      const services = await approverServices(tenant.url, 'diegos@contoso.com');
      await realFetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 80 }) });
      const m = await measure(() => loadAccessApprovals(services.approvals!, 'en-us')); // eslint-disable-line @typescript-eslint/no-non-null-assertion
      console.log(`cold load, ${label.padEnd(28)} ${String(m.value.length).padStart(4)} rows | ${String(m.requests).padStart(3)} requests | ${m.trips} sequential round trips | ${m.ms.toFixed(0).padStart(6)} ms`);
    } finally {
      await tenant.stop();
    }
  }
  const tenant = await startLocalTenant({ port: 0, scale: 'approvals:200,approver:diegos@contoso.com' });
  try {
    const services = await approverServices(tenant.url, 'diegos@contoso.com');
    const service = services.approvals!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    const pending = await service.listPendingApprovals('en-us');
    const inputs = pending.filter(a => a.stages.length === 1).slice(0, 200).map((a): IDecisionInput => ({
      approvalId: a.id, stageId: a.stages[0].id, decision: 'Approve', justification: 'bench'
    }));
    await realFetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 80 }) });
    const batched = await measure(() => service.decideMany(inputs.slice(0, 100)));
    const single = await measure(async () => { for (const i of inputs.slice(100, 200)) await service.decide(i); });
    const ok = batched.value.filter(r => !r.error).length;
    console.log(`100 decisions, $batch (20 each):  ${String(batched.requests).padStart(3)} requests | ${batched.trips} sequential round trips | ${batched.ms.toFixed(0).padStart(6)} ms | ${ok} recorded`);
    console.log(`100 decisions, one at a time:     ${String(single.requests).padStart(3)} requests | ${single.trips} sequential round trips | ${single.ms.toFixed(0).padStart(6)} ms`);
    console.log(`batched is ${(single.ms / batched.ms).toFixed(1)}x faster`);
  } finally {
    await tenant.stop();
  }
}

async function main(): Promise<void> {
  console.log('AccessCatalog (scope currentSite) on /sites/marketing as adelev@contoso.com, 40 ms latency per response\n');
  await run('Contoso fixture', undefined);
  // About one package in ten of a generated tenant grants the Marketing site or its group.
  await run('generated tenant (packages:80)', 'packages:80');
  await run('generated tenant (packages:1000)', 'packages:1000');
  await run('generated tenant (packages:8300)', 'packages:8300');
  await approvals();
}

main().catch(e => { console.error(e); process.exit(1); });
