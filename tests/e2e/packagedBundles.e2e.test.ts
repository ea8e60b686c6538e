/**
 * The packaged SPFx output in a browser: the first scripts and chunks of sharepoint/solution/access-hub.sppkg, served
 * from a CDN origin by Playwright routing, loaded by a page that does what SharePoint's loader does (packagedHost.ts:
 * AMD define, SPComponentLoader, the SPFx libraries as the jest mocks), talking to the local tenant as Graph and as
 * contoso.sharepoint.com. Proves at run time what scripts/check-sppkg.js reads statically: the web parts and the
 * AccessPrompt banner share their chunks, so a page with both downloads each chunk once, and a page where the
 * customizer has nothing to show downloads none.
 */
import { spawn, execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import { BrowserContext, Page, Route } from 'playwright-core';
import { componentManifests, decodeXml, IComponentManifest, zipEntries } from '../../scripts/sppkg';
import { newContext, REPO_ROOT, screenshot, setupBrowserAndWorkbench, watchErrors } from './harness';
import type { IHostConfig, IHostPage } from './packagedHost';
import { U } from '../contoso';

const SPPKG = path.join(REPO_ROOT, 'sharepoint', 'solution', 'access-hub.sppkg');
const CDN = 'https://publiccdn.test';
const ASSETS = `${CDN}/ClientSideAssets/`;
const HOST_FILES = `${CDN}/_host/`;
const SITE = 'https://contoso.sharepoint.com/sites/marketing';
const PAGE_URL = `${SITE}/SitePages/PackagedBundles.aspx`;
const GRAPH = 'https://graph.microsoft.com';
const TENANT_ID = '8519e8f0-d3d6-4174-a376-1c066cf7512b';

const CATALOG_ID = 'c0702771-da6b-4281-bc01-b2676e2721a0';
const PROMPT_ID = 'fa4ca83a-c3a3-4cc2-84e4-54653a4ba3a3';

/** The newest modification time of any file under `dir`. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `npm run package` unless the .sppkg is newer than every file under src/ and config/ and than gulpfile.js (which
 * shapes the bundles' webpack configuration). CI packages before `npm test`, so there it is current.
 */
async function ensurePackage(): Promise<void> {
  const sources = Math.max(
    newestUnder(path.join(REPO_ROOT, 'src')), newestUnder(path.join(REPO_ROOT, 'config')), fs.statSync(path.join(REPO_ROOT, 'gulpfile.js')).mtimeMs
  );
  if (fs.existsSync(SPPKG) && fs.statSync(SPPKG).mtimeMs > sources) return;
  process.stdout.write('[e2e] packaging (npm run package): the .sppkg is missing or older than src/, config/ or gulpfile.js\n');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !fs.existsSync(SPPKG)) throw new Error(`npm run package failed (exit ${code}):\n${output.join('').slice(-4000)}`);
}

/** check-sppkg's "web parts and the banner" figure (gzipped bytes), from its own output. */
function checkSppkgFigure(): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(REPO_ROOT, 'scripts', 'check-sppkg.js'), SPPKG], { cwd: REPO_ROOT }, (_error, stdout) => {
      // Its own failures (size limits) are its business and CI's; this test only reads the figure.
      const m = /A page with all four web parts and the banner: (\d+) bytes gzipped/.exec(stdout);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`check-sppkg printed no figure for a page with the web parts and the banner:\n${stdout}`));
    });
  });
}

interface IPackage {
  /** ClientSideAssets/<name> → bytes. */
  assets: Map<string, Buffer>;
  manifests: IComponentManifest[];
  /** The customizer's properties as its elements.xml activates it. */
  promptProperties: Record<string, unknown>;
}

function readPackage(): IPackage {
  const files = zipEntries(fs.readFileSync(SPPKG));
  const assets = new Map<string, Buffer>();
  for (const [name, read] of files) {
    const m = /^ClientSideAssets\/([^/]+)$/.exec(name);
    if (m) assets.set(m[1], read());
  }
  const elements = [...files.keys()].filter(n => /elements\.xml$/i.test(n)).map(n => files.get(n)!().toString('utf8')).join('\n');
  const props = new RegExp(`ClientSideComponentId="${PROMPT_ID}"[^>]*ClientSideComponentProperties="([^"]*)"`).exec(elements);
  return { assets, manifests: componentManifests(files), promptProperties: props ? JSON.parse(decodeXml(props[1])) : {} };
}

