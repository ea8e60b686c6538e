/**
 * A small recursive-descent parser and evaluator for OData v4 `$filter` (and `$orderby` paths).
 * Supported: eq ne gt ge lt le, and or not, in (…), parentheses, contains/startswith/endswith/tolower/toupper/
 * trim/length/indexof/concat, property paths with `/` (incl. type-cast segments) and `any`/`all` lambdas.
 * String comparisons are case-insensitive, as Graph's directory and EM stores behave.
 */
import { badRequest } from './errors';

export type FilterNode =
  | { k: 'lit'; v: unknown }
  | { k: 'path'; segs: string[]; lambda?: { op: 'any' | 'all'; v?: string; body?: FilterNode } }
  | { k: 'fn'; name: string; args: FilterNode[] }
  | { k: 'bin'; op: string; l: FilterNode; r: FilterNode }
  | { k: 'not'; e: FilterNode }
  | { k: 'in'; l: FilterNode; list: FilterNode[] };

type Tok = { t: 'str' | 'num' | 'id' | 'guid' | 'date' | 'punct'; v: string; pos: number };

const FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'tolower', 'toupper', 'trim', 'length', 'indexof', 'concat']);
const CMP = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const rest = src.slice(i);
    if (c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw badRequest(`Syntax error: unterminated string literal at position ${i} in '${src}'.`);
        if (src[j] === "'") {
          if (src[j + 1] === "'") { s += "'"; j += 2; continue; }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s, pos: i });
      i = j + 1;
      continue;
    }
    let m = GUID.exec(rest);
    if (m) { out.push({ t: 'guid', v: m[0], pos: i }); i += m[0].length; continue; }
    m = DATE.exec(rest);
    if (m && m[0].length > 4 && m[0].includes('-')) { out.push({ t: 'date', v: m[0], pos: i }); i += m[0].length; continue; }
    m = /^-?\d+(\.\d+)?/.exec(rest);
    if (m && (c !== '-' || out.length === 0 || out[out.length - 1].t === 'punct')) {
      out.push({ t: 'num', v: m[0], pos: i }); i += m[0].length; continue;
    }
    m = /^[A-Za-z_@$][\w.]*/.exec(rest);
    if (m) { out.push({ t: 'id', v: m[0], pos: i }); i += m[0].length; continue; }
    if ('(),/:'.includes(c)) { out.push({ t: 'punct', v: c, pos: i }); i++; continue; }
    throw badRequest(`Syntax error: character '${c}' is not valid at position ${i} in '${src}'.`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly src: string) {}

  parseAll(): FilterNode {
    const e = this.or();
    if (this.i < this.toks.length) this.fail(`unexpected '${this.toks[this.i].v}'`);
    return e;
  }
  private fail(why: string): never {
    throw badRequest(`Invalid filter clause: ${why} in '${this.src}'.`, 'BadRequest');
  }
  private peek(): Tok | undefined { return this.toks[this.i]; }
  private isWord(w: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'id' && t.v.toLowerCase() === w;
  }
  private punct(p: string): boolean {
    const t = this.peek();
    if (t && t.t === 'punct' && t.v === p) { this.i++; return true; }
    return false;
  }
  private expect(p: string): void { if (!this.punct(p)) this.fail(`expected '${p}'`); }

  private or(): FilterNode {
    let l = this.and();
    while (this.isWord('or')) { this.i++; l = { k: 'bin', op: 'or', l, r: this.and() }; }
    return l;
  }
  private and(): FilterNode {
    let l = this.not();
    while (this.isWord('and')) { this.i++; l = { k: 'bin', op: 'and', l, r: this.not() }; }
    return l;
  }
  private not(): FilterNode {
    if (this.isWord('not')) { this.i++; return { k: 'not', e: this.not() }; }
    return this.cmp();
  }
  private cmp(): FilterNode {
    const l = this.primary();
    const t = this.peek();
    if (t && t.t === 'id' && CMP.has(t.v.toLowerCase())) {
      this.i++;
      return { k: 'bin', op: t.v.toLowerCase(), l, r: this.primary() };
    }
    if (this.isWord('in')) {
      this.i++;
      this.expect('(');
      const list: FilterNode[] = [];
      if (!this.punct(')')) {
        do list.push(this.primary()); while (this.punct(','));
        this.expect(')');
      }
      return { k: 'in', l, list };
    }
    return l;
  }
  private primary(): FilterNode {
    const t = this.peek();
    if (!t) return this.fail('unexpected end of expression');
    if (this.punct('(')) { const e = this.or(); this.expect(')'); return e; }
    this.i++;
    switch (t.t) {
      case 'str': case 'guid': case 'date': return { k: 'lit', v: t.v };
      case 'num': return { k: 'lit', v: Number(t.v) };
      case 'punct': return this.fail(`unexpected '${t.v}'`);
      default: break;
    }
    const w = t.v.toLowerCase();
    if (w === 'true' || w === 'false') return { k: 'lit', v: w === 'true' };
    if (w === 'null') return { k: 'lit', v: null };
    if (FUNCTIONS.has(w) && this.peek()?.v === '(') {
      this.i++;
      const args: FilterNode[] = [];
      if (!this.punct(')')) {
        do args.push(this.or()); while (this.punct(','));
        this.expect(')');
      }
      return { k: 'fn', name: w, args };
    }
    const segs = [t.v];
    while (this.punct('/')) {
      const s = this.peek();
      if (!s || s.t !== 'id') return this.fail('expected a property name after /');
      this.i++;
      const lw = s.v.toLowerCase();
      if ((lw === 'any' || lw === 'all') && this.peek()?.v === '(') {
        this.i++;
        if (this.punct(')')) return { k: 'path', segs, lambda: { op: lw } };
        const v = this.peek();
        if (!v || v.t !== 'id') return this.fail('expected a lambda variable');
        this.i++;
        this.expect(':');
        const body = this.or();
        this.expect(')');
        return { k: 'path', segs, lambda: { op: lw, v: v.v, body } };
      }
      segs.push(s.v);
    }
    return { k: 'path', segs };
  }
}

