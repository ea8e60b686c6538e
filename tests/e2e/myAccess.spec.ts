/**
 * MyAccess's main scenarios in a real browser against the local workbench: the MyAccess web part on the intranet
 * home page for Alex (extend, cancel), Adele (denied history, remove with the site permission dropping) and
 * Johanna (expired access, in German), plus the races: a cancel after an approval elsewhere, double clicks.
 */
import { Page } from '@playwright/test';
import { devToken, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const INTRANET_HOME = '/sites/intranet/SitePages/Home.aspx';
const DAY = 86400000;

const env = withWorkbench();

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

/* eslint-disable @typescript-eslint/no-explicit-any */ // the emulator's store is read directly to check what Graph holds
function db(): any {
  return (env.wb.tenant as any).db;
}

function requestsOf(targetId: string, packageId: string): any[] {
  return db().assignmentRequests.filter((r: any) => r.targetId === targetId && r.accessPackageId === packageId);
}

async function permissions(user: string, site: string): Promise<{ High: string; Low: string }> {
  const res = await fetch(`${env.wb.url}/sites/${site}/_api/web/effectiveBasePermissions`, {
    headers: { Authorization: `Bearer ${await devToken(env.wb, user)}`, Accept: 'application/json' }
  });
  return res.json();
}

const VIEW_LIST_ITEMS = 0x1;

async function tenantNow(): Promise<Date> {
  return new Date((await (await fetch(`${env.wb.url}/_dev/clock`)).json()).now);
}

function myAccess(page: Page): ReturnType<Page['locator']> {
  return page.locator('section[data-alias="MyAccess"]');
}

function graphPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on('request', r => { if (r.method() === 'POST' && /assignmentRequests(\/[^/]+\/cancel)?$/.test(r.url())) posts.push(r.url()); });
  return posts;
}

