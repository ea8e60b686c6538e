#!/usr/bin/env node
// Checks what an admin uploads: the .sppkg holds the five component manifests, the Graph permission
// requests, the customizer's elements.xml / ClientSideInstance.xml and a valid Teams app package, and the customizer's
// first script stays within 10 KB gzipped. Usage: node scripts/check-sppkg.js <file>
// An .sppkg is a zip (OPC package); ./sppkg.js reads its central directory with Node's zlib, no dependency.
'use strict';
const fs = require('fs');
const { entries, zipEntries, decodeXml: decode, fileSizes, firstScripts, pageDownloads } = require('./sppkg');
const teamsApp = require('./teams-app');

const file = process.argv[2] || 'sharepoint/solution/access-hub.sppkg';
const packageBytes = fs.readFileSync(file);
const files = entries(packageBytes);
const text = decode([...files.values()].map(read => read()).join('\n'));
const problems = [];
const expect = (ok, what) => { if (!ok) problems.push(what); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };

for (const [alias, id] of [
  ['AccessCatalog', 'c0702771-da6b-4281-bc01-b2676e2721a0'],
  ['AccessRequestButton', '8c9648cb-56fd-4cf0-8ae6-436594f710cb'],
  ['MyAccess', '419c95e4-c350-4863-89ba-dd06c532ee4e'],
  ['AccessApprovals', '0a209817-1e04-41d4-b262-7c364518afda'],
  ['AccessPrompt', 'fa4ca83a-c3a3-4cc2-84e4-54653a4ba3a3'],
  ['AccessCard', '6c0f4b9e-3d52-4b8e-9a57-2f4e1c7d8a31']
]) {
  expect(text.includes(`"alias":"${alias}"`) && text.includes(id), `component manifest ${alias} (${id})`);
}
for (const scope of ['EntitlementMgmt-SubjectAccess.ReadWrite', 'EntitlementManagement.ReadWrite.All', 'AccessReview.ReadWrite.All']) {
  expect(new RegExp(`WebApiPermissionRequest[^>]*Scope="${scope.replace(/\./g, '\\.')}"`).test(text), `permission request Microsoft Graph ${scope}`);
}
const names = [...files.keys()];
expect(names.some(n => /elements.*\.xml$/i.test(n) && files.get(n)().includes('ClientSideExtension.ApplicationCustomizer')), 'elements.xml with the customizer');
expect(names.some(n => /ClientSideInstance.*\.xml$/i.test(n)), 'ClientSideInstance.xml');
expect(names.some(n => /ClientSideAssets\/access-hub_[0-9a-f]+\.js$/.test(n)), 'the access-hub bundle (web parts) in ClientSideAssets (includeClientSideAssets)');
expect(names.some(n => /ClientSideAssets\/access-prompt_[0-9a-f]+\.js$/.test(n)), 'the access-prompt bundle (customizer) in ClientSideAssets');
expect(names.some(n => /ClientSideAssets\/access-card_[0-9a-f]+\.js$/.test(n)), 'the access-card bundle (Viva Connections card) in ClientSideAssets');

// Each file is gzipped once: the page figures below count the same files several times.
const sizes = fileSizes(files);
const { hubEntry, promptEntry } = firstScripts(names);

// The web parts' first script: their classes and property panes. Their roots, Fluent UI, PnPjs and the services
// come by dynamic import, in chunks the AccessPrompt banner shares.
const webPartsEntry = sizes(hubEntry);
console.log(`\nWeb parts' first script (access-hub bundle): ${webPartsEntry.raw} bytes, ${webPartsEntry.gz} bytes gzipped`);

// The customizer runs on every page of every site where it is active: its own first script must stay small;
// the banner and the request panel come later, by dynamic import, only when there is something to show.
const PROMPT_FIRST_SCRIPT_MAX_GZ = 10 * 1024;
const prompt = sizes(promptEntry);
console.log(`Customizer first script (access-prompt bundle): ${prompt.raw} bytes, ${prompt.gz} bytes gzipped (limit ${PROMPT_FIRST_SCRIPT_MAX_GZ})`);
expect(promptEntry.length === 1 && prompt.gz <= PROMPT_FIRST_SCRIPT_MAX_GZ, `customizer first script ≤ ${PROMPT_FIRST_SCRIPT_MAX_GZ} bytes gzipped`);
const chunkNames = names.filter(n => /^ClientSideAssets\/chunk\..*\.js$/.test(n));
const chunks = sizes(chunkNames);
console.log(`Chunks loaded on demand (roots, banner, request panel, Fluent UI, PnPjs): ${chunkNames.length} files, ${chunks.raw} bytes, ${chunks.gz} bytes gzipped`);

