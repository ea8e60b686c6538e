/**
 * axe-core (Deque's rules, WCAG 2.x A/AA) on the pages a person uses and in the states worth seeing: the catalog
 * and its request panel with its questions and validation errors, MyAccess's forms, the approvals dashboard (also
 * empty), empty states, the AccessPrompt banner in each of its kinds, errors and the busy note when Graph fails or
 * throttles, German, and the workbench's own pages (index, access denied, unknown person, not found). Any violation,
 * of any impact, fails the test with its rule id. The section backgrounds and the dark theme: themes.spec.ts.
 */
import { Page } from '@playwright/test';
import { axeViolations as violations, expect, graphAs, openAs, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const env = withWorkbench();
test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
  await fetch(`${env.wb.url}/_dev/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
});

async function bannerOf(page: Page, kind: string): Promise<void> {
  await expect(page.locator(`[data-prompt="${kind}"] [data-accesshub="access-prompt"]`)).toBeVisible();
}

/** No web part still loading (its shimmer is aria-busy). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.wb-webpart [aria-busy="true"]')).toHaveCount(0);
}

test('the Marketing catalog and its request panel have no violations', async ({ page }) => {
  await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
  const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
  await expect(card).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await card.getByRole('button', { name: 'Request access' }).click();
  await expect(page.getByRole('dialog').getByText('Which campaign will you work on?')).toBeVisible();
  // Submitting empty shows the errors next to the fields: those must be accessible too.
  await page.getByRole('dialog').getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('dialog').getByText('Enter a business justification.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the intranet home in German has no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com');
  await expect(page.locator('article').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('MyAccess with its extend form and its pending request has no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', 'alexw@contoso.com');
  const part = page.locator('section[data-alias="MyAccess"]');
  await part.getByRole('button', { name: 'Extend' }).click();
  await expect(part.getByRole('button', { name: 'Extend now' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await part.getByRole('tab', { name: /Pending/ }).click();
  await part.getByRole('button', { name: 'Cancel request' }).click();
  await expect(part.getByRole('button', { name: 'Yes, cancel it' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the access-denied page has no violations', async ({ page }) => {
  await openAs(page, '/sites/finance/SitePages/Home.aspx', 'adelev@contoso.com', { waitForReady: false });
  expect(await violations(page)).toEqual([]);
});

test('the request button\'s panel, the catalog in cards and the MyAccess history have no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', U.adele);
  await page.locator('section[data-alias="AccessRequestButton"]').getByRole('button', { name: 'Join Project Falcon' }).click();
  const panel = page.getByRole('dialog');
  await expect(panel.getByText('Your manager, then the project lead, approve.').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Close' }).first().click();
  await expect(panel).toHaveCount(0);
  await page.locator('section[data-alias="AccessCatalog"]').getByRole('button', { name: 'Cards' }).click();
  await page.locator('section[data-alias="MyAccess"]').getByRole('tab', { name: /History/ }).click();
  await expect(page.locator('section[data-alias="MyAccess"] [data-kind="request"]').first()).toBeVisible();
  await settled(page);
  expect(await violations(page)).toEqual([]);
});

test('empty states: a site without packages, no pending requests, nothing to approve', async ({ page }) => {
  await openAs(page, '/sites/legal/SitePages/Home.aspx', U.adele);
  await expect(page.getByText('No access packages give access to this site.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', U.megan);
  const part = page.locator('section[data-alias="MyAccess"]');
  await part.getByRole('tab', { name: /Pending/ }).click();
  await expect(part.getByText('You have no pending requests.')).toBeVisible();
  await settled(page);
  expect(await violations(page)).toEqual([]);
  await openAs(page, '/sites/intranet/SitePages/Approvals.aspx', U.adele);
  await expect(page.getByText('No request is waiting for your decision.')).toBeVisible();
  await expect(page.getByText('No access review is waiting for you.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the approvals dashboard after decisions and with a missing bulk justification has no violations', async ({ page }) => {
  for (const user of [U.adele, U.alex]) {
    const res = await graphAs(env.wb, user, 'POST', 'identityGovernance/entitlementManagement/assignmentRequests', {
      requestType: 'userAdd', justification: 'Month-end numbers', assignment: { accessPackageId: ID.finance, assignmentPolicyId: ID.financePolicy }
    });
    expect(res.status).toBe(201);
  }
  await env.wb.tenant.settle();
  await openAs(page, '/sites/intranet/SitePages/Approvals.aspx', U.diego);
  await expect(page.locator('li.accesshub-approval')).toHaveCount(3);
  await page.getByText('Select all 3 requests shown').click();
  await page.getByRole('button', { name: 'Deny selected' }).click();
  await expect(page.getByText('This stage requires a justification from you.', { exact: false }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const first = page.locator('li.accesshub-approval').first();
  await first.getByRole('textbox').fill('Not this quarter');
  await first.getByRole('button', { name: 'Deny' }).click();
  await expect(page.locator('.accesshub-decided').first()).toBeVisible();
  await page.getByRole('button', { name: 'Accept all recommendations' }).click();
  await expect(page.getByText('The recommendations were recorded.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the banner in each of its kinds, and its request panel, have no violations', async ({ page }) => {
  // offer: Adele on Marketing.
  await openAs(page, '/sites/marketing/SitePages/Home.aspx', U.adele);
  await bannerOf(page, 'offer');
  await settled(page);
  expect(await violations(page)).toEqual([]);
  await page.locator('[data-accesshub="access-prompt"]').getByRole('button', { name: 'Request', exact: true }).click();
  await expect(page.getByRole('dialog').getByText('Which campaign will you work on?')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // expiring: Alex on Engineering, with the note after extending.
  await openAs(page, '/sites/engineering/SitePages/Home.aspx', U.alex);
  await bannerOf(page, 'expiring');
  await settled(page);
  expect(await violations(page)).toEqual([]);
  await page.locator('[data-accesshub="access-prompt"]').getByRole('button', { name: 'Extend' }).click();
  await expect(page.locator('[data-accesshub="access-prompt"]')).toContainText(/Extended|approval/, { timeout: 20000 });
  expect(await violations(page)).toEqual([]);
  // pending: Adele's request for Contributors waits for Megan.
  const res = await graphAs(env.wb, U.adele, 'POST', 'identityGovernance/entitlementManagement/assignmentRequests', {
    requestType: 'userAdd', justification: 'Spring campaign',
    assignment: { accessPackageId: ID.contributors, assignmentPolicyId: ID.contributorsPolicy },
    answers: [
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'Spring', displayValue: 'Spring',
        answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: ID.campaignQ } },
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'emea', displayValue: 'Europe, Middle East and Africa',
        answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: ID.regionQ } }
    ]
  });
  expect(res.status).toBe(201);
  await env.wb.tenant.settle();
  await openAs(page, '/sites/marketing/SitePages/Home.aspx', U.adele);
  await bannerOf(page, 'pending');
  await settled(page);
  expect(await violations(page)).toEqual([]);
});

test('errors and the busy note: Graph failing, then throttling', async ({ page, newContext }) => {
  // A hard failure of the catalog's and MyAccess's reads (not retried): the error bar with its correlation id.
  await page.route(/\/v1\.0\/(\$batch|identityGovernance\/entitlementManagement\/(accessPackages|assignments|assignmentRequests))/, route => route.fulfill({
    status: 500,
    contentType: 'application/json',
    headers: { 'request-id': '3f1c9a52-8d1e-4f0a-9a43-0c2a6d7e1b55' },
    body: JSON.stringify({ error: { code: 'UnknownError', message: 'An error has occurred.', innerError: { date: new Date().toISOString(), 'request-id': '3f1c9a52-8d1e-4f0a-9a43-0c2a6d7e1b55', 'client-request-id': '3f1c9a52-8d1e-4f0a-9a43-0c2a6d7e1b55' } } })
  }));
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', U.alex);
  await expect(page.getByRole('button', { name: 'Try again' }).first()).toBeVisible();
  await settled(page);
  expect(await violations(page)).toEqual([]);
  await page.unroute(/.*/);
  // Graph throttles every entitlement read: after two seconds each web part says it is still trying.
  await fetch(`${env.wb.url}/_dev/faults`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ throttleRate: 1, retryAfterS: 30, path: 'entitlementManagement|\\$batch' })
  });
  // A new session: nothing the first page kept in the browser's storage stands in for the reads.
  const fresh = await (await newContext()).newPage();
  await openAs(fresh, '/sites/intranet/SitePages/Home.aspx', U.alex);
  await expect(fresh.getByTestId('service-busy').first()).toBeVisible({ timeout: 20000 });
  expect(await violations(fresh)).toEqual([]);
});

test('the approvals dashboard in German has no violations', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Approvals.aspx', U.diego, { lang: 'de-de' });
  await expect(page.locator('li.accesshub-review').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the workbench\'s own pages have no violations', async ({ page }) => {
  for (const path of ['/', '/sites/marketing/SitePages/Nope.aspx', `/sites/marketing/SitePages/Home.aspx?as=nobody@contoso.com`]) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
});
