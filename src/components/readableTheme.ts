import type { PartialTheme } from '@fluentui/react';

/**
 * SharePoint builds a section's variant theme from the site theme (strong: the primary colour becomes the background)
 * and leaves some text slots as they were: on a strong section the error text (dark red) and the input icons sit on
 * the primary colour, below WCAG 2.2's 4.5:1 (1.4.3). This keeps the host's theme and replaces only a text slot that is
 * unreadable on the section's background with the section's own text colour, which SharePoint picks to be readable
 * there. A theme without semantic colours (none given: Fluent's default) is returned as it is.
 * https://learn.microsoft.com/en-us/sharepoint/dev/spfx/use-theme-colors-in-your-customizations
 */

/** Text slots, the background they are shown on, and the slot that replaces them there when unreadable. */
const TEXT_SLOTS: ReadonlyArray<[string, string, string]> = [
  ['errorText', 'bodyBackground', 'bodyText'],
  ['bodySubtext', 'bodyBackground', 'bodyText'],
  ['link', 'bodyBackground', 'bodyText'],
  ['linkHovered', 'bodyBackground', 'bodyText'],
  ['actionLink', 'bodyBackground', 'bodyText'],
  ['inputIcon', 'inputBackground', 'inputText'],
  ['inputPlaceholderText', 'inputBackground', 'inputText']
];

function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return undefined;
  const h = m[1].length === 3 ? m[1].replace(/./g, c => c + c) : m[1];
  const channel = (i: number): number => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG's contrast ratio of two `#rrggbb` colours; undefined when either is not one. */
export function contrastRatio(a: string, b: string): number | undefined {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return undefined;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const MIN_TEXT_CONTRAST = 4.5;

export function readableTheme<T extends PartialTheme | undefined>(theme: T): T {
  const colours = theme && theme.semanticColors as Record<string, string | undefined> | undefined;
  if (!theme || !colours) return theme;
  const readable = (fg: string | undefined, bg: string | undefined): boolean | undefined => {
    const ratio = fg && bg ? contrastRatio(fg, bg) : undefined;
    return ratio === undefined ? undefined : ratio >= MIN_TEXT_CONTRAST;
  };
  let fixed: Record<string, string> | undefined;
  for (const [slot, background, replacement] of TEXT_SLOTS) {
    if (readable(colours[slot], colours[background]) === false && readable(colours[replacement], colours[background])) {
      fixed = fixed || {};
      fixed[slot] = colours[replacement] as string;
    }
  }
  // A Dropdown's selected text takes the section's text colour (Fluent sets none on its title): on a white field
  // in a strong section that is white on white. The field's own text colour then.
  const dropdownText = readable(colours.bodyText, colours.inputBackground) === false && readable(colours.inputText, colours.inputBackground);
  if (!fixed && !dropdownText) return theme;
  return {
    ...theme,
    semanticColors: { ...theme.semanticColors, ...fixed },
    components: dropdownText
      ? { ...theme.components, Dropdown: { styles: { title: { color: colours.inputText } } } }
      : theme.components
  };
}
