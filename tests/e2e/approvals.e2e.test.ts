/**
 * AccessApprovals in the local workbench, in the scenarios an approver meets: Diego approves Grady's Finance
 * request (the form insists on the justification the stage requires), accepts the quarterly review's
 * recommendations, Isaiah and Patti take Alex's Falcon request through its two stages, and two approvers racing
 * for one request end with one decision.
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant';
import { axeViolations as violations, openAs, screenshot, setupBrowserAndWorkbench, waitUntil, startWorkbench, launchBrowser, RunningWorkbench, LaunchedBrowser } from './harness';
import { ID, U } from '../contoso';

const APPROVALS = '/sites/intranet/SitePages/Approvals.aspx';

const env = setupBrowserAndWorkbench();
beforeEach(async () => { await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' }); });

const decisions = (wb: RunningWorkbench): number => wb.tenant.log.filter(l => l.method === 'PATCH' || /\$batch/.test(l.path)).length;

describe('AccessApprovals', () => {
  it("Diego: Grady's request, refused without the justification the stage requires, approved with one and delivered", async () => {
    const { page, errors, context } = await openAs(env.browser, env.wb, APPROVALS, U.diego);
    try {
      const row = page.locator('li.accesshub-approval', { hasText: 'Grady Archie requested Finance Reports (read)' });
      await row.waitFor();
      await row.getByText('Need the quarterly numbers to plan the platform budget.').waitFor();
      await row.getByText('Your justification (required at this stage)').waitFor();
      await row.getByText(/Denied automatically in \d+ days?/).waitFor();
      await screenshot(page, 'approvals-diego');

      const before = decisions(env.wb);
      await row.getByRole('button', { name: 'Approve' }).click();
      await row.getByText('This stage requires a justification from you.', { exact: false }).waitFor();
      expect(decisions(env.wb)).toBe(before); // nothing was sent

      await row.getByRole('textbox').fill('Budget planning for Q1.');
      await row.getByRole('button', { name: 'Approve' }).click();
      await page.locator('.accesshub-decided', { hasText: 'Approved: Grady Archie for Finance Reports (read).' }).waitFor();
      expect(await page.locator('li.accesshub-approval').count()).toBe(0);
      await screenshot(page, 'approvals-diego-decided');

      await env.wb.tenant.settle();
      await waitUntil(() => !!env.wb.tenant.db.groups.find(g => g.id === ID.financeReaders)?.memberIds.includes(ID.grady));
      const a = env.wb.tenant.db.assignments.find(x => x.targetId === ID.grady && x.accessPackageId === ID.finance);
      expect(a && a.state).toBe('delivered');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("Diego: the quarterly review's recommendations, accepted in one action, applied when the instance ends", async () => {
    const { page, errors, context } = await openAs(env.browser, env.wb, APPROVALS, U.diego);
    try {
      const megan = page.locator('li.accesshub-review', { hasText: 'Megan Bowen' });
      const lynne = page.locator('li.accesshub-review', { hasText: 'Lynne Robbins' });
      await megan.getByText('Recommended: approve').waitFor();
      // The reason (the decision's insights) is left out: only $expand=insights would give it, and Graph documents no
      // expand there (docs/graph-notes.md §17). The recommendation itself is a documented property.
      await lynne.getByText('Recommended: deny', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Accept all recommendations' }).click();
      await page.getByText('The recommendations were recorded.').waitFor();
      await megan.getByText('Your decision: approve').waitFor();
      await lynne.getByText('Your decision: deny').waitFor();
      await screenshot(page, 'approvals-diego-review');

      await fetch(`${env.wb.url}/_dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: 'P20D' }) });
      expect(env.wb.tenant.db.assignments.find(x => x.id === ID.lynneFinanceAssignment)?.state).not.toBe('delivered');
      expect(env.wb.tenant.db.assignments.find(x => x.id === ID.meganFinanceAssignment)?.state).toBe('delivered');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("Isaiah's approval moves Alex's Falcon request to stage 2; Patti sees his decision and delivers it", async () => {
    const isaiah = await openAs(env.browser, env.wb, APPROVALS, U.isaiah);
    try {
      const row = isaiah.page.locator('li.accesshub-approval', { hasText: 'Alex Wilber requested Project Falcon Team' });
      await row.getByText('Stage 1 of 2: Manager').waitFor();
      await row.getByRole('textbox').fill('Welcome aboard');
      await row.getByRole('button', { name: 'Approve' }).click();
      await isaiah.page.getByText('Approved: Alex Wilber for Project Falcon Team moved on to stage 2 of 2.').waitFor();
      await screenshot(isaiah.page, 'approvals-isaiah');
      expect(isaiah.errors).toEqual([]);
    } finally {
      await isaiah.context.close();
    }
    const patti = await openAs(env.browser, env.wb, APPROVALS, U.patti);
    try {
      const row = patti.page.locator('li.accesshub-approval', { hasText: 'Alex Wilber requested Project Falcon Team' });
      await row.getByText('Stage 2 of 2: Project Falcon Lead').waitFor();
      await row.getByText('Stage 1 (Manager): approved by Isaiah Langer “Welcome aboard”').waitFor();
      await row.getByRole('textbox').fill('Needed for the Q1 milestone');
      await row.getByRole('button', { name: 'Approve' }).click();
      await patti.page.getByText('Approved: Alex Wilber for Project Falcon Team.').waitFor();
      await screenshot(patti.page, 'approvals-patti');
      await env.wb.tenant.settle();
      await waitUntil(() => !!env.wb.tenant.db.groups.find(g => g.id === ID.falconGroup)?.memberIds.includes(ID.alex));
      expect(patti.errors).toEqual([]);
    } finally {
      await patti.context.close();
    }
  });
});

describe('accessibility and languages', () => {
  it('the dashboard has no axe violations, also with the form refusing a missing justification', async () => {
    const { page, context } = await openAs(env.browser, env.wb, APPROVALS, U.diego);
    try {
      const row = page.locator('li.accesshub-approval').first();
      await row.waitFor();
      await page.locator('li.accesshub-review').first().waitFor();
      expect(await violations(page)).toEqual([]);
      await row.getByRole('button', { name: 'Approve' }).click();
      await row.getByText('This stage requires a justification from you.', { exact: false }).waitFor();
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('speaks German to a German reader', async () => {
    const { page, errors, context } = await openAs(env.browser, env.wb, APPROVALS, U.diego, { lang: 'de-de' });
    try {
      const row = page.locator('li.accesshub-approval', { hasText: 'Grady Archie hat Finance Reports (read) beantragt' });
      await row.waitFor();
      await row.getByText(/Wird in \d+ Tagen? automatisch abgelehnt/).waitFor();
      await page.getByText('1 Anfrage wartet auf Ihre Entscheidung').waitFor();
      await page.getByRole('button', { name: 'Alle Empfehlungen übernehmen' }).waitFor();
      await screenshot(page, 'approvals-diego-de');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('two approvers deciding the same request at once', () => {
  let wb: RunningWorkbench;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    // A variant of the fixture: the Finance stage has two approvers, Diego and Nestor.
    const fixture = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
    const policy = fixture.assignmentPolicies.find((p: { id: string }) => p.id === ID.financePolicy);
    policy.requestApprovalSettings.stages[0].primaryApprovers.push({ '@odata.type': '#microsoft.graph.singleUser', userId: ID.nestor, description: 'Identity Governance' });
    fixture.assignmentRequests.find((r: { id: string }) => r.id === ID.gradyFinanceRequest).approvalStages[0].assignedToUserIds.push(ID.nestor);
    wb = await startWorkbench({ fixture });
    browser = await launchBrowser();
  });
  afterAll(async () => { await Promise.all([browser.close(), wb.stop()]); });

  it('one wins, the other sees that someone decided first, and the tenant holds one decision', async () => {
    const [diego, nestor] = await Promise.all([openAs(browser, wb, APPROVALS, U.diego), openAs(browser, wb, APPROVALS, U.nestor)]);
    try {
      const rows = [diego, nestor].map(o => o.page.locator('li.accesshub-approval', { hasText: 'Grady Archie requested Finance Reports (read)' }));
      await Promise.all(rows.map(r => r.waitFor()));
      await Promise.all(rows.map(r => r.getByRole('textbox').fill('Checked with Finance')));
      await Promise.all(rows.map(r => r.getByRole('button', { name: 'Approve' }).click()));
      const outcomes = await Promise.all([diego, nestor].map(async o => {
        const decided = o.page.locator('.accesshub-decided').first();
        await decided.waitFor();
        return decided.textContent();
      }));
      expect(outcomes.filter(t => /Approved: Grady Archie/.test(t || ''))).toHaveLength(1);
      expect(outcomes.filter(t => /Another approver decided Grady Archie's request for Finance Reports \(read\) first/.test(t || ''))).toHaveLength(1);
      await screenshot(diego.page, 'approvals-race-diego');
      await screenshot(nestor.page, 'approvals-race-nestor');
      const request = wb.tenant.db.assignmentRequests.find(r => r.id === ID.gradyFinanceRequest);
      expect(request?.approvalStages[0].reviewResult).toBe('Approved');
      expect(wb.tenant.log.filter(l => l.method === 'PATCH' && l.status === 204)).toHaveLength(1);
      expect(wb.tenant.log.filter(l => l.method === 'PATCH' && l.status === 409)).toHaveLength(1);
    } finally {
      await Promise.all([diego.context.close(), nestor.context.close()]);
    }
  });
});
