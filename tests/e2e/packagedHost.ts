/**
 * Runs in the browser, not in Node: what a SharePoint page gives the packaged SPFx bundles, for
 * packagedBundles.e2e.test.ts, which bundles this file with esbuild into one IIFE at test time.
 *
 * - a global AMD `define`: each first script and strings file calls `define([...names], factory)` anonymously from a
 *   `<script src>` (the first scripts find their chunk folder with `document.currentScript`), so every file is loaded
 *   with a real script tag and its define call is captured by that tag's URL;
 * - the names resolved as SharePoint's loader does, from the component manifest's `scriptResources`: `path` (the
 *   first script), `localizedPath` (the en-US strings file) and `component` (an SPFx library, by id);
 * - the SPFx libraries: the jest mocks of tests/mocks/sp, and `@microsoft/sp-loader`'s
 *   `SPComponentLoader.loadComponentById`, which the webpack runtime in the first scripts calls for the externals its
 *   chunks need (React, ReactDOM, sp-core-library). An id the host does not have rejects, naming the id.
 */
import * as coreLibrary from '../mocks/sp/core-library';
import * as webpartBase from '../mocks/sp/webpart-base';
import * as propertyPane from '../mocks/sp/property-pane';
import * as componentBase from '../mocks/sp/component-base';
import * as applicationBase from '../mocks/sp/application-base';
import type { IComponentManifest } from '../../scripts/sppkg';

/** What the page knows before any bundle runs (written into the page by the test). */
export interface IHostConfig {
  /** Where the package's ClientSideAssets are served, ending with `/`. */
  assetsUrl: string;
  manifests: IComponentManifest[];
  locale: string;
}

/** Who and where: the page context of the one person on the one site. */
export interface IHostPage {
  siteUrl: string;
  siteTitle: string;
  tenantId: string;
  user: { loginName: string; displayName: string; email: string };
  /** The person's Graph token (the local tenant's `/_dev/token`). */
  token: string;
}

interface IDefined { deps: string[]; factory: (...modules: unknown[]) => unknown }

const w = window as any;
const config: IHostConfig = w.packagedHostConfig;
if (!config) throw new Error('packagedHost: window.packagedHostConfig is missing');

/** Ids of SPFx components React and ReactDOM, which SharePoint provides (the chunk runtime asks for them). */
const REACT_ID = '0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d';
const REACT_DOM_ID = 'aa0a46ec-1505-43cd-a44a-93f3a5aa460a';

const libraries: Record<string, unknown> = {
  '@microsoft/sp-core-library': coreLibrary,
  '@microsoft/sp-webpart-base': webpartBase,
  '@microsoft/sp-property-pane': propertyPane,
  '@microsoft/sp-component-base': componentBase,
  '@microsoft/sp-application-base': applicationBase
};

/** What the page asked of the loader, in order, for the test's messages. */
const log: string[] = [];

const SPComponentLoader = {
  loadComponentById(id: string, version?: string): Promise<unknown> {
    log.push(`loadComponentById ${id} ${version || ''}`.trim());
    if (id === REACT_ID || id === REACT_DOM_ID) {
      const lib = id === REACT_ID ? w.React : w.ReactDOM;
      if (!lib) return Promise.reject(new Error(`packagedHost: ${id === REACT_ID ? 'React' : 'ReactDOM'} (${id}) is not on the page`));
      if (version && lib.version !== version) {
        return Promise.reject(new Error(`packagedHost: component ${id} asked in version ${version}, the page has ${lib.version}`));
      }
      return Promise.resolve(lib);
    }
    // The SPFx libraries, by the ids the manifests give their package names.
    for (const m of config.manifests) {
      for (const [name, r] of Object.entries(m.loaderConfig.scriptResources)) {
        if (r.type === 'component' && r.id === id && libraries[name]) return Promise.resolve(libraries[name]);
      }
    }
    return Promise.reject(new Error(`packagedHost: no SPFx component with id ${id} (version ${version || 'any'}) on this page`));
  }
};
libraries['@microsoft/sp-loader'] = { SPComponentLoader };

const captured = new Map<string, IDefined>();
w.define = (deps: string[] | IDefined['factory'], factory?: IDefined['factory']): void => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || !script.src) throw new Error('packagedHost: define() called outside a <script src>');
  captured.set(script.src, typeof deps === 'function' ? { deps: [], factory: deps } : { deps, factory: factory as IDefined['factory'] });
};

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.crossOrigin = 'anonymous';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`packagedHost: could not load ${url}`));
    document.head.appendChild(script);
  });
}

/** AMD modules by URL, each loaded once per page (as SharePoint's loader keeps them). */
const amdModules = new Map<string, Promise<unknown>>();

