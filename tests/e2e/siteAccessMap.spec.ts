/**
 * A site's access map, end to end in the local workbench under SharePoint's own runtime (README, "A site's access
 * map"), on a tenant of 1,000 packages:
 *
 * - Megan (Full Control on Marketing) edits the Marketing home page (`?edit=1`), opens the AccessCatalog's settings
 *   (the stand-in property pane renders the web part's own getPropertyPaneConfiguration()), presses "Find the packages
 *   that grant this site", sees the scan's progress and a Cancel, then the map, and republishes the page;
 * - the saved page carries the web part's `accessMap` property for everyone: Adele (Read), in a new browser profile,
 *   gets the same catalog as without the map, and her catalog does not read her requestable list before it shows.
 *   The page's Graph and SharePoint requests and sequential round trips are printed, cold and warm, without the map
 *   and with it;
 * - saving needs Edit or Full Control: Adele's own save is refused (403, SharePoint's error), and she has no Edit.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { expect, expectUnchanged, recordApiRequests, REPO_ROOT, SHOTS_DIR, test, withWorkbench, watchErrors } from './harness';
import { ensurePackage } from '../../localTenant/workbench/runtime/ensurePackage';
import { DEFAULT_SPPKG } from '../../localTenant/workbench/runtime/runtimeHost';
import { roundTrips, ISpan } from '../service/roundTrips';
import { ID, U } from '../contoso';

const SPPKG = path.join(REPO_ROOT, DEFAULT_SPPKG);
const HOME = '/sites/marketing/SitePages/Home.aspx';
const PACKAGES = 1000;
/**
 * Latency added to every Graph and SharePoint REST answer while a visitor's page loads: requests a page sends
 * together overlap even when a busy machine runs the page's scripts late, so the round-trip count measures waiting.
 */
const VISIT_LATENCY_MS = 400;
/** Requests SharePoint's runtime makes for itself (sign-in, its token exchange, manifests), not a component's reads. */
const RUNTIME_OWN = /AcquireOBOToken|GetClientSideComponents|\/_api\/contextinfo/i;

// As in packagedBundles.spec.ts: HTTPS with the development certificate, which this Chromium does not trust.
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
  scale: `packages:${PACKAGES}`, https: true, certDir: fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cert-')), runtime: 'spfx'
}));

/** What the window shows (the catalog lists 124 packages: a full-page picture would be too tall to look at). */
async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

const catalog = (page: Page): ReturnType<Page['locator']> => page.locator('section[data-alias="AccessCatalog"]');

async function runtimeLoaded(page: Page, count: number): Promise<void> {
  await page.waitForFunction(n => {
    const r = (window as unknown as { localRuntime?: { errors: string[]; mounted: string[] } }).localRuntime;
    return !!r && (r.errors.length > 0 || r.mounted.length >= n);
  }, count, { timeout: 60000 });
  expect(await page.evaluate(() => (window as unknown as { localRuntime: { errors: string[] } }).localRuntime.errors)).toEqual([]);
}

interface IView {
  /** The catalog's count ("124 access packages") and the packages it lists, once the page has settled. */
  packages: string[];
  /** Requests that started before the catalog showed its first package. */
  beforeCatalog: ISpan[];
  /** Requests that started before both the catalog and the AccessPrompt banner showed (undefined: no banner). */
  beforeBoth?: ISpan[];
  all: ISpan[];
}

