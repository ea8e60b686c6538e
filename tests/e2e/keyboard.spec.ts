/**
 * Keyboard alone: each thing a person does in Access Hub, done with Tab, Shift+Tab, Enter, Space, Escape and the
 * arrow keys only (no click), checked in the tenant as the other specs check it. Along the way: focus moves into a
 * panel or an inline form when it opens and back to the control that opened it when it closes, and each outcome
 * reaches a live region (role=status/alert or aria-live) that a screen reader announces.
 */
import { Locator, Page } from '@playwright/test';
import { expect, graphAs, openAs, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const MARKETING = '/sites/marketing/SitePages/Home.aspx';
const INTRANET = '/sites/intranet/SitePages/Home.aspx';
const APPROVALS = '/sites/intranet/SitePages/Approvals.aspx';

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

async function isFocused(target: Locator): Promise<boolean> {
  if (await target.count() === 0) return false;
  return target.first().evaluate(el => el === document.activeElement || el.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. Returns the presses. */
async function tabTo(page: Page, target: Locator, o: { back?: boolean; max?: number } = {}): Promise<number> {
  const max = o.max || 80;
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return i;
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${max} ${o.back ? 'Shift+Tab' : 'Tab'} presses`);
}

/** Presses `key` until `target` has the focus (arrow keys in a list, menu or tab list). */
async function arrowTo(page: Page, target: Locator, key: string, max = 20): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target.toString()} was not reached with ${key}`);
}

/** The page's live regions (role=status/alert, aria-live) holding `text`. */
function liveRegion(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.locator('[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]').filter({ hasText: text });
}

/** The web part's element that has the focus (none when it went to the page's body). */
async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return !el || el === document.body ? '<body>' : `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60)}"`;
  });
}

/** `text` is in a live region (the innermost one holding it is visible). */
async function expectAnnounced(scope: Page | Locator, text: string | RegExp, timeout?: number): Promise<void> {
  await expect(liveRegion(scope, text).last(), `"${String(text)}" is in a live region`).toBeVisible({ timeout });
}

async function expectFocusIn(page: Page, scope: Locator, what: string): Promise<void> {
  await expect.poll(() => isFocused(scope), { message: `${what} (focus is on ${await focusedText(page)})` }).toBe(true);
}

