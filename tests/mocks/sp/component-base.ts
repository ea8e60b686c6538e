/* eslint-disable @typescript-eslint/no-explicit-any */
export interface IReadonlyTheme { semanticColors?: Record<string, string>; palette?: Record<string, string>; isInverted?: boolean }

export class ThemeChangedEventArgs {
  constructor(public readonly theme: IReadonlyTheme | undefined) {}
}

/**
 * SPFx's ThemeProvider as a component sees it through its service scope: `tryGetTheme()` and `themeChangedEvent`
 * (an SPEvent: `add(observer, handler)` / `remove(observer, handler)`, handlers called in order with
 * ThemeChangedEventArgs; not sticky: a handler added later hears only later changes). `_setTheme` is what SharePoint
 * calls when the page's theme changes (a section's variant, the site's theme): it keeps the theme, then raises.
 */
export class ThemeProvider {
  public static serviceKey: { name: string } = { name: 'sp-component-base:ThemeProvider' };
  private _theme: IReadonlyTheme | undefined;
  private _handlers: Array<{ observer: unknown; handler: (args: ThemeChangedEventArgs) => void }> = [];
  public readonly themeChangedEvent = {
    add: (observer: unknown, handler: (args: ThemeChangedEventArgs) => void): void => {
      if (!observer) throw new Error('SPEvent.add: an observer is required');
      this._handlers.push({ observer, handler });
    },
    remove: (observer: unknown, handler: (args: ThemeChangedEventArgs) => void): void => {
      this._handlers = this._handlers.filter(h => h.observer !== observer || h.handler !== handler);
    }
  };
  constructor(theme?: IReadonlyTheme) { this._theme = theme; }
  public tryGetTheme(): IReadonlyTheme | undefined { return this._theme; }
  public _setTheme(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    const args = new ThemeChangedEventArgs(theme);
    this._handlers.slice().forEach(h => h.handler.call(h.observer, args));
  }
  /** How many handlers listen (tests check that a hidden banner stopped listening). */
  public get _listeners(): number { return this._handlers.length; }
}

/** A service scope that gives one ThemeProvider, as a page's scope does. */
export function themeScope(provider: ThemeProvider = new ThemeProvider()): { consume(key: unknown): any } {
  return {
    consume: (key: unknown) => {
      if (key === ThemeProvider.serviceKey) return provider;
      throw new Error('this scope provides only ThemeProvider');
    }
  };
}

export const BaseComponent = class {} as any;
