/**
 * The packaged solution (`sharepoint/solution/access-hub.sppkg`) as SharePoint's app catalog holds it: the
 * ClientSideAssets it serves, the component manifests with their asset base pointed at where it serves them, and
 * the customizer registrations of the package's feature (elements.xml: id and ClientSideComponentProperties).
 * Read again whenever the file changes (a new `npm run package`).
 */
import * as fs from 'fs';
import { componentManifests, decodeXml, zipEntries } from '../../../scripts/sppkg';
import { APP_CATALOG_ASSETS, RuntimeManifest } from './spfxRuntime';

export interface CustomizerRegistration {
  id: string;
  location: string;
  properties: Record<string, unknown>;
}

export interface SolutionPackage {
  solutionId: string;
  /** ClientSideAssets/<name> → bytes. */
  assets: Map<string, Buffer>;
  /** Base URL path of the assets, e.g. `/sites/appcatalog/ClientSideAssets/<solution id>/`. */
  assetsPath: string;
  manifests(origin: string): RuntimeManifest[];
  customizers: CustomizerRegistration[];
  mtimeMs: number;
}

const ASSET_BASE = 'HTTPS://SPCLIENTSIDEASSETLIBRARY/';

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

export function readSolutionPackage(file: string): SolutionPackage {
  const stat = fs.statSync(file);
  const files = zipEntries(fs.readFileSync(file));
  const assets = new Map<string, Buffer>();
  for (const [name, read] of files) {
    const m = /^ClientSideAssets\/([^/]+)$/.exec(name);
    if (m) assets.set(m[1], read());
  }
  const appManifest = files.get('AppManifest.xml');
  const productId = appManifest ? /ProductID="\{?([0-9a-f-]{36})\}?"/i.exec(appManifest().toString('utf8')) : null;
  const solutionId = productId ? productId[1].toLowerCase() : 'solution';
  const assetsPath = `${APP_CATALOG_ASSETS}${solutionId}/`;
  const raw = componentManifests(files) as unknown as RuntimeManifest[];
  const customizers: CustomizerRegistration[] = [];
  for (const name of [...files.keys()].filter(n => /elements\.xml$/i.test(n))) {
    const xml = (files.get(name) as () => Buffer)().toString('utf8');
    for (const tag of xml.match(/<CustomAction\b[^>]*>/g) || []) {
      const id = attribute(tag, 'ClientSideComponentId');
      const location = attribute(tag, 'Location');
      if (!id || !location) continue;
      let properties: Record<string, unknown> = {};
      try { properties = JSON.parse(attribute(tag, 'ClientSideComponentProperties') || '{}'); } catch { /* none */ }
      customizers.push({ id: id.toLowerCase(), location, properties });
    }
  }
  return {
    solutionId, assets, assetsPath, customizers, mtimeMs: stat.mtimeMs,
    manifests: (origin: string) => raw.map(m => {
      const copy = JSON.parse(JSON.stringify(m)) as RuntimeManifest;
      copy.loaderConfig.internalModuleBaseUrls = (copy.loaderConfig.internalModuleBaseUrls || [ASSET_BASE])
        .map(u => (u.toUpperCase() === ASSET_BASE ? `${origin}${assetsPath}` : u));
      return copy;
    })
  };
}

/** The package, read once and again when the file's modification time changes. */
export function packageReader(file: string): () => SolutionPackage {
  let cached: SolutionPackage | undefined;
  return () => {
    const mtime = fs.statSync(file).mtimeMs;
    if (!cached || cached.mtimeMs !== mtime) cached = readSolutionPackage(file);
    return cached;
  };
}
