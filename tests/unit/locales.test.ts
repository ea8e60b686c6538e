/**
 * Every strings module has the same keys and the same {n} placeholders in en-us, de-de and fr-fr, and
 * no German or French string is an untranslated copy of the English one (bar a few words that are the same).
 * Its .d.ts declares exactly the keys of en-us.js, so code can neither use a missing string nor leave one unused
 * by accident of a typo.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
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

/** The keys an interface in a loc .d.ts declares, nested type literals flattened like `flatten` does. */
function declaredKeys(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const visitMembers = (members: ts.NodeArray<ts.TypeElement>, prefix: string): void => {
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.name) continue;
      const name = member.name.getText(source).replace(/^['"]|['"]$/g, '');
      if (member.type && ts.isTypeLiteralNode(member.type)) visitMembers(member.type.members, `${prefix}${name}.`);
      else keys.push(prefix + name);
    }
  };
  let interfaces = 0;
  source.forEachChild(node => {
    if (ts.isInterfaceDeclaration(node)) { interfaces++; visitMembers(node.members, ''); }
  });
  expect(interfaces).toBe(1);
  return keys.sort();
}

describe.each(MODULES)('%s declarations', dir => {
  it('the .d.ts declares exactly the keys of en-us.js', () => {
    const dts = fs.readdirSync(path.join(ROOT, dir)).filter(f => f.endsWith('.d.ts'));
    expect(dts).toHaveLength(1);
    const declared = declaredKeys(path.join(ROOT, dir, dts[0]));
    const en = Object.keys(flatten(loadAmdStrings(path.join(ROOT, dir, 'en-us.js')))).sort();
    expect({ missingInDts: en.filter(k => declared.indexOf(k) < 0), notInEnUs: declared.filter(k => en.indexOf(k) < 0) })
      .toEqual({ missingInDts: [], notInEnUs: [] });
    expect(declared.length).toBeGreaterThan(0);
  });
});
