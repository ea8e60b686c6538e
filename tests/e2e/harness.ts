/**
 * Browser-test harness for Playwright Test: the real local tenant and workbench in-process on a free port, one per
 * test file, and fixtures on top of Playwright's own (Debian's Chromium as playwright.config.ts launches it).
 *
 *   import { expect, openAs, screenshot, test, withWorkbench } from './harness';
 *   const env = withWorkbench();                    // beforeAll/afterAll; baseURL is the workbench's URL
 *   test('…', async ({ page }) => {
 *     await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
 *     await expect(page.getByTestId('wb-me')).toHaveText('Adele Vance');
 *     await screenshot(page, 'marketing-adele');   // /tmp/e2e-shots/marketing-adele.png
 *   });
 *
 * Every context (the `context`/`page` fixtures and `newContext()`) refuses what is not on the workbench's origin.
 * WORKBENCH_MODE=dev runs the Vite dev server instead of the build.
 */
import * as fs from 'fs';
import * as path from 'path';
import { test as base, expect, BrowserContext, BrowserContextOptions, Page, Request, Response } from '@playwright/test';
import { startLocalTenant } from '../../localTenant/index';
import { createWorkbench, PageRuntime, sendStarting, Workbench, WorkbenchMode } from '../../localTenant/workbench/server';
import { sessionCookieHeader } from '../../localTenant/session';
import { setComponentSource } from '../../localTenant/spfxEndpoints';
import type { ISpan } from '../service/roundTrips';

export { expect };

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS_DIR = '/tmp/e2e-shots';

type LocalTenant = Awaited<ReturnType<typeof startLocalTenant>>;

export interface StartWorkbenchOptions {
  /** A fixture object (a variant of the Contoso one) instead of the default file. */
  fixture?: unknown;
  fixturePath?: string;
  /** e.g. `packages:5000,approvals:500`. */
  scale?: string;
  /** Default: WORKBENCH_MODE or 'build'. */
  mode?: WorkbenchMode;
  /** Serve HTTPS with the development certificate (`startLocalTenant({ https: true })`). */
  https?: boolean;
  /** Where that certificate is cached (tests pass a temporary folder). */
  certDir?: string | null;
  /** Who boots the pages by default: the Vite workbench client or SharePoint's own SPFx runtime (needs https). */
  runtime?: PageRuntime;
}

export interface RunningWorkbench {
  /** `http://127.0.0.1:<port>` (`https://localhost:<port>` over HTTPS; no trailing slash). */
  url: string;
  port: number;
  tenant: LocalTenant['tenant'];
  localTenant: LocalTenant;
  workbench: Workbench;
  stop(): Promise<void>;
}

export function workbenchMode(): WorkbenchMode {
  return process.env.WORKBENCH_MODE === 'dev' ? 'dev' : 'build';
}

/**
 * Starts the local tenant on a free port with the workbench as its fallback handler, the way `npm start` does:
 * health answers 503 and pages are the self-reloading start-up page until the workbench is ready.
 */
export async function startWorkbench(o: StartWorkbenchOptions = {}): Promise<RunningWorkbench> {
  let workbench: Workbench | undefined;
  const localTenant = await startLocalTenant({
    port: 0,
    host: '127.0.0.1',
    fixture: o.fixture,
    fixturePath: o.fixturePath,
    scale: o.scale,
    https: o.https,
    certDir: o.certDir,
    waitFor: ['workbench'],
    fallback: async (req, res) => {
      if (workbench) return workbench.handle(req, res);
      sendStarting(req, res);
    }
  });
  try {
    // Dev mode: Vite's HMR websocket rides on the tenant's server, as with `npm start`; no file watching in tests.
    const t = localTenant.tenant;
    workbench = await createWorkbench({
      tenant: t, repoRoot: REPO_ROOT, mode: o.mode || workbenchMode(), httpServer: localTenant.server, watch: false, logLevel: 'warn',
      runtime: o.runtime,
      sessionCookie: (user, secure) => {
        const person = t.findUser(user.id);
        return person ? sessionCookieHeader(person, t.tenantInfo.id, secure) : undefined;
      },
      registerComponents: source => setComponentSource(t, source)
    });
  } catch (e) {
    await localTenant.stop();
    throw e;
  }
  localTenant.ready('workbench');
  const wb = workbench;
  return {
    url: localTenant.url,
    port: localTenant.port,
    tenant: localTenant.tenant,
    localTenant,
    workbench: wb,
    async stop() {
      await wb.close();
      await localTenant.stop();
    }
  };
}