/** Opens the Marketing home page as Adele in `context`; waits for the catalog's packages and for the page to settle. */
async function visit(context: BrowserContext, label: string, query = ''): Promise<IView> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const rec = recordApiRequests(page);
  // The moment the catalog lists its first package, taken in the page (a test's polling would see it later).
  await page.addInitScript(() => {
    const w = window as unknown as { __catalogShownAt?: number; __bannerShownAt?: number };
    const seen = (): boolean => !!document.querySelector('section[data-alias="AccessCatalog"] [role="article"], section[data-alias="AccessCatalog"] article');
    new MutationObserver((_m, observer) => {
      if (!w.__catalogShownAt && seen()) w.__catalogShownAt = Date.now();
      if (!w.__bannerShownAt && document.querySelector('[data-accesshub="access-prompt"]')) w.__bannerShownAt = Date.now();
      if (w.__catalogShownAt && w.__bannerShownAt) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  // A fixed latency on Graph and SharePoint REST (as `npm run bench` adds): requests the page sends together then
  // clearly overlap, so a busy machine's timing does not make them look sequential.
  expect((await page.request.post('/_dev/faults', { data: { latencyMs: VISIT_LATENCY_MS, jitterMs: 0, path: '^/v1\\.0/|/_api/' } })).status()).toBe(200);
  // The catalog shows its packages (124 at this scale, the first of them listed): its count is the first sign.
  const count = catalog(page).getByRole('status').filter({ hasText: /^\d+ access packages?$/ });
  let shownAt: number;
  let bannerAt: number | undefined;
  try {
    await page.goto(`${HOME}?as=${encodeURIComponent(U.adele)}${query}`);
    await expect(count).toBeVisible({ timeout: 60000 });
    await expect(catalog(page).getByRole('article').first()).toBeVisible();
    shownAt = await page.evaluate(() => (window as unknown as { __catalogShownAt?: number }).__catalogShownAt || Date.now());
    await runtimeLoaded(page, 2);
    await page.waitForLoadState('networkidle');
    bannerAt = await page.evaluate(() => (window as unknown as { __bannerShownAt?: number }).__bannerShownAt);
    await expect.poll(rec.inFlight, { message: "the page's requests end" }).toBe(0);
    await expectUnchanged(() => [rec.spans.length, rec.inFlight()], 500, "the page's requests");
  } finally {
    await page.request.post('/_dev/faults', { data: {} });
  }
  const packages = [await count.innerText(), ...(await catalog(page).getByRole('heading', { level: 3 }).allInnerTexts()).map(s => s.trim())];
  await screenshot(page, `siteAccessMap-${label}`);
  expect(errors.filter(e => !/Failed to load resource|net::ERR_/.test(e)), `${label}: page errors`).toEqual([]);
  await page.close();
  const both = bannerAt === undefined ? undefined : Math.max(shownAt, bannerAt);
  return {
    packages, beforeCatalog: rec.spans.filter(s => s.start < shownAt), all: rec.spans.slice(),
    beforeBoth: both === undefined ? undefined : rec.spans.filter(s => s.start < both)
  };
}

const line = (spans: ISpan[]): string => `${spans.length} requests, ${roundTrips(spans)} sequential round trips`;
const isRequestable = (r: string): boolean => /filterByCurrentUser\(on='allowedRequestor'\)/.test(r);
/** Every request a span stands for (a `$batch` by its parts). */
const reads = (spans: ISpan[]): string[] => spans.flatMap(s => s.batched ? s.batched : [`${s.method} ${s.url}`]);

/**
 * Megan opens the page in edit mode, opens the AccessCatalog's settings and runs "Find the packages that grant this
 * site" (Graph slowed a little so its progress can be seen), until the scan has finished.
 */
async function scanAsOwner(page: Page): Promise<{ pane: ReturnType<Page['locator']>; mapGroup: ReturnType<Page['locator']> }> {
  await page.goto(`${HOME}?as=${encodeURIComponent(U.megan)}`);
  await runtimeLoaded(page, 2);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page).toHaveURL(/[?&]edit=1/);
  await runtimeLoaded(page, 2);
  await expect(page.getByTestId('wb-editing')).toBeVisible();
  await catalog(page).getByRole('button', { name: 'Edit web part' }).click();
  const pane = page.getByRole('complementary', { name: 'Access catalog settings' });
  const mapGroup = pane.getByRole('group', { name: 'Site access map' });
  await expect(mapGroup.getByText(/^No map yet/)).toBeVisible();
  // The web part's other settings are there too, with their values.
  await expect(pane.getByRole('textbox', { name: 'Title' })).toHaveValue('Access to this site');
  await expect(pane.getByRole('radio', { name: 'Those that give access to this site' })).toBeChecked();

  expect((await page.request.post('/_dev/faults', { data: { latencyMs: 400, path: 'allowedRequestor|\\$batch' } })).status()).toBe(200);
  try {
    await mapGroup.getByRole('button', { name: 'Find the packages that grant this site' }).click();
    // Progress as the scan reads the packages Megan may request, with a Cancel, while it runs. How long it runs
    // depends on what the page has just read (the catalog's list and the grant cache serve the scan too), so the
    // progress may already be over: the pane's progress and Cancel are tested in tests/component/siteAccessMapPane.
    await expect(mapGroup.getByText(/^Packages read: \d+ of \d+\. Granting this site so far: \d+\.$|^Map made on /).first())
      .toBeVisible({ timeout: 30000 });
    await screenshot(page, 'siteAccessMap-owner-scanning');
    await expect(mapGroup.getByRole('button', { name: 'Cancel' })).toBeHidden({ timeout: 120000 });
  } finally {
    await page.request.post('/_dev/faults', { data: {} });
  }
  return { pane, mapGroup };
}

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${env.wb.url}/_dev/reset`)).status()).toBe(200);
});

test('the Marketing owner maps the site in the page\'s settings and saves; a visitor\'s catalog reads only the map', async ({ page, newContext }) => {
  test.setTimeout(240000);
  const site = env.wb.tenant.findSite('marketing');
  if (!site) throw new Error('no Marketing site');
  const catalogProps = (): Record<string, unknown> => site.pages[0].webParts[0].properties as Record<string, unknown>;
  expect(catalogProps().accessMap).toBeUndefined();

  const without = await test.step('Adele without a map, cold and warm', async () => {
    const context = await newContext();
    const cold = await visit(context, 'visitor-no-map-cold');
    const warm = await visit(context, 'visitor-no-map-warm');
    return { cold, warm };
  });

  await test.step('Megan edits the page, maps the site in the catalog\'s settings, and republishes', async () => {
    const errors = watchErrors(page);
    const { mapGroup } = await scanAsOwner(page);
    await expect(mapGroup.getByRole('button', { name: /^Find/ })).toBeEnabled();
    await screenshot(page, 'siteAccessMap-owner-pane');
    await page.getByRole('button', { name: 'Republish' }).click();
    await expect(page).not.toHaveURL(/[?&]edit=1/, { timeout: 30000 });
    await runtimeLoaded(page, 2);
    expect(errors.filter(e => !/Failed to load resource|net::ERR_/.test(e))).toEqual([]);
    await expect(mapGroup).toBeHidden();
    // Saved in the tenant: the web part's accessMap property (made for this site) next to its other settings.
    const map = catalogProps().accessMap as { siteUrl: string; packages: Array<{ id: string }> };
    expect(map && map.siteUrl).toBe(site.url);
    expect(map.packages.length).toBeGreaterThanOrEqual(2);
    expect(catalogProps().title).toBe('Access to this site');
    expect(catalogProps().scope).toBe('currentSite');
  });

  const withMap = await test.step('Adele with the map, in a new browser profile: cold and warm', async () => {
    const context = await newContext();
    const cold = await visit(context, 'visitor-map-cold');
    const warm = await visit(context, 'visitor-map-warm');
    return { cold, warm };
  });

  // The catalog's own reads: the same page with the AccessPrompt banner told to consider one package only (its
  // `packageIds`), so that it does not read the requestable list itself (the banner with a map is built elsewhere).
  const catalogOnly = await test.step('Adele with the map, the banner kept to one package: the catalog\'s reads', async () => {
    const prompt = `&prompt=${encodeURIComponent(JSON.stringify({ packageIds: [ID.contributors] }))}`;
    const context = await newContext();
    const cold = await visit(context, 'visitor-map-catalog-cold', prompt);
    const warm = await visit(context, 'visitor-map-catalog-warm', prompt);
    return { cold, warm };
  });

  // The same packages as without the map.
  expect(withMap.cold.packages).toEqual(without.cold.packages);
  expect(withMap.warm.packages).toEqual(without.warm.packages);

  const components = (spans: ISpan[]): ISpan[] => spans.filter(s => !RUNTIME_OWN.test(s.url));
  const report = [
    `Marketing as Adele at ${PACKAGES} packages, SharePoint's runtime (requests before the catalog showed | whole page):`,
    ...(['cold', 'warm'] as const).flatMap(k => [
      `  no map, ${k}: ${line(without[k].beforeCatalog)} (components' own: ${line(components(without[k].beforeCatalog))}) | ${line(without[k].all)}`,
      `  map,    ${k}: ${line(withMap[k].beforeCatalog)} (components' own: ${line(components(withMap[k].beforeCatalog))}) | ${line(withMap[k].all)}`
    ]),
    ...(['cold', 'warm'] as const).map(k =>
      `  map, banner kept to one package, ${k}: ${line(catalogOnly[k].beforeCatalog)} (components' own: ${line(components(catalogOnly[k].beforeCatalog))}) | ${line(catalogOnly[k].all)}`),
    ...(['cold', 'warm'] as const).map(k => `  map, whole page, ${k}: requests before the catalog and the banner showed: ${withMap[k].beforeBoth ? line(components(withMap[k].beforeBoth as ISpan[])) : 'no banner'} (components' own)`),
    `  requestable list before the catalog showed (whole page, map): cold ${reads(withMap.cold.beforeCatalog).filter(isRequestable).length}, warm ${reads(withMap.warm.beforeCatalog).filter(isRequestable).length}`
  ];
  // eslint-disable-next-line no-console
  console.log(report.join('\n'));


  expect(catalogOnly.cold.packages).toEqual(without.cold.packages);
  // The whole page with the map (catalog, MyAccess and the banner, which offers Adele Contributors): the catalog and
  // the banner show within 2 sequential round trips of the components' own requests, cold and warm (SharePoint's
  // token exchange aside, which a real page shares with everything else on it).
  for (const k of ['cold', 'warm'] as const) {
    const both = withMap[k].beforeBoth;
    expect(both, `${k}: the banner showed`).toBeDefined();
    expect(roundTrips(components(both as ISpan[])), `${k}: round trips before the catalog and the banner showed`).toBeLessThanOrEqual(2);
  }
  for (const k of ['cold', 'warm'] as const) {
    // With the map, the catalog does not read the person's requestable list before it shows (the background check
    // for packages changed since the map was made reads it afterwards).
    expect(reads(catalogOnly[k].beforeCatalog).filter(isRequestable), `${k}: requestable list before the catalog`).toEqual([]);
    expect(reads(catalogOnly[k].all).filter(isRequestable).length, `${k}: the background check afterwards`).toBeGreaterThan(0);
    // Without it, it does: that is what the map saves.
    expect(reads(without[k].beforeCatalog).filter(isRequestable).length, `${k}: no map`).toBeGreaterThan(0);
    // As measured (the components' own requests before the catalog showed, SharePoint's token exchange aside; with
    // MyAccess beside it): 18 requests cold and warm in 2 sequential round trips, SharePoint's (the site, the map file)
    // beside the runtime's token exchange, then Graph (without the map: 19–25 requests in 4–5 round trips cold, the
    // first packages shown while the scan goes on). The catalog's own data is 1 round trip (tests/service/siteAccessMap.test.ts).
    const own = components(catalogOnly[k].beforeCatalog);
    expect(roundTrips(own), `${k}: round trips before the catalog showed`).toBeLessThanOrEqual(2);
    expect(own.length, `${k}: requests before the catalog showed`).toBeLessThanOrEqual(20);
    // Cold, the map saves the scan of every package; warm, both come from caches and the counts may meet.
    if (/cold/.test(k)) expect(roundTrips(components(without[k].beforeCatalog)), `${k}: round trips without the map`).toBeGreaterThan(roundTrips(own));
  }
});

