/**
 * `npm start` serves the client through Vite's dev server (middleware mode): the same page must mount there,
 * with the loc modules resolved per locale and the TSX compiled with classic React.
 */
import { openAs, screenshot, setupBrowserAndWorkbench } from './harness';

const env = setupBrowserAndWorkbench({ mode: 'dev' });

it('mounts the page through the Vite dev server, in German', async () => {
  expect(env.wb.workbench.mode).toBe('dev');
  const first = await openAs(env.browser, env.wb, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  try {
    expect(first.response && first.response.status()).toBe(200);
    expect(await first.page.getAttribute('html', 'lang')).toBe('de-de');
    expect(await first.page.locator('script[src*="/@vite/client"]').count()).toBe(1);
    const slots = await first.page.locator('section.wb-webpart').evaluateAll(els => els.map(e => e.getAttribute('data-alias')));
    expect(slots).toEqual(['AccessCatalog', 'AccessRequestButton', 'MyAccess']);
    await first.page.locator('#accesshub-top-placeholder [data-accesshub="access-prompt"]').waitFor({ state: 'attached' });
    expect(await first.page.evaluate(() => window.__ACCESS_HUB_LOCALE__)).toBe('de-de');
    await screenshot(first.page, 'dev-intranet-johanna');
    process.stdout.write(`[e2e] dev mode: first page ready in ${first.readyMs} ms\n`);
    expect(first.errors).toEqual([]);
  } finally {
    await first.context.close();
  }
  const second = await openAs(env.browser, env.wb, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  process.stdout.write(`[e2e] dev mode: second page ready in ${second.readyMs} ms\n`);
  await second.context.close();
});