/**
 * The bundles are ES5: a web part's constructor calls its base class as a function (`_super.call(this)`), which
 * SPFx's own libraries (ES5 too) allow and an ES2015 class does not. So the mocks, ES classes for jest, are compiled
 * to ES5 by TypeScript before esbuild bundles them (esbuild cannot lower classes to ES5).
 */
const mocksAsEs5: esbuild.Plugin = {
  name: 'mocks-as-es5',
  setup(build) {
    build.onLoad({ filter: /[\\/]tests[\\/]mocks[\\/]sp[\\/][^\\/]+\.ts$/ }, args => ({
      contents: ts.transpileModule(fs.readFileSync(args.path, 'utf8'), {
        fileName: args.path, compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext }
      }).outputText,
      loader: 'js'
    }));
  }
};

let pkg: IPackage;
let hostFiles: Map<string, string>;
/** check-sppkg's gzipped bytes for a page with the web parts and the banner. */
let bothFigure: number;

beforeAll(async () => {
  await ensurePackage();
  pkg = readPackage();
  // packagedHost.ts and the jest mocks it imports, for the browser, in one IIFE.
  const built = await esbuild.build({
    entryPoints: [path.join(__dirname, 'packagedHost.ts')], bundle: true, format: 'iife', platform: 'browser',
    target: 'es2019', write: false, logLevel: 'silent', plugins: [mocksAsEs5]
  });
  hostFiles = new Map([
    ['react.production.min.js', fs.readFileSync(require.resolve('react/umd/react.production.min.js'), 'utf8')],
    ['react-dom.production.min.js', fs.readFileSync(require.resolve('react-dom/umd/react-dom.production.min.js'), 'utf8')],
    ['packaged-host.js', built.outputFiles[0].text]
  ]);
  bothFigure = await checkSppkgFigure();
}, 240000);

const env = setupBrowserAndWorkbench();

beforeEach(async () => {
  await fetch(`${env.wb.url}/_dev/reset`, { method: 'POST' });
});

async function token(user: string): Promise<string> {
  const res = await fetch(`${env.wb.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  return (await res.json()).access_token;
}

function harnessHtml(): string {
  const config: IHostConfig = { assetsUrl: ASSETS, manifests: pkg.manifests, locale: 'en-US' };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Marketing - packaged Access Hub</title>
<script>window.packagedHostConfig = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>
<!-- Fluent's Segoe UI faces off, as in the workbench: SharePoint's page has them, and no CDN answers here. -->
<script>window.FabricConfig = { fontBaseUrl: '' };</script>
<script src="${HOST_FILES}react.production.min.js"></script>
<script src="${HOST_FILES}react-dom.production.min.js"></script>
<script src="${HOST_FILES}packaged-host.js"></script>
</head><body style="margin:0;font-family:'Segoe UI',system-ui,sans-serif">
<div style="background:#03787c;color:#fff;padding:12px 24px;font-size:20px">Marketing</div>
<div id="top-placeholder"></div>
<main id="canvas" style="max-width:960px;margin:16px auto;padding:0 16px"></main>
</body></html>`;
}

const REQUEST_HEADERS_NOT_FORWARDED = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'cookie']);
const RESPONSE_HEADERS_NOT_FORWARDED = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Answers a request to `publicOrigin` from the local tenant: method, headers and body forwarded from Node, the
 * tenant's own URLs in the answer shown as the public origin (Graph's nextLinks). `session` stands for SharePoint's
 * sign-in cookie: SharePoint REST from the page carries no token, so it is added for the page's person.
 */
async function forward(route: Route, publicOrigin: string, session?: string): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(await request.allHeaders())) {
    if (!k.startsWith(':') && !REQUEST_HEADERS_NOT_FORWARDED.has(k.toLowerCase())) headers[k] = v;
  }
  if (session && !headers.authorization) headers.authorization = `Bearer ${session}`;
  const method = request.method();
  const answer = await fetch(`${env.wb.url}${url.pathname}${url.search}`, {
    method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : (request.postDataBuffer() || undefined)
  });
  const out: Record<string, string> = {};
  answer.headers.forEach((v, k) => { if (!RESPONSE_HEADERS_NOT_FORWARDED.has(k)) out[k] = v; });
  await route.fulfill({ status: answer.status, headers: out, body: (await answer.text()).split(env.wb.url).join(publicOrigin) });
}