test.describe('a requester', () => {
  test('Adele requests Campaign Contributors from the catalog: into the panel, the form, submit, announced, focus back', async ({ page }) => {
    await openAs(page, MARKETING, U.adele);
    const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
    const opener = card.getByRole('button', { name: 'Request access' });
    await expect(opener).toBeVisible();
    await tabTo(page, opener);
    await page.keyboard.press('Enter');

    const panel = page.getByRole('dialog');
    await expect(panel.getByText('Which campaign will you work on?')).toBeVisible();
    await expectFocusIn(page, panel, 'focus moves into the panel');

    await tabTo(page, panel.getByLabel('Business justification'));
    await page.keyboard.type('I run the spring campaign.');
    await tabTo(page, panel.getByRole('textbox', { name: 'Which campaign will you work on?' }));
    await page.keyboard.type('Spring launch');
    const region = panel.getByRole('combobox', { name: 'Region' });
    await tabTo(page, region);
    await page.keyboard.press('Enter');
    await arrowTo(page, page.getByRole('option', { name: 'Europe, Middle East and Africa' }), 'ArrowDown');
    await page.keyboard.press('Enter');
    await expect(region).toHaveText(/Europe, Middle East and Africa/);
    await expectFocusIn(page, region, 'focus returns to the dropdown after choosing');

    await tabTo(page, panel.getByRole('button', { name: 'Submit request' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(panel, 'Your request was sent and is waiting for approval.');
    const mine = requestsOf(ID.adele, ID.contributors);
    expect(mine).toHaveLength(1);
    expect(mine[0].state).toBe('pendingApproval');
    expect(mine[0].justification).toBe('I run the spring campaign.');
    expect(mine[0].answers.map((a: any) => a.value).sort()).toEqual(['Spring launch', 'emea']);

    // Escape closes the panel; the focus is back on the card's button, which now says the request is pending.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(card.locator('[data-status="pending"]')).toBeVisible();
    await expectFocusIn(page, card.getByRole('button'), 'focus returns to the card that opened the panel');
  });

  test('Alex cancels his pending Falcon request in MyAccess: tabs by arrow keys, the confirmation takes the focus, announced', async ({ page }) => {
    await openAs(page, INTRANET, U.alex);
    const part = page.locator('section[data-alias="MyAccess"]');
    await expect(part.locator('[data-kind="active"]').first()).toBeVisible();
    await tabTo(page, part.getByRole('tab', { name: /Active/ }));
    await arrowTo(page, part.getByRole('tab', { name: /Pending/ }), 'ArrowRight');
    await page.keyboard.press('Enter');
    await expect(part.getByRole('tab', { name: /Pending/ })).toHaveAttribute('aria-selected', 'true');

    const row = part.locator(`[data-row="r:${ID.alexFalconRequest}"]`);
    const cancel = row.getByRole('button', { name: 'Cancel request' });
    await tabTo(page, cancel);
    await page.keyboard.press('Enter');
    await expectFocusIn(page, row.getByRole('group', { name: /Cancel your request/ }), 'focus moves into the confirmation');
    // "Keep the request" closes it and gives the focus back to the button that opened it.
    await tabTo(page, row.getByRole('button', { name: 'Keep the request' }));
    await page.keyboard.press('Enter');
    await expectFocusIn(page, cancel, 'focus returns to "Cancel request"');

    await page.keyboard.press('Enter');
    await tabTo(page, row.getByRole('button', { name: 'Yes, cancel it' }), { back: true, max: 4 });
    await page.keyboard.press('Enter');
    await expectAnnounced(row, 'Request canceled.');
    expect(requestsOf(ID.alex, ID.falcon).find(r => r.id === ID.alexFalconRequest).state).toBe('canceled');
    await expectFocusIn(page, row, 'the focus stays with the row');
  });

  test('Alex extends Engineering Onboarding from MyAccess: the form takes the focus, announced, focus back on Extend', async ({ page }) => {
    await openAs(page, INTRANET, U.alex);
    const row = page.locator('section[data-alias="MyAccess"] [data-kind="active"][data-package="Engineering Onboarding"]');
    const extend = row.getByRole('button', { name: 'Extend' });
    await expect(extend).toBeVisible();
    await tabTo(page, extend);
    await page.keyboard.press('Enter');
    const form = row.getByRole('group', { name: 'Extend' });
    await expectFocusIn(page, form, 'focus moves into the extend form');
    // Cancel gives the focus back to Extend.
    await tabTo(page, form.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await expectFocusIn(page, extend, 'focus returns to "Extend" after Cancel');

    await page.keyboard.press('Space');
    await tabTo(page, row.getByRole('button', { name: 'Extend now' }), { max: 6 });
    await page.keyboard.press('Enter');
    await expectAnnounced(row, /Extended\. Your access now ends on/, 20000);
    const updates = requestsOf(ID.alex, ID.engineering).filter(r => r.requestType === 'userUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0].state).toBe('delivered');
    await expectFocusIn(page, row.getByRole('button', { name: 'Extend' }), 'focus returns to "Extend" after extending');
  });

  test('Adele removes her Marketing Site Visitors access from MyAccess: confirmation takes the focus, announced', async ({ page }) => {
    await openAs(page, INTRANET, U.adele);
    const row = page.locator('section[data-alias="MyAccess"] [data-kind="active"][data-package="Marketing Site Visitors"]');
    const remove = row.getByRole('button', { name: 'Remove my access' });
    await expect(remove).toBeVisible();
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    const confirm = row.getByRole('group', { name: 'Remove my access' });
    await expectFocusIn(page, confirm, 'focus moves into the confirmation');
    await tabTo(page, confirm.getByRole('button', { name: 'Yes, remove it' }), { back: true, max: 4 });
    await page.keyboard.press('Enter');
    await expectAnnounced(page.locator('section[data-alias="MyAccess"]'), 'Your access has been removed.', 20000);
    expect(requestsOf(ID.adele, ID.visitors).filter(r => r.requestType === 'userRemove')).toHaveLength(1);
    // The row, now ended access with its notice, has the focus.
    await expectFocusIn(page, page.locator(`section[data-alias="MyAccess"] [data-package="Marketing Site Visitors"]`), 'the row keeps the focus');
  });
});

test.describe('an approver', () => {
  test("Diego approves Grady's request: the missing justification is announced, then the decision; the focus lands on it", async ({ page }) => {
    await openAs(page, APPROVALS, U.diego);
    const row = page.locator('li.accesshub-approval', { hasText: 'Grady Archie requested Finance Reports (read)' });
    const approve = row.getByRole('button', { name: 'Approve' });
    await expect(approve).toBeVisible();
    await tabTo(page, approve);
    await page.keyboard.press('Enter');
    await expectAnnounced(row, 'This stage requires a justification from you.');
    await tabTo(page, row.getByRole('textbox'), { back: true });
    await page.keyboard.type('Budget planning for Q1.');
    await tabTo(page, approve);
    await page.keyboard.press('Enter');
    const decided = page.locator('.accesshub-decided', { hasText: 'Approved: Grady Archie for Finance Reports (read).' });
    await expectAnnounced(decided, 'Approved: Grady Archie for Finance Reports (read).');
    await expectFocusIn(page, decided, 'focus moves to the outcome when the row goes away');
    const request = db().assignmentRequests.find((r: any) => r.id === ID.gradyFinanceRequest);
    expect(request.approvalStages[0].reviewResult).toBe('Approved');
  });

  test("Isaiah denies Alex's Falcon request with Space", async ({ page }) => {
    await openAs(page, APPROVALS, U.isaiah);
    const row = page.locator('li.accesshub-approval', { hasText: 'Alex Wilber requested Project Falcon Team' });
    await expect(row).toBeVisible();
    await tabTo(page, row.getByRole('textbox'));
    await page.keyboard.type('Not on this project');
    await tabTo(page, row.getByRole('button', { name: 'Deny' }));
    await page.keyboard.press('Space');
    const decided = page.locator('.accesshub-decided', { hasText: 'Denied: Alex Wilber for Project Falcon Team.' });
    await expectAnnounced(decided, 'Denied: Alex Wilber');
    await expectFocusIn(page, decided, 'focus moves to the outcome');
    const request = db().assignmentRequests.find((r: any) => r.id === ID.alexFalconRequest);
    expect(request.approvalStages[0].reviewResult).toBe('Denied');
  });

  test('Diego approves three Finance requests at once: select all with Space, justification, Approve selected', async ({ page }) => {
    // Adele and Alex ask for Finance Reports too, as people do through My Access.
    for (const user of [U.adele, U.alex]) {
      const res = await graphAs(env.wb, user, 'POST', 'identityGovernance/entitlementManagement/assignmentRequests', {
        requestType: 'userAdd', justification: 'Month-end numbers',
        assignment: { accessPackageId: ID.finance, assignmentPolicyId: ID.financePolicy }
      });
      expect(res.status).toBe(201);
    }
    await env.wb.tenant.settle();
    const pending = db().assignmentRequests.filter((r: any) => r.accessPackageId === ID.finance && r.state === 'pendingApproval').map((r: any) => r.id);
    expect(pending).toHaveLength(3);
    await openAs(page, APPROVALS, U.diego);
    await expect(page.locator('li.accesshub-approval')).toHaveCount(3);
    const selectAll = page.getByRole('checkbox', { name: 'Select all 3 requests shown' });
    await tabTo(page, selectAll);
    await page.keyboard.press('Space');
    await expect(selectAll).toBeChecked();
    const justification = page.getByRole('textbox', { name: /Justification for all selected requests/ });
    await tabTo(page, justification);
    await page.keyboard.type('Quarter close');
    await tabTo(page, page.getByRole('button', { name: 'Approve selected' }));
    await page.keyboard.press('Enter');
    await expectAnnounced(page, '3 decisions recorded.');
    await expect(page.locator('li.accesshub-approval')).toHaveCount(0);
    const decided = db().assignmentRequests.filter((r: any) => pending.includes(r.id));
    expect(decided.map((r: any) => r.approvalStages[0].reviewResult)).toEqual(['Approved', 'Approved', 'Approved']);
    expect(decided.map((r: any) => r.targetId).sort()).toEqual([ID.adele, ID.alex, ID.grady].sort());
    await expectFocusIn(page, page.getByTestId('bulk-summary'), 'focus moves to the summary');
  });

  test("Diego records an access review decision for Megan: the decision is announced and the focus stays on the button", async ({ page }) => {
    await openAs(page, APPROVALS, U.diego);
    const megan = page.locator('li.accesshub-review', { hasText: 'Megan Bowen' });
    await expect(megan).toBeVisible();
    await tabTo(page, megan.getByRole('textbox'));
    await page.keyboard.type('Still on the budget team');
    const approve = megan.getByRole('button', { name: 'Approve' });
    await tabTo(page, approve);
    await page.keyboard.press('Enter');
    await expectAnnounced(megan, 'Your decision: approve');
    await expectFocusIn(page, approve, 'the focus stays on the button pressed');
    const decision = db().accessReviews.flatMap((r: any) => (r.instances || []).flatMap((i: any) => i.decisions || []))
      .find((d: any) => d.id === ID.meganDecision);
    expect(decision && decision.decision).toBe('Approve');
    expect(decision && decision.justification).toBe('Still on the budget team');
  });
});
