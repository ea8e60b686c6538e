// Reads an .sppkg (a zip, OPC package) with Node's zlib, no dependency: for scripts/check-sppkg.js and the
// browser test of the packaged bundles (tests/e2e/packagedBundles.spec.ts).
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

module.exports = { zipEntries, entries, decodeXml, componentManifests };
