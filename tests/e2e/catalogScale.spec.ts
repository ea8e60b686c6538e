/**
 * A catalog of thousands: the list is virtualized (only what is on screen is in the DOM), search still
 * finds any package, and the page stays usable. Uses a generated tenant (LOCAL_TENANT_SCALE).
 */
import { SHOTS_DIR, expect, openAs, test, withWorkbench } from './harness';

withWorkbench({ scale: 'packages:2000' });

test('renders 2,000 packages virtualized and finds one by search', async ({ page }) => {
  const started = Date.now();
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'adelev@contoso.com');
  const catalog = page.locator('section[data-alias="AccessCatalog"]');
  // English writes thousands with a comma: "2,013 access packages".
  const count = catalog.getByText(/^[\d,]+ access packages$/);
  await expect(count).toBeVisible({ timeout: 60000 });
  // The first packages show while the rest of the list is read ("Looking through more packages…"); then all of them.
  await expect(catalog.getByText('Looking through more packages…')).toHaveCount(0, { timeout: 60000 });
  const shown = Number((await count.textContent() || '').split(' ')[0].replace(/,/g, ''));
  const loadMs = Date.now() - started;
  expect(shown).toBeGreaterThan(1900);
  const inDom = await catalog.locator('article').count();
  expect(inDom).toBeGreaterThan(0);
  expect(inDom).toBeLessThan(150);
  // The page is as tall as 2,000 cards would be (the list keeps the scroll height), so shoot the viewport only.
  await page.screenshot({ path: `${SHOTS_DIR}/catalog-2000.png` });

  await catalog.getByRole('searchbox').fill('Atlas Contributors 00001');
  await expect(catalog.locator('article h3')).toHaveText(['Atlas Contributors 00001']);
  process.stdout.write(`[e2e] catalog of ${shown} packages shown in ${loadMs} ms with ${inDom} cards in the DOM\n`);
});
