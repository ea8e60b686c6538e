/**
 * A policy's regexPattern that is catastrophically slow cannot freeze the page: the answer is checked in a Web Worker
 * with a time budget, the person is told the format could not be checked here, and the request goes to Graph, which
 * judges. Jordan (the Fabrikam guest, his Falcon access ended in this variant of the Contoso fixture) answers a
 * contract-number question whose pattern is `^(a+)+$`.
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant/index';
import { axeViolations, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const FALCON_HOME = '/sites/falcon/SitePages/Home.aspx';
const CONTRACT_Q = '728f0e20-9ff5-4485-aaf4-0f4ca15ad59f';
const NOTE = 'The format of this answer couldn\'t be checked here; Microsoft Entra checks it when you send the request.';

function fixture(): unknown {
  const fx = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  fx.assignments = fx.assignments.filter((a: any) => a.targetId !== ID.jordan);
  fx.assignmentRequests = fx.assignmentRequests.filter((r: any) => r.targetId !== ID.jordan);
  fx.sites.find((s: any) => s.url.endsWith('/falcon')).roles.find((r: any) => r.permissionLevel === 'Read').members.push(ID.jordan);
  fx.assignmentPolicies.find((p: any) => p.id === ID.falconFabrikam).questions.find((q: any) => q.id === CONTRACT_Q).regexPattern = '^(a+)+$';
  return fx;
}

const env = withWorkbench(() => ({ fixture: fixture() }));

test('a catastrophic pattern: the page stays usable, says the format could not be checked, and Graph gets the request', async ({ page }) => {
  await openAs(page, FALCON_HOME, U.jordan);
  await page.locator(`article[data-package-id="${ID.falcon}"]`).getByRole('button', { name: 'Request access' }).click();
  const panel = page.getByRole('dialog');
  const contract = panel.getByRole('textbox', { name: /contract/i });
  // 40 letters and a mismatch: JavaScript's backtracking engine would need about 2^40 steps on the page's thread.
  await contract.fill(`${'a'.repeat(40)}!`);
  await contract.blur();
  await expect(panel.getByText(NOTE)).toBeVisible();
  // The page answers: the justification can be typed while the worker was stopped.
  await panel.getByLabel('Business justification').fill('Fabrikam integration work package 4.');
  await expect(panel.getByText(/doesn't have the expected format/)).toHaveCount(0);
  await screenshot(page, 'answer-pattern-unchecked');
  expect(await axeViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Submit request' }).click();
  await expect(panel.getByText('Your request was sent and is waiting for approval.')).toBeVisible();
  const sent = (env.wb.tenant as any).db.assignmentRequests.filter((r: any) => r.targetId === ID.jordan);
  expect(sent).toHaveLength(1);
  expect(sent[0].answers[0].value).toBe(`${'a'.repeat(40)}!`);
});
