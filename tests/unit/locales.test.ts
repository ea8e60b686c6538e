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
  'src/webparts/accessApprovals/loc', 'src/extensions/accessPrompt/loc',
  'src/adaptiveCardExtensions/accessCard/loc'
];
const LOCALES = ['de-de', 'fr-fr'];
// Words that are the same in English and the other language, or strings made only of placeholders.
const SAME_ALLOWED = new Set(['Name', 'Status', 'Layout', 'Region', 'Questions', 'Link', '{0} — {1}']);

type Forms = Record<string, string>;
type Leaf = string | Forms;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A plural string: forms keyed by CLDR category (src/loc/mystrings.d.ts IPluralStrings), `other` always. */
const isForms = (v: unknown): v is Forms =>
  !!v && typeof v === 'object' && 'other' in v && Object.keys(v).every(k => CATEGORIES.indexOf(k) >= 0);

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, Leaf> {
  const out: Record<string, Leaf> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (isForms(v)) out[`${prefix}${k}`] = v;
    else if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}

const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) || []).sort();
/** Every text of a leaf: the string, or each plural form. */
const texts = (leaf: Leaf): string[] => (typeof leaf === 'string' ? [leaf] : Object.values(leaf));
const main = (leaf: Leaf): string => (typeof leaf === 'string' ? leaf : leaf.other);

describe.each(MODULES)('%s', dir => {
  const en = flatten(loadAmdStrings(path.join(ROOT, dir, 'en-us.js')));

  it.each(LOCALES)('%s has every key, with the same placeholders, translated', locale => {
    const file = path.join(ROOT, dir, `${locale}.js`);
    expect(fs.existsSync(file)).toBe(true);
    const other = flatten(loadAmdStrings(file));
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect({ key, plural: isForms(other[key]) }).toEqual({ key, plural: isForms(en[key]) });
      for (const text of texts(other[key])) {
        expect({ key, text, placeholders: placeholders(text) }).toEqual({ key, text, placeholders: placeholders(main(en[key])) });
      }
    }
    const untranslated = Object.keys(en).filter(k => main(other[k]) === main(en[k]) && !SAME_ALLOWED.has(main(en[k])));
    expect(untranslated).toEqual([]);
  });

  it.each(['en-us', ...LOCALES])('%s gives each plural string exactly the categories its language uses', locale => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    const strings = flatten(loadAmdStrings(path.join(ROOT, dir, `${locale}.js`)));
    for (const [key, leaf] of Object.entries(strings)) {
      if (isForms(leaf)) expect({ key, categories: Object.keys(leaf).sort() }).toEqual({ key, categories });
    }
  });

  it('has no count in English outside a plural string ("{0} days" must choose between day and days)', () => {
    const counts = Object.keys(en).filter(k => typeof en[k] === 'string' && /\{\d+\} (?!of\b)[a-z]+s\b/i.test(en[k] as string));
    expect(counts).toEqual([]);
  });
});

/** The keys of the interface a loc .d.ts exports as its module's `strings`, nested type literals flattened. */
function declaredKeys(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  let exported: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && node.type && ts.isTypeReferenceNode(node.type)) exported = node.type.typeName.getText(source);
    node.forEachChild(visit);
  };
  visit(source);
  const root = exported ? interfaces.get(exported) : undefined;
  expect({ exported, found: !!root }).toEqual({ exported: expect.any(String), found: true });
  const keys: string[] = [];
  const visitMembers = (members: ts.NodeArray<ts.TypeElement>, prefix: string): void => {
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.name) continue;
      const name = member.name.getText(source).replace(/^['"]|['"]$/g, '');
      if (member.type && ts.isTypeLiteralNode(member.type)) visitMembers(member.type.members, `${prefix}${name}.`);
      else keys.push(prefix + name);
    }
  };
  visitMembers(root!.members, '');
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
