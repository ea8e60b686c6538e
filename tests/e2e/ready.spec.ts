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
import { expect, openAs, REPO_ROOT, screenshot, test, withWorkbench, waitForReady, watchErrors } from './harness';

const PAGE = '/sites/marketing/SitePages/Home.aspx?as=adelev@contoso.com';

test.describe('start-up', () => {
  let tenant: Awaited<ReturnType<typeof startLocalTenant>> | undefined;
  let workbench: Workbench | undefined;
  test.afterAll(async () => {
    if (workbench) await workbench.close();
    if (tenant) await tenant.stop();
  });

  test('health is 503 while starting, the start-up page reloads itself, and a page right after health 200 renders', async ({ newContext }) => {
    tenant = await startLocalTenant({
      port: 0,
      waitFor: ['workbench'],
      fallback: (req, res) => (workbench ? workbench.handle(req, res) : sendStarting(req, res))
    });
    const t = tenant;
    const base = t.url;

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
    const earlyPage = await (await newContext({ baseURL: base })).newPage();
    const earlyErrors = watchErrors(earlyPage);
    const earlyResponse = await earlyPage.goto(PAGE, { waitUntil: 'domcontentloaded' });
    expect(earlyResponse && earlyResponse.status()).toBe(503);
    await expect(earlyPage).toHaveTitle(/starting/i);
    await expect(earlyPage.locator('html')).toHaveAttribute('lang', 'en');
    await expect(earlyPage.getByRole('heading', { name: /starting/i })).toBeVisible();
    await screenshot(earlyPage, 'ready-startup-page');

    const started = Date.now();
    const creating = createWorkbench({ tenant: t.tenant, repoRoot: REPO_ROOT, mode: 'dev', httpServer: t.server, watch: false, logLevel: 'warn' })
      .then(w => { workbench = w; t.ready('workbench'); });
    const statuses = new Set<number>();
    await expect.poll(async () => {
      const status = (await fetch(`${base}/_dev/health`)).status;
      statuses.add(status);
      return status;
    }, { message: 'the workbench becomes ready in 2 minutes', timeout: 120000, intervals: [50] }).toBe(200);
    const healthyAt = Date.now();
    // Until then, health only ever said "starting".
    expect([...statuses].filter(s => s !== 200 && s !== 503)).toEqual([]);
    await creating;
    process.stdout.write(`[e2e] dev mode: health 200 ${healthyAt - started} ms after the workbench started\n`);

    await test.step('immediately: no retry, no reload, and the web parts render', async () => {
      const page = await (await newContext({ baseURL: base })).newPage();
      const first = await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
      expect(first.response && first.response.status()).toBe(200);
      expect(first.readyMs).toBeDefined();
      await expect(page.locator('section.wb-webpart')).not.toHaveCount(0);
      // The catalog's content, not only its slot: the client really mounted.
      await expect(page.getByText('Marketing Campaign Contributors').first()).toBeVisible();
      process.stdout.write(`[e2e] dev mode: first page after health 200 ready in ${first.readyMs} ms\n`);
      expect(first.errors).toEqual([]);
      await page.context().close();
    });

    await test.step('the start-up page turned into the intranet page by itself', async () => {
      await waitForReady(earlyPage, 60000);
      await expect(earlyPage.locator('section.wb-webpart')).not.toHaveCount(0);
      await expect(earlyPage).not.toHaveTitle(/starting/i);
      // The only error allowed is the browser's note that the start-up page itself came with a 503.
      expect(earlyErrors.filter(e => !/status of 503/.test(e))).toEqual([]);
    });
  });
});

test.describe('over HTTPS', () => {
  let certDir: string | undefined;
  const env = withWorkbench(() => {
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-tenant-cert-'));
    return { mode: 'dev', https: true, certDir };
  });
  test.afterAll(() => {
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
  });
  // The browser trusts the development certificate as a person would after importing it; here, by exception.
  test.use({ ignoreHTTPSErrors: true });

  test('over HTTPS (npm start -- --https) the page and its web parts load from https://localhost', async ({ page }) => {
    expect(env.wb.url).toMatch(/^https:\/\/localhost:\d+$/);
    const opened = await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
    expect(opened.response && opened.response.status()).toBe(200);
    await expect(page.locator('section.wb-webpart')).not.toHaveCount(0);
    await expect(page.getByText('Marketing Campaign Contributors').first()).toBeVisible();
    // The client calls Graph on the page's own https origin.
    const config = JSON.parse(await page.locator('#wb-config').textContent() || '{}');
    expect(config.graphBaseUrl).toBe(`${env.wb.url}/v1.0`);
    expect(opened.errors).toEqual([]);
    await screenshot(page, 'ready-https-marketing');
  });
});
