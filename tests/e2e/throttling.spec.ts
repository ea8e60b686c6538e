/**
 * A measurement of reads under throttling: with the local tenant throttling 30% of Graph and SharePoint requests (Retry-After 1 s),
 * failing 5% with 503 and dropping 5% of connections, the Marketing catalog and the intranet home page load fully
 * in 20 of 20 fresh page loads. "Fully" means every web part shows exactly what it shows without faults: the
 * same text, no error bar, no "contents could not be read".
 */
import { Page } from '@playwright/test';
import { expect, expectUnchanged, IHarnessFixtures, pageUrl, screenshot, test, withWorkbench, waitForReady } from './harness';

const FAULTS = { throttleRate: 0.3, retryAfterS: 1, errorRate: 0.05, dropRate: 0.05 };
/**
 * The faults are seeded, one seed per load (SEED + load index), so a failing load can be repeated with
 * FAULTS_SEED=<its seed> (the page's requests must come in the same order, which they mostly do for one page).
 */
const SEED = Number(process.env.FAULTS_SEED) || 20261205;
/** THROTTLE_LOADS overrides the count for a quick look; the figure is 20. */
const LOADS = Number(process.env.THROTTLE_LOADS) || 20;
/** The read budget is 60 s; a load that has not settled well after it has failed. */
const LOAD_TIMEOUT_MS = 75000;

/** Name, page, person, and texts the full page shows (so the fault-free baseline is known to be complete). */
const PAGES: Array<[string, string, string, string[]]> = [
  ['Marketing catalog', '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com',
    ['2 access packages', 'Marketing Team — Member', 'You have access']],
  ['intranet home', '/sites/intranet/SitePages/Home.aspx', 'alexw@contoso.com',
    ['6 access packages', 'Engineering — Member', 'Request pending since', 'Request pending']]
];

const env = withWorkbench();