interface IPackagedPage {
  context: BrowserContext;
  page: Page;
  who: IHostPage;
  /** ClientSideAssets file name → how often the page requested it. */
  requested: Map<string, number>;
  /** Page errors and console errors, and the customizer's "no banner" warnings (it hides instead of failing). */
  errors: string[];
  warnings: string[];
}

/** A fresh browser context on the harness page as `upn` on Marketing; nothing loaded yet. */
async function openPackaged(upn: string, displayName: string): Promise<IPackagedPage> {
  const context = await newContext(env.browser, env.wb.url); // refuses everything not routed below
  const session = await token(upn);
  const requested = new Map<string, number>();
  await context.route(`${CDN}/**`, async route => {
    const { pathname } = new URL(route.request().url());
    const asset = pathname.startsWith('/ClientSideAssets/') ? pathname.slice('/ClientSideAssets/'.length) : undefined;
    if (asset !== undefined) requested.set(asset, (requested.get(asset) || 0) + 1);
    const body = asset !== undefined ? pkg.assets.get(asset) : pathname.startsWith('/_host/') ? hostFiles.get(pathname.slice('/_host/'.length)) : undefined;
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (body === undefined) await route.fulfill({ status: 404, headers, body: 'not in the package' });
    else await route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'application/javascript; charset=utf-8' }, body });
  });
  await context.route(`${GRAPH}/**`, route => forward(route, GRAPH));
  await context.route('https://contoso.sharepoint.com/**', route => forward(route, 'https://contoso.sharepoint.com', session));
  // Registered last, so it wins over the SharePoint forwarder for the page itself.
  await context.route(PAGE_URL, route => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: harnessHtml() }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('requestfailed', r => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText || ''}`));
  const warnings: string[] = [];
  page.on('console', m => { if (m.type() === 'warning' && /AccessPrompt/.test(m.text())) warnings.push(m.text()); });
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => !!(window as any).packagedHost);
  const who: IHostPage = {
    siteUrl: SITE, siteTitle: 'Marketing', tenantId: TENANT_ID, token: session,
    user: { loginName: upn, displayName, email: upn }
  };
  return { context, page, who, requested, errors, warnings };
}

function manifest(id: string): IComponentManifest {
  const m = pkg.manifests.find(x => x.id === id);
  if (!m) throw new Error(`no manifest ${id} in the package`);
  return m;
}

/**
 * Waits for `what`, failing as soon as the page reports an error or the customizer says why it shows no banner
 * (instead of at the timeout), with what the page did: the loader's log, the files requested, errors and warnings.
 */
async function explain(p: IPackagedPage, what: Promise<unknown>): Promise<void> {
  let done = false;
  const reported = new Promise<never>((resolve, reject) => {
    const look = (): void => {
      if (done) return;
      if (p.errors.length || p.warnings.length) reject(new Error('the page reported an error, or the customizer why it shows no banner (below)'));
      else setTimeout(look, 100);
    };
    look();
  });
  try {
    await Promise.race([what, reported]);
  } catch (e) {
    const log = await p.page.evaluate(() => (window as any).packagedHost.log as string[]).catch(() => []);
    throw new Error(`${(e as Error).message}\nloader: ${log.join('; ')}\nrequested: ${[...p.requested.keys()].join(', ')}\nerrors: ${p.errors.join('\n')}\nwarnings: ${p.warnings.join('\n')}`);
  } finally {
    done = true;
  }
}

const chunkFiles = (): string[] => [...pkg.assets.keys()].filter(n => /^chunk\..*\.js$/.test(n)).sort();
const gzipped = (name: string): number => zlib.gzipSync(pkg.assets.get(name) as Buffer, { level: 9 }).length;

const BANNER_TEXT = 'You can view this site. Request Marketing Campaign Contributors to contribute.';

/** The AccessCatalog web part from the web parts' bundle, with the properties SharePoint gives a new one. */
async function showCatalog(p: IPackagedPage): Promise<void> {
  const catalog = manifest(CATALOG_ID);
  expect(catalog.loaderConfig.entryModuleId).toBe('access-hub');
  const properties = (catalog.preconfiguredEntries || [])[0]?.properties || {};
  await explain(p, p.page.evaluate(([id, who, props]) => (window as any).packagedHost.mountWebPart(id, who, props), [CATALOG_ID, p.who, properties] as const));
  const part = p.page.locator(`section[data-webpart-id="${CATALOG_ID}"]`);
  await explain(p, part.getByRole('heading', { name: 'Marketing Campaign Contributors' }).waitFor({ timeout: 30000 }));
}

/** The AccessPrompt customizer from its own bundle, with the properties its elements.xml gives it. */
async function runPrompt(p: IPackagedPage): Promise<void> {
  await explain(p, p.page.evaluate(([id, who, props]) => (window as any).packagedHost.runCustomizer(id, who, props), [PROMPT_ID, p.who, pkg.promptProperties] as const));
}

/** Every chunk file of the package requested exactly once, and nothing else more than once or from outside it. */
function expectEachFileOnce(p: IPackagedPage): void {
  const chunks = chunkFiles();
  expect(chunks.length).toBeGreaterThan(0);
  expect(Object.fromEntries(chunks.map(c => [c, p.requested.get(c) || 0]))).toEqual(Object.fromEntries(chunks.map(c => [c, 1])));
  expect([...p.requested].filter(([, n]) => n !== 1)).toEqual([]); // first scripts and strings files too
  expect([...p.requested.keys()].filter(n => !pkg.assets.has(n))).toEqual([]);
}

describe('the packaged bundles (sharepoint/solution/access-hub.sppkg) on a page', () => {
  it('AccessCatalog, then the AccessPrompt banner, for Adele on Marketing: each shared chunk downloaded once', async () => {
    const p = await openPackaged(U.adele, 'Adele Vance');
    // (a) Marketing's packages from the local tenant, in the web part.
    await showCatalog(p);

    // (b) The customizer on the same page: the banner in the top placeholder.
    await runPrompt(p);
    const banner = p.page.locator('#top-placeholder [data-accesshub="access-prompt"]');
    await explain(p, banner.getByText(BANNER_TEXT).waitFor({ timeout: 30000 }));
    await banner.getByRole('button', { name: 'Request' }).waitFor();
    await screenshot(p.page, 'packaged-catalog-and-banner-adele');

    // (c) Every chunk file once across both bundles, and the bytes check-sppkg counts for such a page.
    expectEachFileOnce(p);
    const served = [...p.requested.keys()];
    const servedGz = served.reduce((sum, n) => sum + gzipped(n), 0);
    const servedRaw = served.reduce((sum, n) => sum + (pkg.assets.get(n) as Buffer).length, 0);
    process.stdout.write(`[e2e] packaged page with AccessCatalog and the banner: ${served.length} files, ${servedRaw} bytes, ${servedGz} bytes gzipped; check-sppkg: ${bothFigure}\n`);
    expect(Math.abs(servedGz - bothFigure)).toBeLessThanOrEqual(bothFigure * 0.05);

    // (d) Nothing failed on the way.
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    await p.context.close();
  });

  it('the banner first, then AccessCatalog (SharePoint loads them in either order): both show, each chunk once', async () => {
    const p = await openPackaged(U.adele, 'Adele Vance');
    await runPrompt(p);
    await explain(p, p.page.locator('#top-placeholder [data-accesshub="access-prompt"]').getByText(BANNER_TEXT).waitFor({ timeout: 30000 }));
    await showCatalog(p);
    expectEachFileOnce(p);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    await p.context.close();
  });

  it('only the customizer, for Megan on Marketing (nothing to show): no chunk requested, no placeholder', async () => {
    const p = await openPackaged(U.megan, 'Megan Bowen');
    await runPrompt(p);
    // It has decided once the session holds its answer for Megan on Marketing (services/promptCache.ts).
    const key = `accessHub:prompt:facts:${U.megan}:${SITE}`;
    await explain(p, p.page.waitForFunction(k => window.sessionStorage.getItem(k) !== null, key, { timeout: 30000 }));
    await p.page.waitForTimeout(1000); // time for a chunk request that should not come
    expect(chunkFiles().filter(c => p.requested.has(c))).toEqual([]);
    expect([...p.requested.keys()].filter(n => !/^(access-prompt_[0-9a-f]+|(CommonStrings|AccessPromptApplicationCustomizerStrings)_en-us_[0-9a-f]+)\.js$/.test(n))).toEqual([]);
    expect(await p.page.evaluate(() => (window as any).packagedHost.placeholderRequests)).toBe(0);
    expect(await p.page.locator('[data-accesshub="access-prompt"]').count()).toBe(0);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    await p.context.close();
  });
});
