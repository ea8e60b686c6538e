/**
 * The packaged solution (sharepoint/solution/access-hub.sppkg) under SharePoint's own client runtime: the local
 * tenant's runtime host (localTenant/workbench/runtime) boots SPFx 1.23's loader, web part manager, customizer loader,
 * placeholders and token providers from node_modules, with the package's ClientSideAssets as SharePoint serves them.
 * Sign-in (MSAL) runs against the local tenant's authority, and Graph gets the on-behalf-of token, over HTTPS.
 *
 * Proves: every component works there (catalog, button, MyAccess, approvals, the AccessPrompt banner); in either load
 * order each chunk is requested once; the banner decides once per page view (the runtime raises navigatedEvent for
 * the first view too) and once again after an in-site navigation; and the main flows reach the tenant.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { expect, expectUnchanged, REPO_ROOT, screenshot, test, withWorkbench, watchErrors } from './harness';
import { ensurePackage } from '../../localTenant/workbench/runtime/ensurePackage';
import { DEFAULT_SPPKG } from '../../localTenant/workbench/runtime/runtimeHost';
import { ID, U } from '../contoso';

const SPPKG = path.join(REPO_ROOT, DEFAULT_SPPKG);
const EVERYTHING = '/sites/marketing/SitePages/Everything.aspx';
const home = (site: string): string => `/sites/${site}/SitePages/Home.aspx`;
const BANNER_TEXT = 'You can view this site. Request Marketing Campaign Contributors to contribute.';

/** The Contoso fixture with one more Marketing page that holds all four web parts. */
function fixtureWithEverything(): unknown {
  const fixture = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'localTenant', 'fixtures', 'contoso.json'), 'utf8'));
  const marketing = fixture.sites.find((s: { url: string }) => /\/sites\/marketing$/.test(s.url));
  marketing.pages.push({
    name: 'Everything.aspx', title: 'Everything',
    webParts: [
      { alias: 'AccessCatalog', properties: { title: 'Access to this site', scope: 'site' } },
      { alias: 'AccessRequestButton', properties: { accessPackageId: ID.contributors, label: 'Contribute to Marketing' } },
      { alias: 'MyAccess', properties: { title: 'My access' } },
      { alias: 'AccessApprovals', properties: { title: 'Waiting for my decision', includeAccessReviews: true } }
    ]
  });
  return fixture;
}

// SharePoint's MSAL refuses an http authority: the runtime host needs HTTPS. The development certificate is not
// trusted by this Chromium: pages accept it (ignoreHTTPSErrors), and the service worker that answers MSAL's instance
// discovery needs it accepted by the browser itself. The runtime page loads what SharePoint's would (it may try
// Microsoft's CDN and telemetry, which fail here), so requests off the tenant's origin are not refused but filtered
// from the errors (noise below).
test.use({
  launchOptions: chromiumLaunchOptions(['--ignore-certificate-errors']),
  ignoreHTTPSErrors: true,
  isolateNetwork: false
});

test.beforeAll(async () => {
  test.setTimeout(300000); // `npm run package` when the package is missing or older than the sources
  await ensurePackage(REPO_ROOT, SPPKG, line => process.stdout.write(`[e2e] ${line}\n`));
});

const env = withWorkbench(() => ({
  fixture: fixtureWithEverything(), https: true, certDir: fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cert-')), runtime: 'spfx'
}));

