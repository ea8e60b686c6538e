/**
 * What a page costs from the browser: the Marketing page as Adele (AccessCatalog for this site, MyAccess and the
 * AccessPrompt banner), cold (a new browser profile) and warm (the same person's next view: the grant cache and the
 * banner's session answer are there). Requests to Graph and SharePoint REST are counted and their sequential round
 * trips computed from the browser's own timings (a request that starts after another ended waited for it). The
 * components share one read of each collection per page view (services/loaders/pageReads.ts). Tests count, never time.
 */
import { Page } from '@playwright/test';
import { expect, expectUnchanged, IApiRecording, pageUrl, recordApiRequests, test, withWorkbench, waitForReady } from './harness';
import { roundTrips, ISpan } from '../service/roundTrips';
import { U } from '../contoso';

const env = withWorkbench();
const MARKETING = '/sites/marketing/SitePages/Home.aspx';

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});


/** Waits for the page to show its web parts and the banner, then for nothing to be in flight or start for 300 ms. */
async function settle(page: Page, rec: IApiRecording): Promise<void> {
  await waitForReady(page);
  await expect(page.locator('[data-prompt]')).toBeAttached({ timeout: 30000 });
  await expect(page.getByRole('heading', { name: 'Marketing Campaign Contributors' }).first()).toBeVisible({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await expect.poll(rec.inFlight, { message: "the page's requests end" }).toBe(0);
  await expectUnchanged(() => [rec.spans.length, rec.inFlight()], 300, "the page's requests");
}

test.describe('the Marketing page as Adele, from the browser', () => {
  test('reads each collection once, cold and warm', async ({ context }) => {
    const cold = await context.newPage();
    const coldRec = recordApiRequests(cold);
    await cold.goto(pageUrl(MARKETING, U.adele));
    await settle(cold, coldRec);
    await cold.close();

    const warm = await context.newPage();
    const warmRec = recordApiRequests(warm);
    await warm.goto(pageUrl(MARKETING, U.adele));
    await settle(warm, warmRec);

    const coldSpans = coldRec.spans;
    const warmSpans = warmRec.spans;
    const line = (spans: ISpan[]): string => `${spans.length} requests, ${roundTrips(spans)} sequential round trips`;
    // eslint-disable-next-line no-console
    console.log(`Marketing as Adele: cold ${line(coldSpans)} [${coldSpans.map(s => `${s.method} ${s.url}`).join(' | ')}]\n` +
      `warm ${line(warmSpans)} [${warmSpans.map(s => `${s.method} ${s.url}`).join(' | ')}]`);
    // One read of the person's assignments and of their requests per page view, whoever needs them.
    for (const spans of [coldSpans, warmSpans]) {
      expect(spans.filter(s => /assignments\/filterByCurrentUser\(on='target'\)/.test(s.url) && s.method === 'GET')).toHaveLength(1);
      expect(spans.filter(s => /assignmentRequests\/filterByCurrentUser\(on='target'\)/.test(s.url) && s.method === 'GET')).toHaveLength(1);
      // MyAccess's "My team" probe (on='targetManager', metadata only): one request per view, sent with its lists. Adele
      // manages nobody, so Graph lists nothing and no further read follows.
      expect(spans.filter(s => /filterByCurrentUser\(on='targetManager'\)/.test(s.url) && s.method === 'GET')).toHaveLength(1);
    }
    // Before the components shared their reads: 13 requests cold and 10 warm on this page (the My team probe has
    // since added one to each view).
    expect(coldSpans.length).toBeLessThan(13);
    expect(warmSpans.length).toBeLessThan(10);
    // Warm, everything the page needs is asked at once. Cold, what packages grant follows the lists, and the names of
    // the resources the documented $expand=role,scope gives only by id follow that (docs/graph-notes.md §17).
    expect(roundTrips(warmSpans)).toBe(1);
  });
});
