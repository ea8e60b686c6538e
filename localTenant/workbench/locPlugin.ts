/**
 * Resolves SPFx localized-resource module names (`import * as strings from 'CommonStrings'`) for Vite.
 *
 * SPFx maps each name to `…/loc/{locale}.js` in `config/config.json` `localizedResources` and loads the AMD file
 * for the page's language. Here each name becomes a virtual module that carries every locale's strings (read by
 * evaluating the AMD files in Node) and exports the table for `window.__ACCESS_HUB_LOCALE__`, falling back to
 * en-us key by key. The page sets that global in an inline script, before any module runs, because components
 * read their strings at import time.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Plugin } from 'vite';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

const VIRTUAL_PREFIX = '\0accesshub-loc:';
const FALLBACK_LOCALE = 'en-us';
export const LOCALE_GLOBAL = '__ACCESS_HUB_LOCALE__';

/**
 * Parses JSON that may carry `//` and block comments and trailing commas, as SPFx config and manifest files do, with
 * Microsoft's jsonc-parser (what VS Code reads these files with). Throws on a syntax error, naming where.
 */
export function parseJsonWithComments(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    throw new SyntaxError(`${printParseErrorCode(e.error)} at offset ${e.offset}`);
  }
  return value;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return parseJsonWithComments(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Evaluates an AMD loc file (`define([], function () { return {...}; })`) and returns its value. */
export function evaluateAmd(file: string): Record<string, unknown> {
  const source = fs.readFileSync(file, 'utf8');
  let result: unknown;
  const define = (deps: unknown, factory?: unknown): void => {
    const f = typeof deps === 'function' ? deps : factory;
    result = typeof f === 'function' ? (f as () => unknown)() : f;
  };
  (define as unknown as { amd: object }).amd = {};
  // eslint-disable-next-line no-new-func
  new Function('define', source)(define);
  if (!result || typeof result !== 'object') throw new Error(`${file} did not define a strings object`);
  return result as Record<string, unknown>;
}

export interface LocModule {
  name: string;
  /** locale (lowercase) → file */
  files: Record<string, string>;
  /** Where the mapping came from, for error messages. */
  source: string;
}

/** A `{locale}` path pattern → the locale files that exist for it. */
function localeFiles(repoRoot: string, pattern: string): Record<string, string> {
  const abs = path.resolve(repoRoot, pattern);
  const dir = path.dirname(abs);
  const base = path.basename(abs);
  if (!base.includes('{locale}') || !fs.existsSync(dir)) return {};
  const [before, after] = base.split('{locale}');
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.startsWith(before) || !entry.endsWith(after)) continue;
    const locale = entry.slice(before.length, entry.length - after.length);
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(locale)) files[locale.toLowerCase()] = path.join(dir, entry);
  }
  return files;
}

/**
 * Finds every localized module: `config/config.json` `localizedResources` first (a `lib/…` path is read from
 * `src/…`, where the AMD sources live; gulp copies them to lib), then the `paths` of `tsconfig.node.json` /
 * `tsconfig.json` that point at a loc folder's `.d.ts` (for names not yet registered in config.json).
 */
