/**
 * The runtime host: the workbench's intranet pages booted by SharePoint's own client runtime (the loader, the web
 * part manager, the application customizer loader, placeholders and token providers from node_modules) with the
 * packaged bundles exactly as SharePoint serves ClientSideAssets. README.md beside this file has the whole picture.
 *
 * The workbench calls `page()` for a site page's scripts and `handle()` for the files the runtime loads; the local
 * tenant answers the runtime's endpoints (sign-in, the on-behalf-of token, GetClientSideComponents through
 * `clientSideComponents`).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { serveStatic } from '../static';
import { esc, jsonForScript, PageAssets } from '../pages';
import {
  assemblyUrl, LOCAL_APPLICATION_ID, pageContextInfo, PageContextInput, runtimeFile, runtimeManifests, RuntimeManifest,
  SPFX_PREFIX, SSO_REDIRECT_PATH
} from './spfxRuntime';
import { packageReader, SolutionPackage } from './solutionPackage';

export interface RuntimeHostOptions {
  repoRoot: string;
  /** Where the workbench serves Fluent's icon fonts (SharePoint's page registers them from its CDN). */
  iconsBaseUrl?: string;
  /** Default `sharepoint/solution/access-hub.sppkg` under repoRoot. */
  sppkgPath?: string;
}

export interface RuntimePageInput extends PageContextInput {
  /** The page's web parts in order: alias and properties (from the fixture). `elementId` of each slot. */
  webParts: Array<{ alias: string; title: string; properties: unknown; elementId: string }>;
  /** Overrides the customizer's properties of the package's elements.xml (the workbench's `?prompt=`). */
  customizerProperties?: Record<string, unknown>;
  /** The web parts wait for `localRuntime.mountWebParts()` (`?deferWebParts=1`): the customizer loads first. */
  deferWebParts?: boolean;
  /**
   * Edit mode (`?edit=1`, for a person with Edit or Full Control): web parts load in DisplayMode.Edit with the stand-in
   * property pane, each gets an "Edit web part" button, and the page's Republish saves them.
   */
  editMode?: boolean;
  /** The page's list item id in Site Pages (what `{web}/_api/sitepages/pages({id})` addresses). */
  pageId?: number;
}

export interface RuntimeHost {
  readonly sppkgPath: string;
  /** True when a package is there to serve. */
  available(): boolean;
  /** The scripts a site page needs to boot SharePoint's runtime with the package. */
  page(input: RuntimePageInput): PageAssets;
  /** Answers `/_spfx/…`, the app catalog's ClientSideAssets and the sign-in redirect page; false for anything else. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean>;
  /** `POST {web}/_api/web/GetClientSideComponents`: the manifests asked for that the host knows. */
  clientSideComponents(origin: string, ids: string[]): RuntimeManifest[];
}

const DISCOVERY_WORKER = 'entraDiscoveryWorker.js';
const ICONS_SCRIPT = 'fluentIcons.js';

export const DEFAULT_SPPKG = path.join('sharepoint', 'solution', 'access-hub.sppkg');

