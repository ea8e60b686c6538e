#!/usr/bin/env node
// Where a page's bytes go: every file a page with every component downloads from the package, and in each the webpack
// modules by size, named from webpack's stats. Usage:
//   npm run package      (gulpfile.js writes temp/stats/webpack-stats.json and webpack-modules.json)
//   node scripts/bundle-report.js [file.sppkg] [--top=N] [--by-package]
// Per module: its minified bytes, its bytes gzipped alone, and what the file's gzipped size would lose without it
// ("saves"): gzip shares repeated text within a file, so a module's share of a page is nearer "saves" than "alone".
// A module webpack concatenated with others ("+ N modules") is one entry. `--by-package` sums them per npm package or
// per folder of lib/.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const acorn = require('acorn');
const walk = require('acorn-walk');
const { entries } = require('./sppkg');

const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--')) || 'sharepoint/solution/access-hub.sppkg';
const top = Number((args.find(a => a.startsWith('--top=')) || '--top=15').slice(6));
const byPackage = args.includes('--by-package');
const statsDir = path.join(__dirname, '..', 'temp', 'stats');
const read = name => JSON.parse(fs.readFileSync(path.join(statsDir, name), 'utf8'));
let stats;
let modules;
try {
  stats = read('webpack-stats.json');
  modules = read('webpack-modules.json').modules;
} catch (e) {
  console.error(`${e.message}\nRun npm run package first.`);
  process.exit(1);
}

const files = entries(fs.readFileSync(file));
const names = [...files.keys()];
const gz = text => zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
const sizeCache = new Map();
const sizes = list => list.reduce((acc, n) => {
  if (!sizeCache.has(n)) sizeCache.set(n, { raw: Buffer.byteLength(files.get(n)(), 'utf8'), gz: gz(files.get(n)()) });
  return { raw: acc.raw + sizeCache.get(n).raw, gz: acc.gz + sizeCache.get(n).gz };
}, { raw: 0, gz: 0 });

// The files of a page, as check-sppkg.js counts them: each first script, every chunk it loads by import() (webpack's
// stats), and the en-us strings.
const chunkById = new Map(stats.chunks.map(c => [c.id, c]));
function pageFiles(bundle, strings) {
  const entry = names.filter(n => new RegExp(`^ClientSideAssets/${bundle}_[0-9a-f]+\\.js$`).test(n));
  const point = stats.entrypoints[bundle];
  if (!point || !entry.every(n => point.assets.some(a => `ClientSideAssets/${a.name || a}` === n))) {
    console.error(`The webpack stats are of another build than ${file}: run npm run package.`);
    process.exit(1);
  }
  const seen = new Set();
  const visit = id => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const child of (chunkById.get(id) || { children: [] }).children) visit(child);
  };
  for (const id of point.chunks) visit(id);
  for (const id of point.chunks) seen.delete(id);
  const chunks = [...seen].flatMap(id => chunkById.get(id).files.filter(f => f.endsWith('.js')).map(f => `ClientSideAssets/${f}`));
  return [...entry, ...chunks, ...names.filter(n => /^ClientSideAssets\/.*_en-us_[0-9a-f]+\.js$/.test(n) && strings.test(n))];
}
const page = {
  hubFiles: pageFiles('access-hub', /^(?!.*AccessPrompt)/),
  bannerFiles: pageFiles('access-prompt', /AccessPrompt|CommonStrings/)
};
const nameById = new Map(modules.map(m => [m.id, m.name]));
const shortName = name => name.replace(/^.*node_modules\//, '').replace(/^\.\//, '');
const group = name => {
  if (/^external /.test(name)) return 'externals (SharePoint\'s modules, strings)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name);
  if (m) return m[1];
  const parts = shortName(name).split('/');
  return parts.slice(0, parts[0] === 'lib' ? 3 : 1).join('/');
};

/** The webpack modules of a file: `{ id: function }` maps, as check-sppkg.js finds them. */
function modulesOf(source) {
  const found = [];
  walk.simple(acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script' }), {
    ObjectExpression(node) {
      const props = node.properties;
      const isModuleMap = props.length > 0 && props.every(p => p.type === 'Property' && p.key.type === 'Literal' && typeof p.key.value === 'number'
        && (p.value.type === 'FunctionExpression' || p.value.type === 'ArrowFunctionExpression'));
      if (isModuleMap) for (const p of props) found.push({ id: p.key.value, start: p.value.start, end: p.value.end });
    }
  });
  return found;
}

const onPage = [...new Set([...page.hubFiles, ...page.bannerFiles])].filter(n => files.has(n));
const total = sizes(onPage);
console.log(`A page with every component: ${onPage.length} files, ${total.raw} bytes, ${total.gz} bytes gzipped\n`);
const groups = new Map();
for (const n of onPage.sort((a, b) => sizes([b]).gz - sizes([a]).gz)) {
  const source = files.get(n)();
  const whole = sizes([n]);
  const where = [page.hubFiles.includes(n) && 'web parts', page.bannerFiles.includes(n) && 'banner'].filter(Boolean).join(' + ');
  console.log(`${String(whole.gz).padStart(7)} gz ${String(whole.raw).padStart(8)} raw  ${n.replace('ClientSideAssets/', '')} (${where})`);
  const rows = modulesOf(source).map(m => {
    const code = source.slice(m.start, m.end);
    const name = nameById.get(m.id) || `module ${m.id}`;
    return { name, raw: code.length, alone: gz(code), saves: whole.gz - gz(source.slice(0, m.start) + '0' + source.slice(m.end)) };
  }).sort((a, b) => b.saves - a.saves);
  for (const r of rows) {
    const g = groups.get(group(r.name)) || { raw: 0, alone: 0, saves: 0, files: new Set() };
    g.raw += r.raw; g.alone += r.alone; g.saves += r.saves; g.files.add(n.replace(/^ClientSideAssets\/|_[0-9a-f]{20}\.js$/g, ''));
    groups.set(group(r.name), g);
  }
  if (!byPackage) {
    for (const r of rows.slice(0, top)) {
      console.log(`          saves ${String(r.saves).padStart(6)}  alone ${String(r.alone).padStart(6)}  raw ${String(r.raw).padStart(7)}  ${shortName(r.name)}`);
    }
    if (rows.length > top) console.log(`          … ${rows.length - top} more modules`);
  }
}
if (byPackage) {
  console.log('\nBy package or folder (summed over the files above; "saves" summed per module):');
  for (const [name, g] of [...groups].sort((a, b) => b[1].saves - a[1].saves)) {
    console.log(`  saves ${String(g.saves).padStart(6)}  alone ${String(g.alone).padStart(6)}  raw ${String(g.raw).padStart(7)}  ${name} (${[...g.files].join(', ')})`);
  }
}