/** Everything not on the workbench's origin is refused: tests never depend on a CDN or the internet. */
async function isolate(context: BrowserContext, base: string): Promise<void> {
  const origin = new URL(base).origin;
  await context.route(url => url.origin !== origin && !/^(data|blob):/.test(url.protocol), route => route.abort());
}

/** A person's token from the workbench's `/_dev/token` (what the pages use), for calls a test makes as that person. */
export async function devToken(wb: Pick<RunningWorkbench, 'url'>, user: string): Promise<string> {
  const res = await fetch(`${wb.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  if (!res.ok) throw new Error(`/_dev/token answered ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A Graph call (`/v1.0/<path>`) to the local tenant as `user`, as people do through My Access or Graph Explorer. */
export async function graphAs(wb: Pick<RunningWorkbench, 'url'>, user: string, method: string, path: string, body?: unknown): Promise<globalThis.Response> {
  return fetch(`${wb.url}/v1.0/${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `Bearer ${await devToken(wb, user)}`, 'Content-Type': 'application/json', Accept: 'application/json' }
  });
}

export interface IHarnessFixtures {
  /** Refuse requests off the workbench's origin (default). The packaged bundles' page runs with it off. */
  isolateNetwork: boolean;
  /**
   * Another context with the test's options (viewport, locale, baseURL…; pass more or other ones), isolated like
   * `context`, traced, and closed when the test ends: a second person or a new session next to `page`.
   */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

export const test = base.extend<IHarnessFixtures>({
  isolateNetwork: [true, { option: true }],
  context: async ({ context, baseURL, isolateNetwork }, use) => {
    if (isolateNetwork && baseURL) await isolate(context, baseURL);
    await use(context);
  },
  newContext: async ({ browser, baseURL, viewport, locale, timezoneId, ignoreHTTPSErrors, isolateNetwork }, use) => {
    const made: BrowserContext[] = [];
    await use(async (options = {}) => {
      const o = { baseURL, viewport, locale, timezoneId, ignoreHTTPSErrors, ...options };
      const context = await browser.newContext(o);
      made.push(context);
      if (isolateNetwork && o.baseURL) await isolate(context, o.baseURL);
      return context;
    });
    await Promise.all(made.map(c => c.close()));
  }
});

export interface IWorkbenchEnv {
  /** The file's workbench (it exists once beforeAll has run). */
  readonly wb: RunningWorkbench;
}

/**
 * One workbench for the test file (or the describe block it is called in): started in beforeAll, stopped in
 * afterAll, and the tests' baseURL, so `page.goto('/sites/…')` and `openAs` reach it. Tests that change the tenant
 * reset it in beforeEach (`POST /_dev/reset`); the request log is per workbench.
 */
export function withWorkbench(options: StartWorkbenchOptions | (() => StartWorkbenchOptions) = {}): IWorkbenchEnv {
  let wb: RunningWorkbench | undefined;
  test.beforeAll(async () => {
    wb = await startWorkbench(typeof options === 'function' ? options() : options);
  });
  test.afterAll(async () => {
    await wb?.stop();
    wb = undefined;
  });
  const env: IWorkbenchEnv = {
    get wb(): RunningWorkbench {
      if (!wb) throw new Error('the workbench starts in beforeAll');
      return wb;
    }
  };
  // Hooks set up test fixtures too: in beforeAll itself there is no workbench yet, hence no baseURL.
  // eslint-disable-next-line no-empty-pattern -- a fixture without dependencies
  test.use({ baseURL: async ({}, use) => use(wb?.url) });
  return env;
}

export interface OpenOptions {
  lang?: string;
  /** More query parameters, e.g. `{ accessPackageId: '…' }`. */
  query?: Record<string, string>;
  /** Wait for the client to mount (default: when the answer is 200 and the page has web parts). */
  waitForReady?: boolean;
}

export interface OpenedPage {
  response: Response | null;
  /** Console errors and uncaught page errors seen so far (live array). */
  errors: string[];
  /** ms from navigation start until the client marked the page ready (undefined when not waited). */
  readyMs?: number;
}

/** The URL of a page as a person: `path?as=<upn>&lang=…&…` (relative to baseURL unless `pagePath` is absolute). */
export function pageUrl(pagePath: string, upn?: string, o: Pick<OpenOptions, 'lang' | 'query'> = {}): string {
  const params = new URLSearchParams();
  if (upn) params.set('as', upn);
  if (o.lang) params.set('lang', o.lang);
  for (const [k, v] of Object.entries(o.query || {})) params.set(k, v);
  const qs = params.toString();
  return qs ? `${pagePath}${pagePath.includes('?') ? '&' : '?'}${qs}` : pagePath;
}

/**
 * A site without an access map answers the map file's read with 404, as SharePoint does (README, "A site's access
 * map"); Chromium logs every 404 as a console error. That one is the expected answer, not a fault.
 */
const SITE_MAP_FILE = /\/SiteAssets(%2F|\/)access-hub-site-access-map\.json/i;

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', m => {
    if (m.type() !== 'error') return;
    if (/status of 404/.test(m.text()) && SITE_MAP_FILE.test(decodeURIComponent(m.location().url || ''))) return;
    errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Opens `pagePath` as `upn` in `page` and waits until the client has mounted every web part. */
export async function openAs(page: Page, pagePath: string, upn?: string, o: OpenOptions = {}): Promise<OpenedPage> {
  const errors = watchErrors(page);
  const started = Date.now();
  const response = await page.goto(pageUrl(pagePath, upn, o), { waitUntil: 'domcontentloaded' });
  let readyMs: number | undefined;
  const hasSlots = response && response.status() === 200 && await page.locator('#wb-config').count() > 0;
  if (o.waitForReady !== false && hasSlots) {
    await waitForReady(page);
    readyMs = Date.now() - started;
  }
  return { response, errors, readyMs };
}

/** The client sets `<html data-wb-ready>` once every root is mounted. */
export async function waitForReady(page: Page, timeout = 30000): Promise<void> {
  await expect(page.locator('html'), 'the client marks the page ready').toHaveAttribute('data-wb-ready', 'true', { timeout });
}

/**
 * Waits until `probe` gives the same value twice `windowMs` apart (compared as JSON): a page's request counts or
 * text have stopped changing. For what must not happen after a point (no further request), which no single
 * condition on the page announces; fails when it keeps changing for `timeout`.
 */
export async function expectUnchanged<T>(probe: () => T | Promise<T>, windowMs: number, what: string, timeout = 30000): Promise<void> {
  await expect(async () => {
    const before = JSON.stringify(await probe());
    await new Promise(resolve => setTimeout(resolve, windowMs));
    expect(JSON.stringify(await probe()), `${what} unchanged for ${windowMs} ms`).toBe(before);
  }).toPass({ timeout, intervals: [0] });
}

/** A full-page screenshot at `/tmp/e2e-shots/<name>.png`; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let axeSource: string | undefined;

/** axe-core's WCAG A/AA violations on the page, by rule id and the first nodes. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource = axeSource || fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  // Let finite animations end first: Fluent fades messages in (an error message is faint for a moment), and axe
  // measures colour contrast as it is at that instant. Spinners run forever and are not waited for.
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations()
      .filter(a => { const t = a.effect && a.effect.getComputedTiming(); return !!t && t.iterations !== Infinity; })
      .map(a => a.finished.catch(() => undefined))),
    new Promise(resolve => setTimeout(resolve, 3000))
  ]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe's result is untyped inside the page
  const result = await page.evaluate(async () => (window as any).axe.run({ resultTypes: ['violations'] }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- same
  return result.violations.map((v: any) => `${v.impact} ${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** A `$batch`'s requests (`METHOD url`, the url decoded), so a test can check what it read. */
export function batchOf(r: Request): string[] | undefined {
  if (!/\/\$batch/.test(r.url())) return undefined;
  try {
    const body = JSON.parse(r.postData() || '{}') as { requests?: Array<{ method: string; url: string }> };
    return (body.requests || []).map(q => `${q.method} ${decodeURIComponent(q.url)}`);
  } catch {
    return undefined;
  }
}

export interface IApiRecording {
  /** The page's Graph and SharePoint REST requests, once finished or failed, with browser timings (url decoded). */
  spans: ISpan[];
  /** Requests of any kind started and not yet finished or failed. */
  inFlight(): number;
}

/** Records a page's Graph (`/v1.0/`) and SharePoint REST (`/_api/`) requests, for counts and round trips (tests/service/roundTrips.ts). */
export function recordApiRequests(page: Page): IApiRecording {
  const spans: ISpan[] = [];
  const started = new Map<Request, number>();
  page.on('request', r => started.set(r, Date.now()));
  const done = (r: Request): void => {
    const start = started.get(r);
    started.delete(r);
    const url = new URL(r.url());
    if (!/^\/v1\.0\//.test(url.pathname) && !/\/_api\//.test(url.pathname)) return;
    spans.push({ start: start || Date.now(), end: Date.now(), url: decodeURIComponent(url.pathname + url.search), method: r.method(), batched: batchOf(r) });
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { spans, inFlight: () => started.size };
}
