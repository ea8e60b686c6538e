/**
 * The Fluent UI themes the workbench gives its roots for `?section=` and `?theme=` (../themes.ts), built the way
 * SharePoint builds a section's variant theme from the site theme: neutral and soft keep the palette and move the
 * background (neutralLighter; themeLighterAlt, or themeLight on an inverted theme) with the slots around it a
 * step stronger, strong inverts the theme (the primary colour becomes the background, white the text and the
 * primary buttons). SharePoint uses Fluent UI's scheme utilities for this
 * (https://learn.microsoft.com/en-us/sharepoint/dev/spfx/use-theme-colors-in-your-customizations#section-backgrounds);
 * they are not a dependency here, so the mapping below is written from their documented behaviour.
 */
import { createTheme, IPalette, ISemanticColors, ITheme } from '@fluentui/react';
import { paletteOf, ThemeChoice } from '../themes';

function withColours(base: ITheme, palette: Partial<IPalette>, semantic: Partial<ISemanticColors>, inverted = base.isInverted): ITheme {
  const built = createTheme({ palette: { ...base.palette, ...palette }, isInverted: inverted });
  return { ...base, isInverted: inverted, palette: built.palette, semanticColors: { ...built.semanticColors, ...semantic } };
}

/** Neutral: the page's neutral band; foregrounds unchanged, the theme colours a shade darker for contrast. */
function neutral(t: ITheme): ITheme {
  const p = t.palette;
  return withColours(t, {
    themeDark: p.themeDarker, themeDarkAlt: p.themeDark, themePrimary: p.themeDarkAlt, themeSecondary: p.themePrimary,
    themeTertiary: p.themeSecondary, themeLight: p.themeTertiary, themeLighter: p.themeLight,
    neutralQuaternary: p.neutralTertiaryAlt, neutralQuaternaryAlt: p.neutralQuaternary, neutralLight: p.neutralQuaternaryAlt,
    neutralLighter: p.neutralLight, neutralLighterAlt: p.neutralLight, white: p.neutralLighter
  }, {
    bodyBackground: p.neutralLighter, bodyStandoutBackground: p.neutralLight, bodyDivider: p.neutralQuaternaryAlt,
    bodyText: p.neutralPrimary, bodySubtext: p.neutralSecondary, link: p.themeDarkAlt, linkHovered: p.themeDarker,
    inputBackground: p.white, inputBorder: p.neutralTertiary, buttonBackground: p.neutralQuaternaryAlt, buttonBorder: p.neutralSecondaryAlt,
    menuBackground: p.white, primaryButtonBackground: p.themePrimary, primaryButtonText: p.white
  });
}

/** Soft: a light tint of the primary colour; the neutral background slots become theme shades. */
function soft(t: ITheme): ITheme {
  const p = t.palette;
  const inv = !!t.isInverted;
  return withColours(t, {
    themeDark: p.themeDarker, themeDarkAlt: p.themeDark, themePrimary: p.themeDarkAlt, themeSecondary: p.themePrimary,
    themeTertiary: p.themeSecondary, themeLight: p.themeTertiary, themeLighter: p.themeLight, themeLighterAlt: p.themeLighter,
    neutralTertiaryAlt: inv ? p.themeDarker : p.themeDarkAlt, neutralQuaternary: inv ? p.themeDark : p.themePrimary,
    neutralQuaternaryAlt: inv ? p.themeDarkAlt : p.themeSecondary, neutralLight: inv ? p.themePrimary : p.themeTertiary,
    neutralLighter: inv ? p.themeSecondary : p.themeLight, neutralLighterAlt: inv ? p.themeTertiary : p.themeLighter,
    white: inv ? p.themeLight : p.themeLighterAlt
  }, {
    bodyBackground: inv ? p.themeLight : p.themeLighterAlt, bodyStandoutBackground: inv ? p.themeTertiary : p.themeLighter,
    bodyText: p.neutralPrimary, bodySubtext: p.neutralSecondary, link: p.themeDarkAlt, linkHovered: p.themeDarker,
    inputBackground: p.white, inputBorder: p.neutralTertiary, buttonBackground: p.neutralQuaternaryAlt, buttonBorder: 'transparent',
    menuBackground: p.white, primaryButtonBackground: p.themePrimary, primaryButtonText: p.white
  });
}

/** Strong: inverted; the primary colour is the background, the page's white the text and primary buttons. */
function strong(t: ITheme): ITheme {
  const p = t.palette;
  const inv = !!t.isInverted;
  return withColours(t, {
    themeDarker: p.white, themeDark: p.neutralLighterAlt, themeDarkAlt: p.neutralLighterAlt, themePrimary: p.white,
    themeSecondary: p.neutralLighter, themeTertiary: p.neutralLight, themeLight: p.neutralQuaternaryAlt,
    themeLighter: p.neutralQuaternary, themeLighterAlt: p.neutralTertiaryAlt,
    black: p.neutralLighterAlt, neutralDark: p.neutralLighter, neutralPrimary: p.white, neutralPrimaryAlt: p.neutralLight,
    neutralSecondary: p.neutralQuaternaryAlt, neutralTertiary: p.neutralQuaternary,
    neutralTertiaryAlt: p.themeLighterAlt, neutralQuaternary: p.themeLighterAlt, neutralQuaternaryAlt: p.themeLighter,
    neutralLight: p.themeLight, neutralLighter: p.themeTertiary, neutralLighterAlt: p.themeSecondary, white: p.themePrimary
  }, {
    bodyBackground: p.themePrimary, bodyStandoutBackground: p.themeDarkAlt, bodyText: p.white, bodySubtext: p.white,
    bodyDivider: p.themeTertiary, link: p.white, linkHovered: p.white, actionLink: p.white, actionLinkHovered: p.white,
    focusBorder: p.white, inputBackground: p.white, inputText: p.neutralPrimary, inputBorder: p.themeDarkAlt,
    inputPlaceholderText: p.neutralSecondary, buttonBackground: p.themePrimary, buttonBackgroundHovered: p.themeDarkAlt,
    buttonBorder: p.white, buttonText: p.white, buttonTextHovered: p.white, buttonTextPressed: p.white,
    primaryButtonBackground: p.white, primaryButtonText: inv ? p.neutralPrimary : p.themePrimary,
    primaryButtonTextHovered: inv ? p.neutralDark : p.themeDark, primaryButtonBackgroundHovered: inv ? p.themeLight : p.themeLighter,
    menuBackground: p.themePrimary, menuItemText: p.white
  }, !inv);
}

/** The site theme (light, or the dark palette inverted). */
export function siteTheme(choice: ThemeChoice): ITheme {
  return createTheme({ palette: paletteOf(choice.theme), isInverted: choice.theme === 'dark' });
}

/** The theme a web part in a section of this kind gets. */
export function sectionTheme(choice: ThemeChoice): ITheme {
  const site = siteTheme(choice);
  switch (choice.section) {
    case 'neutral': return neutral(site);
    case 'soft': return soft(site);
    case 'strong': return strong(site);
    default: return site;
  }
}

/** What the workbench passes to its roots: nothing for the default page (Fluent's own default theme, as before). */
export function workbenchThemes(choice: ThemeChoice): { webParts?: ITheme; banner?: ITheme } {
  if (choice.section === 'none' && choice.theme === 'light') return {};
  return { webParts: sectionTheme(choice), banner: siteTheme(choice) };
}
