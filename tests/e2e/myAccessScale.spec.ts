/**
 * MyAccess for a person with hundreds of assignments (LOCAL_TENANT_SCALE held:300 gives Alex 300 more): every
 * page is read, the list is virtualized (only rows near the screen are in the DOM), ending-soon access comes
 * first, and acting on a row far down the list still works.
 */
import { SHOTS_DIR, expect, expectUnchanged, openAs, test, withWorkbench } from './harness';
import { ID } from '../contoso';

const env = withWorkbench({ scale: 'held:300' });

/* eslint-disable @typescript-eslint/no-explicit-any */ // the emulator's store is read directly to check what Graph holds
test('shows Alex’s 300 + 1 assignments virtualized, ending soon first, and removes one from the end of the list', async ({ page }) => {
  const db: any = (env.wb.tenant as any).db;
  const alexAssignments = db.assignments.filter((a: any) => a.targetId === ID.alex);
  const active = alexAssignments.filter((a: any) => a.state === 'delivered').length;
  const logBefore = env.wb.tenant.log.length;
  const started = Date.now();
  const { errors } = await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'alexw@contoso.com');
  const part = page.locator('section[data-alias="MyAccess"]');
  const activeTab = part.getByRole('tab', { name: /Active/ });
  await expect(activeTab).toBeVisible({ timeout: 60000 });
  const loadMs = Date.now() - started;
  await expect(activeTab).toContainText(String(active));
  await expect(part.getByText(`${active} items`)).toBeVisible();
  const inDom = await part.locator('[data-row]').count();
  expect(inDom).toBeGreaterThan(0);
  expect(inDom).toBeLessThan(100);
  // Ending soon first: the first rows all carry the mark.
  const firstTen = await part.locator('[data-row]').evaluateAll(els => els.slice(0, 10).map(e => !!e.querySelector('[data-ending-soon]')));
  expect(firstTen.every(Boolean)).toBe(true);
  await part.evaluate(el => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS_DIR}/myaccess-300.png` });

  // No request per row: the assignment list is read in whole pages of 100, and nothing on the page asks for one
  // assignment, request or package by id (but the button's own).
  const served = env.wb.tenant.log.slice(logBefore).filter(l => l.path.indexOf(ID.falcon) < 0);
  // Alex's own list (on='target'); MyAccess's "My team" probe (on='targetManager', one first page: he manages nobody)
  // is not his assignments.
  const listReads = served.filter(l => /assignments\/filterByCurrentUser/.test(l.path) && !/targetManager/.test(decodeURIComponent(l.path)));
  expect(served.filter(l => /targetManager/.test(decodeURIComponent(l.path))).map(l => l.status)).toEqual([200]);
  // 301 assignments are 4 pages. The web parts share one read of them (services/loaders/pageReads.ts); the AccessPrompt
  // banner, a bundle of its own, reads them too (its first page inside its $batch, the rest by nextLink). So at most
  // two readers, each reading whole pages: no more than 8 page reads, at most 2 of them first pages.
  expect(listReads.length).toBeGreaterThanOrEqual(4);
  expect(listReads.length).toBeLessThanOrEqual(8);
  expect(listReads.filter(l => !/skiptoken/i.test(l.path)).length).toBeLessThanOrEqual(2);
  expect(served.filter(l => /\/(assignments|assignmentRequests|accessPackages|availableAccessPackages)\/[0-9a-f-]{36}/i.test(l.path))).toEqual([]);

  // The last rows render once scrolled to, and can be acted on: scroll, and let the list's rendering settle.
  const lastRendered = part.locator('[data-kind="active"]').last();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expectUnchanged(() => lastRendered.getAttribute('data-package'), 300, 'the last row rendered');
  const lastName = await lastRendered.getAttribute('data-package');
  expect(lastName).toBeTruthy();
  const last = part.locator(`[data-row][data-package="${lastName}"]`);
  await last.scrollIntoViewIfNeeded();
  await last.getByRole('button', { name: 'Remove my access' }).click();
  await last.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(last.getByText('Your access has been removed.')).toBeVisible({ timeout: 20000 });
  const removed = db.assignments.find((a: any) => a.targetId === ID.alex && db.accessPackages.find((p: any) => p.id === a.accessPackageId)?.displayName === lastName);
  expect(removed.state).toBe('expired');
  expect(errors.filter(e => !/status of 403/.test(e))).toEqual([]);
  process.stdout.write(`[e2e] MyAccess with ${alexAssignments.length} assignments shown in ${loadMs} ms with ${inDom} rows in the DOM\n`);
});