/** POST to the tenant over HTTPS, trusting its development certificate (Node's fetch has no per-call CA). */
function devPost(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${env.wb.url}${pathname}`, { method: 'POST', ca: env.wb.localTenant.certificate }, res => {
      res.resume();
      res.on('end', () => resolve(res.statusCode || 0));
    });
    req.on('error', reject);
    req.end();
  });
}

test.beforeEach(async () => {
  expect(await devPost('/_dev/reset')).toBe(200);
});

interface IRuntimePage {
  page: Page;
  /** ClientSideAssets file name → how often the page requested it. */
  assets: Map<string, number>;
  /** Graph and SharePoint REST requests, `METHOD path`. */
  api: string[];
  errors: string[];
}

async function open(page: Page, pagePath: string, upn: string, query = ''): Promise<IRuntimePage> {
  const errors = watchErrors(page);
  const assets = new Map<string, number>();
  const api: string[] = [];
  const origin = env.wb.url;
  page.on('request', r => {
    const u = new URL(r.url());
    const m = /\/ClientSideAssets\/[0-9a-f-]+\/(.+)$/.exec(u.pathname);
    if (m) assets.set(m[1], (assets.get(m[1]) || 0) + 1);
    if (u.origin === origin && (/^\/v1\.0\//.test(u.pathname) || /\/_api\//.test(u.pathname))) api.push(`${r.method()} ${u.pathname}${u.search}`);
  });
  await page.goto(`${pagePath}?as=${encodeURIComponent(upn)}${query}`);
  return { page, assets, api, errors };
}

/** Waits until the stand-in application has loaded the page's web parts; fails early with the runtime's errors. */
async function webPartsLoaded(p: IRuntimePage, count: number): Promise<void> {
  await p.page.waitForFunction(n => {
    const r = (window as any).localRuntime;
    return r && (r.errors.length > 0 || r.mounted.length >= n);
  }, count, { timeout: 60000 });
  expect(await p.page.evaluate(() => (window as any).localRuntime.errors)).toEqual([]);
}

/** The banner's decision is stored in the session once made. */
async function promptDecided(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(() => Object.keys(sessionStorage).some(k => k.startsWith('accessHub:prompt:')), undefined, { timeout });
}

function banner(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-sp-placeholder="Top"] [data-accesshub="access-prompt"]');
}

/** The customizer's own requests (plain fetch: unencoded SharePoint queries and Graph `$batch`es). */
const promptCalls = (api: string[]): string[] => api.filter(a => /_api\/(site\?\$select=GroupId,Url|web\/effectiveBasePermissions)$/.test(a));

function expectEachChunkOnce(p: IRuntimePage): void {
  const chunks = [...p.assets.keys()].filter(n => /^chunk\./.test(n));
  expect(chunks.length).toBeGreaterThan(0);
  expect([...p.assets.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

const noise = (errors: string[]): string[] => errors.filter(e => !/Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|ABORTED)|res-1\.cdn\.office\.net|browser\.events\.data/.test(e));

type Db = { db: { assignmentRequests: Array<{ targetId: string; accessPackageId: string; state: string }>; assignments: Array<{ id: string; schedule?: { expiration?: { endDateTime?: string } } }> } };
const db = (): Db['db'] => (env.wb.tenant as unknown as Db).db;

test.describe('the .sppkg under SharePoint\'s own runtime (npm start -- --runtime spfx)', () => {
  test('Adele, a page with the catalog, the button, MyAccess, approvals and the banner: all work, each chunk once', async ({ page }) => {
    const p = await open(page, EVERYTHING, U.adele);
    await webPartsLoaded(p, 4);
    await expect(page.getByRole('heading', { name: 'Marketing Campaign Contributors' }).first()).toBeVisible({ timeout: 30000 });
    await expect(page.getByRole('button', { name: 'Contribute to Marketing' })).toBeVisible();
    await expect(page.getByText('Marketing Site Visitors').first()).toBeVisible();
    await expect(banner(page).getByText(BANNER_TEXT)).toBeVisible({ timeout: 30000 });
    // AccessApprovals for a person who approves nothing (her token has the approver scope; Graph checks the person).
    await expect(page.locator('[data-alias="AccessApprovals"]').getByText('No request is waiting for your decision.')).toBeVisible({ timeout: 30000 });
    await screenshot(page, 'runtime-everything-adele');
    expectEachChunkOnce(p);
    // One decision of the banner, though the runtime raised navigatedEvent for this first page view too.
    await page.waitForLoadState('networkidle');
    expect(promptCalls(p.api)).toEqual([
      'GET /sites/marketing/_api/site?$select=GroupId,Url', 'GET /sites/marketing/_api/web/effectiveBasePermissions'
    ]);
    expect(noise(p.errors)).toEqual([]);
  });

  test('Alex on the intranet home: "Suggested for you" (catalog showSuggestions) comes in its own chunk, once', async ({ page }) => {
    const p = await open(page, home('intranet'), U.alex);
    await webPartsLoaded(p, 3);
    const row = page.getByRole('region', { name: 'Suggested for you' });
    await expect(row.getByText('2 people you work with have this')).toBeVisible({ timeout: 30000 });
    expect([...p.assets.entries()].filter(([n]) => /^chunk\.access-hub-suggestions_/.test(n)).map(([, count]) => count)).toEqual([1]);
    expectEachChunkOnce(p);
    expect(noise(p.errors)).toEqual([]);
  });

  test('the banner first, then the web parts (below the fold): both work, each chunk once', async ({ page }) => {
    const p = await open(page, EVERYTHING, U.adele, '&deferWebParts=1');
    await expect(banner(page).getByText(BANNER_TEXT)).toBeVisible({ timeout: 60000 });
    expect(await page.evaluate(() => (window as any).localRuntime.mounted.length)).toBe(0);
    await page.evaluate(() => (window as any).localRuntime.mountWebParts());
    await webPartsLoaded(p, 4);
    await expect(page.getByRole('heading', { name: 'Marketing Campaign Contributors' }).first()).toBeVisible({ timeout: 30000 });
    expectEachChunkOnce(p);
    expect(noise(p.errors)).toEqual([]);
  });

  test('Adele on Legal (no banner): one decision for the page view, and one more after an in-site navigation', async ({ page }) => {
    const p = await open(page, home('legal'), U.adele, '&deferWebParts=1');
    await promptDecided(page, 60000);
    await page.waitForLoadState('networkidle');
    expect(promptCalls(p.api)).toHaveLength(2);
    await expect(banner(page)).toHaveCount(0);
    // The next page's decision must read again: forget this session's decision, then navigate within the site.
    await page.evaluate(() => { for (const k of Object.keys(sessionStorage)) if (k.startsWith('accessHub:prompt:')) sessionStorage.removeItem(k); });
    p.api.length = 0;
    await page.evaluate(() => (window as any).localRuntime.navigate('/sites/legal/SitePages/Policies.aspx'));
    await promptDecided(page, 30000);
    // A second decision would send more: the customizer's calls stay unchanged for half a second.
    await expectUnchanged(() => promptCalls(p.api), 500, "the customizer's calls");
    expect(promptCalls(p.api)).toHaveLength(2);
    expect(noise(p.errors)).toEqual([]);
  });

  test('Adele requests Contributors from the banner and from nowhere else: the tenant holds one request', async ({ page }) => {
    await open(page, home('marketing'), U.adele);
    const bar = banner(page);
    await expect(bar.getByText(BANNER_TEXT)).toBeVisible({ timeout: 60000 });
    await bar.getByRole('button', { name: 'Request' }).click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Business justification').fill('I run the spring campaign.');
    await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Spring launch');
    await panel.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
    await panel.getByRole('button', { name: 'Submit request' }).click();
    await expect(panel.getByText(/waiting for Megan Bowen|Megan Bowen/).first()).toBeVisible({ timeout: 30000 });
    await screenshot(page, 'runtime-banner-request-adele');
    const requests = db().assignmentRequests.filter(r => r.targetId === ID.adele && r.accessPackageId === ID.contributors && r.state === 'pendingApproval');
    expect(requests).toHaveLength(1);
  });

  test('Adele requests Contributors from the catalog; the banner on the same page hears it', async ({ page }) => {
    const p = await open(page, home('marketing'), U.adele);
    await webPartsLoaded(p, 2);
    const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
    await card.getByRole('button', { name: 'Request access' }).click({ timeout: 30000 });
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Business justification').fill('Campaign work.');
    await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Autumn');
    await panel.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
    await panel.getByRole('button', { name: 'Submit request' }).click();
    await expect(banner(page).getByText(/waiting for Megan Bowen/)).toBeVisible({ timeout: 30000 });
    const requests = db().assignmentRequests.filter(r => r.targetId === ID.adele && r.accessPackageId === ID.contributors && r.state === 'pendingApproval');
    expect(requests).toHaveLength(1);
    expect(noise(p.errors)).toEqual([]);
  });

  test('Alex on Engineering extends his ending access from the banner', async ({ page }) => {
    await open(page, home('engineering'), U.alex);
    const bar = banner(page);
    await expect(bar.getByText(/Your access to Engineering through Engineering Onboarding/)).toBeVisible({ timeout: 60000 });
    const endBefore = db().assignments.find(a => a.id === ID.alexEngineeringAssignment)?.schedule?.expiration?.endDateTime;
    await bar.getByRole('button', { name: 'Extend' }).click();
    await expect(bar.getByText(/Extended\. Your access now ends on/)).toBeVisible({ timeout: 30000 });
    const endAfter = db().assignments.find(a => a.id === ID.alexEngineeringAssignment)?.schedule?.expiration?.endDateTime;
    expect(Date.parse(String(endAfter))).toBeGreaterThan(Date.parse(String(endBefore)));
  });

  test('Diego approves Grady with a justification; the tenant delivers it', async ({ page }) => {
    const p = await open(page, '/sites/intranet/SitePages/Approvals.aspx', U.diego);
    await webPartsLoaded(p, 1);
    const row = page.locator('li.accesshub-approval', { hasText: 'Grady Archie requested Finance Reports (read)' });
    await expect(row).toBeVisible({ timeout: 30000 });
    await row.getByRole('textbox').fill('Budget planning for Q1.');
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect(page.locator('.accesshub-decided', { hasText: 'Approved: Grady Archie for Finance Reports (read).' })).toBeVisible({ timeout: 30000 });
    await screenshot(page, 'runtime-approvals-diego');
    const delivered = db().assignmentRequests.filter(r => r.targetId === ID.grady && r.state !== 'pendingApproval');
    expect(delivered.length).toBeGreaterThan(0);
  });

  test("Isaiah opens MyAccess's My team: its view comes in the access-hub-team chunk, once, only when opened", async ({ page }) => {
    const p = await open(page, home('intranet'), U.isaiah);
    await webPartsLoaded(p, 1);
    const part = page.locator('[data-component="MyAccess"]');
    const tab = part.getByRole('tab', { name: 'My team' });
    await expect(tab).toBeVisible({ timeout: 30000 });
    const teamChunk = (): string[] => [...p.assets.keys()].filter(n => /^chunk\.access-hub-team_/.test(n));
    expect(teamChunk()).toEqual([]);
    await tab.click();
    await expect(part.getByRole('region', { name: 'Ending soon (1)' }).locator('li[data-person="Alex Wilber"]')).toContainText('Engineering Onboarding');
    await expect(part.getByRole('region', { name: 'Waiting for approval (1)' }).locator('li[data-person="Alex Wilber"]')).toContainText('Project Falcon Team');
    expect(teamChunk()).toHaveLength(1);
    expectEachChunkOnce(p);
    expect(noise(p.errors)).toEqual([]);
  });
});