export function parseFilter(src: string): FilterNode {
  return new Parser(lex(src), src).parseAll();
}

/** Walks every property path (with the lambda variables in scope), e.g. to validate names. */
export function visitPaths(n: FilterNode, fn: (segs: string[], vars: Map<string, string[]>) => void, vars = new Map<string, string[]>()): void {
  switch (n.k) {
    case 'lit': return;
    case 'path':
      fn(n.segs, vars);
      if (n.lambda?.body && n.lambda.v) {
        const inner = new Map(vars);
        inner.set(n.lambda.v, resolveVar(n.segs, vars));
        visitPaths(n.lambda.body, fn, inner);
      }
      return;
    case 'fn': n.args.forEach((a) => visitPaths(a, fn, vars)); return;
    case 'bin': visitPaths(n.l, fn, vars); visitPaths(n.r, fn, vars); return;
    case 'not': visitPaths(n.e, fn, vars); return;
    case 'in': visitPaths(n.l, fn, vars); n.list.forEach((a) => visitPaths(a, fn, vars)); return;
  }
}

/** A lambda variable stands for an element of the path it ranges over; expand it back to a root path. */
function resolveVar(segs: string[], vars: Map<string, string[]>): string[] {
  const head = vars.get(segs[0]);
  return head ? [...head, ...segs.slice(1)] : segs;
}

export interface EvalEnv { root: unknown; vars: Record<string, unknown> }

export function getPath(start: unknown, segs: string[]): unknown {
  let cur = start;
  for (const s of segs) {
    if (cur === null || cur === undefined || Array.isArray(cur) || typeof cur !== 'object') return undefined;
    if (s.includes('.')) {
      // type cast segment (microsoft.graph.x): keep the object only when its @odata.type matches
      const t = (cur as Record<string, unknown>)['@odata.type'];
      if (typeof t === 'string' && t.replace(/^#/, '').toLowerCase() !== s.toLowerCase()) return undefined;
      continue;
    }
    const obj = cur as Record<string, unknown>;
    const key = s in obj ? s : Object.keys(obj).find((k) => k.toLowerCase() === s.toLowerCase());
    cur = key === undefined ? undefined : obj[key];
  }
  return cur;
}

const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));

export function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  if (isIsoDate(sa) && isIsoDate(sb)) return Date.parse(sa) - Date.parse(sb);
  const la = sa.toLowerCase();
  const lb = sb.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

export function evaluate(n: FilterNode, env: EvalEnv): unknown {
  switch (n.k) {
    case 'lit': return n.v;
    case 'not': return !truthy(evaluate(n.e, env));
    case 'in': {
      const l = evaluate(n.l, env);
      return n.list.some((x) => compare(l, evaluate(x, env)) === 0 && l !== undefined);
    }
    case 'bin': {
      if (n.op === 'and') return truthy(evaluate(n.l, env)) && truthy(evaluate(n.r, env));
      if (n.op === 'or') return truthy(evaluate(n.l, env)) || truthy(evaluate(n.r, env));
      const l = evaluate(n.l, env);
      const r = evaluate(n.r, env);
      const c = compare(l, r);
      const bothPresent = l !== undefined && l !== null && r !== undefined && r !== null;
      switch (n.op) {
        case 'eq': return c === 0;
        case 'ne': return c !== 0;
        case 'gt': return bothPresent && c > 0;
        case 'ge': return bothPresent && c >= 0;
        case 'lt': return bothPresent && c < 0;
        default: return bothPresent && c <= 0;
      }
    }
    case 'fn': {
      const a = n.args.map((x) => evaluate(x, env));
      const s0 = str(a[0]);
      const s1 = str(a[1]);
      switch (n.name) {
        case 'contains': return s0 !== undefined && s1 !== undefined && s0.toLowerCase().includes(s1.toLowerCase());
        case 'startswith': return s0 !== undefined && s1 !== undefined && s0.toLowerCase().startsWith(s1.toLowerCase());
        case 'endswith': return s0 !== undefined && s1 !== undefined && s0.toLowerCase().endsWith(s1.toLowerCase());
        case 'tolower': return s0?.toLowerCase();
        case 'toupper': return s0?.toUpperCase();
        case 'trim': return s0?.trim();
        case 'length': return Array.isArray(a[0]) ? a[0].length : s0?.length;
        case 'indexof': return s0 !== undefined && s1 !== undefined ? s0.toLowerCase().indexOf(s1.toLowerCase()) : -1;
        default: return a.map((x) => str(x) ?? '').join('');
      }
    }
    case 'path': {
      const head = n.segs[0];
      const base = head in env.vars ? getPath(env.vars[head], n.segs.slice(1)) : getPath(env.root, n.segs);
      if (!n.lambda) return base;
      const items = Array.isArray(base) ? base : [];
      const lam = n.lambda;
      if (!lam.body || !lam.v) return items.length > 0;
      const test = (x: unknown): boolean => truthy(evaluate(lam.body as FilterNode, { root: env.root, vars: { ...env.vars, [lam.v as string]: x } }));
      return lam.op === 'any' ? items.some(test) : items.every(test);
    }
  }
}

export function truthy(v: unknown): boolean {
  return v === true;
}
