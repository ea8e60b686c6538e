/**
 * The local workbench: renders the fixture's intranet pages (SharePoint-like chrome, one slot per web part) and
 * serves the client that mounts Access Hub's real root components into them. It is the local tenant's
 * `fallback` handler: the tenant answers Graph, SharePoint REST and `/_dev/`, the workbench everything else.
 *
 * - dev mode: Vite in middleware mode (transforms `src/` on request, HMR when given the HTTP server);
 * - build mode: the client built once by `buildClient` and served as static files.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { TLSSocket } from 'tls';
import type { ViteDevServer } from 'vite';
import { buildClient, entryChunk, loadVite, readManifest, ViteManifest } from './build';
import { discoverLocModules, parseJsonWithComments } from './locPlugin';
import {
  CUSTOMIZER_ALIAS, DEFAULT_PERSON, TOP_PLACEHOLDER_ID, PageAssets, esc, renderAccessDenied, renderIndex, renderNotFound,
  renderSitePage, renderStarting, renderUnknownPerson
} from './pages';
import { serveStatic } from './static';
import { DASHBOARD_PATH, EXPAND_PATH, renderDashboard, serveExpand } from './dashboard';
import { WorkbenchTenant, WorkbenchUser, findPage, findSite, pagePath, siteName } from './tenantView';
import { CLIENT_ENTRY, DEFAULT_DIST, WORKBENCH_BASE, workbenchViteConfig } from './viteConfig';
import { createRuntimeHost, RuntimeHost } from './runtime/runtimeHost';
import { renderTeamsRoute, teamsIndexSection, TEAMS_SEGMENT, TeamsClientConfig } from './teams';

/** Who boots a site page: the Vite workbench client (fast, for development) or SharePoint's own SPFx runtime. */
export type PageRuntime = 'vite' | 'spfx';

export type WorkbenchMode = 'dev' | 'build';

export interface WorkbenchOptions {
  tenant: WorkbenchTenant;
  repoRoot: string;
  /** 'dev' (default): Vite middleware; 'build': the prebuilt client from `distDir` (built first when stale). */
  mode?: WorkbenchMode;
  /** Dev: the HTTP server to attach Vite's HMR websocket to (the local tenant's). Without it, no HMR. */
  httpServer?: http.Server;
  /** Dev: watch files (default: when `httpServer` is given). */
  watch?: boolean;
  /** Build mode: where the client build lives (default `localTenant/workbench/dist`). */
  distDir?: string;
  /** Build mode: 'auto' (default) rebuilds when inputs changed; 'never' uses what is there; 'always' rebuilds. */
  rebuild?: 'auto' | 'never' | 'always';
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /**
   * The default runtime of site pages (`?runtime=vite|spfx` chooses per page). 'spfx' boots SharePoint's own client
   * runtime with the packaged `.sppkg` (runtime/README.md); it needs the package and, for its sign-in, HTTPS.
   */
  runtime?: PageRuntime;
  /** The runtime host's package (default `sharepoint/solution/access-hub.sppkg`). */
  sppkgPath?: string;
  /** Starts a person's browser session on the origin (SharePoint's sign-in cookie), for runtime pages. */
  sessionCookie?: (user: WorkbenchUser, secure: boolean) => string | undefined;
  /** Registers the runtime host's manifests for the tenant's GetClientSideComponents. */
  registerComponents?: (source: (origin: string, ids: string[]) => unknown[]) => void;
}

export interface Workbench {
  readonly mode: WorkbenchMode;
  readonly runtime: PageRuntime;
  readonly runtimeHost: RuntimeHost;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/** The client configuration a site page carries in `#wb-config`. */
export interface WorkbenchClientConfig {
  /** `<origin>/sites/<name>`: where SharePoint REST for this site is served locally. */
  siteUrl: string;
  /** The fixture's URL, `https://contoso.sharepoint.com/sites/<name>`. */
  absoluteSiteUrl: string;
  siteServerRelativeUrl: string;
  siteTitle: string;
  page: { name: string; title: string };
  user: { id: string; userPrincipalName: string; displayName: string };
  language: string;
  myAccessUrl: string;
  graphBaseUrl: string;
  tokenUrl: string;
  /** Icon fonts base URL for `initializeIcons` (served locally; no CDN). */
  iconsBaseUrl: string;
  customizer: { alias: string; placeholderId: string; properties: Record<string, unknown> };
  webParts: Array<{ alias: string; title: string; properties: unknown }>;
  /** A Teams page (teams.ts): the client hosts the web part with a Teams JS SDK stand-in. */
  teams?: TeamsClientConfig;
  /** The Viva Connections dashboard page (dashboard.ts): the client hosts the AccessCard instead of web parts. */
  dashboard?: boolean;
}

const FONTS_PREFIX = `${WORKBENCH_BASE}fonts/`;
const LANG_PATTERN = /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}$/i;
const FALLBACK_LOCALE = 'en-us';