export function discoverLocModules(repoRoot: string): Map<string, LocModule> {
  const found = new Map<string, LocModule>();
  const config = readJson(path.join(repoRoot, 'config', 'config.json'));
  const resources = (config && config.localizedResources) as Record<string, string> | undefined;
  for (const [name, pattern] of Object.entries(resources || {})) {
    if (typeof pattern !== 'string') continue;
    const candidates = pattern.replace(/\\/g, '/').startsWith('lib/') ? ['src/' + pattern.slice(4), pattern] : [pattern];
    for (const candidate of candidates) {
      const files = localeFiles(repoRoot, candidate);
      if (Object.keys(files).length) {
        found.set(name, { name, files, source: `config/config.json (${candidate})` });
        break;
      }
    }
  }
  for (const tsconfig of ['tsconfig.node.json', 'tsconfig.json']) {
    const json = readJson(path.join(repoRoot, tsconfig));
    const options = (json && json.compilerOptions) as { paths?: Record<string, string[]>; baseUrl?: string } | undefined;
    for (const [name, targets] of Object.entries((options && options.paths) || {})) {
      if (found.has(name) || name.includes('*') || !Array.isArray(targets) || !targets.length) continue;
      const target = String(targets[0]);
      if (!/\/loc\/[^/]+\.d\.ts$/i.test(target)) continue;
      const pattern = path.join(path.dirname(path.join(options && options.baseUrl ? options.baseUrl : '.', target)), '{locale}.js');
      const files = localeFiles(repoRoot, pattern);
      if (Object.keys(files).length) found.set(name, { name, files, source: `${tsconfig} paths (${pattern})` });
    }
  }
  return found;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `fallback` overlaid with `primary`, key by key; collects the key paths the primary lacks. */
function deepFallback(primary: unknown, fallback: unknown, at: string, missing: string[]): unknown {
  if (isObject(primary) && isObject(fallback)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fallback)) {
      out[key] = key in primary ? deepFallback(primary[key], fallback[key], at ? `${at}.${key}` : key, missing) : fallback[key];
      if (!(key in primary)) missing.push(at ? `${at}.${key}` : key);
    }
    for (const key of Object.keys(primary)) if (!(key in out)) out[key] = primary[key];
    return out;
  }
  return primary === undefined ? fallback : primary;
}

/** The source of one virtual loc module. */
export function locModuleSource(mod: LocModule): string {
  const locales = Object.keys(mod.files).sort();
  const base = mod.files[FALLBACK_LOCALE] ? evaluateAmd(mod.files[FALLBACK_LOCALE]) : undefined;
  const table: Record<string, unknown> = {};
  const missing: Record<string, string[]> = {};
  for (const locale of locales) {
    const strings = locale === FALLBACK_LOCALE || !base ? evaluateAmd(mod.files[locale]) : (() => {
      const m: string[] = [];
      const merged = deepFallback(evaluateAmd(mod.files[locale]), base, '', m);
      if (m.length) missing[locale] = m;
      return merged;
    })();
    table[locale] = strings;
  }
  const first = base ? FALLBACK_LOCALE : locales[0];
  const keys = new Set<string>();
  for (const locale of locales) for (const key of Object.keys(table[locale] as object)) keys.add(key);
  const named = Array.from(keys).filter(k => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  return `// Virtual module for ${JSON.stringify(mod.name)} from ${JSON.stringify(mod.source)}
const table = ${JSON.stringify(table)};
const missing = ${JSON.stringify(missing)};
const wanted = String((typeof window !== 'undefined' && window[${JSON.stringify(LOCALE_GLOBAL)}]) || ${JSON.stringify(FALLBACK_LOCALE)}).toLowerCase();
const language = wanted.split('-')[0];
const locale = table[wanted] ? wanted : (Object.keys(table).find(l => l.split('-')[0] === language) || ${JSON.stringify(first)});
if (missing[locale]) console.warn(${JSON.stringify(`[workbench] ${mod.name}: `)} + locale + ' lacks ' + missing[locale].join(', ') + '; showing en-us for those');
const strings = table[locale];
export default strings;
${named.map(k => `export const ${k} = strings[${JSON.stringify(k)}];`).join('\n')}
`;
}

export function locPlugin(repoRoot: string): Plugin {
  let cache: { at: number; modules: Map<string, LocModule> } | undefined;
  const modules = (): Map<string, LocModule> => {
    // Re-read at most once a second: config.json and loc folders change while the dev server runs.
    if (!cache || Date.now() - cache.at > 1000) cache = { at: Date.now(), modules: discoverLocModules(repoRoot) };
    return cache.modules;
  };
  return {
    name: 'access-hub-loc',
    enforce: 'pre',
    resolveId(id: string) {
      if (id.startsWith(VIRTUAL_PREFIX)) return id;
      if (!/^[A-Za-z_$][\w$]*$/.test(id)) return null; // only bare, single-word names (`CommonStrings`)
      return modules().has(id) ? VIRTUAL_PREFIX + id : null;
    },
    load(id: string) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const mod = modules().get(id.slice(VIRTUAL_PREFIX.length));
      if (!mod) return null;
      for (const file of Object.values(mod.files)) this.addWatchFile(file);
      return locModuleSource(mod);
    }
  };
}
