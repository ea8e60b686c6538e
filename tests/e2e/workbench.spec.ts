/**
 * The local workbench in a real browser: intranet pages rendered from the fixture, the person switcher,
 * access denied as SharePoint does it, languages, and the client mounting the real web part roots.
 */
import { expect, openAs, pageUrl, screenshot, test, withWorkbench, waitForReady } from './harness';

const MARKETING = '/sites/marketing/SitePages/Home.aspx';
const FINANCE = '/sites/finance/SitePages/Home.aspx';
const JORDAN = 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com';

const env = withWorkbench();

test.describe('site page', () => {
  test('shows the signed-in person, the web part slots in page order and mounts them', async ({ page }) => {
    const { response, errors } = await openAs(page, MARKETING, 'adelev@contoso.com');
    expect(response && response.status()).toBe(200);
    await expect(page).toHaveTitle('Home - Marketing');
    await expect(page.getByTestId('wb-me')).toHaveText('Adele Vance');
    await expect(page.locator('.wb-sitetitle')).toHaveText('Marketing');
    await expect(page.locator('#wb-person')).toHaveValue('adelev@contoso.com');

    const slots = page.locator('section.wb-webpart');
    await expect(slots).toHaveCount(2);
    await expect(slots.nth(0)).toHaveAttribute('data-alias', 'AccessCatalog');
    await expect(slots.nth(1)).toHaveAttribute('data-alias', 'MyAccess');
    await expect(slots.nth(0)).toHaveAttribute('aria-label', 'Access catalog');
    await expect(slots.nth(1)).toHaveAttribute('aria-label', 'My access');
    await expect(page.locator('#accesshub-top-placeholder')).toHaveCount(1);

    // Every slot got a React root: the customizer's (invisible until its issue lands) and MyAccess's.
    await expect(page.locator('#accesshub-top-placeholder [data-accesshub="access-prompt"]')).toBeAttached();
    await expect(page.locator('section[data-alias="MyAccess"] [data-component="MyAccess"]').getByText('Marketing Site Visitors')).toBeVisible();
    // The catalog is the real root (it shows the title from the page's properties), talking to the local tenant
    // as Adele with a /_dev/token token.
    await expect(page.locator('section[data-alias="AccessCatalog"]').getByText('Access to this site').first()).toBeVisible();
    const adele = env.wb.tenant.findUser('adelev@contoso.com')!;
    // Its packages come from Graph as Adele: on this page from the AccessPrompt banner's reads, which the web parts
    // take (services/infrastructure/bannerReads.ts), so the requestable list rides in the banner's $batch.
    await expect(page.locator('section[data-alias="AccessCatalog"]').getByRole('article', { name: 'Marketing Campaign Contributors' })).toBeVisible();
    await expect.poll(() => env.wb.tenant.log.some(l => /^\/v1\.0\/\$batch/.test(l.path) && l.status === 200 &&
      (l.user === adele.id || l.user === adele.userPrincipalName)), { message: "Graph read as Adele" }).toBe(true);
    expect(env.wb.tenant.log.some(l => l.path.startsWith('/sites/marketing/_api/') && l.status === 200)).toBe(true);

    const config = await page.evaluate(() => window.__ACCESS_HUB_WORKBENCH__ && window.__ACCESS_HUB_WORKBENCH__.config);
    expect(config).toMatchObject({
      siteUrl: `${env.wb.url}/sites/marketing`,
      absoluteSiteUrl: 'https://contoso.sharepoint.com/sites/marketing',
      language: 'en-us',
      user: { userPrincipalName: 'adelev@contoso.com', displayName: 'Adele Vance' }
    });
    await screenshot(page, 'marketing-adele');
    expect(errors).toEqual([]);
  });

  test('switches person with the switcher, keeping the other query parameters', async ({ page }) => {
    await openAs(page, MARKETING, 'adelev@contoso.com', { query: { accessPackageId: 'abc' } });
    await page.getByLabel('Signed in as').selectOption({ label: 'Megan Bowen' });
    await expect(page).toHaveURL(url => url.searchParams.get('as') === 'meganb@contoso.com');
    const url = new URL(page.url());
    expect(url.pathname).toBe(MARKETING);
    expect(url.searchParams.get('accessPackageId')).toBe('abc');
    await expect(page.getByTestId('wb-me')).toHaveText('Megan Bowen');
    await waitForReady(page);
    expect(await page.evaluate(() => window.__ACCESS_HUB_WORKBENCH__ && window.__ACCESS_HUB_WORKBENCH__.config.user.userPrincipalName))
      .toBe('meganb@contoso.com');
    await screenshot(page, 'marketing-megan');
  });

  test('defaults to Adele and sets <html lang> from ?lang, else the person\'s preferred language', async ({ page }) => {
    const html = page.locator('html');
    await page.goto(MARKETING, { waitUntil: 'domcontentloaded' });
    await expect(page.getByTestId('wb-me')).toHaveText('Adele Vance');
    await expect(html).toHaveAttribute('lang', 'en-us');

    await page.goto(pageUrl(MARKETING, 'adelev@contoso.com', { lang: 'de-de' }), { waitUntil: 'domcontentloaded' });
    await expect(html).toHaveAttribute('lang', 'de-de');
    await waitForReady(page);
    expect(await page.evaluate(() => window.__ACCESS_HUB_LOCALE__)).toBe('de-de');
    await expect(page.locator('section[data-alias="AccessCatalog"]')).toHaveAttribute('aria-label', 'Zugriffskatalog');

    // Johanna prefers German, Lee French.
    await page.goto(pageUrl('/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com'), { waitUntil: 'domcontentloaded' });
    await expect(html).toHaveAttribute('lang', 'de-de');
    await page.goto(pageUrl('/sites/intranet/SitePages/Home.aspx', 'leeg@contoso.com'), { waitUntil: 'domcontentloaded' });
    await expect(html).toHaveAttribute('lang', 'fr-fr');
  });
});

