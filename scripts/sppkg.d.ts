// Types of ./sppkg.js for the TypeScript tests and scripts that use it.

/** The package's files by name, each read and inflated on demand. */
export function zipEntries(buffer: Buffer): Map<string, () => Buffer>;
/** The same, each file as UTF-8 text. */
export function entries(buffer: Buffer): Map<string, () => string>;
export function decodeXml(text: string): string;

export interface IScriptResource {
  type: 'path' | 'component' | 'localizedPath';
  path?: string;
  id?: string;
  version?: string;
  paths?: Record<string, string>;
  defaultPath?: string;
}

export interface IComponentManifest {
  id: string;
  alias: string;
  componentType: string;
  version: string;
  preconfiguredEntries?: Array<{ properties?: Record<string, unknown> }>;
  loaderConfig: {
    entryModuleId: string;
    exportName?: string;
    scriptResources: Record<string, IScriptResource>;
  };
}

/** The component manifests (ComponentManifest attributes of the features' WebPart_/Extension_ XML files). */
export function componentManifests(files: Map<string, () => Buffer | string>): IComponentManifest[];

export interface ISizes { raw: number; gz: number }

/** Sums the bytes and gzip -9 bytes of the named files (each file gzipped once). */
export function fileSizes(files: Map<string, () => string>): (names: string[]) => ISizes;

/** The web parts' and the customizer's first scripts and the en-us string files, by name. */
export function firstScripts(names: string[]): { hubEntry: string[]; promptEntry: string[]; cardEntry: string[]; strings: string[] };

/** webpack's stats of the build (temp/stats/webpack-stats.json), the part pageDownloads reads. */
export interface IWebpackStats {
  entrypoints: Record<string, { chunks: Array<string | number>; assets: Array<string | { name: string }> }>;
  chunks: Array<{ id: string | number; files: string[]; children: Array<string | number> }>;
}

/** What each kind of page downloads from the package (check-sppkg.js prints and checks the same). */
export function pageDownloads(files: Map<string, () => string>, stats: IWebpackStats, sizes: (names: string[]) => ISizes): {
  hubEntry: string[];
  promptEntry: string[];
  cardEntry: string[];
  hubFiles: string[];
  bannerFiles: string[];
  /** The AccessCard on a Viva Connections dashboard: its first script, chunks and strings. */
  cardFiles: string[];
  /** Chunks that load only where an opt-in feature applies (suggestions, a manager's My team tab). */
  optInFiles: string[];
  /** Chunks that load when the person opens something that needs them (the date picker). */
  onDemandFiles: string[];
  /** Whether the stats name each first script of this package (web parts first). */
  statsChecks: Array<{ name: string; ok: boolean; own: string[] }>;
  /** Files a first script imports that the package lacks. */
  missing: string[];
  pages: { webParts: ISizes; banner: ISizes; both: ISizes; optIn: ISizes; bothWithOptIn: ISizes; onDemand: ISizes; teamsTab: ISizes; card: ISizes };
};
