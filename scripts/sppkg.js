// Reads an .sppkg (a zip, OPC package) with Node's zlib, no dependency: for scripts/check-sppkg.js, the
// browser test of the packaged bundles (tests/e2e/packagedBundles.spec.ts) and npm run bench (what each kind of page
// downloads, pageDownloads below).
'use strict';
const zlib = require('zlib');

/** The package's files by name (from its central directory), each read and inflated on demand. */
function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressed);
    files.set(name, () => (method === 8 ? zlib.inflateRawSync(raw) : raw));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The same, each file as UTF-8 text. */
function entries(buffer) {
  const files = new Map();
  for (const [name, read] of zipEntries(buffer)) files.set(name, () => read().toString('utf8'));
  return files;
}

/** XML attribute text as written by package-solution (its five entities). */
const decodeXml = s => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The component manifests in the package: package-solution writes each into its feature's WebPart_<id>.xml or
 * Extension_<id>.xml as the ComponentManifest attribute (the JSON of dist/<Name>.manifest.json, escaped).
 */
function componentManifests(files) {
  const manifests = [];
  for (const [name, read] of files) {
    if (!/\.xml$/i.test(name)) continue;
    const text = read().toString();
    for (const m of text.matchAll(/ComponentManifest="([^"]*)"/g)) manifests.push(JSON.parse(decodeXml(m[1])));
  }
  return manifests;
}

/**
 * Sizes of the package's files (`files` as from entries()): `sizes(names)` sums their bytes and their gzip -9 bytes.
 * Each file is gzipped once, however often a list names it (the page figures count the same files several times).
 */
function fileSizes(files) {
  const gzCache = new Map();
  const gzipped = n => {
    if (!gzCache.has(n)) gzCache.set(n, zlib.gzipSync(Buffer.from(files.get(n)(), 'utf8'), { level: 9 }).length);
    return gzCache.get(n);
  };
  return list => list.reduce((acc, n) => ({ raw: acc.raw + Buffer.byteLength(files.get(n)(), 'utf8'), gz: acc.gz + gzipped(n) }), { raw: 0, gz: 0 });
}

/** The two first scripts (the web parts' `access-hub`, the customizer's `access-prompt`) and the en-us string files. */
function firstScripts(names) {
  return {
    hubEntry: names.filter(n => /^ClientSideAssets\/access-hub_[0-9a-f]+\.js$/.test(n)),
    promptEntry: names.filter(n => /^ClientSideAssets\/access-prompt_[0-9a-f]+\.js$/.test(n)),
    cardEntry: names.filter(n => /^ClientSideAssets\/access-card_[0-9a-f]+\.js$/.test(n)),
    strings: names.filter(n => /^ClientSideAssets\/.*_en-us_[0-9a-f]+\.js$/.test(n))
  };
}

/**
 * What each kind of page downloads, from webpack's own stats of the build that made the package (gulpfile.js writes
 * temp/stats/webpack-stats.json): an entry point's chunk, then every chunk it loads by import(), and theirs in turn.
 * Both bundles load a shared chunk by the same file name, so a page with web parts and the banner downloads it once.
 * `files` as from entries(), `sizes` from fileSizes(files). Returns the file lists, whether the stats describe this
 * package's first scripts (`statsChecks`, one per first script, web parts first), the files a first script imports
 * that the package lacks (`missing`), and the gzipped totals per page (`pages`: webParts, banner, both, teamsTab, card).
 * The Teams host's chunk (TEAMS_ONLY_CHUNKS, loaded only when SPFx gives the web parts a Teams SDK: webPartUi.ts) is
 * not on a SharePoint page; `teamsTab` is the web parts with it (no banner: customizers do not run in Teams). `card` is
 * the AccessCard on a Viva Connections dashboard.
 * Opt-in chunks (OPT_IN_CHUNKS) load only where a feature is switched on or applies to the person: suggestions where
 * a catalog's setting asks for them or MyAccess is empty, the "My team" tab for managers whose probe Graph answers.
 * They and every chunk reached only through them are `optIn` (`pages.optIn`: what such a page adds on top of `both`).
 * On-demand chunks (ON_DEMAND_CHUNKS) load when the person opens something that needs them: the date picker when a
 * form offers dates (`pages.onDemand`).
 */
