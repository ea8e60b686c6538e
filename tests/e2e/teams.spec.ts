/**
 * The web parts hosted as Teams hosts them, in the workbench's Teams pages (localTenant/workbench/teams.ts, with the
 * Teams JS SDK stand-in of client/teamsStandIn.ts): the personal app's tabs and a team's tab, in Teams' three
 * themes, with the theme switched live, deep links by sub-page both ways, and the catalog's scope in each.
 */
import { Page } from '@playwright/test';
import { axeViolations, expect, openAs, screenshot, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';

const env = withWorkbench();

test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

/* eslint-disable @typescript-eslint/no-explicit-any */ // the emulator's store is read directly to check what Graph holds
function db(): any {
  return (env.wb.tenant as any).db;
}

const personal = (tab: string, theme: string = 'default'): string => `/_teams/personal/${tab}?teamsTheme=${theme}`;

/** The web part's themed root (TeamsThemeRoot): its background and text colours as the browser computes them. */
async function colours(page: Page): Promise<{ theme: string | null; background: string; color: string }> {
  const root = page.locator('[data-teams-theme][data-host]');
  return {
    theme: await root.getAttribute('data-teams-theme'),
    ...await root.evaluate(el => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }))
  };
}

const DARK = { theme: 'dark', background: 'rgb(31, 31, 31)', color: 'rgb(255, 255, 255)' };
const LIGHT = { theme: 'default', background: 'rgb(255, 255, 255)', color: 'rgb(36, 36, 36)' };
const CONTRAST = { theme: 'contrast', background: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 255)' };

/** The catalog's package names, once it has finished looking. */
async function catalogNames(page: Page): Promise<string[]> {
  const part = page.locator('[data-component="AccessCatalog"]');
  await expect(part.getByRole('status').filter({ hasText: /access packages?$/ })).toBeVisible({ timeout: 20000 });
  await expect(part.getByText('Still looking')).toHaveCount(0, { timeout: 20000 });
  return part.locator('h3').allTextContents();
}