/**
 * The customizer's `ClientSideComponentProperties`, as a site admin would set them, from the page's query:
 * `prompt={"packageIds":["…"],"dismissDays":7}` (JSON). Anything unreadable gives none.
 */
function customizerProperties(q: URLSearchParams): Record<string, unknown> {
  const raw = q.get('prompt');
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function firstQuery(q: URLSearchParams, key: string): string | undefined {
  const v = q.get(key);
  return v === null ? undefined : v.trim();
}

function send(res: http.ServerResponse, status: number, html: string, headers: Record<string, string> = {}, head = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(Buffer.byteLength(html)));
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(head ? undefined : html);
}

function origin(req: http.IncomingMessage): string {
  const host = String(req.headers.host || 'localhost').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${scheme}://${host || 'localhost'}`;
}

/**
 * Answers while the workbench is still starting: a real page (title, `lang`) that polls `/_dev/health` and reloads
 * itself once a reload would render the web parts; 503 with Retry-After for scripts. Other requests get a short text.
 */
export function sendStarting(req: http.IncomingMessage, res: http.ServerResponse): void {
  const accept = String(req.headers.accept || '');
  const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && (accept.includes('text/html') || accept === '' || accept.includes('*/*')) &&
    !String(req.url || '').startsWith(WORKBENCH_BASE);
  if (!wantsPage) {
    res.statusCode = 503;
    res.setHeader('Retry-After', '1');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('The workbench is starting.\n');
    return;
  }
  let css = '';
  try { css = fs.readFileSync(path.join(__dirname, 'page.css'), 'utf8'); } catch { /* unstyled is fine for a few seconds */ }
  send(res, 503, renderStarting({ css }), { 'Retry-After': '1' }, req.method === 'HEAD');
}

/** Web part and customizer titles by alias and locale, from the component manifests. */
function readManifestTitles(repoRoot: string): Map<string, Record<string, string>> {
  const titles = new Map<string, Record<string, string>>();
  for (const area of ['webparts', 'extensions']) {
    const dir = path.join(repoRoot, 'src', area);
    let subdirs: string[] = [];
    try { subdirs = fs.readdirSync(dir); } catch { continue; }
    for (const sub of subdirs) {
      let files: string[] = [];
      try { files = fs.readdirSync(path.join(dir, sub)); } catch { continue; }
      for (const f of files.filter(n => n.endsWith('.manifest.json'))) {
        try {
          const m = parseJsonWithComments(fs.readFileSync(path.join(dir, sub, f), 'utf8')) as {
            alias?: string; preconfiguredEntries?: Array<{ title?: Record<string, string> }>;
          };
          const title = m.preconfiguredEntries && m.preconfiguredEntries[0] && m.preconfiguredEntries[0].title;
          if (m.alias) titles.set(m.alias, title && typeof title === 'object' ? title : {});
        } catch { /* a manifest being edited: fall back to the alias */ }
      }
    }
  }
  return titles;
}

function localizedTitle(titles: Map<string, Record<string, string>>, alias: string, language: string): string {
  const t = titles.get(alias);
  if (!t) return alias;
  const key = Object.keys(t).find(k => k.toLowerCase() === language) ||
    Object.keys(t).find(k => k.split('-')[0].toLowerCase() === language.split('-')[0]);
  return (key && t[key]) || t.default || alias;
}

