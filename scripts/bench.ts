/**
 * npm run bench: what Access Hub's pages cost, measured in headless Chromium against the local tenant, side by side
 * with the pattern community samples use (one Graph call per package to learn what it grants, one call per approval to
 * decide), run in the same process with the same person's token and the same latency. The budgets are the README's (Performance).
 *
 *   npm run bench                      the table (Markdown, for the README's Performance section)
 *   npm run bench -- --json            one JSON object instead
 *   npm run bench -- --latency=150     latency added to every Graph and SharePoint REST answer (default 80 ms)
 *   npm run bench -- --only=fixture,1000,5000,approvals,held,spfx   some tenants only
 *   npm run bench -- --package         npm run package first when the .sppkg is older than the sources
 *   BENCH_DEBUG=1 npm run bench        also every request of every page view (stderr)
 *
 * Tenants (LOCAL_TENANT_SCALE, localTenant/scale.ts): the Contoso fixture; `packages:1000`; `packages:5000`;
 * `approvals:500,approver:diegos@contoso.com` (500 pending approvals for Diego); `held:300` (300 assignments for
 * alexw, the scale's default holder). Each starts in this process with the workbench on a free port
 * (tests/e2e/harness.ts startWorkbench); the bench adds pages with one web part each (`Bench-*.aspx`, in the tenant's
 * memory) beside the fixture's. Pages are opened as a person (`?as=`), cold (a new browser context: empty caches) and
 * warm (a second page view, a new tab in the same context: localStorage and the grant cache kept, sessionStorage not),
 * in the Vite workbench, and the Marketing catalog also under SharePoint's own runtime (`runtime: 'spfx'`, https, the
 * packaged .sppkg). Graph (`/v1.0/`) and SharePoint REST (`/_api/`) requests are recorded with the page's own Resource
 * Timing; SharePoint's runtime's own requests (AcquireOBOToken, GetClientSideComponents, contextinfo) are left out.
 * When each component shows is taken in the page (MutationObserver). AccessApprovals' bulk approval of 100 goes through
 * its UI. The JavaScript figures come from the package (scripts/sppkg.js pageDownloads, as check-sppkg.js computes).
 * Progress goes to stderr, results to stdout.
 *
 * It prints figures and whether each budget in the README's Performance section holds; it never fails on a budget (exit 1 only on an error).
 * Not part of npm test or CI. About 7 minutes on 2 cores (the baselines at 5,000 packages take 80 s of it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, Browser, BrowserContext, Page, Request } from '@playwright/test';
import { batchOf, REPO_ROOT, RunningWorkbench, startWorkbench } from '../tests/e2e/harness';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { ISpan, roundTrips } from '../tests/service/roundTrips';
import { U } from '../tests/contoso';
import { createBrowserClients } from '../src/services/graph/createBrowserClients';
import { createServices } from '../src/services/createServices';
import { scanSiteAccess } from '../src/services/loaders/scanSiteAccess';
import { ensurePackage, packageStaleness } from '../localTenant/workbench/runtime/ensurePackage';
import { DEFAULT_SPPKG } from '../localTenant/workbench/runtime/runtimeHost';
import { entries, fileSizes, firstScripts, IWebpackStats, pageDownloads } from './sppkg';

// ---------------------------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const hit = argv.find(a => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
};
const known = ['json', 'latency', 'only', 'package'];
for (const a of argv) {
  if (!known.some(k => a === `--${k}` || a.startsWith(`--${k}=`))) {
    process.stderr.write(`Unknown option ${a}. Options: --json, --latency=<ms>, --only=fixture,1000,5000,approvals,held,spfx, --package\n`);
    process.exit(2);
  }
}
const JSON_OUT = option('json') !== undefined;
const LATENCY_MS = option('latency') === undefined ? 80 : Number(option('latency'));
if (!Number.isFinite(LATENCY_MS) || LATENCY_MS < 0) {
  process.stderr.write(`--latency must be a number of milliseconds ≥ 0\n`);
  process.exit(2);
}
const GROUPS = ['fixture', '1000', '5000', 'approvals', 'held', 'spfx'] as const;
type Group = typeof GROUPS[number];
const ONLY = option('only') ? (option('only') as string).split(',').map(s => s.trim()).filter(Boolean) : undefined;
if (ONLY && ONLY.some(g => !(GROUPS as readonly string[]).includes(g))) {
  process.stderr.write(`--only takes ${GROUPS.join(', ')}\n`);
  process.exit(2);
}
const runs = (g: Group): boolean => !ONLY || ONLY.includes(g);
const COMMAND = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;

/** Latency goes on Graph and SharePoint REST only (never on /_dev, the page or its scripts). */
const FAULT_PATH = '^/v1\\.0/|/_api/';
/** Requests SharePoint's runtime makes for itself (sign-in, its token exchange, manifests), not a component's reads. */
const RUNTIME_OWN = /AcquireOBOToken|GetClientSideComponents|\/_api\/contextinfo/i;
/** Browsers send about 6 requests at a time to one origin (HTTP/1.1): the baseline does the same. */
const BASELINE_IN_FLIGHT = 6;
const EM = 'identityGovernance/entitlementManagement';
const VIEWPORT = { width: 1280, height: 720 };
/** A page has settled when no Graph or SharePoint request is in flight and none started for this long. */
const QUIET_MS = Math.max(600, 5 * LATENCY_MS);
const SPPKG = path.join(REPO_ROOT, DEFAULT_SPPKG);
const STATS_FILE = process.env.WEBPACK_STATS || path.join(REPO_ROOT, 'temp', 'stats', 'webpack-stats.json');

const log = (line: string): void => { process.stderr.write(`[bench] ${line}\n`); };
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// What a page view is measured as

type View = 'cold' | 'warm';
type Runtime = 'vite' | 'spfx';

/** A component's content (a selector that matches once it shows) and whose requests it waits for (attribution()). */
interface IMark { name: string; selector: string; of: 'webPart' | 'banner' }

const MARK: Record<string, IMark> = {
  catalog: { name: 'catalog', selector: '[data-component="AccessCatalog"] article', of: 'webPart' },
  button: { name: 'button', selector: '[data-component="AccessRequestButton"] [data-status]', of: 'webPart' },
  myAccess: { name: 'MyAccess', selector: '[data-component="MyAccess"] [data-row]', of: 'webPart' },
  approvals: { name: 'approvals', selector: 'li.accesshub-approval', of: 'webPart' },
  /** The workbench marks the banner's decision (a banner or none) on its placeholder. */
  banner: { name: 'banner', selector: '[data-prompt]', of: 'banner' },
  /** SharePoint's runtime has no such mark: the banner's region, when it shows one. */
  bannerSpfx: { name: 'banner', selector: '[role="region"][aria-label="Site access notice"]', of: 'banner' }
};

/** A Graph read as `/path?query` (no method, no `/v1.0`), to compare a `$batch`'s parts with single requests. */
const graphKey = (read: string): string => read.replace(/^[A-Z]+ /, '').replace(/^\/?(v1\.0\/)?/, '/');

/** Reads the banner's first script shares with the page's web parts (core/pageSharedReads.ts, services/infrastructure/bannerReads.ts). */
const SHAREABLE = /\/_api\/|accessPackages\/filterByCurrentUser\(on='allowedRequestor'\)|\/resourceRoleScopes/;

/**
 * Which requests a component's content can wait for (see IMark): for the banner, its own plain `fetch`; for a web part,
 * its PnPjs requests and those of the banner's reads it may take instead of asking (SharePoint's site and map file,
 * the requestable list's pages, what packages grant) that no web part read itself and that were still in flight when
 * the web parts began to read (their first PnPjs request): under SharePoint's runtime the customizer reads long before
 * the web parts' code has loaded, and an answer that came before they asked for anything is not one they waited for.
 */