function loadAmd(url: string, resolveName: (name: string) => Promise<unknown>): Promise<unknown> {
  let loaded = amdModules.get(url);
  if (!loaded) {
    loaded = loadScript(url).then(async () => {
      const defined = captured.get(url);
      if (!defined) throw new Error(`packagedHost: ${url} did not call define()`);
      const deps = await Promise.all(defined.deps.map(resolveName));
      return defined.factory(...deps);
    });
    amdModules.set(url, loaded);
  }
  return loaded;
}

function manifestOf(id: string): IComponentManifest {
  const manifest = config.manifests.filter(m => m.id === id)[0];
  if (!manifest) throw new Error(`packagedHost: no component manifest with id ${id} in the package`);
  return manifest;
}

/** The component's class, loaded the way SharePoint loads it: its entry module, then the manifest's exportName. */
async function loadComponent(id: string): Promise<new () => any> {
  const manifest = manifestOf(id);
  const { loaderConfig } = manifest;
  const resolveName = (name: string): Promise<unknown> => {
    const r = loaderConfig.scriptResources[name];
    if (!r) return Promise.reject(new Error(`packagedHost: ${manifest.alias} needs "${name}", which its manifest does not list`));
    switch (r.type) {
      case 'path': return loadAmd(config.assetsUrl + r.path, resolveName);
      case 'localizedPath': return loadAmd(config.assetsUrl + ((r.paths || {})[config.locale] || r.defaultPath), resolveName);
      case 'component': return SPComponentLoader.loadComponentById(r.id as string, r.version);
      default: return Promise.reject(new Error(`packagedHost: ${manifest.alias}: scriptResource ${name} of type ${String(r.type)}`));
    }
  };
  const entry = await resolveName(loaderConfig.entryModuleId) as Record<string, any>;
  const exported = loaderConfig.exportName ? entry[loaderConfig.exportName] : entry;
  const component = exported && exported.default ? exported.default : exported;
  if (typeof component !== 'function') throw new Error(`packagedHost: ${manifest.alias}'s entry exports no class (${Object.keys(entry).join(', ')})`);
  return component;
}

/** The component context SPFx gives a web part or customizer, as much of it as Access Hub and PnPjs read. */
function context(page: IHostPage, extra: Record<string, unknown>): Record<string, unknown> {
  const url = new URL(page.siteUrl);
  return {
    pageContext: {
      web: { absoluteUrl: page.siteUrl, serverRelativeUrl: url.pathname, title: page.siteTitle },
      site: { absoluteUrl: page.siteUrl, serverRelativeUrl: url.pathname },
      cultureInfo: { currentUICultureName: config.locale, currentCultureName: config.locale },
      aadInfo: { tenantId: page.tenantId },
      user: { ...page.user, isAnonymousGuestUser: false, isExternalGuestUser: false },
      legacyPageContext: { msGraphEndpointUrl: 'graph.microsoft.com', aadTenantId: page.tenantId, webAbsoluteUrl: page.siteUrl }
    },
    aadTokenProviderFactory: {
      getTokenProvider: () => Promise.resolve({
        getToken: (resource: string) => {
          log.push(`getToken ${resource}`);
          return Promise.resolve(page.token);
        }
      })
    },
    propertyPane: { refresh: () => undefined },
    serviceScope: { consume: () => ({ tryGetTheme: () => undefined }) },
    ...extra
  };
}

let placeholders = 0;

const host = {
  log,
  /** How often the customizer asked for a placeholder. */
  get placeholderRequests(): number { return placeholders; },

  /** Adds the web part to the page's canvas and loads it as SharePoint does (onInit, then render). */
  async mountWebPart(id: string, page: IHostPage, properties: Record<string, unknown>): Promise<void> {
    const WebPart = await loadComponent(id);
    const webPart = new WebPart();
    const section = document.createElement('section');
    section.setAttribute('data-webpart-id', id);
    section.appendChild(webPart.domElement);
    (document.getElementById('canvas') as HTMLElement).appendChild(section);
    await webPart.__load(context(page, {}), properties);
  },

  /** Loads the application customizer with a top placeholder on the page. */
  async runCustomizer(id: string, page: IHostPage, properties: Record<string, unknown>): Promise<void> {
    const Customizer = await loadComponent(id);
    const customizer = new Customizer();
    const add = (): void => undefined;
    await customizer.__load(context(page, {
      placeholderProvider: {
        placeholderNames: ['Top'],
        changedEvent: { add },
        tryCreateContent: (name: string) => {
          placeholders++;
          if (name !== 'Top') return undefined;
          const element = document.createElement('div');
          element.setAttribute('data-placeholder', name);
          (document.getElementById('top-placeholder') as HTMLElement).appendChild(element);
          return { domElement: element, dispose: () => element.remove() };
        }
      },
      application: { navigatedEvent: { add } }
    }), properties);
  }
};

w.packagedHost = host;
