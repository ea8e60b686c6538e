/**
 * Fixture values are data, never markup: a hostile fixture (site titles, page titles, people, web part
 * properties carrying HTML and `</script>`) renders as text and reaches the client unchanged.
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant/index';
import { esc, jsonForScript } from '../../localTenant/workbench/pages';
import { expect, openAs, screenshot, test, withWorkbench } from './harness';

const XSS = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
const SCRIPT_BREAK = `</script><script>window.__pwned=1</script><!--`;

/* eslint-disable @typescript-eslint/no-explicit-any */
function hostileFixture(): any {
  const fixture = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  const marketing = fixture.sites.find((s: any) => /\/sites\/marketing$/.test(s.url));
  marketing.title = `Marketing ${XSS}`;
  marketing.pages[0].title = `Home ${XSS}`;
  marketing.pages[0].webParts[0].properties = { title: `Catalog ${SCRIPT_BREAK}`, scope: 'currentSite', note: '\u2028\u2029&<>' };
  marketing.pages[0].webParts.push({ alias: `Unknown${XSS}`, properties: {} });
  const adele = fixture.users.find((u: any) => u.userPrincipalName === 'adelev@contoso.com');
  adele.displayName = `Adele ${XSS}`;
  return fixture;
}

test.describe('escaping helpers', () => {
  test('escape text, attributes and script JSON', () => {
    expect(esc(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
    const json = jsonForScript({ s: SCRIPT_BREAK, t: '\u2028' });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ s: SCRIPT_BREAK, t: '\u2028' });
  });
});

test.describe('a hostile fixture', () => {
  withWorkbench(() => ({ fixture: hostileFixture() }));

  test('renders every value as text and passes properties through unchanged', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', d => { dialogs++; void d.dismiss(); });
    const { response } = await openAs(page, '/sites/marketing/SitePages/Home.aspx', 'adelev@contoso.com');
    expect(response && response.status()).toBe(200);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.locator('.wb-sitetitle').textContent()).toBe(`Marketing ${XSS}`);
    expect(await page.locator('h1.wb-pagetitle').textContent()).toBe(`Home ${XSS}`);
    expect(await page.getByTestId('wb-me').textContent()).toBe(`Adele ${XSS}`);
    const config = await page.evaluate(() => JSON.parse(document.getElementById('wb-config')!.textContent!));
    expect(config.webParts[0].properties).toEqual({ title: `Catalog ${SCRIPT_BREAK}`, scope: 'currentSite', note: '\u2028\u2029&<>' });
    expect(config.webParts[2].alias).toBe(`Unknown${XSS}`);
    await expect(page.locator(`section[data-index="2"]`).getByText(`Unknown${XSS} will appear here.`)).toBeVisible();
    expect(dialogs).toBe(0);
    await screenshot(page, 'hostile-marketing');

    await page.goto('/');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.getByRole('heading', { name: `Marketing ${XSS}` })).toBeVisible();
    await page.goto(`/sites/marketing/SitePages/Home.aspx?as=${encodeURIComponent(XSS)}&${encodeURIComponent(XSS)}=1`);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.getByTestId('wb-unknown-person')).toBeVisible();
  });
});