function attribution(counted: IRec[]): (of: IMark['of'], r: IRec) => boolean {
  const pnp = counted.filter(r => r.kind === 'pnp');
  const webPartsFrom = pnp.length ? Math.min(...pnp.map(r => r.start)) : Infinity;
  const readByWebParts = new Set(reads(pnp).map(graphKey));
  const taken = new Set(counted.filter(r => r.kind === 'fetch' && r.end > webPartsFrom && (r.batched || [`${r.method} ${r.url}`])
    .some(part => SHAREABLE.test(part) && (/\/_api\//.test(part) || !readByWebParts.has(graphKey(part))))));
  return (of, r) => (of === 'banner' ? r.kind === 'fetch' : r.kind === 'pnp' || taken.has(r));
}

interface IRec extends ISpan {
  /** The URL as requested (to match the page's resource timing entry). */
  raw: string;
  /** `pnp`: a web part (or the banner's chunk) through PnPjs, which tags its requests; `fetch`: the customizer's first script. */
  kind: 'pnp' | 'fetch' | 'runtime';
}

interface IContent {
  /** Round trips among the component's own requests (readsOf) that started before it showed. */
  ownTrips?: number;
  /** ms from the page's first Graph or SharePoint request until it showed; undefined when it never did. */
  ms?: number;
  /** ms from navigation start until it showed (the page's scripts loading and starting included). */
  navMs?: number;
  /** Sequential round trips among the requests that started before it showed. */
  trips?: number;
  requests?: number;
}

interface IPageRow {
  group: Group;
  scenario: string;
  page: string;
  person: string;
  tenant: string;
  runtime: Runtime;
  view: View;
  requests: number;
  trips: number;
  /** PnPjs requests (web parts) and plain fetch (the customizer's first script), apart. */
  webParts: { requests: number; trips: number };
  firstScript: { requests: number; trips: number };
  /** SharePoint runtime's own requests, not counted above. */
  runtimeOwn: number;
  /** ms from navigation start until the first Graph or SharePoint request started (scripts loading and starting). */
  firstRequestMs: number;
  content: Record<string, IContent>;
  /** ms from the first request until the last ended (or the last content showed). */
  completeMs: number;
  /** Pages of the requestable list read (first pages apart), and what packages grant (reads, distinct packages). */
  scan: { listPages: number; listReads: number; grantReads: number; grantPackages: number };
  baseline?: string;
  /** For the site catalog: how many packages it lists. */
  listed?: string;
}

interface IRecording {
  recs: IRec[];
  inFlight(): number;
  lastActivity(): number;
}

const isApi = (u: URL): boolean => /^\/v1\.0\//.test(u.pathname) || /\/_api\//.test(u.pathname);

/**
 * Graph and SharePoint REST requests of the page (epoch ms), with Chromium's timings as Playwright reports them; once
 * the page has settled, exactTimings() replaces them with the page's own Resource Timing entries.
 */
function record(page: Page): IRecording {
  const recs: IRec[] = [];
  const started = new Map<Request, number>();
  let last = Date.now();
  page.on('request', r => {
    if (!isApi(new URL(r.url()))) return;
    started.set(r, Date.now());
    last = Date.now();
  });
  const done = (r: Request, failed: boolean): void => {
    const url = new URL(r.url());
    if (!isApi(url)) return;
    const seen = started.get(r);
    started.delete(r);
    last = Date.now();
    const t = r.timing();
    const start = t.startTime > 0 ? t.startTime : seen || Date.now();
    const end = !failed && t.startTime > 0 && t.responseEnd >= 0 ? t.startTime + t.responseEnd : Date.now();
    const full = decodeURIComponent(url.pathname + url.search);
    const h = r.headers();
    const kind: IRec['kind'] = RUNTIME_OWN.test(full) ? 'runtime' : (h.sdkversion || h['x-clientservice-clienttag']) ? 'pnp' : 'fetch';
    recs.push({ start, end, url: full, raw: r.url(), method: r.method(), batched: batchOf(r), kind });
  };
  page.on('requestfinished', r => done(r, false));
  page.on('requestfailed', r => done(r, true));
  return { recs, inFlight: () => started.size, lastActivity: () => last };
}

/**
 * The page's own Resource Timing entries (fetch start and response end on the page's clock, the clock the content
 * marks use) in place of the timings Playwright reports, which arrived up to ~100 ms late on a busy machine: a
 * `@odata.nextLink` page then seemed to start before the page that named it had ended. Requests are matched by URL, in
 * order; a request without an entry keeps Playwright's timing.
 */
async function exactTimings(page: Page, recs: IRec[]): Promise<number> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map(e => {
    const r = e as PerformanceResourceTiming;
    return { name: r.name, start: performance.timeOrigin + r.startTime, end: performance.timeOrigin + r.responseEnd };
  }));
  const byUrl = new Map<string, Array<{ start: number; end: number }>>();
  for (const e of entries.sort((a, b) => a.start - b.start)) {
    if (!byUrl.has(e.name)) byUrl.set(e.name, []);
    (byUrl.get(e.name) as Array<{ start: number; end: number }>).push(e);
  }
  let matched = 0;
  for (const r of recs.slice().sort((a, b) => a.start - b.start)) {
    const e = (byUrl.get(r.raw) || []).shift();
    if (!e || !(e.end > 0)) continue;
    r.start = e.start;
    r.end = e.end;
    matched++;
  }
  return matched;
}

/** Every request a span stands for (a `$batch` by its parts). */
const reads = (spans: ISpan[]): string[] => spans.flatMap(s => s.batched ? s.batched : [`${s.method} ${s.url}`]);

function scanOf(spans: ISpan[]): IPageRow['scan'] {
  const all = reads(spans);
  const list = all.filter(r => /^GET .*accessPackages\/filterByCurrentUser\(on='allowedRequestor'\)/.test(r));
  const grants = all.map(r => /^GET .*availableAccessPackages\/([^/?]+)\/resourceRoleScopes/.exec(r)).filter((m): m is RegExpExecArray => !!m);
  return {
    listPages: list.length,
    listReads: list.filter(r => !/\$skip|skiptoken/i.test(r)).length,
    grantReads: grants.length,
    grantPackages: new Set(grants.map(m => m[1].toLowerCase())).size
  };
}

/**
 * A browser context for one person's visits. tsx compiles this file with esbuild's keepNames, which wraps named
 * functions in `__name(…)`: functions sent into the page (marks, the search) need that helper there too.
 */
async function newContext(browser: Browser, wb: RunningWorkbench, runtime: Runtime): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: runtime === 'spfx' });
  await context.addInitScript({ content: 'window.__name = window.__name || function (f) { return f; };' });
  // As tests/e2e/harness.ts does: nothing off the workbench's origin (SharePoint's runtime page is left alone, as there).
  if (runtime === 'vite') {
    const origin = new URL(wb.url).origin;
    await context.route(url => url.origin !== origin && !/^(data|blob):/.test(url.protocol), route => route.abort());
  }
  return context;
}

async function setLatency(wb: RunningWorkbench, latencyMs: number): Promise<void> {
  const res = await fetch(`${wb.url}/_dev/faults`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(latencyMs ? { latencyMs, jitterMs: 0, path: FAULT_PATH } : {})
  });
  if (!res.ok) throw new Error(`/_dev/faults answered ${res.status}`);
}

interface IVisit {
  page: Page;
  rec: IRecording;
  row: IPageRow;
}

interface IVisitSpec {
  group: Group;
  scenario: string;
  tenant: string;
  runtime: Runtime;
  pagePath: string;
  person: string;
  marks: IMark[];
  baseline?: string;
  query?: string;
  timeoutMs?: number;
  /** Leave the page open (the caller measures more on it and closes it). */
  keepOpen?: boolean;
}

