/**
 * axe-core (Deque's rules, WCAG 2.x A/AA) on the pages a person uses: the catalog, the request panel
 * with its questions, German, and the access-denied page. Any violation fails the test with its rule id.
 */
import { axeViolations as violations, openAs, setupBrowserAndWorkbench } from './harness';
import { ID } from '../contoso';

const env = setupBrowserAndWorkbench();

it('the Marketing catalog and its request panel have no violations', async () => {
  const { page } = await openAs(env.browser, env.wb, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
  const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
  await card.waitFor();
  expect(await violations(page)).toEqual([]);
  await card.getByRole('button', { name: 'Request access' }).click();
  await page.getByRole('dialog').getByText('Which campaign will you work on?').waitFor();
  // Submitting empty shows the errors next to the fields: those must be accessible too.
  await page.getByRole('dialog').getByRole('button', { name: 'Submit request' }).click();
  await page.getByRole('dialog').getByText('Enter a business justification.').waitFor();
  expect(await violations(page)).toEqual([]);
});

it('the intranet home in German has no violations', async () => {
  const { page } = await openAs(env.browser, env.wb, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  await page.locator('article').first().waitFor();
  expect(await violations(page)).toEqual([]);
});

it('MyAccess with its extend form and its pending request has no violations', async () => {
  const { page } = await openAs(env.browser, env.wb, '/sites/intranet/SitePages/Home.aspx', 'alexw@contoso.com');
  const part = page.locator('section[data-alias="MyAccess"]');
  await part.getByRole('button', { name: 'Extend' }).click();
  await part.getByRole('button', { name: 'Extend now' }).waitFor();
  expect(await violations(page)).toEqual([]);
  await part.getByRole('tab', { name: /Pending/ }).click();
  await part.getByRole('button', { name: 'Cancel request' }).click();
  await part.getByRole('button', { name: 'Yes, cancel it' }).waitFor();
  expect(await violations(page)).toEqual([]);
});

it('the access-denied page has no violations', async () => {
  const { page } = await openAs(env.browser, env.wb, '/sites/finance/SitePages/Home.aspx', 'adelev@contoso.com', { waitForReady: false });
  expect(await violations(page)).toEqual([]);
});
