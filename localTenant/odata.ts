/**
 * OData query options for every collection and entity: $select, $expand (nested options), $filter, $orderby,
 * $top, $skip, $skiptoken, $count. Entity types describe their declared properties (Graph's v1.0 metadata,
 * docs/graph-notes.md §10) so unknown names in $select/$filter/$orderby/$expand are rejected with 400 as Graph
 * does.
 */
import { badRequest } from './errors';
import { compare, evaluate, FilterNode, getPath, parseFilter, truthy, visitPaths } from './odataFilter';
import type { Json } from './fixture';

export interface ExpandItem { name: string; options: QueryOptions }
export interface OrderItem { segs: string[]; desc: boolean }
export interface QueryOptions {
  select?: string[];
  expand?: ExpandItem[];
  filter?: FilterNode;
  orderby?: OrderItem[];
  top?: number;
  skip?: number;
  count?: boolean;
}

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;
const KNOWN = new Set(['select', 'expand', 'filter', 'orderby', 'top', 'skip', 'skiptoken', 'count', 'format']);

function nonNegInt(name: string, v: string): number {
  if (!/^\d+$/.test(v.trim())) throw badRequest(`Invalid value '${v}' for query option '$${name}'.`);
  return Number(v.trim());
}

/** Splits on `sep` at parenthesis depth 0, outside quotes. */
export function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const c of s) {
    if (c === "'") quote = !quote;
    if (!quote) {
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (c === sep && depth === 0) { out.push(cur); cur = ''; continue; }
    }
    cur += c;
  }
  if (depth !== 0 || quote) throw badRequest(`Syntax error in query option: unbalanced parentheses or quotes in '${s}'.`);
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x.length > 0);
}

function parseExpand(v: string): ExpandItem[] {
  return splitTop(v, ',').map((part) => {
    const m = /^([\w.*/]+)\s*(?:\((.*)\))?$/s.exec(part);
    if (!m) throw badRequest(`Invalid $expand clause '${part}'.`);
    const opts: Record<string, string> = {};
    if (m[2] !== undefined) {
      for (const kv of splitTop(m[2], ';')) {
        const eq = kv.indexOf('=');
        if (eq < 0) throw badRequest(`Invalid nested option '${kv}' in $expand.`);
        opts[kv.slice(0, eq).trim().replace(/^\$/, '').toLowerCase()] = kv.slice(eq + 1);
      }
    }
    return { name: m[1], options: parseOptions(opts) };
  });
}

/** Parses raw option values (keys without `$`, lowercased). */
export function parseOptions(raw: Record<string, string>, allowSkiptoken = false): QueryOptions & { skiptoken?: number } {
  const q: QueryOptions & { skiptoken?: number } = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!KNOWN.has(k) || (k === 'skiptoken' && !allowSkiptoken)) {
      throw badRequest(`Query option '$${k}' is not supported by this resource.`);
    }
    switch (k) {
      case 'select': q.select = v.split(',').map((s) => s.trim()).filter(Boolean); break;
      case 'expand': q.expand = parseExpand(v); break;
      case 'filter': q.filter = parseFilter(v); break;
      case 'orderby':
        q.orderby = splitTop(v, ',').map((p) => {
          const m = /^([\w./]+)(?:\s+(asc|desc))?$/i.exec(p);
          if (!m) throw badRequest(`Invalid $orderby clause '${p}'.`);
          return { segs: m[1].split('/'), desc: (m[2] ?? '').toLowerCase() === 'desc' };
        });
        break;
      case 'top': q.top = nonNegInt('top', v); break;
      case 'skip': q.skip = nonNegInt('skip', v); break;
      case 'count':
        if (!/^(true|false)$/i.test(v)) throw badRequest(`Invalid value '${v}' for query option '$count'.`);
        q.count = v.toLowerCase() === 'true';
        break;
      case 'skiptoken': q.skiptoken = decodeSkipToken(v); break;
      default: break;
    }
  }
  return q;
}

/** Reads `$x` and (as Graph v1.0 also accepts) `x` query parameters. */
export function optionsFromParams(params: URLSearchParams): QueryOptions & { skiptoken?: number } {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) {
    const key = k.replace(/^\$/, '').toLowerCase();
    if (!k.startsWith('$') && !KNOWN.has(key)) continue; // non-OData parameters (e.g. ?as=) are not ours
    if (key in raw) throw badRequest(`Query option '$${key}' was specified more than once.`);
    raw[key] = v;
  }
  return parseOptions(raw, true);
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}
function decodeSkipToken(v: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(v, 'base64url').toString('utf8'));
  if (!m) throw badRequest(`The $skiptoken '${v}' is not valid.`);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------------------
// Entity types

export interface NavDef<C> { type: string; many: boolean; get: (src: never, ctx: C) => unknown }
export interface EntityDef<C> {
  name: string;
  properties: readonly string[];
  nav: Record<string, NavDef<C>>;
  emit: (src: never, ctx: C) => Json;
}
export type Registry<C> = Record<string, EntityDef<C>>;

function propOf<C>(def: EntityDef<C>, name: string): string | undefined {
  const l = name.toLowerCase();
  return def.properties.find((p) => p.toLowerCase() === l) ?? Object.keys(def.nav).find((p) => p.toLowerCase() === l);
}

