/**
 * SharePoint's own client runtime (SPFx 1.23.2 from node_modules) serving the packaged Access Hub: the files the page
 * loads, the manifests SharePoint's loader needs, and the page's preloaded data. See README.md beside this file for
 * the boot sequence and for each stand-in (what npm does not ship).
 *
 * URLs, all on the local tenant's origin:
 * - `/_spfx/<package>/<file>`: `node_modules/@microsoft/<package>/dist/<file>` (SharePoint's CDN for its own files);
 * - `/_spfx/react/<file>`: React and ReactDOM 17.0.1 UMD builds (SharePoint provides React to SPFx components);
 * - `/_spfx/standins/<file>`: the stand-ins (standins/*.js);
 * - `/sites/appcatalog/ClientSideAssets/<solution id>/<file>`: the .sppkg's ClientSideAssets, as the tenant app
 *   catalog serves them when the public CDN is off.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { SPFX_PRINCIPAL_ID } from '../../audiences';

/** What the runtime needs of a component manifest; the rest travels as is. */
export interface RuntimeManifest {
  id: string;
  alias: string;
  componentType: string;
  version: string;
  manifestVersion?: number;
  preconfiguredEntries?: Array<{ title?: Record<string, string>; properties?: Record<string, unknown> }>;
  loaderConfig: {
    internalModuleBaseUrls?: string[];
    entryModuleId: string;
    exportName?: string;
    scriptResources: Record<string, { type: string; id?: string; version?: string; path?: unknown; paths?: unknown; defaultPath?: unknown }>;
  };
  [key: string]: unknown;
}

export const SPFX_PREFIX = '/_spfx/';
export const APP_CATALOG_ASSETS = '/sites/appcatalog/ClientSideAssets/';
/** The page SharePoint's MSAL redirects its hidden sign-in iframe to. */
export const SSO_REDIRECT_PATH = '/_forms/spfxsinglesignon.aspx';

export const REACT_ID = '0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d';
export const REACT_DOM_ID = 'aa0a46ec-1505-43cd-a44a-93f3a5aa460a';
export const PROPERTY_PANE_ID = 'f9e737b7-f0df-4597-ba8c-3060f82380db';
/** The stand-in page application's component id (ours; SharePoint's page application has its own). */
export const LOCAL_APPLICATION_ID = 'a6f1c5f0-3c1e-4b8e-9d2a-5d0c7a1e2b44';
// The ids of SPFx's own sign-in, which the local tenant's token checks know too.
export { SPFX_CLIENT_ID, SPFX_PRINCIPAL_ID } from '../../audiences';

/**
 * Components the page assembly (`sp-default-assembly`) registers without a manifest: the loader still needs one for
 * each id that another manifest names. Id and version as the assembly registers them.
 */
const ASSEMBLY_ONLY: Array<[string, string, string]> = [
  ['tslib', '01c4df03-e775-48cb-aa14-171ee5199a15', '2.3.1'],
  ['@microsoft/load-themed-styles', '229b8d08-79f3-438b-8c21-4613fc877abd', '0.1.2'],
  ['@msinternal/odsp-core-bundle', '2e09fb9b-13bb-48f2-859f-97d6fff71176', '1.5.82'],
  ['@msinternal/sp-telemetry', '8217e442-8ed3-41fd-957d-b112e841286a', '0.35.145'],
  ['@msinternal/sp-safehtml', '6d3c733c-8cb7-4871-bb22-b5b37c1d518d', '0.6.0']
];

/** SharePoint-internal modules that npm does not ship and that these pages never use: empty stand-ins. */
const EMPTY_INTERNALS: Array<[string, string, string]> = [
  ['@msinternal/sp-edit-customer-promise', '42647dee-1f75-4b9f-b521-5c844a6c35cc', '0.1.0'],
  ['@msinternal/sp-idle-web-task', 'c49ba483-7614-4c5c-b9dd-11b45a5fa280', '0.1.2']
];

export const STANDINS_DIR = path.join(__dirname, 'standins');

function microsoftDir(repoRoot: string): string {
  return path.dirname(path.dirname(require.resolve('@microsoft/sp-loader/package.json', { paths: [repoRoot] })));
}

