/**
 * The local workbench in a real browser: intranet pages rendered from the fixture, the person switcher,
 * access denied as SharePoint does it, languages, and the client mounting the real web part roots.
 */
import { newContext, openAs, pageUrl, screenshot, setupBrowserAndWorkbench, waitUntil } from './harness';

const MARKETING = '/sites/marketing/SitePages/Home.aspx';
const FINANCE = '/sites/finance/SitePages/Home.aspx';
const JORDAN = 'jordan.miller_fabrikam.com#EXT#@contoso.onmicrosoft.com';

const env = setupBrowserAndWorkbench();

describe('site page', () => {
  it('shows the signed-in person, the web part slots in page order and mounts them', async () => {
    const { page, response, errors, context } = await openAs(env.browser, env.wb, MARKETING, 'adelev@contoso.com');
    try {
      expect(response && response.status()).toBe(200);
      await expect(page.title()).resolves.toBe('Home - Marketing');
      expect(await page.locator('[data-testid="wb-me"]').textContent()).toBe('Adele Vance');
      expect(await page.locator('.wb-sitetitle').textContent()).toBe('Marketing');
      expect(await page.locator('#wb-person').inputValue()).toBe('adelev@contoso.com');

      const slots = page.locator('section.wb-webpart');
      expect(await slots.evaluateAll(els => els.map(e => e.getAttribute('data-alias')))).toEqual(['AccessCatalog', 'MyAccess']);
      expect(await slots.evaluateAll(els => els.map(e => e.getAttribute('aria-label')))).toEqual(['Access catalog', 'My access']);
      expect(await page.locator('#accesshub-top-placeholder').count()).toBe(1);

      // Every slot got a React root: the customizer's (invisible until its issue lands) and MyAccess's.
      await page.locator('#accesshub-top-placeholder [data-accesshub="access-prompt"]').waitFor({ state: 'attached' });
      await page.locator('section[data-alias="MyAccess"] [data-component="MyAccess"]').getByText('Marketing Site Visitors').waitFor();
      // The catalog is the real root (it shows the title from the page's properties), talking to the local tenant
      // as Adele with a /_dev/token token.
      await page.locator('section[data-alias="AccessCatalog"]').getByText('Access to this site').first().waitFor();
      const adele = env.wb.tenant.findUser('adelev@contoso.com')!;
      await waitUntil(() => env.wb.tenant.log.some(l => /filterByCurrentUser\(on='allowedRequestor'\)/.test(l.path) && l.status === 200 &&
        (l.user === adele.id || l.user === adele.userPrincipalName)));
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
    } finally {
      await context.close();
    }
  });

  it('switches person with the switcher, keeping the other query parameters', async () => {
    const { page, context } = await openAs(env.browser, env.wb, MARKETING, 'adelev@contoso.com', { query: { accessPackageId: 'abc' } });
    try {
      await Promise.all([
        page.waitForURL(url => url.searchParams.get('as') === 'meganb@contoso.com'),
        page.getByLabel('Signed in as').selectOption({ label: 'Megan Bowen' })
      ]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(MARKETING);
      expect(url.searchParams.get('accessPackageId')).toBe('abc');
      expect(await page.locator('[data-testid="wb-me"]').textContent()).toBe('Megan Bowen');
      await page.waitForSelector('html[data-wb-ready="true"]', { state: 'attached' });
      expect(await page.evaluate(() => window.__ACCESS_HUB_WORKBENCH__ && window.__ACCESS_HUB_WORKBENCH__.config.user.userPrincipalName))
        .toBe('meganb@contoso.com');
      await screenshot(page, 'marketing-megan');
    } finally {
      await context.close();
    }
  });

  it('defaults to Adele and sets <html lang> from ?lang, else the person\'s preferred language', async () => {
    const context = await newContext(env.browser, env.wb.url);
    try {
      const page = await context.newPage();
      await page.goto(pageUrl(env.wb.url, MARKETING), { waitUntil: 'domcontentloaded' });
      expect(await page.locator('[data-testid="wb-me"]').textContent()).toBe('Adele Vance');
      expect(await page.getAttribute('html', 'lang')).toBe('en-us');

      await page.goto(pageUrl(env.wb.url, MARKETING, 'adelev@contoso.com', { lang: 'de-de' }), { waitUntil: 'domcontentloaded' });
      expect(await page.getAttribute('html', 'lang')).toBe('de-de');
      await page.waitForSelector('html[data-wb-ready="true"]', { state: 'attached' });
      expect(await page.evaluate(() => window.__ACCESS_HUB_LOCALE__)).toBe('de-de');
      expect(await page.locator('section[data-alias="AccessCatalog"]').getAttribute('aria-label')).toBe('Zugriffskatalog');

      // Johanna prefers German, Lee French.
      await page.goto(pageUrl(env.wb.url, '/sites/intranet/SitePages/Home.aspx', 'johannal@contoso.com'), { waitUntil: 'domcontentloaded' });
      expect(await page.getAttribute('html', 'lang')).toBe('de-de');
      await page.goto(pageUrl(env.wb.url, '/sites/intranet/SitePages/Home.aspx', 'leeg@contoso.com'), { waitUntil: 'domcontentloaded' });
      expect(await page.getAttribute('html', 'lang')).toBe('fr-fr');
    } finally {
      await context.close();
    }
  });
});

describe('access denied', () => {
  it('shows a 403 page without web parts or customizer to a person without access, with the switcher', async () => {
    expect(env.wb.tenant.sitePermissionLevel('finance', env.wb.tenant.findUser(JORDAN)!.id)).toBe('none');
    const { page, response, context } = await openAs(env.browser, env.wb, FINANCE, JORDAN);
    try {
      expect(response && response.status()).toBe(403);
      await page.getByRole('heading', { name: 'You need access to this site' }).waitFor();
      expect(await page.locator('section.wb-webpart').count()).toBe(0);
      expect(await page.locator('#accesshub-top-placeholder').count()).toBe(0);
      expect(await page.locator('#wb-config').count()).toBe(0);
      expect(await page.locator('[data-testid="wb-me"]').textContent()).toBe('Jordan Miller');
      await screenshot(page, 'finance-denied-jordan');

      // Diego owns Finance: switching to him shows the page.
      await Promise.all([
        page.waitForURL(url => url.searchParams.get('as') === 'diegos@contoso.com'),
        page.getByLabel('Signed in as').selectOption('diegos@contoso.com')
      ]);
      expect(await page.locator('section.wb-webpart').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('other pages', () => {
  it('/ lists the sites, their pages and the people', async () => {
    const context = await newContext(env.browser, env.wb.url);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${env.wb.url}/`);
      expect(response && response.status()).toBe(200);
      for (const title of ['Contoso Intranet', 'Marketing', 'Project Falcon', 'Engineering', 'Finance', 'Legal']) {
        await page.getByRole('heading', { name: title, exact: true }).waitFor();
      }
      expect(await page.locator(`a[href="${MARKETING}"]`).count()).toBe(1);
      expect(await page.locator('a[href="/sites/intranet/SitePages/Approvals.aspx"]').count()).toBe(1);
      const people = await page.locator('table.wb-people tbody tr').count();
      expect(people).toBe(env.wb.tenant.users.length);
      expect(await page.locator(`a[href*="as=${encodeURIComponent('meganb@contoso.com')}"]`).count()).toBeGreaterThan(0);
      await screenshot(page, 'index');
    } finally {
      await context.close();
    }
  });

  it('answers 400 for an unknown person and 404 for an unknown site or page', async () => {
    const context = await newContext(env.browser, env.wb.url);
    try {
      const page = await context.newPage();
      let response = await page.goto(pageUrl(env.wb.url, MARKETING, 'nobody@contoso.com'));
      expect(response && response.status()).toBe(400);
      await page.locator('[data-testid="wb-unknown-person"]').getByRole('link', { name: 'Adele Vance' }).waitFor();
      response = await page.goto(`${env.wb.url}/sites/nowhere/SitePages/Home.aspx`);
      expect(response && response.status()).toBe(404);
      response = await page.goto(`${env.wb.url}/sites/marketing/SitePages/Nope.aspx`);
      expect(response && response.status()).toBe(404);
      response = await page.goto(`${env.wb.url}/sites/Marketing`);
      expect(new URL(page.url()).pathname).toBe(MARKETING);
    } finally {
      await context.close();
    }
  });
});
