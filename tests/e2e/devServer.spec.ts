/**
 * `npm start` serves the client through Vite's dev server (middleware mode): the same page must mount there,
 * with the loc modules resolved per locale and the TSX compiled with classic React.
 */
import { expect, openAs, screenshot, test, withWorkbench } from './harness';

const env = withWorkbench({ mode: 'dev' });

test('mounts the page through the Vite dev server, in German', async ({ page, newContext }) => {
  expect(env.wb.workbench.mode).toBe('dev');
  const first = await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  expect(first.response && first.response.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-de');
  await expect(page.locator('script[src*="/@vite/client"]')).toHaveCount(1);
  const slots = page.locator('section.wb-webpart');
  await expect(slots).toHaveCount(3);
  for (const [i, alias] of ['AccessCatalog', 'AccessRequestButton', 'MyAccess'].entries()) await expect(slots.nth(i)).toHaveAttribute('data-alias', alias);
  await expect(page.locator('#accesshub-top-placeholder [data-accesshub="access-prompt"]')).toBeAttached();
  expect(await page.evaluate(() => window.__ACCESS_HUB_LOCALE__)).toBe('de-de');
  await screenshot(page, 'dev-intranet-johanna');
  process.stdout.write(`[e2e] dev mode: first page ready in ${first.readyMs} ms\n`);
  expect(first.errors).toEqual([]);

  const second = await openAs(await (await newContext()).newPage(), '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  process.stdout.write(`[e2e] dev mode: second page ready in ${second.readyMs} ms\n`);
});
