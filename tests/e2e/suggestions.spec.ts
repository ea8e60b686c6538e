/**
 * "Suggested for you" in a real browser on the intranet home (its catalog has showSuggestions on in the fixture):
 * Alex sees Intranet Editors, which two people he works with hold, requests it from the row, and the tenant holds his
 * request (read back through Graph as Alex). With the tenant's suggestions 'unavailable' (as outside the global cloud)
 * the row is absent and the rest of the page is the same. axe on the page with the row.
 */
import { axeViolations, expect, graphAs, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const INTRANET_HOME = '/sites/intranet/SitePages/Home.aspx';
const env = withWorkbench();

const setSuggestions = async (mode: 'on' | 'off' | 'unavailable'): Promise<void> => {
  const res = await fetch(`${env.wb.url}/_dev/suggestions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ suggestions: mode }) });
  expect(res.status).toBe(200);
};

/** Chromium logs a failed load (the suggestions read answering 404) as a console error: Graph's answer, not the page's. */
const pageErrors = (errors: string[]): string[] => errors.filter(e => !/status of 404/.test(e));

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

test('Alex: "Suggested for you" shows Intranet Editors with the reason, and he requests it from there', async ({ page }) => {
  const { errors } = await openAs(page, INTRANET_HOME, U.alex);
  const catalog = page.locator('section[data-alias="AccessCatalog"]');
  const row = catalog.getByRole('region', { name: 'Suggested for you' });
  await expect(row).toBeVisible();
  const card = row.locator(`article[data-package-id="${ID.intranetEditors}"]`);
  await expect(card.getByRole('heading', { name: 'Intranet Editors' })).toBeVisible();
  await expect(card).toContainText('2 people you work with have this');
  // The row is above the list.
  const rowBox = await row.boundingBox();
  const firstListed = await catalog.locator('[data-layout] article').first().boundingBox();
  expect(rowBox && firstListed && rowBox.y + rowBox.height <= firstListed.y).toBe(true);
  await screenshot(page, 'suggestions-alex');
  expect(await axeViolations(page)).toEqual([]);

  await card.getByRole('button', { name: 'Request' }).click();
  const panel = page.getByRole('dialog');
  await expect(panel.getByText('Intranet Editors').first()).toBeVisible();
  await panel.getByLabel('Business justification').fill('I write the engineering news on the intranet.');
  await panel.getByRole('button', { name: 'Submit request' }).click();
  await expect(panel.getByText('Your request was sent and is waiting for approval.')).toBeVisible();
  await screenshot(page, 'suggestions-alex-requested');

  const res = await graphAs(env.wb, U.alex, 'GET', "identityGovernance/entitlementManagement/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage");
  expect(res.status).toBe(200);
  const mine = ((await res.json()) as { value: Array<{ requestType: string; state: string; justification: string; accessPackage: { id: string } }> }).value
    .filter(r => r.accessPackage.id === ID.intranetEditors);
  // Intranet Editors' policy first runs its custom extension (the editor training check): the request waits on it.
  expect(mine).toEqual([expect.objectContaining({
    requestType: 'userAdd', state: 'submitted', justification: 'I write the engineering news on the intranet.',
    customExtensionCalloutInstances: [expect.objectContaining({ status: 'waitingForCallback' })]
  })]);

  // Closed, the catalog knows of the request: the package is no longer suggested, and the row (its only one) is gone.
  await page.keyboard.press('Escape');
  await expect(row).toHaveCount(0);
  await expect(catalog.locator(`article[data-package-id="${ID.intranetEditors}"] [data-status]`)).toHaveAttribute('data-status', 'pending');
  expect(pageErrors(errors)).toEqual([]);
});

test("'unavailable' (outside the global cloud): no row, no error, the rest of the page unchanged", async ({ page, newContext }) => {
  const listed = async (p: typeof page): Promise<string[]> => {
    const catalog = p.locator('section[data-alias="AccessCatalog"]');
    await expect(catalog.locator(`[data-layout] article[data-package-id="${ID.intranetEditors}"]`)).toBeVisible();
    return catalog.locator('[data-layout] article h3').allTextContents();
  };
  await openAs(page, INTRANET_HOME, U.alex);
  await expect(page.getByRole('region', { name: 'Suggested for you' })).toBeVisible();
  const withRow = await listed(page);

  await setSuggestions('unavailable');
  const other = await (await newContext()).newPage();
  const apiStatuses: Array<[string, number]> = [];
  other.on('response', r => { if (/accessPackageSuggestions/.test(r.url())) apiStatuses.push([r.request().method(), r.status()]); });
  const { errors } = await openAs(other, INTRANET_HOME, U.alex);
  expect(await listed(other)).toEqual(withRow);
  await expect.poll(() => apiStatuses).toEqual([['GET', 404]]);
  await expect(other.getByRole('region', { name: 'Suggested for you' })).toHaveCount(0);
  await expect(other.locator('section[data-alias="AccessCatalog"] [role="alert"]')).toHaveCount(0);
  expect(pageErrors(errors)).toEqual([]);
  await screenshot(other, 'suggestions-unavailable');
});
