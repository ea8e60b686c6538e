/**
 * Steps outside the approval in a real browser (docs/graph-notes.md §3.12, §3.13): Adele's Intranet Editors request
 * waits on the policy's custom extension, which MyAccess and the request panel show, and then as failed once the
 * callout fails; Megan's Contoso Expenses Approver policy needs a Verified ID, so the panel hands her to My Access and
 * never posts a request.
 */
import { Page } from '@playwright/test';
import { axeViolations, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const INTRANET_HOME = '/sites/intranet/SitePages/Home.aspx';
const env = withWorkbench();

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

/** Adele's Intranet Editors row, on MyAccess's Pending tab. */
async function intranetRow(page: Page): Promise<ReturnType<Page['locator']>> {
  const part = page.locator('section[data-alias="MyAccess"]');
  await part.getByRole('tab', { name: /Pending/ }).click();
  return part.locator('[data-package="Intranet Editors"]');
}

/** The day as the product writes it (en-US, UTC), from the tenant's own record of the request. */
function createdDay(): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the emulator's store, read to know what Graph holds
  const r = (env.wb.tenant as any).db.assignmentRequests.find((x: any) => x.id === ID.adeleIntranetRequest);
  return new Date(r.createdDateTime).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

test('Adele: MyAccess and the panel show the automated step and since when; after the callout fails, the failure', async ({ page }) => {
  const { errors } = await openAs(page, INTRANET_HOME, U.adele);
  const row = await intranetRow(page);
  const step = row.locator('[data-automated-step]');
  await expect(step).toHaveAttribute('data-automated-step', 'waiting');
  await expect(step).toHaveText(`Waiting for an automated step since ${createdDay()}`);
  // Still cancellable while it waits (submitted).
  await expect(row.getByRole('button', { name: 'Cancel request' })).toBeVisible();
  await screenshot(page, 'automated-step-waiting');
  expect(await axeViolations(page)).toEqual([]);

  // The request panel (deep link) says the same in its status.
  await openAs(page, INTRANET_HOME, U.adele, { query: { accessPackageId: ID.intranetEditors } });
  const panel = page.getByRole('dialog');
  await expect(panel.locator('[data-automated-step="waiting"]')).toHaveText(`Waiting for an automated step since ${createdDay()}`);
  await screenshot(page, 'automated-step-panel');

  // The Logic App fails (as its run would report it): no longer "waiting", but failed.
  const res = await fetch(`${env.wb.url}/_dev/callouts`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ requestId: ID.adeleIntranetRequest, outcome: 'fail', detail: 'Logic App returned 500' })
  });
  expect(res.status).toBe(200);
  await openAs(page, INTRANET_HOME, U.adele);
  const failedRow = await intranetRow(page);
  const failed = failedRow.locator('[data-automated-step]');
  await expect(failed).toHaveAttribute('data-automated-step', 'failed');
  await expect(failed).toContainText('An automated step of this request failed');
  await expect(failedRow.getByText(/Waiting for an automated step/)).toHaveCount(0);
  await screenshot(page, 'automated-step-failed');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('Megan: the Verified ID policy is handed to My Access, and the panel never posts a request', async ({ page }) => {
  await fetch(`${env.wb.url}/_dev/log`, { method: 'DELETE' });
  const { errors } = await openAs(page, INTRANET_HOME, U.megan, { query: { accessPackageId: ID.expenses } });
  const panel = page.getByRole('dialog');
  const handOff = panel.locator('[data-verified-id]');
  await expect(handOff).toContainText('needs a Verified ID credential');
  const link = handOff.getByRole('link', { name: 'Request it in My Access' });
  await expect(link).toHaveAttribute('href', `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${ID.expenses}`);
  await expect(link).toHaveAttribute('target', '_blank');
  // No form, so nothing to submit.
  await expect(panel.getByRole('button', { name: 'Submit request' })).toHaveCount(0);
  await screenshot(page, 'verified-id-handoff');
  expect(await axeViolations(page)).toEqual([]);
  const log = (await (await fetch(`${env.wb.url}/_dev/log`)).json()).value as Array<{ method: string; path: string; status: number }>;
  // The beta read was made (200) beside v1.0's, and no POST assignmentRequests reached the tenant.
  expect(log.filter(e => e.method === 'POST' && /^\/beta\/.*\/getApplicablePolicyRequirements$/.test(e.path)).map(e => e.status)).toEqual([200]);
  expect(log.filter(e => e.method === 'POST' && /assignmentRequests$/.test(e.path))).toEqual([]);
  expect(errors).toEqual([]);
});
