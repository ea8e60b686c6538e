// Types of ./sppkg.js for the TypeScript tests that use it.

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
