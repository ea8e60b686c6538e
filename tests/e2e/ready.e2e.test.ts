/**
 * "Ready means ready": `/_dev/health` answers 200 only when a page requested now renders its web parts. Before
 * that, health is 503 naming what is starting, and a page is a proper start-up page that reloads itself.
 * Wired as `npm start` wires it (the tenant listens first, the Vite dev server joins as its fallback), with the
 * workbench's start held back until the start-up page has been seen, so each state is observed for sure.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startLocalTenant } from '../../localTenant/index';
import { createWorkbench, sendStarting, Workbench } from '../../localTenant/workbench/server';
import { launchBrowser, LaunchedBrowser, newContext, openAs, REPO_ROOT, screenshot, startWorkbench, waitForReady, watchErrors } from './harness';

const PAGE = '/sites/marketing/SitePages/Home.aspx?as=adelev@contoso.com';

let browser: LaunchedBrowser;
let tenant: Awaited<ReturnType<typeof startLocalTenant>> | undefined;
let workbench: Workbench | undefined;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => {
  await browser.close();
  if (workbench) await workbench.close();
  if (tenant) await tenant.stop();
});

it('health is 503 while starting, the start-up page reloads itself, and a page right after health 200 renders', async () => {
  tenant = await startLocalTenant({
    port: 0,
    waitFor: ['workbench'],
    fallback: (req, res) => (workbench ? workbench.handle(req, res) : sendStarting(req, res))
  });
  const base = tenant.url;

  const starting = await fetch(`${base}/_dev/health`);
  expect(starting.status).toBe(503);
  expect(starting.headers.get('retry-after')).toBe('1');
  expect(await starting.json()).toEqual(expect.objectContaining({ status: 'starting', waitingFor: ['workbench'] }));

  const early = await fetch(`${base}${PAGE}`, { headers: { Accept: 'text/html' } });
  expect(early.status).toBe(503);
  expect(early.headers.get('retry-after')).toBe('1');
  expect(early.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await early.text();
  expect(html).toMatch(/<html lang="en">/);
  expect(html).toMatch(/<title>[^<]+<\/title>/);

  // Someone who opened the page during start-up: a real page that later turns into the intranet page by itself.
  const context = await newContext(browser, base);
  const earlyPage = await context.newPage();
  const earlyErrors = watchErrors(earlyPage);
  const earlyResponse = await earlyPage.goto(`${base}${PAGE}`, { waitUntil: 'domcontentloaded' });
  expect(earlyResponse && earlyResponse.status()).toBe(503);
  expect(await earlyPage.title()).toMatch(/starting/i);
  expect(await earlyPage.getAttribute('html', 'lang')).toBe('en');
  await earlyPage.getByRole('heading', { name: /starting/i }).waitFor();
  await screenshot(earlyPage, 'ready-startup-page');

  const started = Date.now();
  const creating = createWorkbench({ tenant: tenant.tenant, repoRoot: REPO_ROOT, mode: 'dev', httpServer: tenant.server, watch: false, logLevel: 'warn' })
    .then(w => { workbench = w; tenant!.ready('workbench'); });
  let healthyAt = 0;
  while (!healthyAt) {
    const r = await fetch(`${base}/_dev/health`);
    if (r.status === 200) healthyAt = Date.now();
    else {
      expect(r.status).toBe(503);
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    if (Date.now() - started > 120000) throw new Error('the workbench did not become ready in 2 minutes');
  }
  await creating;
  process.stdout.write(`[e2e] dev mode: health 200 ${healthyAt - started} ms after the workbench started\n`);

  // Immediately: no retry, no reload, and the web parts render.
  const first = await openAs(browser, base, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
  try {
    expect(first.response && first.response.status()).toBe(200);
    expect(first.readyMs).toBeDefined();
    expect(await first.page.locator('section.wb-webpart').count()).toBeGreaterThan(0);
    // The catalog's content, not only its slot: the client really mounted.
    await first.page.getByText('Marketing Campaign Contributors').first().waitFor({ state: 'visible' });
    process.stdout.write(`[e2e] dev mode: first page after health 200 ready in ${first.readyMs} ms\n`);
    expect(first.errors).toEqual([]);
  } finally {
    await first.context.close();
  }

  await waitForReady(earlyPage, 60000);
  expect(await earlyPage.locator('section.wb-webpart').count()).toBeGreaterThan(0);
  expect(await earlyPage.title()).not.toMatch(/starting/i);
  // The only error allowed is the browser's note that the start-up page itself came with a 503.
  expect(earlyErrors.filter(e => !/status of 503/.test(e))).toEqual([]);
  await context.close();
});

it('over HTTPS (npm start -- --https) the page and its web parts load from https://localhost', async () => {
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tenant-cert-'));
  const wb = await startWorkbench({ mode: 'dev', https: true, certDir });
  try {
    expect(wb.url).toMatch(/^https:\/\/localhost:\d+$/);
    // The browser trusts the development certificate as a person would after importing it; here, by exception.
    const context = await browser.browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const opened = await openAs(browser, wb, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com', { context });
    expect(opened.response && opened.response.status()).toBe(200);
    expect(await opened.page.locator('section.wb-webpart').count()).toBeGreaterThan(0);
    await opened.page.getByText('Marketing Campaign Contributors').first().waitFor({ state: 'visible' });
    // The client calls Graph on the page's own https origin.
    const config = JSON.parse(await opened.page.locator('#wb-config').textContent() || '{}');
    expect(config.graphBaseUrl).toBe(`${wb.url}/v1.0`);
    expect(opened.errors).toEqual([]);
    await screenshot(opened.page, 'ready-https-marketing');
    await context.close();
  } finally {
    await wb.stop();
    fs.rmSync(certDir, { recursive: true, force: true });
  }
});