/** Opens the page as the person in `context` and waits for its content and for its requests to end. */
async function visit(context: BrowserContext, wb: RunningWorkbench, spec: IVisitSpec, view: View): Promise<IVisit> {
  const page = await context.newPage();
  const rec = record(page);
  await page.addInitScript((marks: IMark[]) => {
    const w = window as unknown as { __benchMarks: Record<string, number> };
    w.__benchMarks = {};
    // Room for every request of a page of thousands of packages (the default buffer keeps 250 entries).
    performance.setResourceTimingBufferSize(100000);
    const check = (): void => {
      for (const m of marks) {
        if (w.__benchMarks[m.name] === undefined && document.querySelector(m.selector)) w.__benchMarks[m.name] = performance.timeOrigin + performance.now();
      }
      if (marks.every(m => w.__benchMarks[m.name] !== undefined)) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-prompt', 'data-status', 'data-row'] });
  }, spec.marks);
  const url = `${wb.url}${spec.pagePath}?as=${encodeURIComponent(spec.person)}${spec.query || ''}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const timeout = spec.timeoutMs || 120000;
  try {
    await page.waitForFunction((names: string[]) => {
      const m = (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks;
      return !!m && names.every(n => m[n] !== undefined);
    }, spec.marks.map(m => m.name), { timeout, polling: 50 });
  } catch {
    log(`  ${spec.scenario} ${view}: not every content showed within ${timeout / 1000} s`);
  }
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline && !(rec.inFlight() === 0 && Date.now() - rec.lastActivity() >= QUIET_MS)) await sleep(50);
  const { origin, marks } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks || {}
  }));
  const matched = await exactTimings(page, rec.recs);
  if (matched < rec.recs.length) log(`  ${spec.scenario} ${view}: ${rec.recs.length - matched} of ${rec.recs.length} requests without a resource timing entry (Playwright's timing kept)`);
  const counted = rec.recs.filter(r => r.kind !== 'runtime');
  const firstRequest = counted.length ? Math.min(...counted.map(r => r.start)) : origin;
  const readsOf = attribution(counted);
  const content: Record<string, IContent> = {};
  for (const m of spec.marks) {
    const at = marks[m.name];
    const before = at === undefined ? [] : counted.filter(r => r.start < at);
    content[m.name] = at === undefined ? {} : {
      ms: Math.max(0, Math.round(at - firstRequest)), navMs: Math.round(at - origin), trips: roundTrips(before), requests: before.length,
      ownTrips: roundTrips(before.filter(r => readsOf(m.of, r)))
    };
  }
  const ends = [...counted.map(r => r.end), ...Object.values(marks)];
  const of = (kind: IRec['kind']): { requests: number; trips: number } => {
    const list = counted.filter(r => r.kind === kind);
    return { requests: list.length, trips: roundTrips(list) };
  };
  const row: IPageRow = {
    group: spec.group, scenario: spec.scenario, page: spec.pagePath, person: spec.person, tenant: spec.tenant, runtime: spec.runtime, view,
    requests: counted.length, trips: roundTrips(counted), webParts: of('pnp'), firstScript: of('fetch'),
    runtimeOwn: rec.recs.length - counted.length, firstRequestMs: Math.round(firstRequest - origin), content,
    completeMs: Math.round(Math.max(firstRequest, ...ends) - firstRequest),
    scan: scanOf(counted), baseline: spec.baseline
  };
  if (spec.marks.includes(MARK.catalog)) {
    const status = page.locator('[data-component="AccessCatalog"] [role="status"]').first();
    row.listed = (await status.count()) ? (await status.innerText()).trim() : undefined;
  }
  log(`  ${spec.scenario} · ${spec.tenant} · ${spec.runtime} · ${view}: ${row.requests} requests, ${row.trips} round trips, ` +
    `first request ${row.firstRequestMs} ms after navigation; ${Object.entries(row.content).map(([k, c]) => `${k} ${c.ms ?? '—'} ms after it (${c.ownTrips ?? '—'} own RT, ${c.trips ?? '—'} all)`).join(', ')}; complete ${row.completeMs} ms`);
  if (process.env.BENCH_DEBUG) {
    // Every request of the view: start-end (ms from navigation), kind, method, URL, and a $batch's parts.
    for (const r of rec.recs.slice().sort((a, b) => a.start - b.start)) {
      log(`    ${Math.round(r.start - origin)}-${Math.round(r.end - origin)} ${r.kind} ${r.method} ${r.url.slice(0, 140)}` +
        `${r.batched ? ` [${r.batched.length}: ${r.batched.map(b => b.slice(0, 90)).join(' | ')}]` : ''}`);
    }
  }
  if (!spec.keepOpen) await page.close();
  return { page, rec, row };
}

/** Cold (a new context) and warm (a second tab in it); the context is closed after. */
async function coldAndWarm(browser: Browser, wb: RunningWorkbench, spec: IVisitSpec): Promise<IPageRow[]> {
  const context = await newContext(browser, wb, spec.runtime);
  try {
    const cold = await visit(context, wb, { ...spec, keepOpen: false }, 'cold');
    const warm = await visit(context, wb, { ...spec, keepOpen: false }, 'warm');
    return [cold.row, warm.row];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The tenant: bench pages, tokens, the site access map

interface IFxPage { name: string; title: string; webParts: Array<{ alias: string; properties: unknown }> }
interface IFxSite { url: string; groupId: string | null; pages: IFxPage[] }

function site(wb: RunningWorkbench, name: string): IFxSite {
  const s = wb.tenant.findSite(name) as unknown as IFxSite | undefined;
  if (!s) throw new Error(`no site ${name}`);
  return s;
}

/** A page of the site with only these web parts (the customizer runs on every page, as it does in SharePoint). */
function addPage(wb: RunningWorkbench, siteName: string, name: string, webParts: IFxPage['webParts']): string {
  const s = site(wb, siteName);
  s.pages = s.pages.filter(p => p.name !== name).concat([{ name, title: name.replace(/\.aspx$/, ''), webParts }]);
  return `/sites/${siteName}/SitePages/${name}`;
}

async function tokenFor(wb: RunningWorkbench, upn: string): Promise<string> {
  const res = await fetch(`${wb.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: upn }) });
  if (!res.ok) throw new Error(`/_dev/token answered ${res.status}`);
  return (await res.json() as { access_token: string }).access_token;
}

/**
 * The Marketing owner's map, made and saved as the AccessCatalog's settings do (scanSiteAccess, then the site-wide
 * file in Site Assets through SharePointSiteAccessService), and the web part's own `accessMap` property on the page.
 */
async function mapMarketing(wb: RunningWorkbench, catalogPage: string): Promise<number> {
  await setLatency(wb, 0);
  const token = await tokenFor(wb, U.megan);
  const services = createServices({
    clients: createBrowserClients(`${wb.url}/v1.0`, `${wb.url}/sites/marketing`, async () => token),
    language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com'
  });
  const map = await scanSiteAccess(services);
  const save = services.site.saveSiteAccessMap;
  if (!save) throw new Error('the site service cannot save a map');
  await save.call(services.site, map);
  const page = site(wb, 'marketing').pages.find(p => `/sites/marketing/SitePages/${p.name}` === catalogPage);
  if (!page) throw new Error(`no page ${catalogPage}`);
  page.webParts[0].properties = { ...(page.webParts[0].properties as object), accessMap: map };
  await setLatency(wb, LATENCY_MS);
  return map.packages.length;
}

// ---------------------------------------------------------------------------------------------------------------
// The baseline: what community samples do, from Node's fetch with the person's token and the same latency

interface IBaseline {
  key: string;
  what: string;
  requests: number;
  trips: number;
  ms: number;
  /** What it found (packages granting the site, rows…), as a check against the component's figure. */
  found?: number;
  failed?: number;
}

class Client {
  public readonly spans: ISpan[] = [];
  public failed = 0;
  constructor(private readonly _base: string, private readonly _token: string) {}
  public async call<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T | undefined> {
    const full = /^https?:/.test(url) ? url : `${this._base}/v1.0/${url}`;
    const start = performance.now();
    const res = await fetch(full, {
      method: init.method || 'GET',
      headers: { Authorization: `Bearer ${this._token}`, Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined
    });
    const text = await res.text();
    this.spans.push({ start, end: performance.now(), url: full, method: init.method || 'GET' });
    if (!res.ok) { this.failed++; return undefined; }
    return (text ? JSON.parse(text) : {}) as T;
  }
  /** Every page of a collection, following @odata.nextLink one after the other. */
  public async all<T>(url: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = url;
    while (next) {
      const page: { value?: T[]; '@odata.nextLink'?: string } | undefined = await this.call(next);
      out.push(...((page && page.value) || []));
      next = page && page['@odata.nextLink'];
    }
    return out;
  }
}

async function eachAtMost<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await work(items[i++]);
  }));
}

async function measureBaseline(key: string, what: string, work: (c: Client) => Promise<number | undefined>, wb: RunningWorkbench, upn: string): Promise<IBaseline> {
  const c = new Client(wb.url, await tokenFor(wb, upn));
  const t0 = performance.now();
  const found = await work(c);
  const ms = performance.now() - t0;
  const b: IBaseline = { key, what, requests: c.spans.length, trips: roundTrips(c.spans), ms: Math.round(ms), found, failed: c.failed };
  log(`  baseline ${key}: ${b.requests} requests, ${b.trips} round trips, ${b.ms} ms${found === undefined ? '' : `, found ${found}`}`);
  return b;
}

interface IRoleScope { role?: { originSystem?: string; originId?: string }; scope?: { originSystem?: string; originId?: string } }

/**
 * Every requestable package (every page), then what each grants, one GET per package, 6 in flight: how many grant the
 * site, and how many there are (the catalog of everything makes the same requests).
 */
async function perPackageScan(c: Client, wb: RunningWorkbench, siteName: string): Promise<{ found: number; total: number }> {
  const packages = await c.all<{ id: string }>(`${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`);
  const s = site(wb, siteName);
  let found = 0;
  await eachAtMost(packages, BASELINE_IN_FLIGHT, async p => {
    const scopes = await c.call<{ value?: IRoleScope[] }>(`${EM}/availableAccessPackages/${encodeURIComponent(p.id)}/resourceRoleScopes?$expand=role,scope`);
    if (scopes && (scopes.value || []).some(x => {
      const origin = String((x.scope && x.scope.originId) || '').toLowerCase();
      return origin === s.url.toLowerCase() || (!!s.groupId && origin === s.groupId.toLowerCase());
    })) found++;
  });
  return { found, total: packages.length };
}

/** The site catalog's and the banner's baseline, and the same requests as the catalog of everything's (`every package, …`). */
async function catalogBaselines(wb: RunningWorkbench, tenant: string): Promise<void> {
  let total = 0;
  const b = await measureBaseline(`site catalog, ${tenant}`,
    'Adele\'s requestable packages (every page), then GET resourceRoleScopes per package, 6 in flight; shown when all are read',
    async c => { const r = await perPackageScan(c, wb, 'marketing'); total = r.total; return r.found; }, wb, U.adele);
  results.baselines[b.key] = b;
  const all = `every package, ${tenant}`;
  results.baselines[all] = { ...b, key: all, what: 'the same requests, every package listed', found: total };
}

const myAccessBaseline = (wb: RunningWorkbench, key: string): Promise<IBaseline> => measureBaseline(key,
  'my assignments (every page), then GET resourceRoleScopes per package, 6 in flight', async c => {
    const assignments = await c.all<{ accessPackage?: { id: string } }>(`${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage`);
    const ids = Array.from(new Set(assignments.map(a => a.accessPackage && a.accessPackage.id).filter((x): x is string => !!x)));
    await eachAtMost(ids, BASELINE_IN_FLIGHT, async id => {
      await c.call(`${EM}/availableAccessPackages/${encodeURIComponent(id)}/resourceRoleScopes?$expand=role,scope`);
    });
    return assignments.length;
  }, wb, U.alex);

interface IApprovalStages { id: string; stages?: Array<{ id: string; status?: string; reviewResult?: string }> }

/** Approvals (every page) and the requests beside them, then GET each approval for its stages, 6 in flight. */
async function approvalsBaselineLoad(c: Client): Promise<IApprovalStages[]> {
  const [approvals] = await Promise.all([
    c.all<{ id: string }>(`${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')`),
    c.all(`${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=requestor,accessPackage`)
  ]);
  const full: IApprovalStages[] = [];
  await eachAtMost(approvals, BASELINE_IN_FLIGHT, async a => {
    const one = await c.call<IApprovalStages>(`${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(a.id)}`);
    if (one) full.push(one);
  });
  return full;
}

const openStage = (a: IApprovalStages): string | undefined => {
  const s = (a.stages || []).find(x => x.status !== 'Completed' && (!x.reviewResult || x.reviewResult === 'NotReviewed'));
  return s && s.id;
};

// ---------------------------------------------------------------------------------------------------------------
// In-page measurements: search per keystroke, rows in the DOM, bulk approval

interface ISearch {
  tenant: string;
  query: string;
  packages: number;
  /** ms from the input event until the list is updated and laid out (React renders it in the event), per keystroke. */
  keystrokes: Array<{ text: string; ms: number; frameMs: number; shown: string; sync: boolean }>;
  p50: number;
  p95: number;
  max: number;
  frameP50: number;
  frameMax: number;
}

const pct = (list: number[], p: number): number => {
  const s = list.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
};
const r1 = (n: number): number => Math.round(n * 10) / 10;

async function searchPerKeystroke(page: Page, query: string, tenant: string): Promise<ISearch> {
  const packages = Number(((await page.locator('[data-component="AccessCatalog"] [role="status"]').first().innerText()).split(' ')[0]).replace(/,/g, ''));
  const keystrokes = await page.evaluate(async (text: string) => {
    const root = document.querySelector('[data-component="AccessCatalog"]') as HTMLElement;
    const input = root.querySelector('input') as HTMLInputElement;
    const status = (): string => ((root.querySelector('[role="status"]') || { textContent: '' }).textContent || '').trim();
    const setValue = (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value') as PropertyDescriptor).set as (v: string) => void;
    input.focus();
    const out: Array<{ text: string; ms: number; frameMs: number; shown: string; sync: boolean }> = [];
    for (let i = 1; i <= text.length; i++) {
      await new Promise(resolve => setTimeout(resolve, 40)); // a person's typing pace; the last frame is painted
      const typed = text.slice(0, i);
      const t0 = performance.now();
      setValue.call(input, typed);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight; // layout of what React rendered in the event
      const t1 = performance.now();
      const shownSync = status();
      await new Promise<void>(resolve => requestAnimationFrame(() => resolve()));
      const t2 = performance.now();
      out.push({ text: typed, ms: t1 - t0, frameMs: t2 - t0, shown: status(), sync: status() === shownSync });
    }
    return out;
  }, query);
  const ms = keystrokes.map(k => k.ms);
  const frames = keystrokes.map(k => k.frameMs);
  return {
    tenant, query, packages, keystrokes: keystrokes.map(k => ({ ...k, ms: r1(k.ms), frameMs: r1(k.frameMs) })),
    p50: r1(pct(ms, 50)), p95: r1(pct(ms, 95)), max: r1(Math.max(...ms)), frameP50: r1(pct(frames, 50)), frameMax: r1(Math.max(...frames))
  };
}

interface IDomRows { list: string; tenant: string; items: number; rows: number; note: string }

async function domRows(page: Page, list: string, tenant: string, itemsText: string, rowsSelector: string, note: string): Promise<IDomRows> {
  const items = Number((/[\d,]+/.exec(itemsText) || ['0'])[0].replace(/,/g, ''));
  const rows = await page.locator(rowsSelector).count();
  log(`  DOM rows, ${list}: ${rows} of ${items}`);
  return { list, tenant, items, rows, note };
}

interface IBulk extends Omit<IBulkUi, 'ids'> {
  how: string;
  baseline: IBaseline;
  sequential: IBaseline;
}

/** AccessApprovals' own bulk approval: select the 100 rows shown, a justification, Approve selected; until the summary. */
interface IBulkUi {
  decided: number;
  ids: string[];
  requests: number;
  trips: number;
  /** From the click on "Approve selected" until the summary showed. */
  ms: number;
  /** From the click until the first decision request started (the page's own work before sending). */
  beforeRequestsMs: number;
  /** From the first decision request's start until the last one ended. */
  requestsMs: number;
}

/** AccessApprovals' own bulk approval: select the 100 rows shown, a justification, Approve selected; until the summary. */
async function bulkThroughUi(browser: Browser, wb: RunningWorkbench, pagePath: string): Promise<IBulkUi> {
  const context = await newContext(browser, wb, 'vite');
  try {
    const { page, rec } = await visit(context, wb, {
      group: 'approvals', scenario: 'AccessApprovals, page size 100 (bulk)', tenant: '500 pending', runtime: 'vite', pagePath, person: U.diego,
      marks: [MARK.approvals], keepOpen: true
    }, 'cold');
    const ids = await page.locator('li.accesshub-approval').evaluateAll(els => els.map(e => e.getAttribute('data-approval-id') || ''));
    await page.getByText(/^Select all \d+ requests shown$/).click();
    await page.getByRole('textbox', { name: /^Justification for all selected requests/ }).fill('Approved in bulk (bench)');
    // The click and the summary, on the page's clock (the requests' resource timings use it too).
    await page.evaluate(() => {
      const w = window as unknown as { __bulkClick?: number; __bulkDone?: number; __bulkText?: string };
      document.addEventListener('click', e => {
        const button = e.target instanceof Element ? e.target.closest('button') : null;
        if (button && /Approve selected/.test(button.textContent || '') && w.__bulkClick === undefined) w.__bulkClick = performance.timeOrigin + performance.now();
      }, true);
      new MutationObserver((_m, observer) => {
        const bar = Array.from(document.querySelectorAll('.ms-MessageBar')).find(e => /decisions? recorded/.test(e.textContent || ''));
        if (bar) { w.__bulkDone = performance.timeOrigin + performance.now(); w.__bulkText = bar.textContent || ''; observer.disconnect(); }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.waitForFunction(() => !!(window as unknown as { __bulkDone?: number }).__bulkDone, undefined, { timeout: 120000 });
    const { click, done, text } = await page.evaluate(() => {
      const w = window as unknown as { __bulkClick: number; __bulkDone: number; __bulkText: string };
      return { click: w.__bulkClick, done: w.__bulkDone, text: w.__bulkText };
    });
    while (rec.inFlight() > 0) await sleep(50);
    await exactTimings(page, rec.recs);
    const spans = rec.recs.filter(r => r.start >= click && r.kind !== 'runtime');
    if (process.env.BENCH_DEBUG) {
      for (const r of spans) log(`    ${Math.round(r.start - click)}-${Math.round(r.end - click)} ${r.kind} ${r.method} ${r.url.slice(0, 100)} ${r.batched ? r.batched.length : ''}`);
    }
    const decided = Number((/(\d+) decisions? recorded/.exec(text) || ['', '0'])[1]);
    const first = spans.length ? Math.min(...spans.map(r => r.start)) : click;
    const last = spans.length ? Math.max(...spans.map(r => r.end)) : click;
    const out: IBulkUi = {
      decided, ids, requests: spans.length, trips: roundTrips(spans), ms: Math.round(done - click),
      beforeRequestsMs: Math.round(first - click), requestsMs: Math.round(last - first)
    };
    log(`  bulk approval through the UI: ${decided} recorded, ${out.requests} requests, ${out.trips} round trips, ${out.ms} ms ` +
      `(first request after ${out.beforeRequestsMs} ms, requests ${out.requestsMs} ms)`);
    return out;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The JavaScript each kind of page downloads, from the package (as scripts/check-sppkg.js computes it)

interface IJs {
  sppkg: string;
  builtAt?: string;
  stale?: string;
  statsMatch?: boolean;
  firstScripts?: { webParts: number; customizer: number };
  pages?: { webParts: number; banner: number; both: number };
  error?: string;
}

function packageFigures(): IJs {
  const rel = path.relative(REPO_ROOT, SPPKG);
  if (!fs.existsSync(SPPKG)) return { sppkg: rel, error: 'no package: run npm run package' };
  try {
    const files = entries(fs.readFileSync(SPPKG));
    const stats = JSON.parse(fs.readFileSync(STATS_FILE, 'utf8')) as IWebpackStats;
    const sizes = fileSizes(files);
    const first = firstScripts([...files.keys()]);
    const d = pageDownloads(files, stats, sizes);
    return {
      sppkg: rel, builtAt: fs.statSync(SPPKG).mtime.toISOString(), stale: packageStaleness(REPO_ROOT, SPPKG),
      statsMatch: d.statsChecks.every(c => c.ok) && d.missing.length === 0,
      firstScripts: { webParts: sizes(first.hubEntry).gz, customizer: sizes(first.promptEntry).gz },
      pages: { webParts: d.pages.webParts.gz, banner: d.pages.banner.gz, both: d.pages.both.gz }
    };
  } catch (e) {
    return { sppkg: rel, error: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios per tenant

interface IResults {
  rows: IPageRow[];
  baselines: Record<string, IBaseline>;
  search?: ISearch;
  dom: IDomRows[];
  bulk?: IBulk;
  mapped: Record<string, number>;
  notes: string[];
}

const results: IResults = { rows: [], baselines: {}, dom: [], mapped: {}, notes: [] };

async function withTenant<T>(label: string, o: Parameters<typeof startWorkbench>[0], work: (wb: RunningWorkbench) => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const wb = await startWorkbench(o);
  log(`${label}: tenant and workbench on ${wb.url} in ${Date.now() - t0} ms`);
  try {
    await setLatency(wb, LATENCY_MS);
    return await work(wb);
  } finally {
    await wb.stop();
  }
}

/** Site catalog + banner and the banner alone on Marketing as Adele, without and with the site's map; the intranet home page. */
async function packagesTenant(browser: Browser, group: Group, tenant: string, scale: string | undefined, more?: (wb: RunningWorkbench) => Promise<void>): Promise<void> {
  await withTenant(tenant, { scale }, async wb => {
    const catalogPage = addPage(wb, 'marketing', 'Bench-Catalog.aspx', [{ alias: 'AccessCatalog', properties: { title: 'Access to this site', scope: 'currentSite' } }]);
    const bannerPage = addPage(wb, 'marketing', 'Bench-Banner.aspx', []);
    const base = { group, tenant, runtime: 'vite' as Runtime, person: U.adele, baseline: `site catalog, ${tenant}` };
    results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Site catalog + banner, no map', pagePath: catalogPage, marks: [MARK.catalog, MARK.banner] }));
    results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Banner alone, no map', pagePath: bannerPage, marks: [MARK.banner] }));
    results.mapped[tenant] = await mapMarketing(wb, catalogPage);
    log(`  Megan's map of Marketing: ${results.mapped[tenant]} packages (web part property and SiteAssets file)`);
    results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Site catalog + banner, map', pagePath: catalogPage, marks: [MARK.catalog, MARK.banner] }));
    results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Banner alone, map', pagePath: bannerPage, marks: [MARK.banner] }));
    await catalogBaselines(wb, tenant);
    if (more) await more(wb);
  });
}

async function intranetHome(browser: Browser, wb: RunningWorkbench, group: Group, tenant: string, extra?: (page: Page) => Promise<void>): Promise<void> {
  const key = `every package, ${tenant}`;
  const spec: IVisitSpec = {
    group, tenant, runtime: 'vite', person: U.adele, baseline: key, scenario: 'Intranet home: catalog (all) + button + MyAccess + banner',
    pagePath: '/sites/intranet/SitePages/Home.aspx', marks: [MARK.catalog, MARK.button, MARK.myAccess, MARK.banner]
  };
  const context = await newContext(browser, wb, 'vite');
  try {
    results.rows.push((await visit(context, wb, spec, 'cold')).row);
    const warm = await visit(context, wb, { ...spec, keepOpen: true }, 'warm');
    results.rows.push(warm.row);
    if (extra) await extra(warm.page);
    await warm.page.close();
  } finally {
    await context.close();
  }
}

async function fixtureTenant(browser: Browser): Promise<void> {
  await packagesTenant(browser, 'fixture', 'fixture', undefined, async wb => {
    await intranetHome(browser, wb, 'fixture', 'fixture');
    const myAccessPage = addPage(wb, 'intranet', 'Bench-MyAccess.aspx', [{ alias: 'MyAccess', properties: { title: 'My access' } }]);
    results.rows.push(...await coldAndWarm(browser, wb, {
      group: 'fixture', tenant: 'fixture', runtime: 'vite', person: U.alex, scenario: 'MyAccess + banner', pagePath: myAccessPage,
      marks: [MARK.myAccess, MARK.banner], baseline: 'MyAccess, fixture'
    }));
    results.baselines['MyAccess, fixture'] = await myAccessBaseline(wb, 'MyAccess, fixture');
    results.rows.push(...await coldAndWarm(browser, wb, {
      group: 'fixture', tenant: 'fixture', runtime: 'vite', person: U.diego, scenario: 'AccessApprovals + banner', pagePath: '/sites/intranet/SitePages/Approvals.aspx',
      marks: [MARK.approvals, MARK.banner], baseline: 'approvals, fixture'
    }));
    results.baselines['approvals, fixture'] = await measureBaseline('approvals, fixture',
      'approvals and requests (every page), then GET each approval for its stages, 6 in flight', async c => (await approvalsBaselineLoad(c)).length, wb, U.diego);
  });
}

async function scaleTenants(browser: Browser): Promise<void> {
  if (runs('1000')) {
    await packagesTenant(browser, '1000', '1,000 packages', 'packages:1000', wb => intranetHome(browser, wb, '1000', '1,000 packages'));
  }
  if (runs('5000')) {
    await packagesTenant(browser, '5000', '5,000 packages', 'packages:5000', wb => intranetHome(browser, wb, '5000', '5,000 packages', async page => {
      const status = await page.locator('[data-component="AccessCatalog"] [role="status"]').first().innerText();
      results.dom.push(await domRows(page, 'AccessCatalog, every package (intranet home)', '5,000 packages', status,
        '[data-component="AccessCatalog"] article', `Fluent List, viewport ${VIEWPORT.width}×${VIEWPORT.height}`));
      results.search = await searchPerKeystroke(page, 'Atlas Contributors 00017', '5,000 packages');
      log(`  search per keystroke over ${results.search.packages} packages: p50 ${results.search.p50} ms, max ${results.search.max} ms`);
    }));
  }
}

async function approvalsTenant(browser: Browser): Promise<void> {
  await withTenant('500 pending', { scale: 'approvals:500,approver:diegos@contoso.com' }, async wb => {
    const tenant = '500 pending';
    const context = await newContext(browser, wb, 'vite');
    const spec: IVisitSpec = {
      group: 'approvals', tenant, runtime: 'vite', person: U.diego, scenario: 'AccessApprovals + banner', pagePath: '/sites/intranet/SitePages/Approvals.aspx',
      marks: [MARK.approvals, MARK.banner], baseline: `approvals, ${tenant}`
    };
    try {
      results.rows.push((await visit(context, wb, spec, 'cold')).row);
      const warm = await visit(context, wb, { ...spec, keepOpen: true }, 'warm');
      results.rows.push(warm.row);
      const count = await warm.page.locator('[data-component="AccessApprovals"] section[aria-label="Requests"] [role="status"]').first().innerText().catch(() => '');
      results.dom.push(await domRows(warm.page, 'AccessApprovals requests (page size 20, "Show more")', tenant, count, 'li.accesshub-approval', 'paged, not virtualised'));
      await warm.page.close();
    } finally {
      await context.close();
    }
    let pending: IApprovalStages[] = [];
    results.baselines[spec.baseline as string] = await measureBaseline(spec.baseline as string,
      'approvals and requests (every page), then GET each approval for its stages, 6 in flight', async c => {
        pending = await approvalsBaselineLoad(c);
        return pending.length;
      }, wb, U.diego);

    const bulkPage = addPage(wb, 'intranet', 'Bench-Approvals.aspx', [{ alias: 'AccessApprovals', properties: { title: 'Waiting for my decision', includeAccessReviews: false, pageSize: 100 } }]);
    const ui = await bulkThroughUi(browser, wb, bulkPage);
    const rest = pending.filter(a => !ui.ids.includes(a.id) && openStage(a));
    const decide = (c: Client, a: IApprovalStages): Promise<unknown> => c.call(`${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(a.id)}/stages/${encodeURIComponent(openStage(a) as string)}`,
      { method: 'PATCH', body: { reviewResult: 'Approve', justification: 'Approved one by one (bench)' } });
    const baseline = await measureBaseline('100 decisions, 6 in flight', '100 single PATCHes of the approval stage, 6 in flight',
      async c => { await eachAtMost(rest.slice(0, 100), BASELINE_IN_FLIGHT, async a => { await decide(c, a); }); return 100 - c.failed; }, wb, U.diego);
    const sequential = await measureBaseline('100 decisions, one at a time', '100 single PATCHes, one after the other (the loop most samples write)',
      async c => { for (const a of rest.slice(100, 200)) await decide(c, a); return 100 - c.failed; }, wb, U.diego);
    results.bulk = {
      how: 'through its UI (page size 100): "Select all 100 requests shown", a justification, "Approve selected"; from the click until "100 decisions recorded." shows',
      decided: ui.decided, requests: ui.requests, trips: ui.trips, ms: ui.ms, beforeRequestsMs: ui.beforeRequestsMs, requestsMs: ui.requestsMs,
      baseline, sequential
    };
  });
}

async function heldTenant(browser: Browser): Promise<void> {
  await withTenant('300 assignments', { scale: 'held:300' }, async wb => {
    const tenant = '300 assignments';
    const myAccessPage = addPage(wb, 'intranet', 'Bench-MyAccess.aspx', [{ alias: 'MyAccess', properties: { title: 'My access' } }]);
    const spec: IVisitSpec = {
      group: 'held', tenant, runtime: 'vite', person: U.alex, scenario: 'MyAccess + banner', pagePath: myAccessPage,
      marks: [MARK.myAccess, MARK.banner], baseline: `MyAccess, ${tenant}`
    };
    const context = await newContext(browser, wb, 'vite');
    try {
      results.rows.push((await visit(context, wb, spec, 'cold')).row);
      const warm = await visit(context, wb, { ...spec, keepOpen: true }, 'warm');
      results.rows.push(warm.row);
      const count = await warm.page.locator('[data-component="MyAccess"] [role="status"]').first().innerText().catch(() => '');
      results.dom.push(await domRows(warm.page, 'MyAccess, active access of alexw', tenant, count, '[data-component="MyAccess"] [data-row]',
        `Fluent List, viewport ${VIEWPORT.width}×${VIEWPORT.height}`));
      await warm.page.close();
    } finally {
      await context.close();
    }
    results.baselines[spec.baseline as string] = await myAccessBaseline(wb, spec.baseline as string);
  });
}

/** The site catalog + banner page under SharePoint's own runtime with the packaged bundles, at 1,000 packages. */
async function spfxTenant(browser: Browser): Promise<void> {
  if (option('package') !== undefined) await ensurePackage(REPO_ROOT, SPPKG, line => log(line));
  if (!fs.existsSync(SPPKG)) {
    results.notes.push('SharePoint runtime rows skipped: no .sppkg (npm run package).');
    return;
  }
  const stale = packageStaleness(REPO_ROOT, SPPKG);
  if (stale) results.notes.push(`SharePoint runtime rows ran the existing package although ${stale} (--package rebuilds it first).`);
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cert-'));
  // This process's own calls to the tenant (faults, tokens, the owner's map, the baseline) go to https://localhost with
  // a development certificate made for this run (SharePoint's runtime signs in only over https). Node 20 cannot add a
  // CA at run time (NODE_EXTRA_CA_CERTS is read at start), so certificate checks are off for this part only.
  const tlsBefore = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    await withTenant('1,000 packages (SharePoint runtime)', { scale: 'packages:1000', https: true, certDir, runtime: 'spfx' }, async wb => {
      const tenant = '1,000 packages';
      const catalogPage = addPage(wb, 'marketing', 'Bench-Catalog.aspx', [{ alias: 'AccessCatalog', properties: { title: 'Access to this site', scope: 'currentSite' } }]);
      const base = { group: 'spfx' as Group, tenant, runtime: 'spfx' as Runtime, person: U.adele, baseline: `site catalog, ${tenant}`, timeoutMs: 180000 };
      results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Site catalog + banner, no map', pagePath: catalogPage, marks: [MARK.catalog, MARK.bannerSpfx] }));
      await mapMarketing(wb, catalogPage);
      results.rows.push(...await coldAndWarm(browser, wb, { ...base, scenario: 'Site catalog + banner, map', pagePath: catalogPage, marks: [MARK.catalog, MARK.bannerSpfx] }));
      if (!results.baselines[base.baseline]) await catalogBaselines(wb, tenant);
    });
  } finally {
    if (tlsBefore === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsBefore;
    fs.rmSync(certDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Budgets and the report

interface IBudget { what: string; measured: string; pass: boolean | undefined }

const rowsOf = (group: Group, scenario: string, view: View, runtime: Runtime = 'vite'): IPageRow | undefined =>
  results.rows.find(r => r.group === group && r.scenario === scenario && r.view === view && r.runtime === runtime);
const tripsTo = (row: IPageRow | undefined, mark: string): number | undefined => row && row.content[mark] ? row.content[mark].ownTrips : undefined;

function budgets(js: IJs): IBudget[] {
  const out: IBudget[] = [];
  const check = (what: string, values: Array<[string, number | undefined]>, limit: number): void => {
    const missing = values.some(([, v]) => v === undefined);
    out.push({
      what, measured: values.map(([k, v]) => `${k} ${v === undefined ? '—' : v}`).join(', '),
      pass: missing ? undefined : values.every(([, v]) => (v as number) <= limit)
    });
  };
  for (const [group, tenant] of [['1000', '1,000'], ['5000', '5,000']] as Array<[Group, string]>) {
    if (!runs(group)) continue;
    for (const [view, limit] of [['cold', 2], ['warm', 1]] as Array<[View, number]>) {
      const page = rowsOf(group, 'Site catalog + banner, map', view);
      const alone = rowsOf(group, 'Banner alone, map', view);
      check(`Site catalog and banner with a site access map, ${tenant} packages, ${view}: ≤${limit} round trip${limit > 1 ? 's' : ''} before each shows`,
        [['catalog', tripsTo(page, 'catalog')], ['banner beside it', tripsTo(page, 'banner')], ['banner alone', tripsTo(alone, 'banner')]], limit);
    }
  }
  if (runs('spfx')) {
    for (const [view, limit] of [['cold', 2], ['warm', 1]] as Array<[View, number]>) {
      const page = rowsOf('spfx', 'Site catalog + banner, map', view, 'spfx');
      if (page) {
        check(`The same under SharePoint's runtime, 1,000 packages, ${view}: ≤${limit}`,
          [['catalog', tripsTo(page, 'catalog')], ['banner beside it', tripsTo(page, 'banner')]], limit);
      }
    }
  }
  if (runs('1000')) {
    const cold = rowsOf('1000', 'Site catalog + banner, no map', 'cold');
    const warm = rowsOf('1000', 'Site catalog + banner, no map', 'warm');
    check('No map, 1,000 packages: first matching package visible in ≤3 round trips (cold)', [['catalog', tripsTo(cold, 'catalog')]], 3);
    if (cold) {
      out.push({
        what: 'No map, 1,000 packages: the page (catalog + banner) makes one scan, not two',
        measured: `requestable list read ${cold.scan.listReads}× (${cold.scan.listPages} pages); what packages grant: ${cold.scan.grantReads} reads of ${cold.scan.grantPackages} packages`,
        pass: cold.scan.listReads <= 1 && cold.scan.grantReads <= cold.scan.grantPackages
      });
    }
    if (warm) {
      out.push({
        what: 'No map, 1,000 packages: a second page view that day makes no scan',
        measured: `what packages grant: ${warm.scan.grantReads} reads; requestable list read ${warm.scan.listReads}× (${warm.scan.listPages} pages)`,
        pass: warm.scan.grantReads === 0
      });
    }
  }
  const coldTo = (group: Group, scenario: string, mark: string): number | undefined => tripsTo(rowsOf(group, scenario, 'cold'), mark);
  if (runs('fixture') || runs('held')) {
    check('MyAccess cold ≤2 round trips before its rows show', [
      ['fixture', runs('fixture') ? coldTo('fixture', 'MyAccess + banner', 'MyAccess') : undefined],
      ['300 assignments', runs('held') ? coldTo('held', 'MyAccess + banner', 'MyAccess') : undefined]
    ].filter(([k]) => (k === 'fixture' ? runs('fixture') : runs('held'))) as Array<[string, number | undefined]>, 2);
  }
  if (runs('fixture') || runs('approvals')) {
    check('AccessApprovals cold ≤2 round trips before its rows show', [
      ['fixture', runs('fixture') ? coldTo('fixture', 'AccessApprovals + banner', 'approvals') : undefined],
      ['500 pending', runs('approvals') ? coldTo('approvals', 'AccessApprovals + banner', 'approvals') : undefined]
    ].filter(([k]) => (k === 'fixture' ? runs('fixture') : runs('approvals'))) as Array<[string, number | undefined]>, 2);
  }
  if (results.search) {
    out.push({
      what: 'Catalog search ≤16 ms per keystroke over 5,000 packages',
      measured: `p50 ${results.search.p50} ms, p95 ${results.search.p95} ms, max ${results.search.max} ms`, pass: results.search.max <= 16
    });
  }
  out.push({
    what: 'A page with every component ≤200 KB gzipped (204,800 bytes)',
    measured: js.pages ? `${js.pages.both.toLocaleString('en-US')} bytes` : js.error || '—', pass: js.pages ? js.pages.both <= 200 * 1024 : undefined
  });
  out.push({
    what: 'Customizer first script ≤10 KB gzipped (10,240 bytes)',
    measured: js.firstScripts ? `${js.firstScripts.customizer.toLocaleString('en-US')} bytes` : js.error || '—',
    pass: js.firstScripts ? js.firstScripts.customizer <= 10 * 1024 : undefined
  });
  return out;
}

const n = (v: number | undefined): string => (v === undefined ? '—' : v.toLocaleString('en-US'));
const ratio = (ours: number | undefined, base: number | undefined): string => {
  if (ours === undefined || base === undefined || base === 0) return '—';
  const r = ours / base;
  return `×${r >= 1 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toFixed(3)}`;
};

function contentCell(row: IPageRow): string {
  return Object.entries(row.content).map(([k, c]) => `${k} ${c.ms === undefined ? '—' : `${n(c.ms)} (${c.ownTrips} / ${c.trips})`}`).join(' · ');
}

function table(js: IJs, checks: IBudget[]): string {
  const out: string[] = [];
  out.push(`\`${COMMAND}\` on ${new Date().toISOString().slice(0, 10)}: ${LATENCY_MS} ms added to every Graph and SharePoint REST answer ` +
    `(\`/_dev/faults\`), headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, ${os.cpus().length} CPU cores.`);
  out.push('');
  out.push('- *Requests*, *round trips*: the page\'s Graph and SharePoint REST requests (a `$batch` is one) and the longest chain of them ' +
    'that waited for each other (a request that started after another ended), from the page\'s own Resource Timing. SharePoint\'s ' +
    'runtime\'s own requests (AcquireOBOToken, GetClientSideComponents, contextinfo) are not counted.');
  out.push('- *Content*: when each component showed something (catalog: its first package; MyAccess and AccessApprovals: their first ' +
    'row; the button: its status; the banner: its decision, shown or not), in ms after the page\'s first request, and in brackets the ' +
    'round trips before it: its own / all the page\'s. Own: the banner\'s plain `fetch`; a web part\'s PnPjs requests, and the banner\'s ' +
    'reads it may take instead (site, map file, requestable list pages, what packages grant) when no web part read the same and they were ' +
    'in flight as the web parts began. *First request*: ms from navigation start (the page\'s scripts loading). *Complete*: ms ' +
    'after the first request until the last ended.');
  out.push('- *Runtime* vite: the local workbench (the same root components, Vite build); spfx: SharePoint\'s own runtime with the ' +
    'packaged `.sppkg`. *Cold*: a new browser context; *warm*: a second tab in it (localStorage kept, sessionStorage not).');
  out.push('- *Scan*: the requestable list read N× (its pages) · what packages grant: reads / distinct packages.');
  out.push('- *Baseline*: what community samples do, from Node\'s fetch with the same person\'s token and latency (below); it shows when ' +
    'everything is read and keeps no cache. *Ratio* = ours ÷ baseline: requests, round trips (ours before the first content), time ' +
    '(ours to the first content after the first request).');
  out.push('');
  out.push('| Page (as) | Tenant | Runtime | View | Requests | Round trips | First request | Content: ms (round trips own / all) | Complete | Scan | Baseline: requests / round trips / ms | Ratio: requests / round trips / time |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of results.rows) {
    const b = row.baseline ? results.baselines[row.baseline] : undefined;
    const firstMark = Object.values(row.content)[0] || {};
    out.push(`| ${row.scenario} (${row.person.split('@')[0]}) | ${row.tenant} | ${row.runtime} | ${row.view} | ${n(row.requests)} | ${n(row.trips)} | ` +
      `${n(row.firstRequestMs)} | ${contentCell(row)} | ${n(row.completeMs)} | ` +
      `${row.scan.listReads}× (${row.scan.listPages}) · ${n(row.scan.grantReads)} / ${n(row.scan.grantPackages)} | ` +
      `${b ? `${n(b.requests)} / ${n(b.trips)} / ${n(b.ms)}` : '—'} | ` +
      `${b ? `${ratio(row.requests, b.requests)} / ${ratio(firstMark.ownTrips, b.trips)} / ${ratio(firstMark.ms, b.ms)}` : '—'} |`);
  }
  out.push('');
  out.push('Baselines: ' + Object.values(results.baselines).filter(b => !/decisions/.test(b.key))
    .map(b => `*${b.key}*: ${b.what}${b.found === undefined ? '' : ` (found ${n(b.found)})`}`).join('; ') + '.');
  const mapped = Object.entries(results.mapped);
  if (mapped.length) {
    out.push(`Marketing's site access map: Megan's scan (scanSiteAccess), saved as the catalog's \`accessMap\` property and the site's ` +
      `SiteAssets file: ${mapped.map(([t, c]) => `${c} packages at ${t}`).join(', ')}.`);
  }
  const listed = results.rows.filter(r => r.listed && /Site catalog/.test(r.scenario) && r.view === 'cold')
    .map(r => `${r.tenant}, ${r.scenario.replace('Site catalog + banner, ', '')}, ${r.runtime}: ${r.listed}`);
  if (listed.length) out.push(`The site catalog lists (cold): ${listed.join('; ')}.`);
  out.push('');
  if (results.search) {
    const s = results.search;
    out.push(`**Catalog search over ${n(s.packages)} packages** (intranet home, scope all, warm page): "${s.query}" typed one character at a ` +
      `time in the page (${s.keystrokes.length} keystrokes, 40 ms apart). Input event → list rendered and laid out: p50 ${s.p50} ms, ` +
      `p95 ${s.p95} ms, max ${s.max} ms; → the next animation frame: p50 ${s.frameP50} ms, max ${s.frameMax} ms` +
      `${s.keystrokes.every(k => k.sync) ? '; React rendered every update within the input event' : ''}.`);
    out.push('');
  }
  if (results.dom.length) {
    out.push('| Longest lists | Tenant | Items | Rows in the DOM | |');
    out.push('|---|---|---|---|---|');
    for (const d of results.dom) out.push(`| ${d.list} | ${d.tenant} | ${n(d.items)} | ${n(d.rows)} | ${d.note} |`);
    out.push('');
  }
  if (results.bulk) {
    const b = results.bulk;
    out.push('| Bulk approval of 100 requests (diegos, 500 pending) | Recorded | Requests | Round trips | ms | Ratio to the 6-in-flight baseline: requests / round trips / ms |');
    out.push('|---|---|---|---|---|---|');
    out.push(`| AccessApprovals ${b.how} | ${b.decided} | ${b.requests} | ${b.trips} | ${n(b.ms)} | ` +
      `${ratio(b.requests, b.baseline.requests)} / ${ratio(b.trips, b.baseline.trips)} / ${ratio(b.ms, b.baseline.ms)} |`);
    out.push(`| … of which its requests (first start to last end; the first starts ${n(b.beforeRequestsMs)} ms after the click) | | | | ${n(b.requestsMs)} | ` +
      `/ / ${ratio(b.requestsMs, b.baseline.ms)} |`);
    out.push(`| Baseline: ${b.baseline.what} | ${b.baseline.found} | ${b.baseline.requests} | ${b.baseline.trips} | ${n(b.baseline.ms)} | |`);
    out.push(`| Baseline: ${b.sequential.what} | ${b.sequential.found} | ${b.sequential.requests} | ${b.sequential.trips} | ${n(b.sequential.ms)} | |`);
    out.push('');
  }
  out.push(`| JavaScript a page downloads from the package (gzipped, en-us) | Bytes |`);
  out.push('|---|---|');
  if (js.pages && js.firstScripts) {
    out.push(`| The customizer's first script (the banner has nothing to show) | ${n(js.firstScripts.customizer)} |`);
    out.push(`| The web parts' first script | ${n(js.firstScripts.webParts)} |`);
    out.push(`| All four web parts, no banner | ${n(js.pages.webParts)} |`);
    out.push(`| Only the banner (customizer and banner chunks) | ${n(js.pages.banner)} |`);
    out.push(`| All four web parts and the banner | ${n(js.pages.both)} |`);
  } else {
    out.push(`| ${js.error} | — |`);
  }
  out.push('');
  out.push(`From \`${js.sppkg}\`${js.builtAt ? ` (built ${js.builtAt.slice(0, 16).replace('T', ' ')} UTC${js.stale ? `; ${js.stale}` : ''})` : ''}` +
    `${js.statsMatch === false ? ', whose webpack stats describe another build' : ''}, computed as scripts/check-sppkg.js does ` +
    '(scripts/sppkg.js `pageDownloads`). The vite rows load the workbench\'s own build, not these files.');
  out.push('');
  out.push('| Budget | Measured | |');
  out.push('|---|---|---|');
  for (const c of checks) out.push(`| ${c.what} | ${c.measured} | ${c.pass === undefined ? 'not measured' : c.pass ? 'pass' : '**fail**'} |`);
  for (const note of results.notes) out.push(`\n${note}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`latency ${LATENCY_MS} ms; tenants: ${GROUPS.filter(runs).join(', ')}`);
  const browser = await chromium.launch(chromiumLaunchOptions(['--ignore-certificate-errors']));
  try {
    if (runs('fixture')) await fixtureTenant(browser);
    await scaleTenants(browser);
    if (runs('approvals')) await approvalsTenant(browser);
    if (runs('held')) await heldTenant(browser);
    if (runs('spfx')) await spfxTenant(browser);
  } finally {
    await browser.close();
  }
  const js = packageFigures();
  const checks = budgets(js);
  const seconds = Math.round((Date.now() - started) / 1000);
  log(`done in ${seconds} s`);
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({
      command: COMMAND, date: new Date().toISOString(), latencyMs: LATENCY_MS, viewport: VIEWPORT, seconds,
      notes: ['Requests: Graph (/v1.0/) and SharePoint REST (/_api/); SharePoint runtime\'s own requests (AcquireOBOToken, GetClientSideComponents, contextinfo) not counted (runtimeOwn).',
        'Times in ms from navigation start; round trips = the longest chain of requests that waited for each other.', ...results.notes],
      pages: results.rows, baselines: results.baselines, search: results.search, domRows: results.dom, bulkApproval: results.bulk,
      mappedPackages: results.mapped, javascript: js, budgets: checks
    }, null, 2)}\n`);
  } else {
    process.stdout.write(`${table(js, checks)}\n`);
  }
}

main().catch(e => {
  process.stderr.write(`${e instanceof Error ? e.stack || e.message : String(e)}\n`);
  process.exit(1);
});