function unknownProp(def: { name: string }, name: string): never {
  throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${def.name}'.`);
}

/** Validates a path; after a navigation the target type is checked, inside complex values anything goes. */
function validatePath<C>(reg: Registry<C>, def: EntityDef<C>, segs: string[]): void {
  let cur: EntityDef<C> | undefined = def;
  for (const s of segs) {
    if (!cur) return;
    if (s.includes('.')) continue; // type cast
    const p: string | undefined = propOf(cur, s);
    if (!p) unknownProp(cur, s);
    const nav: NavDef<C> | undefined = cur.nav[p];
    cur = nav ? reg[nav.type] : undefined;
  }
}

export function validateOptions<C>(reg: Registry<C>, def: EntityDef<C>, q: QueryOptions): void {
  for (const s of q.select ?? []) if (s !== '*' && !s.startsWith('@') && !propOf(def, s.split('/')[0])) unknownProp(def, s);
  for (const e of q.expand ?? []) {
    if (e.name === '*') continue;
    const p = propOf(def, e.name);
    const nav = p ? def.nav[p] : undefined;
    if (!nav) throw badRequest(`Could not find a navigation property named '${e.name}' on type 'microsoft.graph.${def.name}'.`);
    validateOptions(reg, reg[nav.type], e.options);
  }
  if (q.filter) {
    visitPaths(q.filter, (segs, vars) => {
      const head = vars.get(segs[0]);
      validatePath(reg, def, head ? [...head, ...segs.slice(1)] : segs);
    });
  }
  for (const o of q.orderby ?? []) validatePath(reg, def, o.segs);
}

/** A filterable view: the emitted object plus lazily resolved navigations. */
export function view<C>(reg: Registry<C>, def: EntityDef<C>, src: unknown, ctx: C): Json {
  const obj: Json = { ...def.emit(src as never, ctx) };
  for (const [name, nav] of Object.entries(def.nav)) {
    let cached: unknown;
    let done = false;
    Object.defineProperty(obj, name, {
      enumerable: false,
      get: () => {
        if (!done) {
          const v = nav.get(src as never, ctx);
          const t = reg[nav.type];
          cached = Array.isArray(v) ? v.map((x) => view(reg, t, x, ctx)) : v === null || v === undefined ? null : view(reg, t, v, ctx);
          done = true;
        }
        return cached;
      },
    });
  }
  return obj;
}

/** Emits one entity with $expand and $select applied. */
export function shape<C>(reg: Registry<C>, def: EntityDef<C>, src: unknown, q: QueryOptions, ctx: C): Json {
  const full = def.emit(src as never, ctx);
  const expand = (q.expand ?? []).flatMap((e) => (e.name === '*' ? Object.keys(def.nav).map((n) => ({ name: n, options: {} })) : [e]));
  for (const e of expand) {
    const p = propOf(def, e.name) as string;
    const nav = def.nav[p];
    const t = reg[nav.type];
    const v = nav.get(src as never, ctx);
    if (nav.many) {
      const items = Array.isArray(v) ? v : [];
      full[p] = runQuery(reg, t, items, e.options, ctx, Math.max(items.length, 1)).items.map((x) => shape(reg, t, x, e.options, ctx));
    } else {
      full[p] = v === null || v === undefined ? null : shape(reg, t, v, e.options, ctx);
    }
  }
  if (!q.select || q.select.length === 0 || q.select.includes('*')) return full;
  const out: Json = {};
  for (const [k, v] of Object.entries(full)) if (k.startsWith('@odata.')) out[k] = v;
  for (const s of q.select) {
    const p = propOf(def, s);
    if (p && p in full) out[p] = full[p];
  }
  for (const e of expand) {
    const p = propOf(def, e.name) as string;
    out[p] = full[p];
  }
  return out;
}

export interface QueryResult<T> { items: T[]; count: number; nextOffset?: number }

/** Filters, sorts and pages source items (emission happens afterwards, only for the page). */
export function runQuery<C, T>(
  reg: Registry<C>, def: EntityDef<C>, items: T[], q: QueryOptions & { skiptoken?: number }, ctx: C,
  pageSize = DEFAULT_PAGE_SIZE,
): QueryResult<T> {
  let rows = items.map((src) => ({ src, v: q.filter || q.orderby ? view(reg, def, src, ctx) : undefined }));
  if (q.filter) {
    const f = q.filter;
    rows = rows.filter((r) => truthy(evaluate(f, { root: r.v, vars: {} })));
  }
  if (q.orderby?.length) {
    const ob = q.orderby;
    rows.sort((a, b) => {
      for (const o of ob) {
        const c = compare(getPath(a.v, o.segs), getPath(b.v, o.segs));
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }
  const count = rows.length;
  const start = q.skiptoken ?? q.skip ?? 0;
  const size = Math.min(q.top ?? pageSize, MAX_PAGE_SIZE);
  const page = rows.slice(start, start + size).map((r) => r.src);
  const next = start + size < count && size > 0 ? start + size : undefined;
  return { items: page, count, nextOffset: next };
}