/** The `sp-*` packages under node_modules/@microsoft that ship runtime files (a `dist/` with manifests). */
export function spfxPackages(repoRoot: string): Map<string, string> {
  const base = microsoftDir(repoRoot);
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(base)) {
    const dist = path.join(base, name, 'dist');
    if (/^sp-/.test(name) && fs.existsSync(dist) && fs.readdirSync(dist).some(f => f.endsWith('.manifest.json'))) out.set(name, dist);
  }
  return out;
}

/**
 * One URL per empty module: RequireJS attributes an anonymous define() to the module that asked for the URL, so two
 * modules sharing one file would leave the second waiting forever.
 */
function emptyModuleFile(id: string): string {
  return `empty-${id}.js`;
}

function libraryManifest(alias: string, id: string, version: string, baseUrl: string, entry: string, file: string,
  deps: Record<string, { type: 'component'; id: string; version: string }> = {}): RuntimeManifest {
  return {
    id, alias, componentType: 'Library', version, manifestVersion: 2,
    loaderConfig: {
      internalModuleBaseUrls: [baseUrl], entryModuleId: entry,
      scriptResources: { [entry]: { type: 'path', path: file }, ...deps }
    }
  };
}

/**
 * Every manifest of SharePoint's runtime a page may need, pointed at `origin`: the sp-* packages' own (except
 * sp-property-pane, replaced by its stand-in, and the two assemblies, which are loaded by `<script>`), minimal ones for
 * the assembly-only components, React and ReactDOM, the empty internals and the stand-in application.
 */
export function runtimeManifests(repoRoot: string, origin: string): RuntimeManifest[] {
  const out: RuntimeManifest[] = [];
  for (const [name, dist] of spfxPackages(repoRoot)) {
    for (const f of fs.readdirSync(dist).filter(n => n.endsWith('.manifest.json'))) {
      const m = JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8')) as RuntimeManifest;
      if (m.id === PROPERTY_PANE_ID || /-assembly$/.test(m.alias)) continue;
      m.loaderConfig.internalModuleBaseUrls = [`${origin}${SPFX_PREFIX}${name}/`];
      out.push(m);
    }
  }
  const standins = `${origin}${SPFX_PREFIX}standins/`;
  for (const [alias, id, version] of ASSEMBLY_ONLY) {
    // Registered by the assembly before anything asks; the path is never fetched.
    out.push(libraryManifest(alias, id, version, standins, alias, emptyModuleFile(id)));
  }
  for (const [alias, id, version] of EMPTY_INTERNALS) out.push(libraryManifest(alias, id, version, standins, alias, emptyModuleFile(id)));
  out.push(libraryManifest('@microsoft/sp-property-pane', PROPERTY_PANE_ID, '1.23.2', standins, 'sp-property-pane', 'propertyPane.js'));
  const react = `${origin}${SPFX_PREFIX}react/`;
  out.push(libraryManifest('React', REACT_ID, '17.0.1', react, 'react', 'react.production.min.js'));
  out.push(libraryManifest('ReactDOM', REACT_DOM_ID, '17.0.1', react, 'react-dom', 'react-dom.production.min.js',
    { react: { type: 'component', id: REACT_ID, version: '17.0.1' } }));
  const byAlias = new Map(out.map(m => [m.alias, m]));
  const dep = (alias: string): { type: 'component'; id: string; version: string } => {
    const m = byAlias.get(alias);
    if (!m) throw new Error(`runtime host: no manifest for ${alias} in node_modules/@microsoft`);
    return { type: 'component', id: m.id, version: m.version };
  };
  out.push({
    id: LOCAL_APPLICATION_ID, alias: 'LocalPageApplication', componentType: 'Application', version: '1.0.0', manifestVersion: 2,
    loaderConfig: {
      internalModuleBaseUrls: [standins], entryModuleId: 'local-page-application',
      scriptResources: {
        'local-page-application': { type: 'path', path: 'localPageApplication.js' },
        '@microsoft/sp-application-base': dep('SPApplicationBase'),
        '@microsoft/sp-webpart-base': dep('SPWebPartBase'),
        '@microsoft/sp-core-library': dep('SPCoreLibrary')
      }
    }
  });
  return out;
}