test.describe('access denied', () => {
  test('shows a 403 page without web parts or customizer to a person without access, with the switcher', async ({ page }) => {
    expect(env.wb.tenant.sitePermissionLevel('finance', env.wb.tenant.findUser(JORDAN)!.id)).toBe('none');
    const { response } = await openAs(page, FINANCE, JORDAN);
    expect(response && response.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You need access to this site' })).toBeVisible();
    await expect(page.locator('section.wb-webpart')).toHaveCount(0);
    await expect(page.locator('#accesshub-top-placeholder')).toHaveCount(0);
    await expect(page.locator('#wb-config')).toHaveCount(0);
    await expect(page.getByTestId('wb-me')).toHaveText('Jordan Miller');
    await screenshot(page, 'finance-denied-jordan');

    // Diego owns Finance: switching to him shows the page.
    await page.getByLabel('Signed in as').selectOption('diegos@contoso.com');
    await expect(page).toHaveURL(url => url.searchParams.get('as') === 'diegos@contoso.com');
    await expect(page.locator('section.wb-webpart')).toHaveCount(1);
  });
});

test.describe('other pages', () => {
  test('/ lists the sites, their pages and the people', async ({ page }) => {
    const response = await page.goto('/');
    expect(response && response.status()).toBe(200);
    for (const title of ['Contoso Intranet', 'Marketing', 'Project Falcon', 'Engineering', 'Finance', 'Legal']) {
      await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
    }
    await expect(page.locator(`a[href="${MARKETING}"]`)).toHaveCount(1);
    await expect(page.locator('a[href="/sites/intranet/SitePages/Approvals.aspx"]')).toHaveCount(1);
    await expect(page.locator('table.wb-people tbody tr')).toHaveCount(env.wb.tenant.users.length);
    await expect(page.locator(`a[href*="as=${encodeURIComponent('meganb@contoso.com')}"]`)).not.toHaveCount(0);
    await screenshot(page, 'index');
  });

  test('answers 400 for an unknown person and 404 for an unknown site or page', async ({ page }) => {
    let response = await page.goto(pageUrl(MARKETING, 'nobody@contoso.com'));
    expect(response && response.status()).toBe(400);
    await expect(page.getByTestId('wb-unknown-person').getByRole('link', { name: 'Adele Vance' })).toBeVisible();
    response = await page.goto('/sites/nowhere/SitePages/Home.aspx');
    expect(response && response.status()).toBe(404);
    response = await page.goto('/sites/marketing/SitePages/Nope.aspx');
    expect(response && response.status()).toBe(404);
    await page.goto('/sites/Marketing');
    await expect(page).toHaveURL(url => url.pathname === MARKETING);
  });
});
