/**
 * Themes: every workbench page in each SharePoint section background (neutral, soft, strong) and in a dark site
 * theme, with axe-core's colour-contrast and other WCAG A/AA rules (no violation of any impact), plus the switch
 * itself: the section's background is the variant theme's background, the web part's text is the theme's text.
 */
import { Page } from '@playwright/test';
import { axeViolations as violations, expect, openAs, test, withWorkbench } from './harness';
import { ID, U } from '../contoso';
import { sectionBackground, themeChoice } from '../../localTenant/workbench/themes';

const env = withWorkbench();
test.beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

const VARIANTS: Array<Record<string, string>> = [
  { section: 'neutral' }, { section: 'soft' }, { section: 'strong' }, { theme: 'dark' }, { theme: 'dark', section: 'strong' }
];
const label = (q: Record<string, string>): string => Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&');

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function webPartsReady(page: Page): Promise<void> {
  await expect(page.locator('.wb-webpart [aria-busy="true"]')).toHaveCount(0);
}

for (const query of VARIANTS) {
  test.describe(label(query), () => {
    test('the sections have the variant background, and the catalog, button and MyAccess have no violations', async ({ page }) => {
      await openAs(page, '/sites/intranet/SitePages/Home.aspx', U.alex, { query });
      await expect(page.locator('section[data-alias="MyAccess"] [data-kind="active"]').first()).toBeVisible();
      await webPartsReady(page);
      const expected = rgb(sectionBackground(themeChoice(new URLSearchParams(query))));
      for (const section of await page.locator('section.wb-webpart').all()) {
        await expect(section).toHaveCSS('background-color', expected);
      }
      // The switch says what is on.
      for (const [k, v] of Object.entries(query)) await expect(page.locator(`#wb-${k}`)).toHaveValue(v);
      expect(await violations(page)).toEqual([]);
      // MyAccess's extend form and the pending list.
      const part = page.locator('section[data-alias="MyAccess"]');
      await part.locator('[data-package="Engineering Onboarding"]').getByRole('button', { name: 'Extend' }).click();
      await expect(part.getByRole('button', { name: 'Extend now' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the request panel with its validation errors has no violations', async ({ page }) => {
      await openAs(page, '/sites/marketing/SitePages/Home.aspx', U.adele, { query });
      const card = page.locator(`article[data-package-id="${ID.contributors}"]`);
      await card.getByRole('button', { name: 'Request access' }).click();
      const panel = page.getByRole('dialog');
      await expect(panel.getByText('Which campaign will you work on?')).toBeVisible();
      await panel.getByRole('button', { name: 'Submit request' }).click();
      await expect(panel.getByText('Enter a business justification.')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the approvals dashboard, its validation error and the banner have no violations', async ({ page }) => {
      await openAs(page, '/sites/intranet/SitePages/Approvals.aspx', U.diego, { query });
      const row = page.locator('li.accesshub-approval').first();
      await expect(page.locator('li.accesshub-review').first()).toBeVisible();
      await row.getByRole('button', { name: 'Approve' }).click();
      await expect(row.getByText('This stage requires a justification from you.', { exact: false })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      // The banner follows the site theme (not a section's): Alex's expiring access on Engineering.
      await openAs(page, '/sites/engineering/SitePages/Home.aspx', U.alex, { query });
      await expect(page.locator('[data-prompt="expiring"] [data-accesshub="access-prompt"]')).toBeVisible();
      await webPartsReady(page);
      expect(await violations(page)).toEqual([]);
    });
  });
}

test('the switch keeps the person and language, and the default page is unchanged', async ({ page }) => {
  await openAs(page, '/sites/intranet/SitePages/Home.aspx', U.johanna, { lang: 'de-de' });
  await expect(page.locator('section.wb-webpart').first()).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.locator('#wb-section').selectOption('strong');
  await page.locator('#wb-theme').selectOption('dark');
  await page.locator('[data-testid="wb-themebar"] button[type="submit"]').click();
  await expect(page).toHaveURL(/section=strong/);
  const url = new URL(page.url());
  expect(url.searchParams.get('as')).toBe(U.johanna);
  expect(url.searchParams.get('lang')).toBe('de-de');
  expect(url.searchParams.get('theme')).toBe('dark');
  await expect(page.locator('section.wb-webpart').first()).toHaveCSS('background-color', rgb(sectionBackground({ section: 'strong', theme: 'dark' })));
});