/** A file the runtime host serves under `/_spfx/`, or undefined. */
export function runtimeFile(repoRoot: string, rel: string): string | undefined {
  const [area, ...rest] = rel.split('/');
  const file = rest.join('/');
  if (!area || !file || file.includes('..') || file.includes('\\')) return undefined;
  if (area === 'standins') return path.join(STANDINS_DIR, /^empty-[0-9a-f-]{36}\.js$/.test(file) ? 'emptyModule.js' : file);
  if (area === 'react') {
    if (file === 'react.production.min.js') return require.resolve('react/umd/react.production.min.js', { paths: [repoRoot] });
    if (file === 'react-dom.production.min.js') return require.resolve('react-dom/umd/react-dom.production.min.js', { paths: [repoRoot] });
    return undefined;
  }
  const packages = spfxPackages(repoRoot);
  const dist = packages.get(area);
  if (!dist) return undefined;
  if (fs.existsSync(path.join(dist, file))) return path.join(dist, file);
  // The page assembly bundles several packages and loads their chunks from its own folder, as SharePoint's CDN holds
  // every package's files side by side: look for the file in the other packages.
  for (const other of packages.values()) if (fs.existsSync(path.join(other, file))) return path.join(other, file);
  return undefined;
}

/** The page assembly: the plain script that starts SharePoint's loader (`self.spModuleLoader`). */
export function assemblyUrl(origin: string, locale: string): string {
  // npm ships the assembly in en-us (and pseudo-locales) only; the components' own strings follow the page's locale.
  void locale;
  return `${origin}${SPFX_PREFIX}sp-application-base/sp-default-assembly_en-us.js`;
}

export interface PageContextInput {
  origin: string;
  siteServerRelativeUrl: string;
  siteTitle: string;
  siteId?: string;
  tenantId: string;
  user: { id: string; userPrincipalName: string; displayName: string; isGuest: boolean };
  /** e.g. `en-US`. */
  locale: string;
  /** What the page tells components about Graph (SharePoint: a host name; here the local tenant's origin). */
  msGraphEndpointUrl: string;
  isSiteAdmin: boolean;
}

/** SharePoint's `_spPageContextInfo` for one person on one site, with what SPFx's runtime requires. */
export function pageContextInfo(p: PageContextInput): Record<string, unknown> {
  const web = `${p.origin}${p.siteServerRelativeUrl}`;
  return {
    CorrelationId: randomUUID(),
    ExpFeatures: [],
    killSwitches: {},
    ECSClientFeatures: {},
    webAbsoluteUrl: web,
    webServerRelativeUrl: p.siteServerRelativeUrl,
    webTitle: p.siteTitle,
    webId: `{${p.siteId || randomUUID()}}`,
    webTemplate: '68',
    webLanguage: 1033,
    siteAbsoluteUrl: web,
    siteServerRelativeUrl: p.siteServerRelativeUrl,
    siteId: `{${p.siteId || randomUUID()}}`,
    portalUrl: `${p.origin}/`,
    currentUICultureName: p.locale,
    currentCultureName: p.locale,
    formDigestValue: `0x${randomUUID().replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`,
    formDigestTimeoutSeconds: 1800,
    serverTime: new Date().toISOString(),
    aadTenantId: p.tenantId,
    aadUserId: p.user.id,
    aadInstanceUrl: p.origin,
    aadSessionId: randomUUID(),
    userPrincipalName: p.user.userPrincipalName,
    userLoginName: p.user.userPrincipalName,
    userDisplayName: p.user.displayName,
    userEmail: p.user.userPrincipalName,
    userId: 7,
    isAnonymousGuestUser: false,
    isExternalGuestUser: p.user.isGuest,
    isSiteAdmin: p.isSiteAdmin,
    // SPBasePermissions of the person on the web (numbers here, as SharePoint writes them into the page).
    webPermMasks: p.isSiteAdmin ? { High: 2147483647, Low: 4294967295 } : { High: 176, Low: 138612833 },
    msGraphEndpointUrl: p.msGraphEndpointUrl,
    spfx3rdPartyServicePrincipalId: SPFX_PRINCIPAL_ID,
    farmLabel: 'LocalTenant',
    env2: '',
    cloudType: '',
    isSPO: true,
    env: 'prod'
  };
}
