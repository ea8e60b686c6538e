import type { IPageReads } from '../../src/services/loaders/pageReads';
import { startLocalTenant, LocalTenantHandle } from '../../localTenant';
import { createBrowserClients } from '../../src/services/graph/createBrowserClients';
import { IReadRetryOptions } from '../../src/services/infrastructure/readRetry';
import { createServices } from '../../src/services/createServices';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { GraphCardService } from '../../src/services/graph/GraphCardService';
import { GraphTeamService } from '../../src/services/graph/GraphTeamService';

/** A person's view of the local tenant through the product's own service layer (as the workbench builds it). */
export async function tokenFor(tenant: LocalTenantHandle, user: string, scopes?: string[]): Promise<string> {
  const res = await fetch(`${tenant.url}/_dev/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(scopes ? { user, scopes } : { user })
  });
  if (!res.ok) throw new Error(`token for ${user}: ${res.status}`);
  return (await res.json()).access_token;
}

/**
 * `base` points the clients elsewhere (a proxy in front of the tenant); tokens still come from the tenant.
 * `retry` injects the read retry's clock and budget (tests never wait for real time).
 */
export function servicesFor(
  tenant: LocalTenantHandle, user: string, site: string = 'marketing', language: string = 'en-us', base: string = tenant.url, retry?: IReadRetryOptions,
  pageReads?: IPageReads, storage?: Storage
): IAccessHubServices {
  let token: Promise<string> | undefined;
  const getToken = (): Promise<string> => (token = token || tokenFor(tenant, user));
  return createServices({
    clients: createBrowserClients(`${base}/v1.0`, `${base}/sites/${site}`, getToken, retry),
    language,
    myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com',
    pollIntervalMs: 20,
    pageReads,
    storage,
    // Against a lenient tenant (one that accepts options Graph does not document), AccessApprovals may try them.
    tryUndocumentedOptions: tenant.tenant.lenient,
    // The AccessCard's read, as its ACE and the workbench's dashboard build it.
    card: clients => new GraphCardService(clients.graph),
    // MyAccess's "My team" reads, as the web parts build them (webPartUi.ts).
    team: clients => new GraphTeamService(clients.graph)
  });
}

export interface ILogEntry { method: string; path: string; status: number; user?: string; durationMs?: number }

export async function readLog(tenant: LocalTenantHandle): Promise<ILogEntry[]> {
  const res = await fetch(`${tenant.url}/_dev/log`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.value || body.entries || [];
}

export async function startTenant(opts: Parameters<typeof startLocalTenant>[0] = {}): Promise<LocalTenantHandle> {
  return startLocalTenant({ port: 0, ...opts });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 25));
  }
}

export interface ILogMeasure { requests: number; roundTrips: number; paths: string[] }

/**
 * What `work` cost, counted in the tenant's log: requests, and sequential round trips (the longest chain of requests
 * where each starts after the previous one ended, greedy by end time). A fixed latency on every call makes requests
 * sent together clearly overlap. The log's `time` is when the answer left, `durationMs` how long it took.
 */
export async function measureFromLog(tenant: LocalTenantHandle, work: () => Promise<unknown>, latencyMs: number = 150): Promise<ILogMeasure> {
  const faults = (body: unknown): Promise<Response> =>
    fetch(`${tenant.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await faults({ latencyMs, jitterMs: 0 });
  const before = (await readLog(tenant)).length;
  try {
    await work();
  } finally {
    await faults({});
  }
  const entries = (await readLog(tenant)).slice(before).filter(e => !/^\/_dev/.test(e.path));
  const spans = entries.map(e => {
    const end = Date.parse((e as { time?: string }).time || '');
    return { start: end - (e.durationMs || 0), end };
  }).sort((a, b) => a.end - b.end);
  let roundTrips = 0;
  let lastEnd = -Infinity;
  for (const span of spans) {
    if (span.start >= lastEnd) { roundTrips++; lastEnd = span.end; }
  }
  return { requests: entries.length, roundTrips, paths: entries.map(e => e.path) };
}
