/**
 * MyAccess's main scenarios in a real browser against the local workbench: the MyAccess web part on the intranet
 * home page for Alex (extend, cancel), Adele (denied history, remove with the site permission dropping) and
 * Johanna (expired access, in German), plus the races: a cancel after an approval elsewhere, double clicks.
 */
import { Page } from 'playwright-core';
import { openAs, screenshot, setupBrowserAndWorkbench } from './harness';
import { ID, U } from '../contoso';

const INTRANET_HOME = '/sites/intranet/SitePages/Home.aspx';
const DAY = 86400000;

const env = setupBrowserAndWorkbench();

beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

/* eslint-disable @typescript-eslint/no-explicit-any */ // the emulator's store is read directly to check what Graph holds
function db(): any {
  return (env.wb.tenant as any).db;
}

function requestsOf(targetId: string, packageId: string): any[] {
  return db().assignmentRequests.filter((r: any) => r.targetId === targetId && r.accessPackageId === packageId);
}

async function token(user: string): Promise<string> {
  const res = await fetch(`${env.wb.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  return (await res.json()).access_token;
}

async function permissions(user: string, site: string): Promise<{ High: string; Low: string }> {
  const res = await fetch(`${env.wb.url}/sites/${site}/_api/web/effectiveBasePermissions`, {
    headers: { Authorization: `Bearer ${await token(user)}`, Accept: 'application/json' }
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

describe('MyAccess on the intranet home page', () => {
  it('Alex sees Engineering Onboarding ending in 10 days, extends it without approval, and sees the new end', async () => {
    const { page, errors } = await openAs(env.browser, env.wb, INTRANET_HOME, U.alex);
    const posts = graphPosts(page);
    const part = myAccess(page);
    const row = part.locator('[data-kind="active"][data-package="Engineering Onboarding"]');
    await row.waitFor();
    await expect(row.locator('[data-testid="ends"] [data-exact]').textContent()).resolves.toBe('Ends in 10 days');
    expect(await row.locator('[data-ending-soon]').count()).toBe(1);
    // Ending soon sorts first.
    await expect(part.locator('[data-kind="active"]').first().getAttribute('data-package')).resolves.toBe('Engineering Onboarding');
    // The exact date shows on hover and on keyboard focus, and Escape closes it. Fluent's TooltipHost renders the
    // tooltip in a Layer at the end of the page, not in the row: the date names it by aria-describedby.
    const when = row.locator('[data-testid="ends"] [data-exact]');
    const tip = page.getByRole('tooltip');
    await expect(tip.count()).resolves.toBe(0);
    await when.hover();
    await tip.waitFor();
    // The fixture's dates follow "now" (its $schemaNote): the assignment ends 10 days after the tenant started.
    const tenDays = new Date(Date.parse(env.wb.tenant.nowIso()) + 10 * 86400000)
      .toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    await expect(tip.textContent()).resolves.toMatch(new RegExp(`${tenDays} at \\d\\d:\\d\\d (AM|PM) UTC`));
    const describedBy = await when.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toBe(await tip.textContent());
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
    await when.focus();
    await tip.waitFor();
    await expect(tip.textContent()).resolves.toMatch(new RegExp(tenDays));
    await screenshot(page, 'myaccess-alex-active');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: 'Extend' }).click();
    await row.getByText(/No approval needed\. Your access will end on/).waitFor();
    await row.getByRole('button', { name: 'Extend now' }).dblclick();
    await row.getByText(/Extended\. Your access now ends on/).waitFor({ timeout: 20000 });
    await screenshot(page, 'myaccess-alex-extended');

    const updates = requestsOf(ID.alex, ID.engineering).filter(r => r.requestType === 'userUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0].state).toBe('delivered');
    expect(posts.filter(u => /assignmentRequests$/.test(u))).toHaveLength(1);
    const assignment = db().assignments.find((a: any) => a.id === ID.alexEngineeringAssignment);
    const end = new Date(assignment.schedule.expiration.endDateTime);
    const yearFromNow = (await tenantNow()).getTime() + 365 * DAY;
    expect(Math.abs(end.getTime() - yearFromNow)).toBeLessThan(DAY);
    const shown = await row.getByText(/Extended\. Your access now ends on/).textContent();
    expect(shown).toContain(end.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
    await expect(row.locator('[data-testid="ends"] [data-exact]').textContent()).resolves.toMatch(/^Ends (in 1[12] months|next year)$/);
    expect(errors).toEqual([]);
  });

  it('Alex sees who approves his pending Project Falcon request and cancels it; the tenant and the row say canceled', async () => {
    const { page, errors } = await openAs(env.browser, env.wb, INTRANET_HOME, U.alex);
    const posts = graphPosts(page);
    const part = myAccess(page);
    await part.getByRole('tab', { name: /Pending/ }).click();
    const row = part.locator(`[data-row="r:${ID.alexFalconRequest}"]`);
    await row.waitFor();
    await row.getByText('Your manager, then the project lead, approve.', { exact: false }).waitFor();
    await row.getByText(/Isaiah Langer/).waitFor();
    await screenshot(page, 'myaccess-alex-pending');

    await row.getByRole('button', { name: 'Cancel request' }).click();
    await row.getByRole('button', { name: 'Yes, cancel it' }).dblclick();
    await row.getByText('Request canceled.').waitFor();
    await row.locator('[data-state="canceled"]').waitFor();
    await expect(row.locator('[data-state]').textContent()).resolves.toContain('Canceled');
    expect(requestsOf(ID.alex, ID.falcon).find(r => r.id === ID.alexFalconRequest).state).toBe('canceled');
    expect(posts.filter(u => /cancel$/.test(u))).toHaveLength(1);
    await screenshot(page, 'myaccess-alex-cancelled');
    // Graph answers 403 when a requester asks for the approval itself (docs/graph-notes.md §2.2): expected.
    expect(errors.filter(e => !/status of 403/.test(e))).toEqual([]);
  });

  it('a cancel of a request approved elsewhere a moment ago says what happened and shows the new state', async () => {
    const { page } = await openAs(env.browser, env.wb, INTRANET_HOME, U.alex);
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
    await row.getByText(/could not be canceled: in the meantime it became "Delivered"/).waitFor();
    await row.locator('[data-state="delivered"]').waitFor();
    await expect(row.locator('[data-state]').textContent()).resolves.toContain('Delivered');
    expect(posts.filter(u => /cancel$/.test(u))).toHaveLength(1);
    await screenshot(page, 'myaccess-alex-cancel-race');
  });

  it('Adele sees her denied Finance request with when and request again, and removes Marketing Site Visitors', async () => {
    expect(Number((await permissions(U.adele, 'marketing')).Low) & VIEW_LIST_ITEMS).toBe(VIEW_LIST_ITEMS);
    const { page, errors } = await openAs(env.browser, env.wb, INTRANET_HOME, U.adele);
    const part = myAccess(page);
    const visitors = part.locator('[data-kind="active"][data-package="Marketing Site Visitors"]');
    await visitors.waitFor();
    await visitors.getByText('No end date').waitFor();

    await part.getByRole('tab', { name: /History/ }).click();
    const denied = part.locator('[data-kind="request"][data-package="Finance Reports (read)"]');
    await expect(denied.locator('[data-state]').textContent()).resolves.toContain('Denied');
    await expect(denied.locator('[data-exact]').getAttribute('data-exact')).resolves.toMatch(/^\d{4}-/);
    await denied.getByRole('button', { name: 'Request again' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByLabel(/Business justification/).inputValue()).resolves.toBe('Campaign budget tracking.');
    await screenshot(page, 'myaccess-adele-request-again');
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    await part.getByRole('tab', { name: /Active/ }).click();
    await visitors.getByRole('button', { name: 'Remove my access' }).click();
    await visitors.getByText('Remove your access to Marketing Site Visitors? You will lose:').waitFor();
    await visitors.getByRole('group', { name: 'Remove my access' }).getByText('Marketing — Visitors').waitFor();
    await screenshot(page, 'myaccess-adele-remove-confirm');
    await visitors.getByRole('button', { name: 'Yes, remove it' }).dblclick();
    await part.getByText('Your access has been removed.').waitFor({ timeout: 20000 });
    await screenshot(page, 'myaccess-adele-removed');
    expect(requestsOf(ID.adele, ID.visitors).filter(r => r.requestType === 'userRemove')).toHaveLength(1);
    expect(Number((await permissions(U.adele, 'marketing')).Low) & VIEW_LIST_ITEMS).toBe(0);
    expect(errors).toEqual([]);
  });

  it('Johanna sees her expired Finance access with request again, in German', async () => {
    const { page, errors } = await openAs(env.browser, env.wb, INTRANET_HOME, U.johanna);
    const part = myAccess(page);
    await part.getByRole('heading', { name: 'My access' }).waitFor();
    await part.getByRole('tab', { name: /Verlauf/ }).click();
    const expired = part.locator('[data-kind="expired"][data-package="Finance Reports (read)"]');
    await expired.waitFor();
    await expect(expired.textContent()).resolves.toMatch(/Abgelaufen vor \d+ Tagen/);
    await expired.getByRole('button', { name: 'Erneut anfordern' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByLabel(/Geschäftliche Begründung|Begründung/).first().inputValue()).resolves.toBe('Month-end close analysis.');
    await screenshot(page, 'myaccess-johanna-de');
    expect(errors).toEqual([]);
  });
});