export function createRuntimeHost(o: RuntimeHostOptions): RuntimeHost {
  const repoRoot = path.resolve(o.repoRoot);
  const sppkgPath = path.resolve(repoRoot, o.sppkgPath || DEFAULT_SPPKG);
  const readPackage = packageReader(sppkgPath);
  const runtimeCache = new Map<string, RuntimeManifest[]>();
  const runtime = (origin: string): RuntimeManifest[] => {
    let m = runtimeCache.get(origin);
    if (!m) runtimeCache.set(origin, m = runtimeManifests(repoRoot, origin));
    return m;
  };
  const allManifests = (origin: string, pkg: SolutionPackage): RuntimeManifest[] => [...runtime(origin), ...pkg.manifests(origin)];
  let icons: Promise<string> | undefined;
  /**
   * Stand-in for SharePoint's page chrome registering Fluent UI's icon fonts (components render icons by name and
   * rely on the page for the fonts): Fluent's own initializeIcons, bundled once for the browser with esbuild.
   */
  const iconScript = (): Promise<string> => icons || (icons = import('esbuild').then(esbuild => esbuild.build({
    stdin: {
      contents: `import { initializeIcons } from '@fluentui/font-icons-mdl2'; initializeIcons(${JSON.stringify(o.iconsBaseUrl || '')}, { disableWarnings: true });`,
      resolveDir: repoRoot, loader: 'js'
    },
    bundle: true, format: 'iife', platform: 'browser', target: 'es2017', minify: true, write: false, logLevel: 'silent'
  })).then(r => r.outputFiles[0].text));

  return {
    sppkgPath,
    available: () => fs.existsSync(sppkgPath),

    page(input) {
      const pkg = readPackage();
      const own = pkg.manifests(input.origin);
      const manifests = [...runtime(input.origin), ...own];
      const byAlias = new Map(own.map(m => [m.alias, m]));
      const webParts = input.webParts.map(wp => {
        const manifest = byAlias.get(wp.alias);
        if (!manifest) throw new Error(`runtime host: the package has no web part "${wp.alias}"`);
        return { id: manifest.id, alias: wp.alias, title: wp.title, instanceId: randomUUID(), properties: wp.properties, elementId: wp.elementId };
      });
      const pageManifests: Record<string, RuntimeManifest> = {};
      for (const wp of webParts) pageManifests[wp.id] = byAlias.get(wp.alias) as RuntimeManifest;
      const customActions: Record<string, unknown> = {};
      for (const c of pkg.customizers) {
        customActions[c.id] = {
          location: c.location, clientSideComponentId: c.id,
          clientSideComponentProperties: JSON.stringify(input.customizerProperties && Object.keys(input.customizerProperties).length ? input.customizerProperties : c.properties)
        };
      }
      const spPageContextInfo = pageContextInfo(input);
      const preloadedData = {
        clientSideApplicationId: LOCAL_APPLICATION_ID,
        buildNumber: 'local-tenant',
        spPageContextInfo,
        manifests,
        customActions: Object.values(customActions)
      };
      const head = `<script>window.FabricConfig={fontBaseUrl:''};window.localRuntime={mounted:[],errors:[],ready:false,navigations:0};</script>
<script src="${SPFX_PREFIX}standins/${ICONS_SCRIPT}"></script>`;
      const scripts = `<script type="application/json" id="local-runtime-page">${jsonForScript({
  webParts, manifests: pageManifests, deferWebParts: !!input.deferWebParts, editMode: !!input.editMode, pageId: input.pageId,
  webUrl: spPageContextInfo.webAbsoluteUrl, formDigestValue: input.editMode ? spPageContextInfo.formDigestValue : undefined
})}</script>
<script type="application/json" id="local-runtime-preloaded">${jsonForScript(preloadedData)}</script>
<script src="${esc(assemblyUrl(input.origin, input.locale))}"></script>
<script>(function(){
  var data = JSON.parse(document.getElementById('local-runtime-preloaded').textContent);
  function start() {
    // SharePoint's telemetry needs an ingestion token that only SharePoint's own page has.
    self.spModuleLoader._isTelemetryDisabled = true;
    self.spModuleLoader.start(data, function (e) {
      window.localRuntime.errors.push('start: ' + (e && (e.message || (e.error && e.error.message)) || String(e)));
    });
  }
  // MSAL's instance discovery is answered by the local tenant through a service worker (standins/${DISCOVERY_WORKER}):
  // the loader starts once the worker controls the page.
  var sw = navigator.serviceWorker;
  if (!sw) { window.localRuntime.errors.push('no service worker support: sign-in cannot reach the local tenant'); start(); return; }
  if (sw.controller) { start(); return; }
  sw.addEventListener('controllerchange', function once() { sw.removeEventListener('controllerchange', once); start(); });
  sw.register('${SPFX_PREFIX}standins/${DISCOVERY_WORKER}', { scope: '/' }).catch(function (e) {
    window.localRuntime.errors.push('service worker: ' + e.message); start();
  });
})();</script>`;
      return { head, scripts };
    },

    async handle(req, res, pathname) {
      if (pathname === SSO_REDIRECT_PATH) {
        // MSAL reads the sign-in answer from this page's URL (hash) in its hidden iframe; the page itself is empty.
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('<!DOCTYPE html><html lang="en"><head><title>Signing in</title></head><body></body></html>');
        return true;
      }
      if (pathname.startsWith(SPFX_PREFIX)) {
        const rel = pathname.slice(SPFX_PREFIX.length);
        if (rel === `standins/${ICONS_SCRIPT}`) {
          const text = await iconScript();
          res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });
          res.end(req.method === 'HEAD' ? undefined : text);
          return true;
        }
        // The worker serves the whole origin (its pages are under /sites/), so it may take the scope '/'.
        if (rel === `standins/${DISCOVERY_WORKER}`) res.setHeader('Service-Worker-Allowed', '/');
        const file = runtimeFile(repoRoot, rel);
        if (!file || !(await serveStatic(req, res, path.dirname(file), path.basename(file), 'public, max-age=3600'))) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Not found');
        }
        return true;
      }
      if (!fs.existsSync(sppkgPath)) return false;
      const pkg = readPackage();
      if (pathname.startsWith(pkg.assetsPath)) {
        const body = pkg.assets.get(decodeURIComponent(pathname.slice(pkg.assetsPath.length)));
        if (!body) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Not in the package');
          return true;
        }
        const type = pathname.endsWith('.js') ? 'application/javascript; charset=utf-8' : pathname.endsWith('.png') ? 'image/png' : 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return true;
      }
      return false;
    },

    clientSideComponents(origin, ids) {
      const wanted = new Set(ids.map(i => i.toLowerCase()));
      const pkg = fs.existsSync(sppkgPath) ? readPackage() : undefined;
      const all = pkg ? allManifests(origin, pkg) : runtime(origin);
      return all.filter(m => wanted.has(m.id.toLowerCase()));
    }
  };
}