// The runtime host serves the page on the local tenant's origin (https://localhost:<port>/sites/marketing) while the
// site's URL, which the scan records in the map, is the fixture's (https://contoso.sharepoint.com/sites/marketing):
// the pane recognises its map by the site's path (AccessCatalogWebPart._map), as it must behind any other host name.
test('the pane shows the map it made: "Map made on …", the ids, "Remove the map"', async ({ page }) => {
  test.setTimeout(180000);
  const { mapGroup } = await scanAsOwner(page);
  const made = mapGroup.getByText(/^Map made on .+: \d+ packages? grants? this site/);
  await expect(made).toBeVisible({ timeout: 5000 });
  const found = Number(/: (\d+) package/.exec(await made.innerText())![1]);
  const ids = mapGroup.getByRole('textbox', { name: /^Packages in the map/ });
  expect((await ids.inputValue()).split('\n').filter(Boolean)).toHaveLength(found);
  await expect(mapGroup.getByRole('button', { name: 'Remove the map' })).toBeVisible();
});

test('saving a page needs Edit or Full Control: Adele has no Edit and her save is refused', async ({ page }) => {
  await page.goto(`${HOME}?as=${encodeURIComponent(U.adele)}&edit=1`);
  await runtimeLoaded(page, 2);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit web part' })).toHaveCount(0);
  // Her session cookie is SharePoint's sign-in: the page's own save request, made by her, is refused.
  const status = await page.evaluate(async () => {
    const res = await fetch('/sites/marketing/_api/sitepages/pages(1)/SavePageAsDraft', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json;odata=nometadata', 'Accept': 'application/json;odata=nometadata', 'X-RequestDigest': 'x' },
      body: JSON.stringify({ CanvasContent1: '[]' })
    });
    return { status: res.status, body: await res.json() };
  });
  expect(status.status).toBe(403);
  expect(status.body['odata.error'].code).toMatch(/UnauthorizedAccessException/);
});