// What each kind of page downloads, from webpack's own stats of the build that made the package (gulpfile.js writes
// temp/stats/webpack-stats.json): ./sppkg.js pageDownloads (npm run bench reports the same figures).
const path = require('path');
const statsFile = process.env.WEBPACK_STATS || path.join(__dirname, '..', 'temp', 'stats', 'webpack-stats.json');
let stats;
try {
  stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
} catch (e) {
  console.error(`No webpack stats at ${statsFile} (${e.message}): run npm run package, which writes them with the package.`);
  process.exit(1);
}
const { statsChecks, missing, pages } = pageDownloads(files, stats, sizes);
for (const { name, ok, own } of statsChecks) {
  expect(ok, `webpack stats describe this package's ${name} first script${ok ? '' : ` (they name ${own.join(', ') || 'none'}: run npm run package)`}`);
}
expect(missing.length === 0, `every chunk the first scripts import is in the package${missing.length ? ` (${missing.join(', ')})` : ''}`);
console.log(`A page with all four web parts (no banner): ${pages.webParts.gz} bytes gzipped`);
console.log(`A page with only the banner: ${pages.banner.gz} bytes gzipped`);
console.log(`A page with all four web parts and the banner: ${pages.both.gz} bytes gzipped`);
console.log(`Opt-in features (suggestions, a manager's My team tab) add ${pages.optIn.gz} bytes gzipped where they load: ${pages.bothWithOptIn.gz} with everything`);
console.log(`On demand (the date picker, when a form offers dates): ${pages.onDemand.gz} bytes gzipped`);
console.log(`A Teams tab (the web parts and the Teams host's chunk; no banner in Teams): ${pages.teamsTab.gz} bytes gzipped`);
console.log(`The AccessCard on a dashboard (its bundle, chunks and strings; not part of the pages above): ${pages.card.gz} bytes gzipped`);
// Before the web parts loaded their roots by import(), Fluent UI and the request panel came twice on such a page
// (327 KB gzipped). A module pulled back into a first script statically is downloaded twice again and fails this.
// The budget for such a page is 200 KB (scripts/bundle-report.js shows where a page's bytes go).
const PAGE_WITH_EVERYTHING_MAX_GZ = 200 * 1024;
expect(pages.both.gz <= PAGE_WITH_EVERYTHING_MAX_GZ, `a page with every component ≤ ${PAGE_WITH_EVERYTHING_MAX_GZ} bytes gzipped`);
// Opt-in features load only where they apply; a page where all of them do stays within 10 KB more.
const OPT_IN_MAX_GZ = 10 * 1024;
expect(pages.optIn.gz <= OPT_IN_MAX_GZ, `the opt-in features' chunks ≤ ${OPT_IN_MAX_GZ} bytes gzipped`);
const ON_DEMAND_MAX_GZ = 20 * 1024;
expect(pages.onDemand.gz > 0 && pages.onDemand.gz <= ON_DEMAND_MAX_GZ, `the date picker's chunk loads on demand, ≤ ${ON_DEMAND_MAX_GZ} bytes gzipped`);
expect(pages.both.gz < pages.webParts.gz + pages.banner.gz - 100 * 1024, 'the web parts and the banner share their chunks (Fluent UI, PnPjs, the panel) on one page');
// The two first scripts are two webpack runtimes sharing one chunk array; each installs every module pushed there,
// also the other bundle's, over its own. A module id must therefore have the same code in every file of the
// package (gulpfile.js: usedExports 'global'); webpack's default trims exports per bundle, and the banner or the web
// parts, whichever loaded second, then called functions its copy of a module no longer had.
const acorn = require('acorn');
const walk = require('acorn-walk');
function webpackModules(source) {
  const modules = new Map();
  walk.simple(acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script' }), {
    ObjectExpression(node) {
      const props = node.properties;
      const isModuleMap = props.length > 0 && props.every(p => p.type === 'Property' && p.key.type === 'Literal' && typeof p.key.value === 'number'
        && (p.value.type === 'FunctionExpression' || p.value.type === 'ArrowFunctionExpression'));
      if (!isModuleMap) return;
      for (const p of props) {
        const code = source.slice(p.value.start, p.value.end);
        // An AMD external (`(e){e.exports=r}`: sp-loader, a strings module) binds its own bundle's define() argument.
        if (!/^\(\w+\)\{\w+\.exports=\w+\}$/.test(code)) modules.set(p.key.value, code);
      }
    }
  });
  return modules;
}
const codeById = new Map();
for (const n of names.filter(x => /^ClientSideAssets\/(access-(hub|prompt|card)_|chunk\.).*\.js$/.test(x))) {
  for (const [id, code] of webpackModules(files.get(n)())) {
    if (!codeById.has(id)) codeById.set(id, new Map());
    codeById.get(id).set(n, code);
  }
}
const inSeveral = [...codeById].filter(([, byFile]) => byFile.size > 1);
const differing = inSeveral.filter(([, byFile]) => new Set(byFile.values()).size > 1).map(([id]) => id);
console.log(`Webpack modules: ${codeById.size}, ${inSeveral.length} of them in more than one file`);
expect(codeById.size > 0 && differing.length === 0, `a module shared by the two bundles has the same code in every file${differing.length ? ` (differs: ${differing.join(', ')})` : ''}`);

