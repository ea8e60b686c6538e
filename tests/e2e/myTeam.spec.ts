/**
 * "My team" in MyAccess (a manager's read-only view of their direct reports' access) in a real browser against the
 * local workbench: Graph's filterByCurrentUser(on='targetManager') behind it is metadata only, not documented, and the
 * local tenant answers it behind a switch (on by default; POST /_dev/manager-view). Isaiah manages Alex: the tab shows
 * Alex's Engineering Onboarding ending soon and his pending Project Falcon request. With the switch off the tab is
 * absent and nothing shows an error; Alex, who manages nobody, has no tab.
 */
import { Page } from '@playwright/test';
import { axeViolations, expect, openAs, recordApiRequests, screenshot, test, withWorkbench } from './harness';
import { roundTrips } from '../service/roundTrips';
import { U } from '../contoso';

const INTRANET_HOME = '/sites/intranet/SitePages/Home.aspx';
const env = withWorkbench();

test.beforeEach(async () => {
  // reset() also restores the manager view's default (on).
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

function myAccess(page: Page): ReturnType<Page['locator']> {
  return page.locator('section[data-alias="MyAccess"]');
}

async function managerView(enabled: boolean): Promise<void> {
  const res = await fetch(`${env.wb.url}/_dev/manager-view`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled }) });
  expect(await res.json()).toEqual({ enabled });
}

/** The statuses Graph answered the manager view's reads with, as they arrive. */
function probeStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', r => { if (/targetManager/.test(decodeURIComponent(r.url()))) statuses.push(r.status()); });
  return statuses;
}

/** Chromium logs every 4xx answer to the console; the probe's 400 from a Graph without the manager view is the expected answer. */
const isProbeRefusal = (e: string): boolean => /status of 400/.test(e);

test.describe('My team in MyAccess', () => {
  test("Isaiah: My team shows Alex's Engineering Onboarding ending soon and his pending Falcon request, read only", async ({ page }) => {
    const rec = recordApiRequests(page);
    const { errors } = await openAs(page, INTRANET_HOME, U.isaiah);
    const part = myAccess(page);
    const tab = part.getByRole('tab', { name: 'My team' });
    await expect(tab).toBeVisible();
    // The probe went out with MyAccess's own lists: one request, no round trip of its own.
    const probes = rec.spans.filter(s => /filterByCurrentUser\(on='targetManager'\)/.test(s.url));
    expect(probes.map(s => s.url.replace(/^.*\/v1\.0\//, ''))).toEqual([
      "identityGovernance/entitlementManagement/assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage,target"
    ]);
    const myLists = rec.spans.filter(s => /filterByCurrentUser\(on='target'\)/.test(s.url));
    expect(roundTrips([...myLists, ...probes])).toBe(1);

    await tab.click();
    const view = part.locator('[data-team]');
    const soon = view.getByRole('region', { name: 'Ending soon (1)' });
    const eng = soon.locator('li[data-person="Alex Wilber"][data-package="Engineering Onboarding"]');
    await expect(eng).toContainText('Ends in 10 days');
    const pending = view.getByRole('region', { name: 'Waiting for approval (1)' });
    await expect(pending.locator('li[data-person="Alex Wilber"][data-package="Project Falcon Team"]')).toContainText(/Waiting since \w+ \d+, \d{4}/);
    await expect(view.getByRole('link', { name: 'Manage in My Access' })).toHaveAttribute('href', /^https:\/\/myaccess\.microsoft\.com/);
    await expect(view.getByRole('button')).toHaveCount(0);
    await screenshot(page, 'my-team-isaiah');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the tabs work from the keyboard: arrow keys reach My team, and it opens', async ({ page }) => {
    await openAs(page, INTRANET_HOME, U.isaiah);
    const part = myAccess(page);
    await expect(part.getByRole('tab', { name: 'My team' })).toBeVisible();
    await part.getByRole('tab', { name: /Active/ }).focus();
    // Active, Pending, History, My team: the last tab.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(part.getByRole('tab', { name: 'My team' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(part.getByRole('region', { name: 'Ending soon (1)' })).toBeVisible();
  });

  test('with the manager view off (Graph answers 400) Isaiah has no tab and nothing shows an error', async ({ page }) => {
    await managerView(false);
    const statuses = probeStatuses(page);
    const { errors } = await openAs(page, INTRANET_HOME, U.isaiah);
    const part = myAccess(page);
    await expect(part.getByRole('tab', { name: /Active/ })).toBeVisible();
    await expect.poll(() => statuses).toEqual([400]);
    await expect(part.getByRole('tab', { name: 'My team' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(part.locator('[data-team]')).toHaveCount(0);
    await screenshot(page, 'my-team-off-isaiah');
    expect(errors.filter(e => !isProbeRefusal(e))).toEqual([]);
  });

  test('Alex manages nobody: Graph lists nothing and there is no tab', async ({ page }) => {
    const statuses = probeStatuses(page);
    const { errors } = await openAs(page, INTRANET_HOME, U.alex);
    const part = myAccess(page);
    await expect(part.locator('[data-kind="active"][data-package="Engineering Onboarding"]')).toBeVisible();
    await expect.poll(() => statuses).toEqual([200]);
    await expect(part.getByRole('tab', { name: 'My team' })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('German: Mein Team', async ({ page }) => {
    await openAs(page, INTRANET_HOME, U.isaiah, { lang: 'de-de' });
    const part = myAccess(page);
    await part.getByRole('tab', { name: 'Mein Team' }).click();
    await expect(part.getByRole('region', { name: 'Endet bald (1)' })).toBeVisible();
    await expect(part.getByRole('link', { name: 'In My Access verwalten' })).toBeVisible();
  });
});
