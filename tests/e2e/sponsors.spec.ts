/**
 * Sponsors as approvers in a real browser (docs/graph-notes.md §3.11): Jordan Miller, the Fabrikam guest, asks for
 * Project Falcon and the panel names his sponsor, Patti Fernandez; where the policy hides approvers from requesters
 * (approverInformationVisibility notVisible) it says so and names nobody. Both on variants of the Contoso fixture in
 * which Jordan's Falcon access has ended, as in request.spec.ts (the Contoso fixture gives him active access).
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant/index';
import { axeViolations, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const FALCON_HOME = '/sites/falcon/SitePages/Home.aspx';
const SPONSOR_LINE = 'Your sponsor, Patti Fernandez, approves.';
const HIDDEN_LINE = 'The approver isn\'t shown for this request.';

function fixture(visibility: 'visible' | 'notVisible'): unknown {
  const fx = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  fx.assignments = fx.assignments.filter((a: any) => a.targetId !== ID.jordan);
  fx.assignmentRequests = fx.assignmentRequests.filter((r: any) => r.targetId !== ID.jordan);
  fx.sites.find((s: any) => s.url.endsWith('/falcon')).roles.find((r: any) => r.permissionLevel === 'Read').members.push(ID.jordan);
  const stage = fx.assignmentPolicies.find((p: any) => p.id === ID.falconFabrikam).requestApprovalSettings.stages[0];
  expect(stage.primaryApprovers).toEqual([{ '@odata.type': '#microsoft.graph.targetUserSponsors' }]);
  stage.approverInformationVisibility = visibility;
  return fx;
}

async function requestFalcon(page: import('@playwright/test').Page): Promise<import('@playwright/test').Locator> {
  await openAs(page, FALCON_HOME, U.jordan);
  await page.locator(`article[data-package-id="${ID.falcon}"]`).getByRole('button', { name: 'Request access' }).click();
  const panel = page.getByRole('dialog');
  await panel.getByLabel('Business justification').fill('Fabrikam integration work package 4.');
  await panel.getByRole('textbox', { name: /contract/i }).fill('FAB-123456');
  await panel.getByRole('button', { name: 'Submit request' }).click();
  await expect(panel.getByText('Your request was sent and is waiting for approval.')).toBeVisible();
  return panel;
}

test.describe('a policy that shows its approvers', () => {
  const env = withWorkbench(() => ({ fixture: fixture('visible') }));

  test('Jordan asks for Project Falcon and the panel names his sponsor, Patti, also when he opens it again', async ({ page }) => {
    const panel = await requestFalcon(page);
    await expect(panel.getByText(SPONSOR_LINE)).toBeVisible();
    await expect(panel.getByText(HIDDEN_LINE)).toHaveCount(0);
    await screenshot(page, 'sponsors-jordan-submitted');
    expect(await axeViolations(page)).toEqual([]);
    // The tenant routed the request to her: she is his sponsor.
    const sent = (env.wb.tenant as any).db.assignmentRequests.filter((r: any) => r.targetId === ID.jordan);
    expect(sent).toHaveLength(1);
    expect(sent[0].approvalStages[0].assignedToUserIds).toEqual([ID.patti]);

    await openAs(page, FALCON_HOME, U.jordan);
    await page.locator(`article[data-package-id="${ID.falcon}"]`).getByRole('button', { name: 'View request' }).click();
    const again = page.getByRole('dialog');
    await expect(again.getByText('You already have a request for this access waiting.')).toBeVisible();
    await expect(again.getByText(SPONSOR_LINE)).toBeVisible();
    await screenshot(page, 'sponsors-jordan-pending');
  });
});

test.describe('a policy that hides its approvers (notVisible)', () => {
  withWorkbench(() => ({ fixture: fixture('notVisible') }));

  test('the panel says the approver is not shown and names nobody', async ({ page }) => {
    const panel = await requestFalcon(page);
    await expect(panel.getByText(HIDDEN_LINE)).toBeVisible();
    await expect(panel.getByText(/Patti Fernandez/)).toHaveCount(0);
    await screenshot(page, 'sponsors-jordan-hidden');
    expect(await axeViolations(page)).toEqual([]);
  });
});