test.describe('MyAccess on the intranet home page', () => {
  test('Alex sees Engineering Onboarding ending in 10 days, extends it without approval, and sees the new end', async ({ page }) => {
    const { errors } = await openAs(page, INTRANET_HOME, U.alex);
    const posts = graphPosts(page);
    const part = myAccess(page);
    const row = part.locator('[data-kind="active"][data-package="Engineering Onboarding"]');
    const when = row.locator('[data-testid="ends"] [data-exact]');
    await expect(row).toBeVisible();
    await expect(when).toHaveText('Ends in 10 days');
    await expect(row.locator('[data-ending-soon]')).toHaveCount(1);
    // Ending soon sorts first.
    await expect(part.locator('[data-kind="active"]').first()).toHaveAttribute('data-package', 'Engineering Onboarding');

    // The fixture's dates follow "now" (its $schemaNote): the assignment ends 10 days after the tenant started.
    const tenDays = new Date(Date.parse(env.wb.tenant.nowIso()) + 10 * 86400000)
      .toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    await test.step('the exact date shows on hover and on keyboard focus, and Escape closes it', async () => {
      // Fluent's TooltipHost renders the tooltip in a Layer at the end of the page, not in the row: the date names it
      // by aria-describedby.
      const tip = page.getByRole('tooltip');
      await expect(tip).toHaveCount(0);
      await when.hover();
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(new RegExp(`${tenDays} at \\d\\d:\\d\\d (AM|PM) UTC`));
      const describedBy = await when.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(await tip.textContent() || '');
      await page.mouse.move(0, 0);
      await expect(tip).toBeHidden();
      await when.focus();
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(new RegExp(tenDays));
      await screenshot(page, 'myaccess-alex-active');
      await page.keyboard.press('Escape');
      await expect(tip).toBeHidden();
    });

    await row.getByRole('button', { name: 'Extend' }).click();
    await expect(row.getByText(/No approval needed\. Your access will end on/)).toBeVisible();
    await row.getByRole('button', { name: 'Extend now' }).dblclick();
    const extended = row.getByText(/Extended\. Your access now ends on/);
    await expect(extended).toBeVisible({ timeout: 20000 });
    await screenshot(page, 'myaccess-alex-extended');

    const updates = requestsOf(ID.alex, ID.engineering).filter(r => r.requestType === 'userUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0].state).toBe('delivered');
    expect(posts.filter(u => /assignmentRequests$/.test(u))).toHaveLength(1);
    const assignment = db().assignments.find((a: any) => a.id === ID.alexEngineeringAssignment);
    const end = new Date(assignment.schedule.expiration.endDateTime);
    const yearFromNow = (await tenantNow()).getTime() + 365 * DAY;
    expect(Math.abs(end.getTime() - yearFromNow)).toBeLessThan(DAY);
    await expect(extended).toContainText(end.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
    await expect(when).toHaveText(/^Ends (in 1[12] months|next year)$/);
    expect(errors).toEqual([]);
  });

  test('Alex sees who approves his pending Project Falcon request and cancels it; the tenant and the row say canceled', async ({ page }) => {
    const { errors } = await openAs(page, INTRANET_HOME, U.alex);
    const posts = graphPosts(page);
    const part = myAccess(page);
    await part.getByRole('tab', { name: /Pending/ }).click();
    const row = part.locator(`[data-row="r:${ID.alexFalconRequest}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByText('Your manager, then the project lead, approve.', { exact: false })).toBeVisible();
    await expect(row.getByText(/Isaiah Langer/)).toBeVisible();
    await screenshot(page, 'myaccess-alex-pending');

    await row.getByRole('button', { name: 'Cancel request' }).click();
    await row.getByRole('button', { name: 'Yes, cancel it' }).dblclick();
    await expect(row.getByText('Request canceled.')).toBeVisible();
    await expect(row.locator('[data-state="canceled"]')).toBeVisible();
    await expect(row.locator('[data-state]')).toContainText('Canceled');
    expect(requestsOf(ID.alex, ID.falcon).find(r => r.id === ID.alexFalconRequest).state).toBe('canceled');
    expect(posts.filter(u => /cancel$/.test(u))).toHaveLength(1);
    await screenshot(page, 'myaccess-alex-cancelled');
    // Graph answers 403 when a requester asks for the approval itself (docs/graph-notes.md §2.2): expected.
    expect(errors.filter(e => !/status of 403/.test(e))).toEqual([]);
  });

  test('a cancel of a request approved elsewhere a moment ago says what happened and shows the new state', async ({ page }) => {
    await openAs(page, INTRANET_HOME, U.alex);
    const part = myAccess(page);
    await part.getByRole('tab', { name: /Pending/ }).click();
    const row = part.locator(`[data-row="r:${ID.alexFalconRequest}"]`);
    await row.getByRole('button', { name: 'Cancel request' }).click();
    // Both stages decide while the confirmation is open.
    const r = db().assignmentRequests.find((x: any) => x.id === ID.alexFalconRequest);
    r.state = 'delivered';
    r.status = 'Delivered';
    const posts = graphPosts(page);
    await row.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(row.getByText(/could not be canceled: in the meantime it became "Delivered"/)).toBeVisible();
    await expect(row.locator('[data-state="delivered"]')).toBeVisible();
    await expect(row.locator('[data-state]')).toContainText('Delivered');
    expect(posts.filter(u => /cancel$/.test(u))).toHaveLength(1);
    await screenshot(page, 'myaccess-alex-cancel-race');
  });

  test('Adele sees her denied Finance request with when and request again, and removes Marketing Site Visitors', async ({ page }) => {
    expect(Number((await permissions(U.adele, 'marketing')).Low) & VIEW_LIST_ITEMS).toBe(VIEW_LIST_ITEMS);
    const { errors } = await openAs(page, INTRANET_HOME, U.adele);
    const part = myAccess(page);
    const visitors = part.locator('[data-kind="active"][data-package="Marketing Site Visitors"]');
    await expect(visitors).toBeVisible();
    await expect(visitors.getByText('No end date')).toBeVisible();

    await test.step('history: the denied request, and request again', async () => {
      await part.getByRole('tab', { name: /History/ }).click();
      const denied = part.locator('[data-kind="request"][data-package="Finance Reports (read)"]');
      await expect(denied.locator('[data-state]')).toContainText('Denied');
      await expect(denied.locator('[data-exact]')).toHaveAttribute('data-exact', /^\d{4}-/);
      await denied.getByRole('button', { name: 'Request again' }).click();
      const panel = page.getByRole('dialog');
      await expect(panel.getByLabel(/Business justification/)).toHaveValue('Campaign budget tracking.');
      await screenshot(page, 'myaccess-adele-request-again');
      await panel.getByRole('button', { name: 'Close' }).click();
      await expect(panel).not.toBeAttached();
    });

    await test.step('remove Marketing Site Visitors', async () => {
      await part.getByRole('tab', { name: /Active/ }).click();
      await visitors.getByRole('button', { name: 'Remove my access' }).click();
      await expect(visitors.getByText('Remove your access to Marketing Site Visitors? You will lose:')).toBeVisible();
      await expect(visitors.getByRole('group', { name: 'Remove my access' }).getByText('Marketing — Visitors')).toBeVisible();
      await screenshot(page, 'myaccess-adele-remove-confirm');
      await visitors.getByRole('button', { name: 'Yes, remove it' }).dblclick();
      await expect(part.getByText('Your access has been removed.')).toBeVisible({ timeout: 20000 });
      await screenshot(page, 'myaccess-adele-removed');
    });
    expect(requestsOf(ID.adele, ID.visitors).filter(r => r.requestType === 'userRemove')).toHaveLength(1);
    expect(Number((await permissions(U.adele, 'marketing')).Low) & VIEW_LIST_ITEMS).toBe(0);
    expect(errors).toEqual([]);
  });

  test('Johanna sees her expired Finance access with request again, in German', async ({ page }) => {
    const { errors } = await openAs(page, INTRANET_HOME, U.johanna);
    const part = myAccess(page);
    await expect(part.getByRole('heading', { name: 'My access' })).toBeVisible();
    await part.getByRole('tab', { name: /Verlauf/ }).click();
    const expired = part.locator('[data-kind="expired"][data-package="Finance Reports (read)"]');
    await expect(expired).toBeVisible();
    await expect(expired).toHaveText(/Abgelaufen vor \d+ Tagen/);
    await expired.getByRole('button', { name: 'Erneut anfordern' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByLabel(/Geschäftliche Begründung|Begründung/).first()).toHaveValue('Month-end close analysis.');
    await screenshot(page, 'myaccess-johanna-de');
    expect(errors).toEqual([]);
  });
});
