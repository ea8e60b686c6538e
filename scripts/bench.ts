/**
 * npm run bench: what the catalog costs. For the Marketing site of a tenant with few packages and of a
 * generated tenant where about 1,000 packages grant that site, it loads the AccessCatalog data through
 * the product's own service layer (as the web part does) against the local tenant, cold (empty grant
 * cache) and warm (second load, same cache), and prints: HTTP requests, sequential round trips (the
 * longest chain of requests that had to wait for each other) and wall time with 40 ms of latency added to
 * every response. It prints figures; it asserts nothing.
 */
import { startLocalTenant } from '../localTenant';
import { createBrowserClients } from '../src/services/clients';
import { createServices } from '../src/services/createServices';
import { loadCatalog } from '../src/services/loadCatalog';

interface ISpan { start: number; end: number; url: string }

const spans: ISpan[] = [];
const realFetch = globalThis.fetch;
let recording = false;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const start = performance.now();
  const res = await realFetch(input, init);
  await res.clone().arrayBuffer();
  if (recording) spans.push({ start, end: performance.now(), url: String(input) });
  return res;
}) as typeof fetch;

/** The longest chain of requests where each started after the previous ended: the sequential round trips. */
function roundTrips(list: ISpan[]): number {
  const sorted = list.slice().sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((s, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j].end <= s.start) best = Math.max(best, depth[j]);
    depth[i] = best + 1;
  });
  return Math.max(0, ...depth);
}

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

async function main(): Promise<void> {
  console.log('AccessCatalog (scope currentSite) on /sites/marketing as adelev@contoso.com, 40 ms latency per response\n');
  await run('Contoso fixture', undefined);
  // About one package in ten of a generated tenant grants the Marketing site or its group.
  await run('generated tenant (packages:80)', 'packages:80');
  await run('generated tenant (packages:1000)', 'packages:1000');
  await run('generated tenant (packages:8300)', 'packages:8300');
}

main().catch(e => { console.error(e); process.exit(1); });
