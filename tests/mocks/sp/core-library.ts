// Minimal stand-ins for the SPFx runtime: jest cannot load @microsoft/sp-* (they expect the SPFx loader).
export class Version {
  private constructor(public readonly value: string) {}
  public static parse(value: string): Version { return new Version(value); }
  public toString(): string { return this.value; }
}
export const Log = { info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined, verbose: (): void => undefined };
export const Environment = { type: 1 };
export enum EnvironmentType { Test = 0, Local = 1, SharePoint = 2 }
