/**
 * The workbench's theme switch: `?section=none|neutral|soft|strong` gives every web part's section that SharePoint
 * section background, `?theme=dark` gives the site a dark theme. SharePoint passes a web part its section's variant
 * theme (ThemeProvider, `onThemeChanged`; https://learn.microsoft.com/en-us/sharepoint/dev/spfx/use-theme-colors-in-your-customizations)
 * and the customizer the site's theme; the workbench client does the same with the themes of `client/themeVariants.ts`.
 *
 * This module is plain data and strings (no Fluent UI), so the server can import it: it renders the section
 * backgrounds, the page's colours for a dark site and the switch in the workbench chrome.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML text and attribute escaping (as pages.ts's `esc`; kept here so this module imports nothing). */
function esc(value: string): string {
  return value.replace(/[&<>"']/g, c => ESCAPES[c]);
}

export type SectionBackground = 'none' | 'neutral' | 'soft' | 'strong';
export type SiteTheme = 'light' | 'dark';

export const SECTION_BACKGROUNDS: readonly SectionBackground[] = ['none', 'neutral', 'soft', 'strong'];
export const SITE_THEMES: readonly SiteTheme[] = ['light', 'dark'];

export interface ThemeChoice {
  section: SectionBackground;
  theme: SiteTheme;
}

/** The palette slots the variants and the page need (Fluent UI's IPalette names). */
export interface WorkbenchPalette {
  themePrimary: string; themeLighterAlt: string; themeLighter: string; themeLight: string; themeTertiary: string;
  themeSecondary: string; themeDarkAlt: string; themeDark: string; themeDarker: string;
  neutralLighterAlt: string; neutralLighter: string; neutralLight: string; neutralQuaternaryAlt: string;
  neutralQuaternary: string; neutralTertiaryAlt: string; neutralTertiary: string; neutralSecondary: string;
  neutralPrimaryAlt: string; neutralPrimary: string; neutralDark: string; black: string; white: string;
}

/** SharePoint's default ("Blue") site theme: Fluent UI's default palette. */
export const LIGHT_PALETTE: WorkbenchPalette = {
  themePrimary: '#0078d4', themeLighterAlt: '#eff6fc', themeLighter: '#deecf9', themeLight: '#c7e0f4', themeTertiary: '#71afe5',
  themeSecondary: '#2b88d8', themeDarkAlt: '#106ebe', themeDark: '#005a9e', themeDarker: '#004578',
  neutralLighterAlt: '#faf9f8', neutralLighter: '#f3f2f1', neutralLight: '#edebe9', neutralQuaternaryAlt: '#e1dfdd',
  neutralQuaternary: '#d0d0d0', neutralTertiaryAlt: '#c8c6c4', neutralTertiary: '#a19f9d', neutralSecondary: '#605e5c',
  neutralPrimaryAlt: '#3b3a39', neutralPrimary: '#323130', neutralDark: '#201f1e', black: '#000000', white: '#ffffff'
};

/**
 * A dark site theme (an inverted Fluent UI palette: `white` is the page background, `black` the strongest text), as
 * a tenant's custom dark theme would be defined (https://learn.microsoft.com/en-us/sharepoint/dev/declarative-customization/site-theming/sharepoint-site-theming-overview).
 */
export const DARK_PALETTE: WorkbenchPalette = {
  themePrimary: '#2899f5', themeLighterAlt: '#02060a', themeLighter: '#061827', themeLight: '#0c2e49', themeTertiary: '#185b93',
  themeSecondary: '#2386d8', themeDarkAlt: '#3ea3f6', themeDark: '#5cb1f7', themeDarker: '#87c6fa',
  neutralLighterAlt: '#282828', neutralLighter: '#313131', neutralLight: '#3f3f3f', neutralQuaternaryAlt: '#484848',
  neutralQuaternary: '#4f4f4f', neutralTertiaryAlt: '#6d6d6d', neutralTertiary: '#c8c8c8', neutralSecondary: '#d0d0d0',
  neutralPrimaryAlt: '#dadada', neutralPrimary: '#ffffff', neutralDark: '#f4f4f4', black: '#f8f8f8', white: '#1f1f1f'
};

export function paletteOf(theme: SiteTheme): WorkbenchPalette {
  return theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
}

/** `?section=` and `?theme=` of a page's query; anything else is the default (no background, light). */
export function themeChoice(query: URLSearchParams): ThemeChoice {
  const section = String(query.get('section') || '').trim().toLowerCase();
  const theme = String(query.get('theme') || '').trim().toLowerCase();
  return {
    section: (SECTION_BACKGROUNDS as readonly string[]).includes(section) ? section as SectionBackground : 'none',
    theme: theme === 'dark' ? 'dark' : 'light'
  };
}

/** The background SharePoint gives a section of this kind (the variant theme's `bodyBackground`). */
export function sectionBackground(choice: ThemeChoice): string {
  const p = paletteOf(choice.theme);
  const inverted = choice.theme === 'dark';
  switch (choice.section) {
    case 'neutral': return p.neutralLighter;
    case 'soft': return inverted ? p.themeLight : p.themeLighterAlt;
    case 'strong': return p.themePrimary;
    default: return p.white;
  }
}

/** The section's text colour (the variant theme's `bodyText`). */
export function sectionText(choice: ThemeChoice): string {
  const p = paletteOf(choice.theme);
  return choice.section === 'strong' ? p.white : p.neutralPrimary;
}

const SECTION_LABELS: Record<SectionBackground, string> = { none: 'None (white)', neutral: 'Neutral', soft: 'Soft', strong: 'Strong' };
const THEME_LABELS: Record<SiteTheme, string> = { light: 'Light', dark: 'Dark' };

/**
 * What a site page adds to the chrome: a body class, CSS for the section backgrounds and the dark site, and the
 * switch (a GET form keeping the page's other query parameters).
 */
export function themeChrome(query: URLSearchParams, path: string): { bodyClass: string; css: string; controls: string } {
  const choice = themeChoice(query);
  const p = paletteOf(choice.theme);
  const rules: string[] = [];
  if (choice.theme === 'dark') {
    // The page around the sections in the site's dark theme (SharePoint paints it from the same palette).
    rules.push(
      `html, body { background: ${p.neutralLighterAlt}; color: ${p.neutralPrimary}; }`,
      `a { color: ${p.themeDark}; }`,
      `.wb-siteheader { background: ${p.white}; border-bottom-color: ${p.neutralLight}; }`,
      `.wb-sitetitle, .wb-sitenav a { color: ${p.neutralPrimary}; }`,
      `.wb-themebar { color: ${p.neutralPrimary}; }`,
      `.wb-themebar select { background: ${p.white}; color: ${p.neutralPrimary}; border-color: ${p.neutralTertiaryAlt}; }`
    );
  }
  rules.push(`.wb-webpart { background: ${sectionBackground(choice)}; color: ${sectionText(choice)}; border-color: ${choice.section === 'none' ? p.neutralLight : sectionBackground(choice)}; }`);
  const keep: string[] = [];
  query.forEach((value, key) => {
    if (key !== 'section' && key !== 'theme') keep.push(`<input type="hidden" name="${esc(key)}" value="${esc(value)}">`);
  });
  const select = (name: string, label: string, values: readonly string[], labels: Record<string, string>, current: string): string =>
    `<label for="wb-${name}">${esc(label)}</label><select id="wb-${name}" name="${name}">${values.map(v =>
      `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(labels[v])}</option>`).join('')}</select>`;
  const controls = `<form class="wb-container wb-themebar" method="get" action="${esc(path)}" aria-label="Workbench theme" lang="en" data-testid="wb-themebar">
${select('section', 'Section background', SECTION_BACKGROUNDS, SECTION_LABELS, choice.section)}
${select('theme', 'Site theme', SITE_THEMES, THEME_LABELS, choice.theme)}
${keep.join('')}
<button type="submit">Apply</button>
</form>`;
  return {
    bodyClass: `wb-section-${choice.section} wb-theme-${choice.theme}`,
    css: `.wb-themebar { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 8px; padding-top: 8px; font-size: 12px; }
.wb-themebar select, .wb-themebar button { font: inherit; font-size: 12px; padding: 2px 6px; }
${rules.join('\n')}`,
    controls
  };
}