const TEAMS_ONLY_CHUNKS = ['access-hub-teams'];
const OPT_IN_CHUNKS = ['access-hub-suggestions', 'access-hub-team'];
const ON_DEMAND_CHUNKS = ['access-hub-dates'];

function pageDownloads(files, stats, sizes) {
  const names = [...files.keys()];
  const { hubEntry, promptEntry, cardEntry, strings } = firstScripts(names);
  const chunkById = new Map(stats.chunks.map(c => [c.id, c]));
  const statsChecks = [];
  const teamsOnly = new Set(stats.chunks.filter(c => (c.names || []).some(n => TEAMS_ONLY_CHUNKS.includes(n))).map(c => c.id));
  const idsNamed = list => new Set(stats.chunks.filter(c => (c.names || []).some(n => list.includes(n))).map(c => c.id));
  const optInRoots = idsNamed(OPT_IN_CHUNKS);
  const onDemandRoots = idsNamed(ON_DEMAND_CHUNKS);
  const optIn = new Set();
  const onDemand = new Set();
  const filesOf = ids => ids.flatMap(id => (chunkById.get(id) || { files: [`missing chunk ${id}`] }).files.filter(f => f.endsWith('.js')).map(f => `ClientSideAssets/${f}`));
  function chunkFiles(entry) {
    const name = /^ClientSideAssets\/(access-(?:hub|prompt|card))_[0-9a-f]+\.js$/.exec(entry)[1];
    const point = stats.entrypoints[name];
    const own = point ? point.assets.map(a => `ClientSideAssets/${a.name || a}`) : [];
    // The stats must be of the build that made this package: the entry's file (with its content hash) is in it.
    statsChecks.push({ name, ok: own.includes(entry), own });
    const reach = skip => {
      const seen = new Set();
      const visit = id => {
        if (seen.has(id) || skip.has(id)) return;
        seen.add(id);
        for (const child of (chunkById.get(id) || { children: [] }).children) visit(child);
      };
      for (const id of point ? point.chunks : []) visit(id);
      for (const id of point ? point.chunks : []) seen.delete(id);
      return seen;
    };
    const all = reach(new Set());
    // What the entry reaches without passing through an opt-in or on-demand chunk is on every page.
    const always = reach(new Set([...optInRoots, ...onDemandRoots]));
    const withOptIn = reach(onDemandRoots);
    for (const id of all) {
      if (always.has(id) || teamsOnly.has(id)) continue;
      if (withOptIn.has(id)) optIn.add(id); else onDemand.add(id);
    }
    return filesOf([...always].filter(id => !teamsOnly.has(id)));
  }
  // The AccessCard's strings are the card's (a Viva Connections dashboard), not the web parts'.
  const hubFiles = [...hubEntry, ...hubEntry.flatMap(chunkFiles), ...strings.filter(n => !/AccessPrompt|AccessCard/.test(n))];
  const bannerFiles = [...promptEntry, ...promptEntry.flatMap(chunkFiles), ...strings.filter(n => /AccessPrompt|CommonStrings/.test(n))];
  const teamsFiles = filesOf([...teamsOnly]);
  const optInFiles = filesOf([...optIn]);
  const onDemandFiles = filesOf([...onDemand]);
  // The AccessCard on a dashboard: its first script, its chunks (logic, quick view) and strings; not on the pages above.
  const cardFiles = [...cardEntry, ...cardEntry.flatMap(chunkFiles), ...strings.filter(n => /AccessCard|CommonStrings/.test(n))];
  const missing = [...hubFiles, ...bannerFiles, ...teamsFiles, ...optInFiles, ...onDemandFiles, ...cardFiles].filter(n => !files.has(n));
  const onPage = list => sizes([...new Set(list)].filter(n => files.has(n)));
  return {
    hubEntry, promptEntry, cardEntry, hubFiles, bannerFiles, cardFiles, optInFiles, onDemandFiles, statsChecks, missing,
    pages: {
      webParts: onPage(hubFiles), banner: onPage(bannerFiles), both: onPage([...hubFiles, ...bannerFiles]),
      optIn: onPage(optInFiles), bothWithOptIn: onPage([...hubFiles, ...bannerFiles, ...optInFiles]), onDemand: onPage(onDemandFiles),
      teamsTab: onPage([...hubFiles, ...teamsFiles]), card: onPage(cardFiles)
    }
  };
}

module.exports = { zipEntries, entries, decodeXml, componentManifests, fileSizes, firstScripts, pageDownloads };
