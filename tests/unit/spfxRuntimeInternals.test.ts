/**
 * The runtime host (localTenant/workbench/runtime) boots SharePoint's own client runtime from
 * node_modules/@microsoft/sp-*\/dist and leans on INTERNAL parts of those minified SPFx 1.23.2 files (underscore-prefixed
 * exports, constants, call shapes). None of that is a public contract: any SPFx upgrade may move it. Each check below
 * searches the shipped files for one of them and, when it is gone, fails by name with what the host uses it for and
 * which of our files depends on it. Minified identifiers are never hard-coded: exports are resolved through webpack's
 * export map (`name:()=>ident`).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  PROPERTY_PANE_ID, REACT_DOM_ID, REACT_ID, runtimeManifests, RuntimeManifest, SPFX_CLIENT_ID, spfxPackages, SSO_REDIRECT_PATH
} from '../../localTenant/workbench/runtime/spfxRuntime';

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME = 'localTenant/workbench/runtime';
const OURS = {
  spfxRuntime: `${RUNTIME}/spfxRuntime.ts`,
  runtimeHost: `${RUNTIME}/runtimeHost.ts`,
  application: `${RUNTIME}/standins/localPageApplication.js`,
  propertyPane: `${RUNTIME}/standins/propertyPane.js`,
  discoveryWorker: `${RUNTIME}/standins/entraDiscoveryWorker.js`,
  endpoints: 'localTenant/spfxEndpoints.ts',
  server: 'localTenant/workbench/server.ts',
  appBaseMock: 'tests/mocks/sp/application-base.ts'
};

/** What one check reports: the problems found (none: the internal is there). */
type Problems = () => string[];
interface Check { api: string; usedFor: string; ours: string[]; problems: Problems }

// Where the runtime gets each piece. sp-application-base runs from the page assembly (it is one of the components the
// assembly bundles); its own file is checked too, so that a change of bundling cannot hide a change of API.
const assembly = (): string[] => distFiles('sp-application-base', /^sp-default-assembly_en-us\.js$/);
const appBase = (): string[] => [...assembly(), ...distFiles('sp-application-base', /^sp-application-base_en-us_[0-9a-f]+\.js$/)];
const webPartBase = (): string[] => distFiles('sp-webpart-base', /^sp-webpart-base_en-us_[0-9a-f]+\.js$/);
const httpBaseAll = (): string[] => distFiles('sp-http-base', /\.js$/);
const httpBaseMain = (): string[] => distFiles('sp-http-base', /^sp-http-base_en-us_[0-9a-f]+\.js$/);
const msalTokenProviders = (): string[] => distFiles('sp-http-base', /^chunk\.msal\w*_none_[0-9a-f]+\.js$/);
/** MSAL.js itself (msal-common, bundled into numbered chunks). */
const msalCore = (): string[] => httpBaseAll().filter(f => read(f).includes('LIBRARY_NAME:"MSAL.JS"'));