async function setFaults(body: object): Promise<void> {
  const res = await fetch(`${env.wb.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`faults: ${res.status}`);
}

/** Each web part's visible text, in page order. */
function webPartTexts(page: Page): Promise<string[]> {
  return page.locator('section.wb-webpart').evaluateAll(els => els.map(e => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

interface ILoad { ok: boolean; ms: number; texts: string[]; why?: string }

/**
 * Opens the page in a fresh context and waits until its web parts show `expected` (or, for the baseline, until it
 * is settled and its text has stopped changing for a second), or an error bar shows, or the load timed out.
 * Reports instead of failing, so every load of the run is counted.
 */
async function load(newContext: IHarnessFixtures['newContext'], path: string, upn: string, expected: string[] | undefined, shot?: string): Promise<ILoad> {
  const context = await newContext();
  const page = await context.newPage();
  const started = Date.now();
  let texts: string[] = [];
  const state = async (): Promise<'error bar' | 'full' | 'settled' | 'loading'> => {
    texts = await webPartTexts(page);
    if (await page.locator('section.wb-webpart .ms-MessageBar--error').count() > 0) return 'error bar';
    const settled = await page.evaluate(() => !document.querySelector('[aria-busy="true"], .ms-Spinner'));
    if (settled && expected) return JSON.stringify(texts) === JSON.stringify(expected) ? 'full' : 'loading';
    return settled ? 'settled' : 'loading';
  };
  try {
    await page.goto(pageUrl(path, upn), { waitUntil: 'domcontentloaded' });
    await waitForReady(page);
    let outcome: string;
    try {
      outcome = await test.step(`load ${expected ? 'until it shows the baseline' : 'until settled'}`, async () => {
        let last = 'loading';
        await expect.poll(async () => (last = await state()), { timeout: Math.max(0, LOAD_TIMEOUT_MS - (Date.now() - started)), intervals: [100] })
          .not.toBe('loading');
        return last;
      });
    } catch {
      return { ok: false, ms: Date.now() - started, texts, why: 'timed out' };
    }
    if (outcome === 'error bar') return { ok: false, ms: Date.now() - started, texts, why: 'error bar' };
    if (!expected) {
      // The baseline: the page once nothing is in flight and its text has stopped changing.
      await page.waitForLoadState('networkidle');
      await expectUnchanged(() => webPartTexts(page), 1000, 'the web parts\' text', LOAD_TIMEOUT_MS);
      const final = await state();
      if (final !== 'settled') return { ok: false, ms: Date.now() - started, texts, why: final };
    }
    return { ok: true, ms: Date.now() - started, texts };
  } finally {
    if (shot) await screenshot(page, shot);
    await context.close();
  }
}

function summary(ms: number[]): string {
  const sorted = ms.slice().sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted[sorted.length - 1]} ms`;
}

test.describe('pages load fully while Graph throttles, fails and drops connections', () => {
  test.afterEach(async () => { await setFaults({}); });

  for (const [name, path, upn, shows] of PAGES) {
    test(`${name}: ${LOADS} of ${LOADS} fresh loads`, async ({ newContext }) => {
      test.setTimeout(30 * 60 * 1000);
      await setFaults({});
      const baseline = await load(newContext, path, upn, undefined);
      expect(baseline.ok).toBe(true);
      for (const text of shows) expect(baseline.texts.join(' ')).toContain(text);
      // What a full page shows: the catalog's packages with what each grants, the button's status.
      expect(baseline.texts.join(' ')).not.toMatch(/could not be read|Try again/);

      const logStart = env.wb.tenant.log.length;
      const results: ILoad[] = [];
      for (let i = 0; i < LOADS; i++) {
        await setFaults({ ...FAULTS, seed: SEED + i });
        const r = await load(newContext, path, upn, baseline.texts, i === 0 ? `throttle-${name}` : `throttle-${name}-last`);
        results.push(r);
        if (!r.ok) {
          // eslint-disable-next-line no-console
          console.log(`${name} load ${i + 1} (FAULTS_SEED=${SEED + i}) failed (${r.why}) after ${r.ms} ms: ${JSON.stringify(r.texts)}\nexpected ${JSON.stringify(baseline.texts)}`);
        }
      }
      const served = env.wb.tenant.log.slice(logStart).filter(l => /^\/(v1\.0|sites\/[^/]+\/_api)\//.test(l.path));
      const faults = served.filter(l => l.status === 429 || l.status === 503 || l.status === 0).length;

      const ok = results.filter(r => r.ok);
      // The figure for the closing note.
      // eslint-disable-next-line no-console
      console.log(`${name}: ${ok.length}/${LOADS} full loads; ${summary(results.map(r => r.ms))}; ` +
        `${served.length} requests, ${faults} answered with a fault`);
      // The faults really happened: otherwise this test proves nothing.
      expect(faults).toBeGreaterThan(served.length * 0.2);
      expect(ok.length).toBe(LOADS);
    });
  }
});

test.describe('what a person sees while Graph keeps throttling', () => {
  test.afterEach(async () => { await setFaults({}); });

  test('says Microsoft 365 is busy after two seconds, shows the error with "Try again" only after the budget, then recovers', async ({ page }) => {
    test.setTimeout(3 * 60 * 1000);
    // A read the catalog makes itself is throttled, every time: it can only wait. (Its package list and what each
    // package grants come from the AccessPrompt banner's $batch on this page, services/infrastructure/bannerReads.ts;
    // the person's requests it reads on its own.)
    await setFaults({ throttleRate: 1, retryAfterS: 1, path: 'assignmentRequests/filterByCurrentUser' });
    const started = Date.now();
    await page.goto(pageUrl('/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com'), { waitUntil: 'domcontentloaded' });
    await waitForReady(page);
    const catalog = page.locator('section[data-alias="AccessCatalog"]');
    const busy = catalog.getByText('Microsoft 365 is busy. Still trying…');
    await expect(busy).toBeVisible({ timeout: 10000 });
    const busyAfter = Date.now() - started;
    expect(busyAfter).toBeGreaterThanOrEqual(2000);
    expect(await catalog.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await screenshot(page, 'throttle-busy-note');

    await expect(catalog.getByText('The service is busy. Wait a moment and try again.')).toBeVisible({ timeout: 75000 });
    const gaveUpAfter = Date.now() - started;
    // About the 60 s budget, not PnPjs's three tries.
    expect(gaveUpAfter).toBeGreaterThan(50000);
    expect(await busy.count()).toBe(0);
    expect(await catalog.getByText(/^Correlation id: [0-9a-f-]{36}$/).count()).toBe(1);
    await screenshot(page, 'throttle-gave-up');
    // eslint-disable-next-line no-console
    console.log(`busy note after ${busyAfter} ms; error with Try again after ${gaveUpAfter} ms`);

    await setFaults({});
    await catalog.getByRole('button', { name: 'Try again' }).click();
    await expect(catalog.getByRole('heading', { name: 'Marketing Campaign Contributors' })).toBeVisible({ timeout: 15000 });
    await expect(catalog.locator('.ms-MessageBar--error')).toHaveCount(0);
  });
});