export async function createWorkbench(o: WorkbenchOptions): Promise<Workbench> {
  const repoRoot = path.resolve(o.repoRoot);
  const mode: WorkbenchMode = o.mode || 'dev';
  const tenant = o.tenant;
  const cssFile = path.join(__dirname, 'page.css');
  const fontsDir = iconFontsDir(repoRoot);
  let css = fs.readFileSync(cssFile, 'utf8');
  let titles = readManifestTitles(repoRoot);
  let locales = supportedLocales(repoRoot);
  const defaultRuntime: PageRuntime = o.runtime || 'vite';
  const runtimeHost = createRuntimeHost({ repoRoot, sppkgPath: o.sppkgPath, iconsBaseUrl: FONTS_PREFIX });
  if (o.registerComponents) o.registerComponents((origin, ids) => runtimeHost.clientSideComponents(origin, ids));

  let vite: ViteDevServer | undefined;
  let manifest: ViteManifest | undefined;
  let distDir = path.resolve(repoRoot, o.distDir || DEFAULT_DIST);

  if (mode === 'dev') {
    const v = await loadVite();
    vite = await v.createServer(workbenchViteConfig({
      repoRoot, command: 'serve', hmrServer: o.httpServer, watch: o.watch, logLevel: o.logLevel
    }));
    try {
      const warmStarted = Date.now();
      const modules = await warmUp(vite);
      if (o.logLevel === 'info') process.stdout.write(`  [workbench] ${modules} client modules compiled in ${Date.now() - warmStarted} ms\n`);
    } catch (e) {
      // A source file that does not compile must not keep the workbench from starting: the page then shows
      // Vite's error overlay, which says more than a failed start would.
      if (o.logLevel !== 'silent') process.stderr.write(`[workbench] warm-up stopped: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  } else {
    const rebuild = o.rebuild || 'auto';
    if (rebuild === 'never') {
      manifest = readManifest(distDir);
      if (!manifest) throw new Error(`No workbench build in ${distDir}: run \`npx tsx localTenant/workbench/build.ts\``);
    } else {
      const result = await buildClient({ repoRoot, outDir: distDir, force: rebuild === 'always', logLevel: o.logLevel });
      manifest = result.manifest;
      distDir = result.outDir;
    }
  }

  /** Dev: re-read the chrome, titles and locales per page, so edits show on reload. */
  const refresh = (): void => {
    if (mode !== 'dev') return;
    try { css = fs.readFileSync(cssFile, 'utf8'); } catch { /* keep the last */ }
    titles = readManifestTitles(repoRoot);
    locales = supportedLocales(repoRoot);
  };

  const assets = (): PageAssets => {
    if (mode === 'dev') {
      // transformIndexHtml adds the base (`/_workbench/`) and injects `@vite/client`.
      return { head: '', scripts: `<script type="module" src="/${CLIENT_ENTRY}"></script>` };
    }
    const entry = entryChunk(manifest as ViteManifest);
    const seen = new Set<string>();
    const preloads: string[] = [];
    const cssFiles = new Set<string>(entry.css || []);
    const visit = (key: string): void => {
      const chunk = (manifest as ViteManifest)[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      preloads.push(chunk.file);
      for (const c of chunk.css || []) cssFiles.add(c);
      for (const i of chunk.imports || []) visit(i);
    };
    for (const i of entry.imports || []) visit(i);
    return {
      head: [
        ...Array.from(cssFiles).map(f => `<link rel="stylesheet" href="${esc(WORKBENCH_BASE + f)}">`),
        ...preloads.map(f => `<link rel="modulepreload" href="${esc(WORKBENCH_BASE + f)}">`)
      ].join('\n'),
      scripts: `<script type="module" src="${esc(WORKBENCH_BASE + entry.file)}"></script>`
    };
  };

  const tenantName = (): string => (tenant.tenantInfo && tenant.tenantInfo.displayName) || 'Contoso';
  const tenantId = (): string => (tenant.tenantInfo && (tenant.tenantInfo as { id?: string }).id) || '00000000-0000-0000-0000-000000000000';

  const defaultPerson = (): WorkbenchUser | undefined => tenant.findUser(DEFAULT_PERSON) || tenant.users[0];

  const pageLanguage = (query: URLSearchParams, user: WorkbenchUser): string => {
    const requested = firstQuery(query, 'lang');
    if (requested && LANG_PATTERN.test(requested)) return requested.toLowerCase();
    const preferred = String(user.preferredLanguage || '').toLowerCase();
    if (preferred && locales.has(preferred)) return preferred;
    return FALLBACK_LOCALE;
  };

  async function renderHtml(url: string, html: string): Promise<string> {
    return vite ? vite.transformIndexHtml(url, html) : html;
  }

  async function sitePage(req: http.IncomingMessage, res: http.ServerResponse, url: URL, name: string, pageName: string): Promise<void> {
    const head = req.method === 'HEAD';
    refresh();
    const site = findSite(tenant, name);
    const page = site && findPage(site, pageName);
    if (!site || !page) {
      send(res, 404, renderNotFound({ tenantName: tenantName(), path: url.pathname, css, what: site ? 'This page does not exist' : 'This site does not exist' }), {}, head);
      return;
    }
    const canonical = pagePath(site, page);
    const requested = firstQuery(url.searchParams, 'as');
    const user = requested ? tenant.findUser(requested) : defaultPerson();
    if (!user) {
      send(res, 400, renderUnknownPerson({
        tenantName: tenantName(), requested: requested || '', users: tenant.users, path: canonical, query: url.searchParams, css
      }), {}, head);
      return;
    }
    const language = pageLanguage(url.searchParams, user);
    const level = tenant.sitePermissionLevel(siteName(site) || site.url, user.id);
    if (level === 'none') {
      send(res, 403, renderAccessDenied({
        tenantName: tenantName(), site, user, users: tenant.users, language, path: canonical, query: url.searchParams, css
      }), {}, head);
      return;
    }
    const here = origin(req);
    const serverRelative = `/sites/${siteName(site)}`;
    const config: WorkbenchClientConfig = {
      siteUrl: here + serverRelative,
      absoluteSiteUrl: site.url,
      siteServerRelativeUrl: serverRelative,
      siteTitle: site.title,
      page: { name: page.name, title: page.title },
      user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName },
      language,
      myAccessUrl: (tenant.tenantInfo && tenant.tenantInfo.myAccessUrl) || '',
      graphBaseUrl: `${here}/v1.0`,
      tokenUrl: '/_dev/token',
      iconsBaseUrl: FONTS_PREFIX,
      customizer: { alias: CUSTOMIZER_ALIAS, placeholderId: TOP_PLACEHOLDER_ID, properties: customizerProperties(url.searchParams) },
      webParts: (page.webParts || []).map(wp => ({
        alias: String(wp.alias), title: localizedTitle(titles, String(wp.alias), language), properties: wp.properties === undefined ? {} : wp.properties
      }))
    };
    const asked = firstQuery(url.searchParams, 'runtime');
    const runtime: PageRuntime = asked === 'spfx' || asked === 'vite' ? asked : defaultRuntime;
    // Page editing needs the web part classes (their property panes): SharePoint's runtime. Only people who may edit
    // the site see it; `?edit=1` from anyone else is the page in read mode.
    const canEdit = level === 'Edit' || level === 'Full Control';
    const editable = canEdit && here.startsWith('https:') && runtimeHost.available();
    const editing = editable && runtime === 'spfx' && firstQuery(url.searchParams, 'edit') === '1';
    const editQuery = new URLSearchParams(url.searchParams);
    editQuery.set('edit', '1');
    if (defaultRuntime === 'spfx') editQuery.delete('runtime');
    else editQuery.set('runtime', 'spfx');
    const viewQuery = new URLSearchParams(url.searchParams);
    viewQuery.delete('edit');
    const edit = editable ? {
      editing, editUrl: `${canonical}?${editQuery.toString()}`, viewUrl: `${canonical}${viewQuery.toString() ? `?${viewQuery.toString()}` : ''}`
    } : undefined;
    if (runtime === 'spfx') {
      if (!here.startsWith('https:')) {
        send(res, 400, renderNotFound({
          tenantName: tenantName(), path: url.pathname, css,
          what: `SharePoint's runtime signs in with MSAL, which refuses an http authority: start with npm start -- --runtime spfx (or --https)`
        }), {}, head);
        return;
      }
      if (!runtimeHost.available()) {
        send(res, 503, renderNotFound({
          tenantName: tenantName(), path: url.pathname, css,
          what: `SharePoint's runtime needs the packaged solution: run npm run package (expected at ${path.relative(repoRoot, runtimeHost.sppkgPath)})`
        }), {}, head);
        return;
      }
      const secure = here.startsWith('https:');
      const locale = language.replace(/-(\w+)$/, (_m, c: string) => `-${c.toUpperCase()}`);
      const spfxAssets = runtimeHost.page({
        origin: here, siteServerRelativeUrl: serverRelative, siteTitle: site.title, siteId: (site as { id?: string }).id,
        tenantId: tenantId(), locale, msGraphEndpointUrl: here, isSiteAdmin: level === 'Full Control',
        user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName, isGuest: user.userType === 'Guest' },
        webParts: config.webParts.map((wp, i) => ({ alias: wp.alias, title: wp.title, properties: wp.properties, elementId: `wb-webpart-${i}` })),
        customizerProperties: config.customizer.properties,
        deferWebParts: firstQuery(url.searchParams, 'deferWebParts') === '1',
        editMode: editing,
        pageId: site.pages.indexOf(page) + 1
      });
      const html = renderSitePage({
        tenantName: tenantName(), site, page, user, users: tenant.users, language, path: canonical, query: url.searchParams,
        config, webPartTitle: alias => localizedTitle(titles, alias, language), assets: spfxAssets, css, iconsBaseUrl: FONTS_PREFIX,
        spfxRuntime: true, edit
      });
      const cookie = o.sessionCookie ? o.sessionCookie(user, secure) : undefined;
      send(res, 200, html, cookie ? { 'Set-Cookie': cookie } : {}, head);
      return;
    }
    const html = renderSitePage({
      tenantName: tenantName(), site, page, user, users: tenant.users, language, path: canonical, query: url.searchParams,
      config, webPartTitle: alias => localizedTitle(titles, alias, language), assets: assets(), css, iconsBaseUrl: FONTS_PREFIX, edit
    });
    send(res, 200, await renderHtml(url.pathname + url.search, html), {}, head);
  }

  /** `/_dashboard?as=<upn>`: the AccessCard on a Viva Connections dashboard (dashboard.ts). */
  async function dashboardPage(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    refresh();
    const requested = firstQuery(url.searchParams, 'as');
    const user = requested ? tenant.findUser(requested) : defaultPerson();
    if (!user) {
      send(res, 400, renderUnknownPerson({
        tenantName: tenantName(), requested: requested || '', users: tenant.users, path: DASHBOARD_PATH, query: url.searchParams, css
      }), {}, req.method === 'HEAD');
      return;
    }
    const here = origin(req);
    const language = pageLanguage(url.searchParams, user);
    // The card reads Graph only; its services still take a site (the home site's REST), as an ACE's context has one.
    const site = findSite(tenant, 'intranet') || tenant.sites[0];
    const serverRelative = `/sites/${(site && siteName(site)) || 'intranet'}`;
    const config: WorkbenchClientConfig = {
      siteUrl: here + serverRelative, absoluteSiteUrl: site ? site.url : '', siteServerRelativeUrl: serverRelative, siteTitle: site ? site.title : '',
      page: { name: 'Dashboard', title: 'Dashboard' },
      user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName },
      language, myAccessUrl: (tenant.tenantInfo && tenant.tenantInfo.myAccessUrl) || '', graphBaseUrl: `${here}/v1.0`, tokenUrl: '/_dev/token',
      iconsBaseUrl: FONTS_PREFIX, customizer: { alias: '', placeholderId: '', properties: {} }, webParts: [], dashboard: true
    };
    const html = renderDashboard({
      tenantName: tenantName(), user, users: tenant.users, language, query: url.searchParams, config, assets: assets(), css, iconsBaseUrl: FONTS_PREFIX
    });
    send(res, 200, await renderHtml(url.pathname + url.search, html), {}, req.method === 'HEAD');
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url || '/', 'http://localhost');
    } catch {
      send(res, 400, 'Bad request');
      return;
    }
    const pathname = url.pathname;
    try {
      if (pathname.startsWith(FONTS_PREFIX)) {
        if (!(await serveStatic(req, res, fontsDir, pathname.slice(FONTS_PREFIX.length), 'public, max-age=86400'))) {
          send(res, 404, 'Not found');
        }
        return;
      }
      if (pathname.startsWith(WORKBENCH_BASE)) {
        if (vite) {
          const server = vite;
          await new Promise<void>((resolve, reject) => {
            server.middlewares(req, res, (err?: unknown) => {
              if (err) reject(err);
              else { if (!res.headersSent) send(res, 404, 'Not found'); resolve(); }
            });
            res.on('close', () => resolve());
          });
          return;
        }
        const rel = pathname.slice(WORKBENCH_BASE.length);
        const immutable = rel.startsWith('assets/');
        if (!(await serveStatic(req, res, distDir, rel, immutable ? 'public, max-age=31536000, immutable' : 'no-cache'))) {
          send(res, 404, 'Not found');
        }
        return;
      }
      if (pathname === EXPAND_PATH) {
        await serveExpand(req, res);
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && await runtimeHost.handle(req, res, pathname)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, renderNotFound({ tenantName: tenantName(), path: pathname, css, what: 'Method not allowed' }), { Allow: 'GET, HEAD' });
        return;
      }
      const head = req.method === 'HEAD';
      if (pathname === DASHBOARD_PATH) {
        await dashboardPage(req, res, url);
        return;
      }
      if (pathname === '/' || pathname === '/index.html') {
        refresh();
        send(res, 200, renderIndex({ tenant, css, origin: origin(req), runtime: defaultRuntime, more: teamsIndexSection(tenant) }), {}, head);
        return;
      }
      if (pathname === '/favicon.ico') {
        res.statusCode = 204;
        res.end();
        return;
      }
      let segments: string[];
      try {
        segments = pathname.split('/').filter(Boolean).map(s => decodeURIComponent(s));
      } catch {
        send(res, 400, renderNotFound({ tenantName: tenantName(), path: pathname, css, what: 'Bad request' }), {}, head);
        return;
      }
      if (segments[0] === TEAMS_SEGMENT) {
        refresh();
        const teams = renderTeamsRoute(url, segments, {
          tenant, repoRoot, css, tenantName: tenantName(), assets: assets(), origin: origin(req), iconsBaseUrl: FONTS_PREFIX,
          language: pageLanguage, title: (alias, language) => localizedTitle(titles, alias, language), defaultPerson
        });
        send(res, teams.status, teams.status === 200 ? await renderHtml(url.pathname + url.search, teams.html) : teams.html, {}, head);
        return;
      }
      if (segments[0] && /^(sites|teams)$/i.test(segments[0]) && segments[1]) {
        const site = findSite(tenant, segments[1]);
        if (site && (segments.length === 2 || (segments.length === 3 && /^sitepages$/i.test(segments[2])))) {
          const first = site.pages && site.pages[0];
          if (first) {
            res.statusCode = 302;
            res.setHeader('Location', pagePath(site, first) + url.search);
            res.end();
            return;
          }
        }
        if (segments.length === 4 && /^sitepages$/i.test(segments[2])) {
          await sitePage(req, res, url, segments[1], segments[3]);
          return;
        }
      }
      refresh();
      send(res, 404, renderNotFound({ tenantName: tenantName(), path: pathname, css }), {}, head);
    } catch (e) {
      if (vite && e instanceof Error) vite.ssrFixStacktrace(e);
      process.stderr.write(`[workbench] ${req.method} ${req.url}: ${e instanceof Error ? e.stack || e.message : String(e)}\n`);
      if (!res.headersSent) send(res, 500, `<!DOCTYPE html><title>Workbench error</title><pre>${esc(e instanceof Error ? e.message : String(e))}</pre>`);
      else res.destroy();
    }
  }

  return {
    mode,
    runtime: defaultRuntime,
    runtimeHost,
    handle,
    async close() {
      if (vite) await vite.close();
    }
  };
}