test.describe('the Teams personal app', () => {
  test('Alex, in dark theme, sees his access ending soon in My access and extends it; the theme switch repaints live', async ({ page }) => {
    const { errors } = await openAs(page, personal('my-access', 'dark'), U.alex);
    await expect(page.getByTestId('tm-header').getByRole('link', { name: 'My access' })).toHaveAttribute('aria-current', 'page');
    expect(await colours(page)).toEqual(DARK);
    const row = page.locator('[data-kind="active"][data-package="Engineering Onboarding"]');
    await expect(row).toBeVisible();
    await expect(row.locator('[data-testid="ends"] [data-exact]')).toHaveText('Ends in 10 days');
    await expect(row.locator('[data-ending-soon]')).toHaveCount(1);
    await screenshot(page, 'teams-personal-myaccess-dark');

    await row.getByRole('button', { name: 'Extend' }).click();
    await expect(row.getByText(/No approval needed\. Your access will end on/)).toBeVisible();
    await row.getByRole('button', { name: 'Extend now' }).click();
    await expect(row.getByText(/Extended\. Your access now ends on/)).toBeVisible({ timeout: 20000 });
    const updates = db().assignmentRequests.filter((r: any) => r.targetId === ID.alex && r.accessPackageId === ID.engineering && r.requestType === 'userUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0].state).toBe('delivered');
    await screenshot(page, 'teams-personal-myaccess-dark-extended');

    // Teams' theme changes while the tab is open: the stand-in calls the SDK's theme handler, no reload.
    await page.evaluate(() => { (window as any).__sameDocument = true; });
    await page.getByLabel('Teams theme').selectOption('default');
    await expect.poll(() => colours(page)).toEqual(LIGHT);
    await expect(page.locator('.tm-frame')).toHaveAttribute('data-teams-theme', 'default');
    await page.getByLabel('Teams theme').selectOption('contrast');
    await expect.poll(() => colours(page)).toEqual(CONTRAST);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    // The extension's outcome is still on screen: the web part was re-themed, not re-mounted.
    await expect(row.getByText(/Extended\. Your access now ends on/)).toBeVisible();
    await screenshot(page, 'teams-personal-myaccess-contrast');
    expect(page.url()).toContain('teamsTheme=contrast');
    expect(errors).toEqual([]);
  });

  test('a Teams deep link with a sub-page opens the package\'s request panel in Request access, and Copy link makes one', async ({ page }) => {
    const { errors } = await openAs(page, `${personal('request-access', 'dark')}&subPageId=${ID.contributors}`, U.adele);
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('heading', { name: 'Marketing Campaign Contributors', level: 2 })).toBeVisible({ timeout: 20000 });
    await expect(panel.getByLabel(/Business justification/)).toBeVisible({ timeout: 20000 });
    await screenshot(page, 'teams-personal-deeplink-dark');
    // In Teams, the panel's link to the package is a Teams deep link to the Request access tab, not the page's address.
    const link = await panel.locator('[data-package-link]').getAttribute('data-package-link');
    expect(link).toBe(`https://teams.microsoft.com/l/entity/decc0c80-eed8-4ee5-96ee-0b1f7b3b65ce/request-access?context=${encodeURIComponent(JSON.stringify({ subEntityId: ID.contributors }))}`);
    // My Access opens outside the tab (a new browser window, as Teams does with target="_blank"), never in its frame.
    const myAccess = panel.getByRole('link', { name: 'Open in My Access' });
    await expect(myAccess).toHaveAttribute('target', '_blank');
    const popup = page.waitForEvent('popup');
    await myAccess.click();
    await (await popup).close();
    expect(new URL(page.url()).pathname).toBe('/_teams/personal/request-access');

    // Following the deep link (Teams opens the tab with the sub-page) from My access lands on the same panel.
    await openAs(page, personal('my-access', 'dark'), U.adele);
    await page.evaluate(l => (window as any).__ACCESS_HUB_TEAMS__.host.openLink(l), link);
    await page.waitForURL(/\/_teams\/personal\/request-access\?.*subPageId=099fb9dd/);
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'Marketing Campaign Contributors', level: 2 })).toBeVisible({ timeout: 20000 });
    // Without a sub-page there is nothing to open.
    await openAs(page, personal('request-access', 'dark'), U.adele);
    await catalogNames(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the personal app\'s catalog is the tenant\'s; a team\'s tab shows the packages for the team\'s site', async ({ page }) => {
    await openAs(page, personal('request-access'), U.patti);
    const everywhere = await catalogNames(page);
    await screenshot(page, 'teams-personal-catalog');
    await openAs(page, '/_teams/tab/falcon?teamsTheme=dark', U.patti);
    await expect(page.getByTestId('tm-header')).toContainText('General');
    await expect(page.getByTestId('tm-header')).toContainText('Project Falcon');
    const teamSite = await catalogNames(page);
    await screenshot(page, 'teams-tab-falcon-dark');
    expect(teamSite).toEqual(['Project Falcon Team']);
    expect(everywhere).toEqual(expect.arrayContaining(['Project Falcon Team']));
    expect(everywhere.length).toBeGreaterThan(teamSite.length);
    // The same catalog on the team's SharePoint site, for comparison.
    await openAs(page, '/sites/falcon/SitePages/Home.aspx', U.patti);
    expect(await catalogNames(page)).toEqual(teamSite);
  });

  test('a site whose group has no team has no team tab', async ({ page }) => {
    const response = await page.goto('/_teams/tab/marketing?as=adelev@contoso.com');
    expect(response && response.status()).toBe(404);
    await expect(page.getByTestId('wb-not-found')).toContainText('belongs to no team');
  });
});

test.describe('accessibility in each Teams theme', () => {
  for (const theme of ['default', 'dark', 'contrast']) {
    test(`the personal app's tabs and the request panel have no axe violations in the ${theme} theme`, async ({ page }) => {
      await openAs(page, personal('my-access', theme), U.alex);
      await expect(page.locator('[data-kind="active"][data-package="Engineering Onboarding"]')).toBeVisible({ timeout: 20000 });
      expect(await axeViolations(page)).toEqual([]);
      await openAs(page, `${personal('request-access', theme)}&subPageId=${ID.contributors}`, U.alex);
      await expect(page.getByRole('dialog').getByLabel(/Business justification/)).toBeVisible({ timeout: 20000 });
      await screenshot(page, `teams-request-panel-${theme}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await catalogNames(page);
      expect(await axeViolations(page)).toEqual([]);
      await openAs(page, `/_teams/tab/falcon?teamsTheme=${theme}`, U.patti);
      await catalogNames(page);
      await screenshot(page, `teams-tab-falcon-${theme}`);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
