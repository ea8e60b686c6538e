#!/usr/bin/env node
// Access Hub's own Teams app package, for Teams, Outlook and the Microsoft 365 app: teams/manifest.json, the files it
// names (icons, localization) zipped at the root of teams/TeamsSPFxApp.zip. gulp package-solution copies everything in
// teams/ into the .sppkg's ClientSideAssets/, and SharePoint then deploys ClientSideAssets/TeamsSPFxApp.zip instead of
// generating a manifest of its own (https://learn.microsoft.com/sharepoint/dev/spfx/deployment-spfx-teams-solutions). gulpfile.js runs writeZip before
// package-solution and copyBesidePackage after it; scripts/check-sppkg.js and tests/unit/teamsManifest.test.ts use
// checkApp. Usage: node scripts/teams-app.js (writes teams/TeamsSPFxApp.zip and checks it).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const JSZip = require('jszip');

const ROOT = path.join(__dirname, '..');
const TEAMS_DIR = path.join(ROOT, 'teams');
const ZIP_NAME = 'TeamsSPFxApp.zip';

/** The files of the app package: the manifest and the files it names. */
function appFiles(manifest) {
  const icons = manifest.icons || {};
  const languages = (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || [];
  return ['manifest.json', icons.color, icons.outline, ...languages.map(l => l.file)].filter(Boolean);
}

/** The zip of teams/: the manifest and its files at the root, no folder (Teams refuses a zipped folder). */
async function buildZip(dir = TEAMS_DIR) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const zip = new JSZip();
  // A fixed date: the same sources give the same bytes.
  for (const name of appFiles(manifest)) zip.file(name, fs.readFileSync(path.join(dir, name)), { date: new Date(2026, 0, 1) });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Validates a manifest or localization file against the schema its $schema names, with the copy of that schema
 * bundled in @microsoft/app-manifest (its own AppManifestUtils and ajv), never fetched: a $schema the package does
 * not bundle is an error. Returns the schema's complaints, [] when valid.
 */
async function schemaErrors(json) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest'));
  const url = typeof json.$schema === 'string' ? json.$schema : '';
  const m = /^https:\/\/developer\.microsoft\.com\/json-schemas\/(teams\/v[0-9.]+\/MicrosoftTeams(\.Localization)?\.schema\.json)$/.exec(url);
  if (!m || !fs.existsSync(path.join(packageDir, 'json-schemas', m[1]))) return [`$schema ${url || '(none)'} is not a Teams schema bundled in @microsoft/app-manifest`];
  // fetchSchema reads the package's own copy of a developer.microsoft.com schema when it has one (checked above).
  const schema = await AppManifestUtils.fetchSchema(url);
  if (!m[2]) return AppManifestUtils.validateAgainstSchema(json, schema);
  // Every bundled Localization schema has a pattern with an unescaped "]", which ajv rejects under the u flag that
  // AppManifestUtils compiles with: the same ajv (the package's draft-04 build and formats) without that flag.
  const fromPackage = name => require(require.resolve(name, { paths: [packageDir] }));
  const Ajv = fromPackage('ajv-draft-04');
  const ajv = new (Ajv.default || Ajv)({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  const addFormats = fromPackage('ajv-formats');
  (addFormats.default || addFormats)(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return validate(json) ? [] : validate.errors.map(e => `${e.instancePath} ${e.message || ''}. Details: ${JSON.stringify(e.params)}`);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth, colour type and interlacing from a PNG's header (IHDR). */
function pngHeader(png) {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25], interlace: png[28] };
}

/** The pixels of an 8-bit RGBA, non-interlaced PNG as [r, g, b, a] rows (the outline icon's format). */
function pngPixels(png) {
  const { width, height, bitDepth, colorType, interlace } = pngHeader(png);
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) throw new Error(`only 8-bit RGBA non-interlaced PNGs are read (bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace})`);
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const line = Buffer.from(data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? line[x - 4] : 0;
      const b = previous[x];
      const c = x >= 4 ? previous[x - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      line[x] = (line[x] + predictor) & 0xff;
    }
    const row = [];
    for (let x = 0; x < width; x++) row.push([...line.subarray(x * 4, x * 4 + 4)]);
    pixels.push(row);
    previous = line;
  }
  return pixels;
}

/** What Teams asks of the icons (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package). */
function iconProblems(color, outline) {
  const problems = [];
  const size = (png, name) => { try { return pngHeader(png); } catch (e) { problems.push(`${name}: ${e.message}`); return undefined; } };
  const c = size(color, 'color icon');
  if (c && (c.width !== 192 || c.height !== 192)) problems.push(`color icon is ${c.width}x${c.height}, not 192x192`);
  const o = size(outline, 'outline icon');
  if (o && (o.width !== 32 || o.height !== 32)) problems.push(`outline icon is ${o.width}x${o.height}, not 32x32`);
  if (o) {
    try {
      const coloured = pngPixels(outline).flat().filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
      if (coloured.length) problems.push(`outline icon has ${coloured.length} pixels that are neither white nor transparent`);
    } catch (e) {
      problems.push(`outline icon: ${e.message}`);
    }
  }
  return problems;
}

/**
 * Checks an app package (the zip's bytes): every file at the root, the manifest and its localization files valid
 * against their bundled schemas, exactly the files the manifest names, the icons' sizes. Returns the problems found.
 */
async function checkApp(zipBuffer) {
  const problems = [];
  const zip = await JSZip.loadAsync(zipBuffer);
  const names = Object.keys(zip.files);
  const nested = names.filter(n => n.includes('/'));
  if (nested.length) problems.push(`not at the root of the zip (zip the folder's contents, not the folder): ${nested.join(', ')}`);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) return [...problems, 'no manifest.json at the root of the zip'];
  const manifest = JSON.parse(await manifestFile.async('string'));
  for (const e of await schemaErrors(manifest)) problems.push(`manifest.json: ${e}`);
  const expected = appFiles(manifest);
  const missing = expected.filter(n => !zip.file(n));
  const extra = names.filter(n => !zip.files[n].dir && !expected.includes(n));
  if (missing.length) problems.push(`files the manifest names are missing: ${missing.join(', ')}`);
  if (extra.length) problems.push(`files the manifest does not name: ${extra.join(', ')}`);
  for (const language of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []) {
    const file = zip.file(language.file);
    if (file) for (const e of await schemaErrors(JSON.parse(await file.async('string')))) problems.push(`${language.file}: ${e}`);
  }
  const icons = manifest.icons || {};
  if (zip.file(icons.color || '') && zip.file(icons.outline || '')) {
    problems.push(...iconProblems(await zip.file(icons.color).async('nodebuffer'), await zip.file(icons.outline).async('nodebuffer')));
  }
  return problems;
}

/** Writes teams/TeamsSPFxApp.zip, failing when the package has a problem (before package-solution takes it). */
async function writeZip(dir = TEAMS_DIR) {
  const zip = await buildZip(dir);
  const problems = await checkApp(zip);
  if (problems.length) throw new Error(`Teams app package (${path.relative(ROOT, dir) || '.'}): ${problems.join('; ')}`);
  const file = path.join(dir, ZIP_NAME);
  fs.writeFileSync(file, zip);
  return file;
}

/** Copies the zip beside the .sppkg (config/package-solution.json's zippedPackage), for upload to Teams directly. */
function copyBesidePackage() {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'package-solution.json'), 'utf8'));
  const target = path.join(ROOT, 'sharepoint', path.dirname(config.paths.zippedPackage), ZIP_NAME);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(TEAMS_DIR, ZIP_NAME), target);
  return target;
}

module.exports = { TEAMS_DIR, ZIP_NAME, appFiles, buildZip, schemaErrors, pngHeader, pngPixels, iconProblems, checkApp, writeZip, copyBesidePackage };

if (require.main === module) {
  writeZip().then(file => console.log(`${path.relative(ROOT, file)}: valid Teams app package`), e => {
    console.error(e.message);
    process.exit(1);
  });
}
