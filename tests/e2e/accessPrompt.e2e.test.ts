/**
 * The AccessPrompt's main scenarios in a real browser: the AccessPrompt customizer in the top placeholder of the local
 * workbench, with request counts from the tenant's `/_dev/log`.
 */
import { Page, BrowserContext } from 'playwright-core';
import { newContext, openAs, pageUrl, screenshot, setupBrowserAndWorkbench, waitForReady } from './harness';
import { ID, U } from '../contoso';

const env = setupBrowserAndWorkbench();
const EM = 'identityGovernance/entitlementManagement';
const home = (site: string): string => `/sites/${site}/SitePages/Home.aspx`;

beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

function banner(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-accesshub="access-prompt"]');
}

/** Waits until the customizer decided (the workbench marks the placeholder with the banner's kind or none). */
async function decided(page: Page): Promise<string> {
  const top = page.locator('[data-prompt]');
  await top.waitFor({ state: 'attached', timeout: 30000 });
  return (await top.getAttribute('data-prompt')) || '';
}

async function token(user: string): Promise<string> {
  const res = await fetch(`${env.wb.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  return (await res.json()).access_token;
}

async function graph(user: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${env.wb.url}/v1.0/${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json', Accept: 'application/json' }
  });
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

describe('AccessPrompt', () => {
  it('Adele on Marketing: offered Contributors, requests it from the banner, waits for Megan; after approval no banner', async () => {
    const { page, context, errors } = await openAs(env.browser, env.wb, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    const bar = banner(page);
    await bar.getByText('You can view this site. Request Marketing Campaign Contributors to contribute.').waitFor();
    expect(await bar.locator('[aria-live="polite"]').count()).toBe(1);
    await screenshot(page, 'prompt-adele-offer');

    await bar.getByRole('button', { name: 'Request' }).click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Business justification').fill('I run the spring campaign.');
    await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Spring launch');
    await panel.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
    await panel.getByRole('button', { name: 'Submit request' }).click();
    await panel.getByText('Your request was sent and is waiting for approval.').waitFor();
    await panel.getByRole('button', { name: 'Close' }).first().click();
    await bar.getByText('Your request for Marketing Campaign Contributors: waiting for Megan Bowen.').waitFor();
    await screenshot(page, 'prompt-adele-pending');
    // The catalog on the same page heard the change and shows the request, without a reload.
    await page.locator(`article[data-package-id="${ID.contributors}"]`).getByText(/Request pending/).waitFor();

    // A reload in the same session shows the same (the session cache was refreshed after the request).
    await page.reload();
    await waitForReady(page);
    await banner(page).getByText(/waiting for Megan Bowen/).waitFor();

    // Megan approves through the approver API.
    const request = (env.wb.tenant as unknown as { db: { assignmentRequests: Array<{ id: string; targetId: string; accessPackageId: string; state: string }> } })
      .db.assignmentRequests.find(r => r.targetId === ID.adele && r.accessPackageId === ID.contributors && r.state === 'pendingApproval');
    expect(request).toBeDefined();
    const approval = await (await graph(U.megan, 'GET', `${EM}/accessPackageAssignmentApprovals/${request!.id}`)).json();
    const stage = (approval.stages as Array<{ id: string }>)[0];
    expect((await graph(U.megan, 'PATCH', `${EM}/accessPackageAssignmentApprovals/${request!.id}/stages/${stage.id}`, { reviewResult: 'Approve', justification: 'Welcome' })).status).toBe(204);

    // A new session (the next visit): Adele now edits the site and sees no banner.
    const fresh = await newContext(env.browser, env.wb.url);
    const again = await fresh.newPage();
    await again.goto(pageUrl(env.wb.url, home('marketing'), U.adele));
    expect(await decided(again)).toBe('none');
    expect(await banner(again).count()).toBe(0);
    const perms = await (await fetch(`${env.wb.url}/sites/marketing/_api/web/effectiveBasePermissions`, {
      headers: { Authorization: `Bearer ${await token(U.adele)}`, Accept: 'application/json' }
    })).json();
    expect(Number(perms.Low) & 0x4).toBe(0x4); // EditListItems
    await fresh.close();
    await context.close();
    // The only failed reads are the panel's approval reads, which Graph keeps for approvers (docs/graph-notes.md §2.2).
    expect(env.wb.tenant.log.filter(l => l.status >= 400).every(l => /accessPackageAssignmentApprovals\//.test(l.path))).toBe(true);
    expect(errors.filter(e => !/status of 40[34]/.test(e))).toEqual([]);
  });

  it('a request made from the catalog on the same page refreshes the banner at once and on the next page view', async () => {
    const { page, context } = await openAs(env.browser, env.wb, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
    await card.getByRole('button', { name: 'Request access' }).click();
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Business justification').fill('Campaign work.');
    await panel.getByRole('textbox', { name: 'Which campaign will you work on?' }).fill('Autumn');
    await panel.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'Europe, Middle East and Africa' }).click();
    await panel.getByRole('button', { name: 'Submit request' }).click();
    await panel.getByText('Your request was sent and is waiting for approval.').waitFor();
    // The customizer heard the catalog's change and decided again, without a reload.
    await banner(page).getByText(/waiting for Megan Bowen/).waitFor();
    expect(await page.locator('[data-prompt]').getAttribute('data-prompt')).toBe('pending');
    await page.reload(); // same tab: same session storage
    expect(await decided(page)).toBe('pending');
    await banner(page).getByText(/waiting for Megan Bowen/).waitFor();
    await context.close();
  });

  it('Megan on Marketing: no banner', async () => {
    const { page, context } = await openAs(env.browser, env.wb, home('marketing'), U.megan);
    expect(await decided(page)).toBe('none');
    expect(await banner(page).count()).toBe(0);
    await context.close();
  });

  it('Alex on Engineering: access ends in 10 days; extending from the banner works', async () => {
    const { page, context } = await openAs(env.browser, env.wb, home('engineering'), U.alex);
    expect(await decided(page)).toBe('expiring');
    const bar = banner(page);
    await bar.getByText(/Your access to Engineering through Engineering Onboarding ends in 10 days, on [A-Z][a-z]+ \d+\./).waitFor();
    await screenshot(page, 'prompt-alex-expiring');
    const before = (env.wb.tenant as unknown as { db: { assignments: Array<{ id: string; schedule?: { expiration?: { endDateTime?: string } } }> } })
      .db.assignments.find(a => a.id === ID.alexEngineeringAssignment);
    expect(before).toBeDefined();
    await bar.getByRole('button', { name: 'Extend' }).click();
    await bar.getByText(/Extended|Extension|not granted/).waitFor({ timeout: 30000 });
    await screenshot(page, "prompt-alex-extended");
    await bar.getByText(/Extended\. Your access now ends on/).waitFor();
    await screenshot(page, 'prompt-alex-extended');
    // The next visit has nothing to say: access now ends in about a year.
    const fresh = await newContext(env.browser, env.wb.url);
    const again = await fresh.newPage();
    await again.goto(pageUrl(env.wb.url, home('engineering'), U.alex));
    expect(await decided(again)).toBe('none');
    await fresh.close();
    await context.close();
  });

  it('Adele on Legal: no banner, one decision, and nothing beyond the first round trip', async () => {
    // Her day's scan is known (she visited Marketing earlier today): Legal then costs one round trip. The page raises
    // navigatedEvent for the first page view, as SharePoint does; the customizer must not decide a second time.
    const context = await newContext(env.browser, env.wb.url);
    const first = await context.newPage();
    await first.goto(pageUrl(env.wb.url, home('marketing'), U.adele));
    await decided(first);
    await first.close();
    const start = await logLength();
    const page = await context.newPage();
    await page.goto(pageUrl(env.wb.url, home('legal'), U.adele));
    expect(await decided(page)).toBe('none');
    expect(await banner(page).count()).toBe(0);
    // A second decision, had one started, would still be reading: let the page's requests finish before counting.
    await page.waitForLoadState('networkidle');
    const mine = promptRequests(await logSince(start));
    expect(mine.map(e => e.path.replace(/^.*\/(\$batch|_api\/.*)$/, '$1')).sort()).toEqual(['$batch', '_api/site?$select=GroupId,Url', '_api/web/effectiveBasePermissions']);
    await context.close();
  });

  it('a dismissed offer stays dismissed on reload and comes back after the configured days', async () => {
    const context: BrowserContext = await newContext(env.browser, env.wb.url);
    const page = await context.newPage();
    await page.clock.install({ time: new Date() });
    const url = pageUrl(env.wb.url, home('marketing'), U.adele, { query: { prompt: JSON.stringify({ dismissDays: 3 }) } });
    await page.goto(url);
    expect(await decided(page)).toBe('offer');
    await banner(page).getByRole('button', { name: 'Dismiss' }).click();
    await banner(page).waitFor({ state: 'detached', timeout: 1000 });
    await page.reload();
    expect(await decided(page)).toBe('none');
    await page.clock.fastForward(3 * 86400000 + 3600000); // 3 days and an hour
    await page.reload();
    expect(await decided(page)).toBe('offer');
    await banner(page).waitFor();
    await context.close();
  });

  it('speaks the page language: Adele in German and in French', async () => {
    const de = await openAs(env.browser, env.wb, home('marketing'), U.adele, { lang: 'de-de' });
    expect(await decided(de.page)).toBe('offer');
    await banner(de.page).getByText('Sie können diese Website ansehen. Beantragen Sie Marketing Campaign Contributors, um mitzuarbeiten.').waitFor();
    await banner(de.page).getByRole('button', { name: 'Ausblenden' }).waitFor();
    await screenshot(de.page, 'prompt-adele-de');
    await de.context.close();
    const fr = await openAs(env.browser, env.wb, home('marketing'), U.adele, { lang: 'fr-fr' });
    await banner(fr.page).getByText('Vous pouvez consulter ce site. Demandez Marketing Campaign Contributors pour y contribuer.').waitFor();
    await fr.context.close();
  });

  it('Escape closes the banner; it is reachable by keyboard', async () => {
    const { page, context } = await openAs(env.browser, env.wb, home('marketing'), U.adele);
    expect(await decided(page)).toBe('offer');
    await banner(page).getByRole('button', { name: 'Request' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement && document.activeElement.textContent)).resolves.toBe('Dismiss');
    await page.keyboard.press('Escape');
    // Closing takes effect at once (PromptMount keeps the loaded chunk); the short wait only absorbs the browser's scheduling.
    await banner(page).waitFor({ state: 'detached', timeout: 1000 });
    await context.close();
  });
});
