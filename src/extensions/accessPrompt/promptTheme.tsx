import * as React from 'react';
import type { PartialTheme } from '@fluentui/react';
import type { ThemeProvider, ThemeChangedEventArgs, IReadonlyTheme } from '@microsoft/sp-component-base';
import type { ISPEventObserver } from '@microsoft/sp-core-library';

/**
 * SharePoint's theme for the banner: read from the customizer's service scope when the banner shows, and followed
 * while it is on screen (`ThemeProvider.themeChangedEvent`: a section or site theme change, a page switching to dark).
 * Here in the banner's chunk, not in the customizer's first script, which only hands over its scope and itself as the
 * event's observer (https://learn.microsoft.com/sharepoint/dev/spfx/use-theme-colors-in-your-customizations).
 * Types only from SPFx here: the local workbench loads this chunk without SPFx's runtime.
 */
export interface IThemeSource {
  /** `serviceScope.consume(ThemeProvider.serviceKey)`, consumed by the customizer (which already imports the key). */
  provider: Pick<ThemeProvider, 'tryGetTheme' | 'themeChangedEvent'>;
  /** The customizer: SPFx's events name their observer (a component) for diagnostics. */
  observer: ISPEventObserver;
}

function partial(theme: IReadonlyTheme | undefined): PartialTheme | undefined {
  return theme ? { palette: theme.palette, semanticColors: theme.semanticColors } as PartialTheme : undefined;
}

/** The theme now, then each change SharePoint raises, for as long as the component that asks is mounted. */
export function useSharePointTheme(source: IThemeSource | undefined, fallback: PartialTheme | undefined): PartialTheme | undefined {
  const [theme, setTheme] = React.useState<PartialTheme | undefined>(() => (source ? partial(source.provider.tryGetTheme()) : fallback));
  React.useEffect(() => {
    if (!source) return undefined;
    const { provider, observer } = source;
    const handler = (args: ThemeChangedEventArgs): void => setTheme(partial(args.theme));
    provider.themeChangedEvent.add(observer, handler);
    return () => provider.themeChangedEvent.remove(observer, handler);
  }, [source]);
  return theme;
}
