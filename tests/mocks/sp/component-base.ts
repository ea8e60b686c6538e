/* eslint-disable @typescript-eslint/no-explicit-any */
export interface IReadonlyTheme { semanticColors?: Record<string, string>; palette?: Record<string, string>; isInverted?: boolean }
export class ThemeProvider { public static serviceKey = {}; }
export class ThemeChangedEventArgs { public theme: IReadonlyTheme | undefined; }
export const BaseComponent = class {} as any;