/**
 * Transforms the client entry and everything it imports, statically or dynamically, the way the browser will ask
 * for it. Loading a pre-bundled dependency waits for Vite's optimizer, so when this resolves the dependencies are
 * optimized (no reload mid-page for newly discovered ones) and every module is in Vite's transform cache: the first
 * page is served as fast as the second.
 */
async function warmUp(vite: ViteDevServer): Promise<number> {
  const seen = new Set<string>();
  const visit = async (url: string): Promise<void> => {
    if (seen.has(url)) return;
    seen.add(url);
    const result = await vite.transformRequest(url);
    if (!result) return;
    // Client transforms record their imports (static and dynamic) in the module graph, not in the result.
    const mod = await vite.moduleGraph.getModuleByUrl(url);
    await Promise.all(Array.from(mod ? mod.importedModules : []).map(m => visit(m.url)));
  };
  await visit(`/${CLIENT_ENTRY}`);
  return seen.size;
}

/** `@fluentui/font-icons-mdl2/fonts`: the icon fonts `initializeIcons` would fetch from Microsoft's CDN. */
function iconFontsDir(repoRoot: string): string {
  let dir = path.dirname(require.resolve('@fluentui/font-icons-mdl2', { paths: [repoRoot] }));
  while (dir !== path.dirname(dir) && !fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'fonts');
}

/** Locales that have common strings (`en-us` always). */
function supportedLocales(repoRoot: string): Set<string> {
  const set = new Set<string>([FALLBACK_LOCALE]);
  try {
    const common = discoverLocModules(repoRoot).get('CommonStrings');
    if (common) for (const l of Object.keys(common.files)) set.add(l);
  } catch { /* none found: en-us only */ }
  return set;
}