const CHECKS: Check[] = [
  // 1. The page assembly
  {
    api: 'sp-default-assembly_en-us.js assigns self.spModuleLoader (the _SPStarter) and locates itself by document.currentScript',
    usedFor: 'as the one <script> a page loads; it fetches its chunks from its own folder, so runtimeFile() looks for them in every sp-* package',
    ours: [OURS.spfxRuntime, OURS.runtimeHost],
    problems: inEvery(assembly, /self\.spModuleLoader\s*=\s*\(\(\)\s*=>\s*\{\s*try\s*\{\s*var (\w+)\s*=\s*document\.currentScript;/,
      /var (\w+)\s*=\s*\w+\._SPStarter;\s*\1\._initializeAssembly\(\[[\s\S]{0,4000}?\]\);\s*return \1;/)
  },
  {
    api: 'spModuleLoader.start(preloadedData, …) reads clientSideApplicationId and spPageContextInfo',
    usedFor: 'to start the runtime with our preloaded data (the stand-in application\'s id, _spPageContextInfo, the manifests)',
    ours: [OURS.runtimeHost],
    problems: inEvery(assembly, /\.start=function\((\w+)(?:,\w+)*\)\{[\s\S]{0,300}?\1\.clientSideApplicationId[\s\S]{0,200}?\1\.spPageContextInfo/)
  },
  {
    api: 'preloadedData.customActions: application customizers loaded from the preloaded data',
    usedFor: 'to load the package\'s application customizer (Access Prompt) from preloadedData.customActions',
    ours: [OURS.runtimeHost],
    problems: inEvery(assembly, /\.loadExtensions\(\w+\.customActions\)/)
  },
  {
    api: '_SPStarter._isTelemetryDisabled',
    usedFor: 'to turn SharePoint\'s telemetry off before start (it needs an ingestion token only SharePoint\'s page has)',
    ours: [OURS.runtimeHost],
    problems: inEvery(assembly, /\._isTelemetryDisabled=!1/, /\w\._isTelemetryDisabled\|\|/)
  },
  // 2. The components the assembly registers
  {
    api: '_SPStarter._initializeAssembly([[id, version, module], …]) registers ASSEMBLY_ONLY\'s components at their versions',
    usedFor: 'to write a manifest for each component the assembly registers without one (the loader needs a manifest for every id another names)',
    ours: [OURS.spfxRuntime],
    problems: () => {
      const bundled = assemblyComponents();
      if (bundled.size === 0) return ['no _initializeAssembly([[id, version, x], …]) list in the assembly'];
      const ours = sourceTriples('ASSEMBLY_ONLY');
      if (ours.length === 0) return [`no [alias, id, version] triples in ASSEMBLY_ONLY of ${OURS.spfxRuntime}`];
      const out: string[] = [];
      for (const [alias, id, version] of ours) {
        if (!bundled.has(id)) out.push(`${alias} ${id} is not registered by the assembly`);
        else if (bundled.get(id) !== version) out.push(`${alias} ${id}: the assembly registers ${bundled.get(id)}, ASSEMBLY_ONLY says ${version}`);
        for (const m of npmManifests()) {
          for (const [key, r] of Object.entries(m.loaderConfig.scriptResources)) {
            if (r.type === 'component' && r.id === id && (key !== alias || r.version !== version)) {
              out.push(`${m.alias} names ${id} as ${key}@${r.version}, ASSEMBLY_ONLY as ${alias}@${version}`);
            }
          }
        }
      }
      const known = new Map(npmManifests().map(m => [m.id, m.version]));
      for (const [id, version] of bundled) {
        if (ours.some(t => t[1] === id)) continue;
        if (!known.has(id)) out.push(`the assembly registers ${id}@${version}: neither ASSEMBLY_ONLY nor an npm manifest has it`);
        else if (known.get(id) !== version) out.push(`the assembly registers ${id}@${version}, its npm manifest is ${known.get(id)}`);
      }
      return out;
    }
  },
  // 3. sp-application-base: exports, placeholders, navigated event
  {
    api: 'sp-application-base exports BaseApplication, _PlaceholderManager, _Navigator',
    usedFor: 'as the base class of the stand-in page application, for its placeholders and for in-site navigation',
    ours: [OURS.application],
    problems: eachFile(appBase, src => ['BaseApplication', '_PlaceholderManager', '_Navigator']
      .filter(name => exportedIdent(src, name) === undefined).map(name => `no export ${name}`))
  },
  {
    api: '_PlaceholderManager.serviceKey and registerPlaceholders() reading [data-sp-placeholder]',
    usedFor: 'to hand the page\'s <div data-sp-placeholder="Top|Bottom"> to application customizers',
    ours: [OURS.application],
    problems: eachFile(appBase, src => classBodyProblems(src, '_PlaceholderManager', body => [
      [/\.prototype\.registerPlaceholders=function\(\)\{for\(var (\w+)="data-sp-placeholder",\w+=document\.querySelectorAll\(/, 'registerPlaceholders reading data-sp-placeholder'],
      [/\.serviceKey=\w+\.ServiceKey\.create\(/, 'a static serviceKey']
    ].filter(([re]) => !(re as RegExp).test(body)).map(([, what]) => `_PlaceholderManager has no ${what as string}`)))
  },
  {
    api: '_Navigator.raiseNavigatedEvent (static) raises the sticky "application.navigatedEvent"',
    usedFor: 'to raise navigatedEvent on an in-site navigation (window.localRuntime.navigate), as SharePoint\'s page transitions do',
    ours: [OURS.application, OURS.appBaseMock],
    problems: eachFile(appBase, src => [
      ...classBodyProblems(src, '_Navigator', body =>
        /return (\w+)\.raiseNavigatedEvent=function\(\w+\)\{[\s\S]{0,200}?\.raiseStickyEvent\((\w+)\._navigatedEventName/.test(body) ? [] : ['_Navigator has no static raiseNavigatedEvent raising a sticky _navigatedEventName']),
      ...missing(src, /\._navigatedEventName="application\.navigatedEvent"/)
    ])
  },
  {
    api: 'the runtime raises navigatedEvent itself on page load: new _Navigator(…).navigateToApplication → orchestrator navigate() → raiseNavigatedEvent',
    usedFor: 'why the customizer sees a navigated event for the first page view (the stand-in application only raises it for later navigations)',
    ours: [OURS.application, OURS.appBaseMock],
    problems: () => [
      ...missing(read(assembly()[0]), /new \w+\._Navigator\(\w+\)\.navigateToApplication\(\w+\)/),
      ...eachFile(appBase, src => missing(src,
        /\.navigateToApplication=function\(\w+\)\{[\s\S]{0,400}?this\._navigationOrchestrator\.navigate\(\w+\)/,
        /\.prototype\.navigate=function\(\w+\)\{[\s\S]{0,3000}?\.clearNavigatedEventQueue\(\)[\s\S]{0,2000}?\w+\.raiseNavigatedEvent\(/))()
    ]
  },
  // 4. The application component
  {
    api: 'BaseApplication\'s constructor calls this._getPageChromeProvider()',
    usedFor: 'the stand-in application defines _getPageChromeProvider (no suite bar, no theme manager); the base constructor calls it',
    ours: [OURS.application],
    problems: eachFile(appBase, src => classBodyProblems(src, 'BaseApplication', body =>
      /function \w+\(\)\{var (\w+)=\w+\.call\(this\)\|\|this;[\s\S]{0,600}?\1\.__type="BaseApplication";[\s\S]{0,100}?\1\._getPageChromeProvider\(\)/.test(body)
        ? [] : ['BaseApplication\'s constructor does not call _getPageChromeProvider()']))
  },
  {
    api: 'the application manager instantiates the application module\'s `default` export',
    usedFor: 'the stand-in application module returns { default: LocalPageApplication }',
    ours: [OURS.application],
    problems: inEvery(appBase, /_initializeApplication\(new \w+\.default[,)]/)
  },
  // 5. sp-webpart-base
  {
    api: 'sp-webpart-base exports _ClientSideWebPartManager (with loadWebPart) and _MinimalWebPartHost',
    usedFor: 'to mount each web part of the page by its manifest (onInit, render) as SharePoint\'s page does',
    ours: [OURS.application],
    problems: eachFile(webPartBase, src => [
      ...classBodyProblems(src, '_ClientSideWebPartManager', body =>
        /\.prototype\.loadWebPart=function\(\w+\)\{/.test(body) ? [] : ['_ClientSideWebPartManager has no prototype.loadWebPart']),
      ...classBodyProblems(src, '_MinimalWebPartHost', () => [])
    ])
  },
  // 6. SharePoint-internal components
  {
    api: 'sp-webpart-base\'s manifest names EMPTY_INTERNALS (@msinternal/sp-edit-customer-promise, @msinternal/sp-idle-web-task) at their ids and versions',
    usedFor: 'to serve an empty module for each of them (npm does not ship them; read-mode pages never use them)',
    ours: [OURS.spfxRuntime],
    problems: () => {
      const empties = sourceTriples('EMPTY_INTERNALS');
      if (empties.length === 0) return [`no [alias, id, version] triples in EMPTY_INTERNALS of ${OURS.spfxRuntime}`];
      const wpb = npmManifests().find(m => m.alias === 'SPWebPartBase');
      if (!wpb) return ['no SPWebPartBase manifest in sp-webpart-base/dist'];
      return empties.flatMap(([alias, id, version]) => {
        const r = wpb.loaderConfig.scriptResources[alias];
        if (!r) return [`SPWebPartBase no longer names ${alias}`];
        return r.type === 'component' && r.id === id && r.version === version ? [] : [`SPWebPartBase names ${alias} as ${r.type} ${r.id}@${r.version}, EMPTY_INTERNALS as ${id}@${version}`];
      });
    }
  },
  {
    api: 'every @msinternal/* component the served sp-* manifests name is in ASSEMBLY_ONLY, EMPTY_INTERNALS or an npm manifest',
    usedFor: 'a page waits forever for a component without a manifest (sp-property-pane\'s are left out: its stand-in replaces it)',
    ours: [OURS.spfxRuntime],
    problems: () => {
      const have = new Set([...sourceTriples('ASSEMBLY_ONLY'), ...sourceTriples('EMPTY_INTERNALS')].map(([, id, v]) => `${id}@${v}`));
      for (const m of npmManifests()) have.add(`${m.id}@${m.version}`);
      const out = new Set<string>();
      for (const m of npmManifests().filter(x => x.id !== PROPERTY_PANE_ID)) {
        for (const [alias, r] of Object.entries(m.loaderConfig.scriptResources)) {
          if (r.type === 'component' && alias.startsWith('@msinternal/') && !have.has(`${r.id}@${r.version}`)) out.add(`${m.alias} names ${alias} ${r.id}@${r.version}`);
        }
      }
      return [...out];
    }
  },
  {
    api: 'runtimeManifests(): every component dependency of every manifest served resolves to a served manifest (id and version)',
    usedFor: 'the loader resolves dependencies by id and version from the manifests of the preloaded data and GetClientSideComponents',
    ours: [OURS.spfxRuntime],
    problems: () => {
      const served = runtimeManifests(ROOT, 'https://localhost');
      const have = new Set(served.map(m => `${m.id}@${m.version}`));
      const out = new Set<string>();
      for (const m of served) {
        for (const [alias, r] of Object.entries(m.loaderConfig.scriptResources)) {
          if (r.type === 'component' && !have.has(`${r.id}@${r.version}`)) out.add(`${m.alias} names ${alias} ${r.id}@${r.version}`);
        }
      }
      return [...out];
    }
  },
  // 7. sp-property-pane, replaced by a stand-in
  {
    api: 'sp-property-pane\'s manifest is f9e737b7-f0df-4597-ba8c-3060f82380db at 1.23.2',
    usedFor: 'the stand-in (standins/propertyPane.js) takes its place under the same id and version',
    ours: [OURS.spfxRuntime, OURS.propertyPane],
    problems: () => {
      const m = npmManifests().find(x => x.alias === 'SPPropertyPane');
      if (!m) return ['no SPPropertyPane manifest in sp-property-pane/dist'];
      const standin = runtimeManifests(ROOT, 'https://localhost').find(x => x.id === PROPERTY_PANE_ID);
      return [
        ...(m.id === PROPERTY_PANE_ID ? [] : [`its id is ${m.id}, PROPERTY_PANE_ID is ${PROPERTY_PANE_ID}`]),
        ...(standin && standin.version === m.version ? [] : [`its version is ${m.version}, the stand-in's ${standin ? standin.version : '(none)'}`])
      ];
    }
  },
  {
    api: 'PropertyPaneFieldType\'s numeric values (index-internal.d.ts) equal the stand-in\'s',
    usedFor: 'the stand-in\'s field factories return SharePoint\'s field descriptors, with its numeric types',
    ours: [OURS.propertyPane],
    problems: () => {
      const dts = enumValues(read(distFiles('sp-property-pane', /^index-internal\.d\.ts$/)[0]),
        /export declare enum PropertyPaneFieldType \{([\s\S]*?)\n\}/, /^\s*(\w+) = (\d+),?\s*$/gm);
      const ours = enumValues(read(path.join(ROOT, OURS.propertyPane)), /var FieldType = \{([\s\S]*?)\};/, /(\w+):\s*(\d+)/g);
      if (dts.size === 0 || ours.size === 0) return [`could not read PropertyPaneFieldType (d.ts: ${dts.size} members, stand-in: ${ours.size})`];
      const out: string[] = [];
      for (const [name, v] of dts) if (ours.get(name) !== v) out.push(`${name}: SPFx ${v}, stand-in ${ours.has(name) ? ours.get(name) : '(missing)'}`);
      for (const [name, v] of ours) if (!dts.has(name)) out.push(`${name}: stand-in ${v}, not in SPFx`);
      return out;
    }
  },
  // 8. Sign-in and SharePoint endpoints (sp-http-base and the assembly)
  {
    api: 'on-behalf-of token: GET …/_api/Microsoft.SharePoint.Internal.ClientSideComponent.Token.AcquireOBOToken?resource=, header OBOToken, JSON.parse(e.value).AccessToken',
    usedFor: 'the local tenant answers this endpoint with a token for the resource, as SharePoint does',
    ours: [OURS.endpoints],
    problems: inSome(httpBaseAll, /"\/_api\/Microsoft\.SharePoint\.Internal"\)\+"\.ClientSideComponent\.Token\.AcquireOBOToken\?resource=/,
      /[{,]OBOToken:\w+[,}]|\.headers\.OBOToken=/, /JSON\.parse\(\w+\.value\)\.AccessToken/)
  },
  {
    api: 'POST {web}/_api/web/GetClientSideComponents with body {components, project}',
    usedFor: 'the loader asks for manifests it lacks; the local tenant answers from the runtime host (clientSideComponents)',
    ours: [OURS.endpoints, OURS.runtimeHost],
    problems: () => {
      const src = read(assembly()[0]);
      const direct = /\{components:\w+\};return \w+\.project=\w+\.Session\.clientSideApplicationId,this\._httpClient\.post\("".concat\([^;]{0,120}"\/_api\/web\/GetClientSideComponents"\)/;
      const viaField = /\.post\(\w+\+\w+\._restApiUrl,[^;]{0,80}body:JSON\.stringify\(\{components:\w+,project:\w+\.Session\.clientSideApplicationId\}\)/;
      return (direct.test(src) || (viaField.test(src) && src.includes('_restApiUrl="/_api/web/GetClientSideComponents"')))
        ? [] : ['no POST to /_api/web/GetClientSideComponents with {components, project} in the assembly'];
    }
  },
  {
    api: 'MSAL authority = aadInstanceUrl + "/" + aadTenantId',
    usedFor: 'pageContextInfo() sets aadInstanceUrl to the local tenant\'s origin, so sign-in goes to the local tenant\'s OAuth authority',
    ours: [OURS.spfxRuntime, 'localTenant/oauth.ts'],
    problems: inEvery(msalTokenProviders, /_getAuthority=function\(\)\{return this\._defaultConfiguration\.aadInstanceUrl\+"\/"\+this\._defaultConfiguration\.aadTenantId\}/)
  },
  {
    api: 'MSAL instance discovery at https://login.microsoftonline.com/common/discovery/instance',
    usedFor: 'the discovery service worker answers exactly that host and path from the local tenant',
    ours: [OURS.discoveryWorker, OURS.runtimeHost],
    problems: () => [
      ...inEvery(msalCore, /AAD_INSTANCE_DISCOVERY_ENDPT:"https:\/\/login\.microsoftonline\.com\/common\/discovery\/instance\?/)(),
      ...missing(read(path.join(ROOT, OURS.discoveryWorker)), /url\.hostname === 'login\.microsoftonline\.com' && url\.pathname === '\/common\/discovery\/instance'/)
    ]
  },
  {
    api: 'MSAL refuses a non-https authority (authority_uri_insecure)',
    usedFor: 'why the runtime host needs HTTPS (the workbench refuses to boot it over http)',
    ours: [OURS.server],
    problems: inEvery(msalCore, /="authority_uri_insecure"/, /"https:"!==\w+\.Protocol\.toLowerCase\(\)\)throw/)
  },
  {
    api: 'SPFx\'s sign-in client id _AadConstants.PRE_AUTHORIZED_APP_PRINCIPAL_ID',
    usedFor: 'the local tenant\'s authority and on-behalf-of exchange know SPFX_CLIENT_ID as the runtime\'s client',
    ours: [OURS.spfxRuntime, OURS.endpoints],
    problems: inEvery(() => [...assembly(), ...httpBaseMain()], new RegExp(`\\.PRE_AUTHORIZED_APP_PRINCIPAL_ID="${SPFX_CLIENT_ID}"`))
  },
  {
    api: 'MSAL redirectUri = origin + "/_forms/" + _AadConstants.SPFX_SINGLE_SIGN_ON_REPLY_URL',
    usedFor: 'the runtime host serves the sign-in redirect page at SSO_REDIRECT_PATH',
    ours: [OURS.spfxRuntime, OURS.runtimeHost],
    problems: () => {
      const out = inEvery(() => [...assembly(), ...httpBaseMain()], /\.SPFX_SINGLE_SIGN_ON_REPLY_URL="([^"]+)"/)();
      const src = read(assembly()[0]);
      const reply = /\.SPFX_SINGLE_SIGN_ON_REPLY_URL="([^"]+)"/.exec(src);
      if (!/redirectUri:"".concat\(window\.location\.origin,"\/_forms\/"\)\.concat\(\w+\._AadConstants\.SPFX_SINGLE_SIGN_ON_REPLY_URL\)/.test(src)) {
        out.push('the assembly no longer builds redirectUri as origin + "/_forms/" + SPFX_SINGLE_SIGN_ON_REPLY_URL');
      } else if (reply && `/_forms/${reply[1]}` !== SSO_REDIRECT_PATH) {
        out.push(`the runtime's redirect path is /_forms/${reply[1]}, SSO_REDIRECT_PATH is ${SSO_REDIRECT_PATH}`);
      }
      return out;
    }
  },
  // 9. React
  {
    api: 'sp-property-pane\'s manifest names React and ReactDOM by REACT_ID / REACT_DOM_ID at the version installed',
    usedFor: 'the runtime host serves React and ReactDOM (SharePoint provides them to components) under those ids',
    ours: [OURS.spfxRuntime],
    problems: () => {
      const m = npmManifests().find(x => x.alias === 'SPPropertyPane');
      if (!m) return ['no SPPropertyPane manifest'];
      const served = runtimeManifests(ROOT, 'https://localhost');
      return ([['react', REACT_ID], ['react-dom', REACT_DOM_ID]] as const).flatMap(([name, id]) => {
        const r = m.loaderConfig.scriptResources[name];
        const installed = (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf8')) as { version: string }).version;
        const ours = served.find(x => x.id === id);
        if (!r || r.type !== 'component') return [`SPPropertyPane does not name ${name} as a component`];
        return [
          ...(r.id === id ? [] : [`${name}: SPFx ${r.id}, ours ${id}`]),
          ...(r.version === installed ? [] : [`${name}: SPFx wants ${r.version}, node_modules has ${installed}`]),
          ...(ours && ours.version === r.version ? [] : [`${name}: SPFx wants ${r.version}, the host serves ${ours ? ours.version : '(none)'}`])
        ];
      });
    }
  },
  {
    api: 'react/umd/react.production.min.js and react-dom/umd/react-dom.production.min.js',
    usedFor: 'the files served under /_spfx/react/',
    ours: [OURS.spfxRuntime],
    problems: () => ['react/umd/react.production.min.js', 'react-dom/umd/react-dom.production.min.js'].filter(f => {
      try { return !fs.existsSync(require.resolve(f, { paths: [ROOT] })); } catch { return true; }
    }).map(f => `${f} is not in node_modules`)
  }
];

describe('SPFx 1.23.2 internals the runtime host relies on', () => {
  for (const c of CHECKS) {
    it(c.api, () => {
      const problems = c.problems();
      if (problems.length > 0) {
        throw new Error(`SPFx internal missing or changed: ${c.api}\n  - ${problems.join('\n  - ')}\n` +
          `Used by the runtime host: ${c.usedFor}.\nDepends on it: ${c.ours.join(', ')}`);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------------

const cache = new Map<string, string>();
function read(file: string): string {
  let s = cache.get(file);
  if (s === undefined) cache.set(file, s = fs.readFileSync(file, 'utf8'));
  return s;
}

/** The one file finder: the files of `@microsoft/<pkg>/dist` whose name matches `pattern` (at least one, or it throws). */
function distFiles(pkg: string, pattern: RegExp): string[] {
  const dist = path.join(path.dirname(require.resolve(`@microsoft/${pkg}/package.json`, { paths: [ROOT] })), 'dist');
  const found = fs.existsSync(dist) ? fs.readdirSync(dist).filter(f => pattern.test(f)).sort().map(f => path.join(dist, f)) : [];
  if (found.length === 0) throw new Error(`no file matching ${pattern} in node_modules/@microsoft/${pkg}/dist`);
  return found;
}

function label(file: string): string {
  return path.relative(path.join(ROOT, 'node_modules'), file);
}

/** The patterns that `src` does not match, as problems. */
function missing(src: string, ...patterns: RegExp[]): string[] {
  return patterns.filter(p => !p.test(src)).map(p => `no match for ${p}`);
}

function eachFile(files: () => string[], problems: (src: string) => string[]): Problems {
  return () => files().flatMap(f => problems(read(f)).map(p => `${label(f)}: ${p}`));
}

/** Every file matches every pattern. */
function inEvery(files: () => string[], ...patterns: RegExp[]): Problems {
  return eachFile(files, src => missing(src, ...patterns));
}

/** At least one of the files matches all the patterns. */
function inSome(files: () => string[], ...patterns: RegExp[]): Problems {
  return () => files().some(f => missing(read(f), ...patterns).length === 0)
    ? [] : [`no file of ${files().map(label).join(', ')} matches all of ${patterns.join(' ')}`];
}

/** The identifier webpack's export map binds `name` to (`name:()=>ident`) and where the map is. */
function exportedIdent(src: string, name: string): { ident: string; at: number } | undefined {
  const m = new RegExp(`[{,]${name}:\\(\\)=>([\\w$]+)[,}]`).exec(src);
  return m ? { ident: m[1], at: m.index } : undefined;
}

/**
 * The body of the ES5 class an export is bound to: `ident=function(base){function Inner(…){…}…,Inner}(…)`, its first
 * definition after the export map (the assembly holds many modules, each with its own one-letter names), through a
 * `const ident=other;` alias if need be.
 */
function classBodyProblems(src: string, exportName: string, check: (body: string) => string[]): string[] {
  const e = exportedIdent(src, exportName);
  if (!e) return [`no export ${exportName}`];
  const after = (re: RegExp): RegExpExecArray | null => { re.lastIndex = e.at; return re.exec(src); };
  let ident = e.ident;
  let m = after(new RegExp(`[^\\w$.]${escape(ident)}=function\\([\\w$]*\\)\\{function ([\\w$]+)\\(`, 'g'));
  const alias = m ? null : after(new RegExp(`const ${escape(ident)}=([\\w$]+);`, 'g'));
  if (alias) {
    ident = alias[1];
    m = after(new RegExp(`[^\\w$.]${escape(ident)}=function\\([\\w$]*\\)\\{function ([\\w$]+)\\(`, 'g'));
  }
  if (!m) return [`${exportName} (${ident}) is not an ES5 class`];
  const end = src.indexOf(`,${m[1]}}(`, m.index);
  if (end < 0) return [`cannot find the end of ${exportName}'s class`];
  return check(src.slice(m.index, end));
}

function escape(ident: string): string {
  return ident.replace(/\$/g, '\\$');
}

/** `_initializeAssembly([['id', 'version', x], …])` of the page assembly: id → version. */
function assemblyComponents(): Map<string, string> {
  const call = /\._initializeAssembly\(\[((?:\['[0-9a-f-]{36}',\s*'[^']+',\s*[\w$]+\],?)+)\]\)/.exec(read(assembly()[0]));
  return new Map(call ? [...call[1].matchAll(/\['([0-9a-f-]{36})',\s*'([^']+)'/g)].map(m => [m[1], m[2]] as [string, string]) : []);
}

/** The `[alias, id, version]` triples of a list in spfxRuntime.ts, read from its source (the lists are not exported). */
function sourceTriples(list: 'ASSEMBLY_ONLY' | 'EMPTY_INTERNALS'): Array<[string, string, string]> {
  const block = new RegExp(`const ${list}\\b[^=]*=\\s*\\[([\\s\\S]*?)\\n\\];`).exec(read(path.join(ROOT, OURS.spfxRuntime)));
  return block ? [...block[1].matchAll(/\[\s*'([^']+)',\s*'([0-9a-f-]{36})',\s*'([^']+)'\s*\]/g)].map(m => [m[1], m[2], m[3]] as [string, string, string]) : [];
}

/** Every component manifest of the sp-* packages the runtime host serves (the assemblies' included). */
function npmManifests(): RuntimeManifest[] {
  const out: RuntimeManifest[] = [];
  for (const dist of spfxPackages(ROOT).values()) {
    for (const f of fs.readdirSync(dist).filter(n => n.endsWith('.manifest.json'))) out.push(JSON.parse(read(path.join(dist, f))) as RuntimeManifest);
  }
  return out;
}

function enumValues(src: string, block: RegExp, member: RegExp): Map<string, number> {
  const b = block.exec(src);
  return new Map(b ? [...b[1].matchAll(member)].map(m => [m[1], Number(m[2])] as [string, number]) : []);
}
