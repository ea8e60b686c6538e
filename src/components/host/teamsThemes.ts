import { createTheme, ITheme, IPalette, ISemanticColors } from '@fluentui/react';
import type { TeamsTheme } from '../../core/host/host';

/**
 * Fluent UI v8 themes that look like Teams' own three (default, dark, high contrast), from Teams' colour tokens
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/design/design-teams-app-basic-ui-components). Dark and
 * contrast are inverted palettes, as Fluent v8 expects: `white` is the background, `black` and `neutralPrimary` the text.
 * Where Fluent would derive a colour that falls short of WCAG AA contrast, the semantic colour is set here.
 */

const DEFAULT_PALETTE: Partial<IPalette> = {
  themePrimary: '#5b5fc7', themeLighterAlt: '#f7f7fc', themeLighter: '#e8ebfa', themeLight: '#d1d3f2',
  themeTertiary: '#a6a8e2', themeSecondary: '#6b6fcd', themeDarkAlt: '#4f52b2', themeDark: '#444791', themeDarker: '#33356c',
  neutralLighterAlt: '#fafafa', neutralLighter: '#f5f5f5', neutralLight: '#ebebeb', neutralQuaternaryAlt: '#e0e0e0',
  neutralQuaternary: '#d1d1d1', neutralTertiaryAlt: '#c7c7c7', neutralTertiary: '#8f8f8f', neutralSecondary: '#616161',
  neutralPrimaryAlt: '#424242', neutralPrimary: '#242424', neutralDark: '#1b1b1b', black: '#000000', white: '#ffffff'
};

const DARK_PALETTE: Partial<IPalette> = {
  themePrimary: '#7f85f5', themeLighterAlt: '#23243b', themeLighter: '#2f3055', themeLight: '#3d3e78',
  themeTertiary: '#5b5fc7', themeSecondary: '#7479dc', themeDarkAlt: '#9299f7', themeDark: '#aaaff8', themeDarker: '#c5cafa',
  neutralLighterAlt: '#262626', neutralLighter: '#2e2e2e', neutralLight: '#383838', neutralQuaternaryAlt: '#404040',
  neutralQuaternary: '#4d4d4d', neutralTertiaryAlt: '#5c5c5c', neutralTertiary: '#9e9e9e', neutralSecondary: '#d6d6d6',
  neutralPrimaryAlt: '#e0e0e0', neutralPrimary: '#ffffff', neutralDark: '#f5f5f5', black: '#ffffff', white: '#1f1f1f'
};

/** Teams' high contrast: black, white text, yellow links and actions, cyan for hover and selection, green when disabled. */
const CONTRAST_PALETTE: Partial<IPalette> = {
  themePrimary: '#ffff01', themeLighterAlt: '#000000', themeLighter: '#000000', themeLight: '#ffffff',
  themeTertiary: '#ffff01', themeSecondary: '#ffff01', themeDarkAlt: '#1aebff', themeDark: '#1aebff', themeDarker: '#1aebff',
  neutralLighterAlt: '#000000', neutralLighter: '#000000', neutralLight: '#000000', neutralQuaternaryAlt: '#000000',
  neutralQuaternary: '#ffffff', neutralTertiaryAlt: '#ffffff', neutralTertiary: '#3ff23f', neutralSecondary: '#ffffff',
  neutralPrimaryAlt: '#ffffff', neutralPrimary: '#ffffff', neutralDark: '#ffffff', black: '#ffffff', white: '#000000'
};

const DARK_SEMANTIC: Partial<ISemanticColors> = {
  // Teams' brand background for the primary action, with white text (the light brand foreground on dark text falls short).
  primaryButtonBackground: '#4f52b2', primaryButtonBackgroundHovered: '#5b5fc7', primaryButtonBackgroundPressed: '#444791',
  primaryButtonText: '#ffffff', primaryButtonTextHovered: '#ffffff', primaryButtonTextPressed: '#ffffff',
  bodyStandoutBackground: '#292929', bodyDivider: '#4d4d4d', inputBorder: '#8f8f8f', inputBorderHovered: '#d6d6d6',
  link: '#9299f7', linkHovered: '#aaaff8'
};

const CONTRAST_SEMANTIC: Partial<ISemanticColors> = {
  bodyDivider: '#ffffff', inputBorder: '#ffffff', inputBorderHovered: '#1aebff', buttonBorder: '#ffffff',
  link: '#ffff01', linkHovered: '#1aebff', bodySubtext: '#ffffff',
  primaryButtonText: '#000000', primaryButtonTextHovered: '#000000', primaryButtonTextPressed: '#000000',
  buttonBackgroundHovered: '#1aebff', buttonTextHovered: '#000000', buttonBackgroundPressed: '#1aebff', buttonTextPressed: '#000000',
  menuItemBackgroundHovered: '#1aebff', menuItemTextHovered: '#000000', listItemBackgroundHovered: '#1aebff',
  disabledText: '#3ff23f', disabledBodyText: '#3ff23f', buttonTextDisabled: '#3ff23f', primaryButtonTextDisabled: '#3ff23f',
  primaryButtonBackgroundDisabled: '#000000', buttonBackgroundDisabled: '#000000', disabledBackground: '#000000',
  successIcon: '#3ff23f', errorIcon: '#ff8080', warningIcon: '#ffff01', infoIcon: '#ffffff', errorText: '#ff8080',
  messageText: '#ffffff', infoBackground: '#000000', errorBackground: '#000000', warningBackground: '#000000',
  severeWarningBackground: '#000000', successBackground: '#000000', blockingBackground: '#000000'
};

const themes: { [K in TeamsTheme]?: ITheme } = {};

/** The Fluent theme for a Teams theme (made once each). */
export function teamsFluentTheme(name: TeamsTheme): ITheme {
  const made = themes[name];
  if (made) return made;
  const theme = name === 'dark'
    ? createTheme({ palette: DARK_PALETTE, semanticColors: DARK_SEMANTIC, isInverted: true })
    : name === 'contrast'
      ? createTheme({ palette: CONTRAST_PALETTE, semanticColors: CONTRAST_SEMANTIC, isInverted: true })
      : createTheme({ palette: DEFAULT_PALETTE });
  // Fluent's panel footer is sticky and transparent until the panel is scrolled once: the form showed through it
  // (a link over the Submit button). Its background, for every Panel inside the Teams theme (ThemeProvider's components).
  const styled = { ...theme, components: { Panel: { styles: { footer: { backgroundColor: theme.semanticColors.bodyBackground } } } } } as ITheme;
  themes[name] = styled;
  return styled;
}
