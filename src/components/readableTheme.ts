import type { PartialTheme } from '@fluentui/react';

/**
 * SharePoint builds a section's variant theme from the site theme (strong: the primary colour becomes the background)
 * and leaves some text slots as they were: on a strong section the error text (dark red) sits on the primary colour at
 * 1.6:1, below WCAG 2.2's 4.5:1 (1.4.3). This keeps the host's theme and replaces only a text slot unreadable on its
 * background with the text colour SharePoint picked for that background. No semantic colours (Fluent's default theme):
 * the theme as it is. https://learn.microsoft.com/en-us/sharepoint/dev/spfx/use-theme-colors-in-your-customizations
 */

/** Slot, the background it is shown on, the slot that replaces it there: `errorText` on `bodyBackground` → `bodyText`. */
const PAIRS = 'errorText,bodyBackground,bodyText;link,bodyBackground,bodyText;inputIcon,inputBackground,inputText'
  .split(';').map(p => p.split(','));

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const c = (shift: number): number => {
    const v = ((n >> shift) & 255) / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * c(16) + 0.7152 * c(8) + 0.0722 * c(0);
}

/** WCAG's contrast ratio of two `#rrggbb` colours; undefined when either is not one. */
export function contrastRatio(a: string | undefined, b: string | undefined): number | undefined {
  if (!/^#[0-9a-f]{6}$/i.test(a || '') || !/^#[0-9a-f]{6}$/i.test(b || '')) return undefined;
  const [x, y] = [luminance(a as string), luminance(b as string)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export function readableTheme<T extends PartialTheme | undefined>(theme: T): T {
  const c = (theme && theme.semanticColors || {}) as Record<string, string | undefined>;
  // undefined (not comparable) counts as readable: only colours known to fail are replaced.
  const poor = (fg: string | undefined, bg: string | undefined): boolean => (contrastRatio(fg, bg) || 21) < 4.5;
  const fixed: Record<string, string | undefined> = {};
  let changed = false;
  for (const [slot, bg, by] of PAIRS) {
    if (poor(c[slot], c[bg]) && !poor(c[by], c[bg])) fixed[slot] = c[by];
  }
  // A Dropdown's selected text has the section's text colour (Fluent sets none on its title): white on a strong
  // section's white field. The field's own text colour then.
  const dropdown = poor(c.bodyText, c.inputBackground) && !poor(c.inputText, c.inputBackground);
  for (const k in fixed) if (fixed[k]) changed = true;
  if (!theme || (!changed && !dropdown)) return theme;
  return {
    ...theme,
    semanticColors: { ...theme.semanticColors, ...fixed },
    components: dropdown ? { ...theme.components, Dropdown: { styles: { title: { color: c.inputText } } } } : theme.components
  };
}