// What each npm package that ships contributes to the package's scripts (every file a page, the Teams tab or the card
// can load): the minified bytes of its modules and those bytes gzipped on their own. A module webpack concatenated
// from several is shared among its parts' packages by their source sizes. README.md "Production dependencies" says
// why each is there.
const moduleStats = (() => {
  try {
    return new Map(JSON.parse(fs.readFileSync(path.join(path.dirname(statsFile), 'webpack-modules.json'), 'utf8')).modules.map(m => [m.id, m]));
  } catch (e) {
    return undefined;
  }
})();
expect(!!moduleStats, 'webpack module names beside the stats (temp/stats/webpack-modules.json, written by npm run package)');
if (moduleStats) {
  const zlib = require('zlib');
  const packageOf = name => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name || '');
    return pkg ? pkg[1] : (/^external /.test(name || '') ? undefined : 'Access Hub (src)');
  };
  const perPackage = new Map();
  const seenIds = new Set();
  const shipped = names.filter(x => /^ClientSideAssets\/(access-(hub|prompt|card)_|chunk\.).*\.js$/.test(x));
  for (const n of shipped) {
    for (const [id, code] of webpackModules(files.get(n)())) {
      if (seenIds.has(id)) continue;
      seenIds.add(id);
      const m = moduleStats.get(id) || { name: '', parts: [] };
      const parts = m.parts && m.parts.length ? m.parts : [{ name: m.name, size: 1 }];
      const whole = parts.reduce((sum, p) => sum + (p.size || 0), 0) || 1;
      const raw = Buffer.byteLength(code, 'utf8');
      const gzipped = zlib.gzipSync(Buffer.from(code, 'utf8'), { level: 9 }).length;
      for (const part of parts) {
        const key = packageOf(part.name);
        if (!key) continue;
        const share = (part.size || 0) / whole;
        const row = perPackage.get(key) || { raw: 0, gz: 0, modules: 0 };
        row.raw += raw * share; row.gz += gzipped * share; row.modules += 1;
        perPackage.set(key, row);
      }
    }
  }
  console.log('Bytes per npm package in the scripts (minified; gzipped alone):');
  for (const [key, row] of [...perPackage].sort((a, b) => b[1].raw - a[1].raw)) {
    console.log(`  ${String(Math.round(row.raw)).padStart(8)} ${String(Math.round(row.gz)).padStart(7)} gz  ${key} (${row.modules} modules)`);
  }
  // Every npm package in the scripts is a declared production dependency or one of theirs: nothing ships by accident.
  const pkgJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const declared = Object.keys(pkgJson.dependencies || {});
  const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8')).packages || {};
  const reachable = new Set();
  const visitDep = name => {
    if (reachable.has(name)) return;
    reachable.add(name);
    const entry = lock[`node_modules/${name}`] || {};
    for (const dep of Object.keys({ ...(entry.dependencies || {}), ...(entry.peerDependencies || {}) })) visitDep(dep);
  };
  declared.forEach(visitDep);
  const stray = [...perPackage.keys()].filter(k => k !== 'Access Hub (src)' && !reachable.has(k));
  expect(stray.length === 0, `every npm package in the scripts comes from package.json's dependencies${stray.length ? ` (not: ${stray.join(', ')})` : ''}`);
}

// Access Hub's Teams app: package-solution copies teams/ (with the TeamsSPFxApp.zip that scripts/teams-app.js makes
// first) into ClientSideAssets, where SharePoint takes it instead of generating a Teams manifest.
(async () => {
  const teamsZip = zipEntries(packageBytes).get(`ClientSideAssets/${teamsApp.ZIP_NAME}`);
  const teamsProblems = teamsZip ? await teamsApp.checkApp(teamsZip()) : ['missing'];
  expect(teamsProblems.length === 0, `Teams app package ClientSideAssets/${teamsApp.ZIP_NAME}${teamsProblems.length ? ` (${teamsProblems.join('; ')})` : ': manifest and icons at its root, valid against the bundled Teams schema'}`);
  if (problems.length) {
    console.error(`\n${file}: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`\n${file}: ${files.size} files, all checks passed`);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
