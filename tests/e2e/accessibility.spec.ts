/**
 * axe-core (Deque's rules, WCAG 2.x A/AA) on the pages a person uses: the catalog, the request panel
 * with its questions, German, and the access-denied page. Any violation fails the test with its rule id.
 */
import { axeViolations as violations, expect, openAs, test, withWorkbench } from './harness';
import { ID } from '../contoso';

withWorkbench();

test('the Marketing catalog and its request panel have no violations', async ({ page }) => {
  await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
  const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
  await expect(card).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await card.getByRole('button', { name: 'Request access' }).click();
  await expect(page.getByRole('dialog').getByText('Which campaign will you work on?')).toBeVisible();
  // Submitting empty shows the errors next to the fields: those must be accessible too.
  await page.getByRole('dialog').getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('dialog').getByText('Enter a business justification.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the intranet home in German has no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  await expect(page.locator('article').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('MyAccess with its extend form and its pending request has no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'alexw@contoso.com');
  const part = page.locator('section[data-alias="MyAccess"]');
  await part.getByRole('button', { name: 'Extend' }).click();
  await expect(part.getByRole('button', { name: 'Extend now' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await part.getByRole('tab', { name: /Pending/ }).click();
  await part.getByRole('button', { name: 'Cancel request' }).click();
  await expect(part.getByRole('button', { name: 'Yes, cancel it' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the access-denied page has no violations', async ({ page }) => {
  await openAs(page, '/sites/finance/SitePages/Home.aspx', 'adelev@contoso.com', { waitForReady: false });
  expect(await violations(page)).toEqual([]);
});
