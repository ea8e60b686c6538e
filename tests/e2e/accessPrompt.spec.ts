/**
 * The AccessPrompt's main scenarios in a real browser: the AccessPrompt customizer in the top placeholder of the local
 * workbench, with request counts from the tenant's `/_dev/log`.
 */
import { Page } from '@playwright/test';
import { devToken, expect, graphAs, openAs, pageUrl, screenshot, test, withWorkbench, waitForReady } from './harness';
import { ID, U } from '../contoso';

const env = withWorkbench();
const EM = 'identityGovernance/entitlementManagement';
const home = (site: string): string => `/sites/${site}/SitePages/Home.aspx`;

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

function banner(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-accesshub="access-prompt"]');
}

/** Waits until the customizer decided (the workbench marks the placeholder with the banner's kind or none). */
async function decided(page: Page): Promise<string> {
  const top = page.locator('[data-prompt]');
  await expect(top, 'the customizer decides').toBeAttached({ timeout: 30000 });
  return (await top.getAttribute('data-prompt')) || '';
}

interface ILogEntry { method: string; path: string; status: number }

async function logSince(start: number): Promise<ILogEntry[]> {
  const res = await fetch(`${env.wb.url}/_dev/log?since=${start}`);
  return ((await res.json()) as { value: ILogEntry[] }).value;
}

async function logLength(): Promise<number> {
  return ((await (await fetch(`${env.wb.url}/_dev/log`)).json()) as { total: number }).total;
}

/** The customizer's own requests: Graph `$batch`es and SharePoint REST (web parts on the page read other paths). */
function promptRequests(entries: ILogEntry[]): ILogEntry[] {
  return entries.filter(e => /\/\$batch$/.test(e.path) || /_api\/(site\?\$select=GroupId,Url|web\/effectiveBasePermissions)$/i.test(e.path));
}

