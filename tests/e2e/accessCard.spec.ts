/**
 * The AccessCard (a Viva Connections Adaptive Card Extension) on the workbench's dashboard, rendered by the card host
 * with Microsoft's Adaptive Cards renderer: Diego sees the request waiting for him, opens the quick view and approves
 * Grady's request with a justification (delivered in the tenant); Adele sees her pending request; both sizes render;
 * the quick views open; axe finds nothing on the dashboard nor in the open quick view.
 */
import { axeViolations, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';
import { servicesFor, tokenFor } from '../service/localTenantClient';

const DASHBOARD = '/_dashboard';

const env = withWorkbench();
test.beforeEach(async () => { await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' }); });

const decisions = (): number => env.wb.tenant.log.filter(l => l.method === 'PATCH' || /\$batch/.test(l.path)).length;

test.describe('AccessCard on the dashboard', () => {
  test("Diego: \"1 request\" on both sizes; the quick view approves Grady's request with a justification and it is delivered", async ({ page }) => {
    const { errors } = await openAs(page, DASHBOARD, U.diego);
    const medium = page.getByTestId('ace-medium');
    const large = page.getByTestId('ace-large');
    await expect(medium).toHaveAttribute('data-kind', 'approvals');
    await expect(medium.getByText('1 request', { exact: true })).toBeVisible();
    await expect(medium.getByText(/^Next automatic denial: /)).toBeVisible();
    await expect(medium.getByRole('button', { name: 'Review' })).toBeVisible();
    await expect(medium.getByText('Open My Access')).toHaveCount(0);
    await expect(large.getByText('1 request', { exact: true })).toBeVisible();
    await expect(large.getByText(/^1 request waits for your decision\. Next automatic denial: /)).toBeVisible();
    await expect(large.getByRole('link', { name: 'Open My Access' })).toBeVisible();
    await expect(medium.getByRole('img')).toHaveCount(0); // the card bar icon is decorative (altText '')
    await screenshot(page, 'access-card-diego');
    expect(await axeViolations(page)).toEqual([]);

    // The whole card is selectable: it opens the quick view (a side panel, as Viva's).
    await medium.getByRole('button', { name: /^Your access 1 request Next automatic denial/ }).click();
    const qv = page.getByRole('dialog', { name: 'Your access' });
    await expect(qv).toBeVisible();
    await expect(qv.getByText('1 request waits for your decision')).toBeVisible();
    await expect(qv.getByText('Grady Archie requested Finance Reports (read)')).toBeVisible();
    await expect(qv.getByText('Their reason: Need the quarterly numbers to plan the platform budget.')).toBeVisible();
    await expect(qv.getByText(/^Denied automatically on /)).toBeVisible();
    await screenshot(page, 'access-card-diego-quick-view');
    expect(await axeViolations(page)).toEqual([]);

    // The stage requires a justification: nothing is sent without one.
    const before = decisions();
    await qv.getByRole('button', { name: 'Approve' }).click();
    await expect(qv.getByText('This stage requires a justification from you.')).toBeVisible();
    expect(decisions()).toBe(before);

    await qv.getByRole('textbox', { name: 'Your justification (required at this stage)' }).fill('Budget planning for Q1.');
    await qv.getByRole('button', { name: 'Approve' }).click();
    await expect(qv.getByText('Approved: Grady Archie for Finance Reports (read).')).toBeVisible();
    await expect(qv.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await screenshot(page, 'access-card-diego-approved');
    // The card counts what is left.
    await expect(medium).toHaveAttribute('data-kind', 'nothing');
    await expect(medium.getByText('All clear')).toBeVisible();

    await env.wb.tenant.settle();
    await expect.poll(() => env.wb.tenant.db.groups.find(g => g.id === ID.financeReaders)?.memberIds, { message: 'Grady joins Finance Readers' })
      .toContain(ID.grady);
    const a = env.wb.tenant.db.assignments.find(x => x.targetId === ID.grady && x.accessPackageId === ID.finance);
    expect(a && a.state).toBe('delivered');

    // Escape closes the quick view and gives the focus back to the card.
    await page.keyboard.press('Escape');
    await expect(qv).toHaveCount(0);
    await expect(medium.getByRole('button', { name: /^Your access All clear/ })).toBeFocused();
    expect(errors).toEqual([]);
  });

  test("Adele: her pending request, in both sizes; its quick view lists it; a justification's markdown stays text", async ({ page }) => {
    // Adele asks for Marketing Campaign Contributors (as the request panel does, through Graph), with a justification
    // that would be a link if the card rendered it as markdown.
    const { entitlements } = servicesFor(env.wb.localTenant, U.adele);
    const [policy] = await entitlements.getRequirements(ID.contributors);
    const [text, choice] = policy.questions;
    await entitlements.submitRequest({
      accessPackageId: ID.contributors, policyId: policy.policyId, justification: 'Spring [campaign](https://evil.example)',
      answers: { [text.id]: ['Spring launch'], [choice.id]: ['emea'] }
    }, policy, 'en-us');
    await env.wb.tenant.settle();

    // Her other pending request is the fixture's Intranet Editors one, held by its custom extension.
    const { errors } = await openAs(page, DASHBOARD, U.adele);
    const medium = page.getByTestId('ace-medium');
    const large = page.getByTestId('ace-large');
    await expect(medium).toHaveAttribute('data-kind', 'pending');
    await expect(medium.getByText('2 pending', { exact: true })).toBeVisible();
    await expect(medium.getByText(/^Marketing Campaign Contributors: waiting since /)).toBeVisible();
    await expect(large.getByText('2 pending', { exact: true })).toBeVisible();
    await screenshot(page, 'access-card-adele');
    expect(await axeViolations(page)).toEqual([]);

    await large.getByRole('button', { name: 'View' }).click();
    const qv = page.getByRole('dialog', { name: 'Your access' });
    await expect(qv.getByText('2 requests of yours are pending')).toBeVisible();
    await expect(qv.getByText('Marketing Campaign Contributors', { exact: true })).toBeVisible();
    // Rendered through the host's markdown: the justification shows as typed, no link.
    await expect(qv.getByText('Your reason: Spring [campaign](https://evil.example)')).toBeVisible();
    await expect(qv.locator('a')).toHaveCount(0);
    await screenshot(page, 'access-card-adele-quick-view');
    expect(await axeViolations(page)).toEqual([]);
    await qv.getByRole('button', { name: 'Close' }).click();
    await expect(qv).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("the workbench's index links to the dashboard", async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: "Diego's dashboard" }).click();
    await expect(page).toHaveURL(/\/_dashboard\?as=diegos%40contoso\.com$|\/_dashboard\?as=diegos@contoso\.com$/);
    await expect(page.getByTestId('ace-medium')).toHaveAttribute('data-kind', 'approvals');
  });

  test('the next visit shows the kept card at once, then what Graph says now', async ({ page }) => {
    await openAs(page, DASHBOARD, U.diego);
    await expect(page.getByTestId('ace-medium')).toHaveAttribute('data-kind', 'approvals');
    // Grady's request is decided elsewhere.
    const token = await tokenFor(env.wb.localTenant, U.diego);
    const graph = `${env.wb.url}/v1.0/identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/${ID.gradyFinanceRequest}`;
    const approval = await (await fetch(graph, { headers: { Authorization: `Bearer ${token}` } })).json() as { stages: Array<{ id: string }> };
    const denied = await fetch(`${graph}/stages/${approval.stages[0].id}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reviewResult: 'Deny', justification: 'Not this quarter' })
    });
    expect(denied.status).toBe(204);
    // The kept card is shown before the read answers: hold the read back and look.
    let release: () => void = () => undefined;
    const held = new Promise<void>(resolve => { release = resolve; });
    await page.route('**/v1.0/$batch', async route => { await held; await route.continue(); });
    await page.reload({ waitUntil: 'domcontentloaded' });
    const medium = page.getByTestId('ace-medium');
    await expect(medium).toHaveAttribute('data-from-cache', 'true');
    await expect(medium.getByText('1 request', { exact: true })).toBeVisible();
    release();
    await expect(medium).toHaveAttribute('data-kind', 'nothing');
    await expect(medium).toHaveAttribute('data-from-cache', 'false');
  });
});
