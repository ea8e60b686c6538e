/**
 * Browser-test harness: the real local tenant and workbench in-process on a free port, and Debian's Chromium
 * through playwright-core.
 *
 *   const wb = await startWorkbench();            // build mode (the client globalSetup built)
 *   const browser = await launchBrowser();
 *   const { page } = await openAs(browser, wb, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
 *   await screenshot(page, 'marketing-adele');     // /tmp/e2e-shots/marketing-adele.png
 *   await browser.close(); await wb.stop();
 *
 * WORKBENCH_MODE=dev runs the Vite dev server instead of the build; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, Browser, BrowserContext, Page, Response } from 'playwright-core';
import { startLocalTenant } from '../../localTenant/index';
import { createWorkbench, PageRuntime, sendStarting, Workbench, WorkbenchMode } from '../../localTenant/workbench/server';
import { sessionCookieHeader } from '../../localTenant/session';
import { setComponentSource } from '../../localTenant/spfxEndpoints';

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

export interface LaunchedBrowser {
  browser: Browser;
  userDataDir: string;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'
];

/**
 * Debian's Chromium, headless. Playwright launches it with a fresh profile (user-data dir) of its own each time;
 * each `openAs` gets a fresh context on top, so no storage leaks between people or tests.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<LaunchedBrowser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs, `--disk-cache-dir=${path.join(userDataDir, 'cache')}`],
    env: { ...process.env, HOME: userDataDir, XDG_CONFIG_HOME: userDataDir, XDG_CACHE_HOME: userDataDir }
  });
  return {
    browser,
    userDataDir,
    async close() {
      await browser.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  };
}

export interface OpenOptions {
  lang?: string;
  /** More query parameters, e.g. `{ accessPackageId: '…' }`. */
  query?: Record<string, string>;
  /** Wait for the client to mount (default: when the answer is 200 and the page has web parts). */
  waitForReady?: boolean;
  /** Reuse a context (e.g. to keep storage); default: a fresh one. */
  context?: BrowserContext;
  viewport?: { width: number; height: number };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  response: Response | null;
  /** Console errors and uncaught page errors seen so far (live array). */
  errors: string[];
  /** ms from navigation start until the client marked the page ready (undefined when not waited). */
  readyMs?: number;
}

/** The URL of a page as a person: `path?as=<upn>&lang=…&…`. */
export function pageUrl(base: string, pagePath: string, upn?: string, o: Pick<OpenOptions, 'lang' | 'query'> = {}): string {
  const url = new URL(pagePath, base);
  if (upn) url.searchParams.set('as', upn);
  if (o.lang) url.searchParams.set('lang', o.lang);
  for (const [k, v] of Object.entries(o.query || {})) url.searchParams.set(k, v);
  return url.toString();
}

/** Everything not on the workbench's origin is refused: tests never depend on a CDN or the internet. */
async function isolate(context: BrowserContext, base: string): Promise<void> {
  const origin = new URL(base).origin;
  await context.route(url => new URL(url.toString()).origin !== origin && !/^(data|blob):/.test(url.protocol), route => route.abort());
}

export async function newContext(browser: LaunchedBrowser | Browser, base: string, viewport = { width: 1366, height: 900 }): Promise<BrowserContext> {
  const b = 'browser' in browser ? browser.browser : browser;
  const context = await b.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  await isolate(context, base);
  return context;
}

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Opens `pagePath` as `upn` and waits until the client has mounted every web part. */
export async function openAs(
  browser: LaunchedBrowser | Browser, wb: RunningWorkbench | string, pagePath: string, upn?: string, o: OpenOptions = {}
): Promise<OpenedPage> {
  const base = typeof wb === 'string' ? wb : wb.url;
  const context = o.context || await newContext(browser, base, o.viewport);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const started = Date.now();
  const response = await page.goto(pageUrl(base, pagePath, upn, o), { waitUntil: 'domcontentloaded' });
  let readyMs: number | undefined;
  const hasSlots = response && response.status() === 200 && await page.locator('#wb-config').count() > 0;
  if (o.waitForReady !== false && hasSlots) {
    await waitForReady(page);
    readyMs = Date.now() - started;
  }
  return { context, page, response, errors, readyMs };
}

/** The client sets `<html data-wb-ready>` once every root is mounted. */
export async function waitForReady(page: Page, timeout = 30000): Promise<void> {
  await page.waitForSelector('html[data-wb-ready="true"]', { state: 'attached', timeout });
}

/** A full-page screenshot at `/tmp/e2e-shots/<name>.png`; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface IBrowserAndWorkbench {
  readonly browser: LaunchedBrowser;
  readonly wb: RunningWorkbench;
}

/**
 * Registers beforeAll/afterAll that start one browser and one workbench for a test file and stop them;
 * read `.browser` and `.wb` inside tests (they exist once beforeAll has run).
 */
export function setupBrowserAndWorkbench(options: StartWorkbenchOptions = {}): IBrowserAndWorkbench {
  let browser: LaunchedBrowser | undefined;
  let wb: RunningWorkbench | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    wb = await startWorkbench(options);
  });
  afterAll(async () => {
    await Promise.all([browser && browser.close(), wb && wb.stop()]);
  });
  return {
    get browser(): LaunchedBrowser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get wb(): RunningWorkbench {
      if (!wb) throw new Error('the workbench starts in beforeAll');
      return wb;
    }
  };
}

/** Polls `probe` every 50 ms until it holds; fails after `timeoutMs`. */
export async function waitUntil(probe: () => boolean, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 50));
  }
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
