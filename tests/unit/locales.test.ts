/**
 * Every strings module has the same keys and the same {n} placeholders in en-us, de-de and fr-fr, and
 * no German or French string is an untranslated copy of the English one (bar a few words that are the same).
 */
import * as fs from 'fs';
import * as path from 'path';
const loadAmdStrings = require('../mocks/amdLoc');

const ROOT = path.resolve(__dirname, '..', '..');
const MODULES = [
  'src/loc', 'src/webparts/accessCatalog/loc', 'src/webparts/accessRequestButton/loc', 'src/webparts/myAccess/loc',
  'src/webparts/accessApprovals/loc', 'src/extensions/accessPrompt/loc'
];
const LOCALES = ['de-de', 'fr-fr'];
// Words that are the same in English and the other language, or strings made only of placeholders.
const SAME_ALLOWED = new Set(['Name', 'Status', 'Layout', 'Region', 'Questions', 'Link', '{0} — {1}']);

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}

const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) || []).sort();

describe.each(MODULES)('%s', dir => {
  const en = flatten(loadAmdStrings(path.join(ROOT, dir, 'en-us.js')));

  it.each(LOCALES)('%s has every key, with the same placeholders, translated', locale => {
    const file = path.join(ROOT, dir, `${locale}.js`);
    expect(fs.existsSync(file)).toBe(true);
    const other = flatten(loadAmdStrings(file));
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect({ key, placeholders: placeholders(other[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
    const untranslated = Object.keys(en).filter(k => other[k] === en[k] && !SAME_ALLOWED.has(en[k]));
    expect(untranslated).toEqual([]);
  });
});
