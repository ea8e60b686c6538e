/**
 * The workbench's section backgrounds and dark theme (localTenant/workbench/themes.ts, client/themeVariants.ts) and
 * AppRoot's readable theme (src/components/readableTheme.ts).
 */
import { SECTION_BACKGROUNDS, SITE_THEMES, sectionBackground, sectionText, themeChoice, themeChrome } from '../../localTenant/workbench/themes';
import { sectionTheme, siteTheme, workbenchThemes } from '../../localTenant/workbench/client/themeVariants';
import { contrastRatio, readableTheme } from '../../src/components/readableTheme';

describe('workbench themes', () => {
  it('reads ?section= and ?theme=, and falls back to no background and light', () => {
    expect(themeChoice(new URLSearchParams('section=Strong&theme=dark'))).toEqual({ section: 'strong', theme: 'dark' });
    expect(themeChoice(new URLSearchParams('section=purple&theme=sepia'))).toEqual({ section: 'none', theme: 'light' });
    expect(themeChoice(new URLSearchParams(''))).toEqual({ section: 'none', theme: 'light' });
  });

  it('paints each section with its variant theme\'s background and text, readable at 4.5:1', () => {
    for (const theme of SITE_THEMES) {
      for (const section of SECTION_BACKGROUNDS) {
        const choice = { section, theme };
        const t = sectionTheme(choice);
        expect(`${section}/${theme}: ${t.semanticColors.bodyBackground.toLowerCase()}`).toBe(`${section}/${theme}: ${sectionBackground(choice)}`);
        expect(t.semanticColors.bodyText.toLowerCase()).toBe(sectionText(choice));
        expect(contrastRatio(t.semanticColors.bodyText, t.semanticColors.bodyBackground)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('builds SharePoint\'s variants: neutral and soft keep the text, strong inverts the theme', () => {
    expect(sectionTheme({ section: 'neutral', theme: 'light' }).semanticColors.bodyBackground).toBe('#f3f2f1');
    expect(sectionTheme({ section: 'soft', theme: 'light' }).semanticColors.bodyBackground).toBe('#eff6fc');
    const strong = sectionTheme({ section: 'strong', theme: 'light' });
    expect(strong.semanticColors.bodyBackground).toBe('#0078d4');
    expect(strong.semanticColors.bodyText).toBe('#ffffff');
    expect(strong.semanticColors.primaryButtonBackground).toBe('#ffffff');
    expect(strong.isInverted).toBe(true);
    expect(siteTheme({ section: 'none', theme: 'dark' }).isInverted).toBe(true);
    // The default page passes no theme, as before the switch existed.
    expect(workbenchThemes({ section: 'none', theme: 'light' })).toEqual({});
    expect(workbenchThemes({ section: 'soft', theme: 'light' }).banner).toBeDefined();
  });

  it('renders the switch with the current choice and keeps the page\'s other parameters, escaped', () => {
    const chrome = themeChrome(new URLSearchParams('as=adelev@contoso.com&section=soft&x="><b>'), '/sites/marketing/SitePages/Home.aspx');
    expect(chrome.bodyClass).toBe('wb-section-soft wb-theme-light');
    expect(chrome.controls).toContain('<option value="soft" selected>');
    expect(chrome.controls).toContain('<input type="hidden" name="as" value="adelev@contoso.com">');
    expect(chrome.controls).not.toContain('name="section" value');
    expect(chrome.controls).not.toContain('"><b>');
    expect(chrome.css).toContain(`background: ${sectionBackground({ section: 'soft', theme: 'light' })}`);
  });
});

describe('readableTheme', () => {
  it('replaces text slots unreadable on the section background with the section\'s text colour', () => {
    const strong = sectionTheme({ section: 'strong', theme: 'light' });
    // As SharePoint leaves it: the error text dark red on the primary colour.
    const host = { ...strong, semanticColors: { ...strong.semanticColors, errorText: '#a4262c' } };
    expect(contrastRatio('#a4262c', '#0078d4')).toBeLessThan(4.5);
    const fixed = readableTheme(host);
    expect(fixed.semanticColors.errorText).toBe('#ffffff');
    // The white field's Dropdown text would be white too: it gets the field's text colour.
    expect(fixed.components && (fixed.components as Record<string, unknown>).Dropdown).toBeDefined();
  });

  it('leaves a readable theme, and no theme, as they are', () => {
    const light = siteTheme({ section: 'none', theme: 'light' });
    expect(readableTheme(light)).toBe(light);
    expect(readableTheme(undefined)).toBeUndefined();
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('white', '#000000')).toBeUndefined();
  });
});