test.describe('AccessPrompt', () => {
  test('Adele on Marketing: offered Contributors, requests it from the banner, waits for Megan; after approval no banner', async ({ page, newContext }) => {
    const { errors } = await openAs(page, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    const bar = banner(page);
    await expect(bar.getByText('You can view this site. Request Marketing Campaign Contributors to contribute.')).toBeVisible();
    await expect(bar.locator('[aria-live="polite"]')).toHaveCount(1);
    await screenshot(page, 'prompt-adele-offer');

    await test.step('request from the banner', async () => {
      await bar.getByRole('button', { name: 'Request' }).click();
      const panel = page.getByRole('dialog');
      await panel.getByLabel('Business justification').fill('I run the spring campaign.');
      await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Spring launch');
      await panel.getByRole('combobox', { name: 'Region' }).click();
      await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
      await panel.getByRole('button', { name: 'Submit request' }).click();
      await expect(panel.getByText('Your request was sent and is waiting for approval.')).toBeVisible();
      await panel.getByRole('button', { name: 'Close' }).first().click();
      await expect(bar.getByText('Your request for Marketing Campaign Contributors: waiting for Megan Bowen.')).toBeVisible();
      await screenshot(page, 'prompt-adele-pending');
      // The catalog on the same page heard the change and shows the request, without a reload.
      await expect(page.locator(`article[data-package-id="${ID.contributors}"]`).getByText(/Request pending/)).toBeVisible();
    });

    await test.step('a reload in the same session shows the same (the session cache was refreshed after the request)', async () => {
      await page.reload();
      await waitForReady(page);
      await expect(banner(page).getByText(/waiting for Megan Bowen/)).toBeVisible();
    });

    const request = (env.wb.tenant as unknown as { db: { assignmentRequests: Array<{ id: string; targetId: string; accessPackageId: string; state: string }> } })
      .db.assignmentRequests.find(r => r.targetId === ID.adele && r.accessPackageId === ID.contributors && r.state === 'pendingApproval');
    expect(request).toBeDefined();
    await test.step('Megan approves through the approver API', async () => {
      const approval = await (await graphAs(env.wb, U.megan, 'GET', `${EM}/accessPackageAssignmentApprovals/${request!.id}`)).json();
      const stage = (approval.stages as Array<{ id: string }>)[0];
      expect((await graphAs(env.wb, U.megan, 'PATCH', `${EM}/accessPackageAssignmentApprovals/${request!.id}/stages/${stage.id}`, { reviewResult: 'Approve', justification: 'Welcome' })).status).toBe(204);
    });

    await test.step('a new session (the next visit): Adele now edits the site and sees no banner', async () => {
      const again = await (await newContext()).newPage();
      await again.goto(pageUrl(home('marketing'), U.adele));
      expect(await decided(again)).toBe('none');
      await expect(banner(again)).toHaveCount(0);
      const perms = await (await fetch(`${env.wb.url}/sites/marketing/_api/web/effectiveBasePermissions`, {
        headers: { Authorization: `Bearer ${await devToken(env.wb, U.adele)}`, Accept: 'application/json' }
      })).json();
      expect(Number(perms.Low) & 0x4).toBe(0x4); // EditListItems
    });
    // The only failed reads are the panel's approval reads, which Graph keeps for approvers (docs/graph-notes.md §2.2).
    // Besides the approval reads: the site's access map file, which a site without a map answers with 404 (README).
    expect(env.wb.tenant.log.filter(l => l.status >= 400)
      .every(l => /accessPackageAssignmentApprovals\//.test(l.path) || /access-hub-site-access-map\.json/.test(decodeURIComponent(l.path)))).toBe(true);
    expect(errors.filter(e => !/status of 40[34]/.test(e))).toEqual([]);
  });

  test('a request made from the catalog on the same page refreshes the banner at once and on the next page view', async ({ page }) => {
    await openAs(page, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
    await card.getByRole('button', { name: 'Request access' }).click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Business justification').fill('Campaign work.');
    await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Autumn');
    await panel.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
    await panel.getByRole('button', { name: 'Submit request' }).click();
    await expect(panel.getByText('Your request was sent and is waiting for approval.')).toBeVisible();
    // The customizer heard the catalog's change and decided again, without a reload.
    await expect(banner(page).getByText(/waiting for Megan Bowen/)).toBeVisible();
    await expect(page.locator('[data-prompt]')).toHaveAttribute('data-prompt', 'pending');
    await page.reload(); // same tab: same session storage
    expect(await decided(page)).toBe('pending');
    await expect(banner(page).getByText(/waiting for Megan Bowen/)).toBeVisible();
  });

  test('Megan on Marketing: no banner', async ({ page }) => {
    await openAs(page, home('marketing'), U.megan);
    expect(await decided(page)).toBe('none');
    await expect(banner(page)).toHaveCount(0);
  });

  test('Alex on Engineering: access ends in 10 days; extending from the banner works', async ({ page, newContext }) => {
    await openAs(page, home('engineering'), U.alex);
    expect(await decided(page)).toBe('expiring');
    const bar = banner(page);
    await expect(bar.getByText(/Your access to Engineering through Engineering Onboarding ends in 10 days, on [A-Z][a-z]+ \d+\./)).toBeVisible();
    await screenshot(page, 'prompt-alex-expiring');
    const before = (env.wb.tenant as unknown as { db: { assignments: Array<{ id: string; schedule?: { expiration?: { endDateTime?: string } } }> } })
      .db.assignments.find(a => a.id === ID.alexEngineeringAssignment);
    expect(before).toBeDefined();
    await bar.getByRole('button', { name: 'Extend' }).click();
    await expect(bar.getByText(/Extended|Extension|not granted/)).toBeVisible({ timeout: 30000 });
    await expect(bar.getByText(/Extended\. Your access now ends on/)).toBeVisible();
    await screenshot(page, 'prompt-alex-extended');
    // The next visit has nothing to say: access now ends in about a year.
    const again = await (await newContext()).newPage();
    await again.goto(pageUrl(home('engineering'), U.alex));
    expect(await decided(again)).toBe('none');
  });

  test('Adele on Legal: no banner, one decision, and nothing beyond the first round trip', async ({ context }) => {
    // Her day's scan is known (she visited Marketing earlier today): Legal then costs one round trip. The page raises
    // navigatedEvent for the first page view, as SharePoint does; the customizer must not decide a second time.
    const first = await context.newPage();
    await first.goto(pageUrl(home('marketing'), U.adele));
    await decided(first);
    await first.close();
    const start = await logLength();
    const page = await context.newPage();
    await page.goto(pageUrl(home('legal'), U.adele));
    expect(await decided(page)).toBe('none');
    await expect(banner(page)).toHaveCount(0);
    // A second decision, had one started, would still be reading: let the page's requests finish before counting.
    await page.waitForLoadState('networkidle');
    const mine = promptRequests(await logSince(start));
    expect(mine.map(e => e.path.replace(/^.*\/(\$batch|_api\/.*)$/, '$1')).sort()).toEqual(['$batch', '_api/site?$select=GroupId,Url', '_api/web/effectiveBasePermissions']);
  });

  test('a dismissed offer stays dismissed on reload and comes back after the configured days', async ({ page }) => {
    await page.clock.install({ time: new Date() });
    await page.goto(pageUrl(home('marketing'), U.adele, { query: { prompt: JSON.stringify({ dismissDays: 3 }) } }));
    expect(await decided(page)).toBe('offer');
    await banner(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner(page)).not.toBeAttached({ timeout: 1000 });
    await page.reload();
    expect(await decided(page)).toBe('none');
    await page.clock.fastForward(3 * 86400000 + 3600000); // 3 days and an hour
    await page.reload();
    expect(await decided(page)).toBe('offer');
    await expect(banner(page)).toBeVisible();
  });

  test('speaks the page language: Adele in German and in French', async ({ page, newContext }) => {
    await openAs(page, home('marketing'), U.adele, { lang: 'de-de' });
    expect(await decided(page)).toBe('offer');
    await expect(banner(page).getByText('Sie können diese Website ansehen. Beantragen Sie Marketing Campaign Contributors, um mitzuarbeiten.')).toBeVisible();
    await expect(banner(page).getByRole('button', { name: 'Ausblenden' })).toBeVisible();
    await screenshot(page, 'prompt-adele-de');
    const fr = await (await newContext()).newPage();
    await openAs(fr, home('marketing'), U.adele, { lang: 'fr-fr' });
    await expect(banner(fr).getByText('Vous pouvez consulter ce site. Demandez Marketing Campaign Contributors pour y contribuer.')).toBeVisible();
  });

  test('Escape closes the banner; it is reachable by keyboard', async ({ page }) => {
    await openAs(page, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    await banner(page).getByRole('button', { name: 'Request' }).focus();
    await page.keyboard.press('Tab');
    const dismiss = banner(page).getByRole('button', { name: 'Dismiss' });
    await expect(dismiss).toBeFocused();
    await expect(dismiss).toHaveText('Dismiss');
    await page.keyboard.press('Escape');
    // Closing takes effect at once (PromptMount keeps the loaded chunk); the short wait only absorbs the browser's scheduling.
    await expect(banner(page)).not.toBeAttached({ timeout: 1000 });
  });
});
