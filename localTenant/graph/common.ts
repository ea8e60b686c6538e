/** Shared plumbing of the Graph handlers: request/response types, routing, collections, permission checks. */
import type { TokenClaims } from '../auth';
import { SCOPES } from '../auth';
import { badRequest, forbiddenRole, GraphError, MESSAGES } from '../errors';
import type { FxUser, Json } from '../fixture';
import { encodeSkipToken, optionsFromParams, QueryOptions, runQuery, shape, validateOptions } from '../odata';
import { adminCatalogs } from '../policy';
import { Ctx, REGISTRY } from '../shapes';
import type { Tenant } from '../tenant';
import { isObject } from '../util';

export interface GraphReq {
  method: string;
  /** Path segments after /v1.0, decoded. */
  segments: string[];
  /** Path as requested (for @odata.nextLink), e.g. /v1.0/me. */
  path: string;
  params: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** Set when the body was present but not valid JSON. */
  bodyError?: string;
  /** scheme://host the request came to, for absolute links. */
  origin: string;
  claims: TokenClaims;
  user: FxUser;
  scopes: Set<string>;
  /** Sent to /beta: only the routes that say so answer it (docs/graph-notes.md §3.13). */
  beta?: boolean;
}

export interface GraphRes { status: number; headers?: Record<string, string>; body?: unknown }

export type Handler = (t: Tenant, req: GraphReq, p: Record<string, string>) => GraphRes;
export interface Route { method: string; pattern: string; handler: Handler }

export const EM = 'identityGovernance/entitlementManagement';
export const AR = 'identityGovernance/accessReviews';

export function ctxOf(t: Tenant, req: GraphReq): Ctx {
  return { t, me: req.user, preferUnknown: /include-unknown-enum-members/i.test(req.headers.prefer ?? '') };
}

/** Matches `seg/{param}/fn(arg)` patterns; literal segments are case-insensitive as in Graph. */
export function matchRoute(pattern: string, segs: string[]): Record<string, string> | undefined {
  const pats = pattern.split('/');
  if (pats.length !== segs.length) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < pats.length; i++) {
    const p = pats[i];
    const s = segs[i];
    const param = /^\{(\w+)\}$/.exec(p);
    if (param) { out[param[1]] = s; continue; }
    const fn = /^(\w+)\((\w+)\)$/.exec(p);
    if (fn) {
      const m = new RegExp(`^${fn[1]}\\((.*)\\)$`, 'i').exec(s);
      if (!m) return undefined;
      const arg = new RegExp(`^\\s*${fn[2]}\\s*=\\s*(.*?)\\s*$`, 'i').exec(m[1]);
      if (!arg) throw badRequest(`The function '${fn[1]}' requires the parameter '${fn[2]}'.`);
      const q = /^'((?:[^']|'')*)'$/.exec(arg[1]);
      if (!q) throw badRequest(`The parameter '${fn[2]}' must be a quoted string literal, e.g. ${fn[1]}(${fn[2]}='value').`);
      out[fn[2]] = q[1].replace(/''/g, "'");
      continue;
    }
    if (p.toLowerCase() !== s.toLowerCase()) return undefined;
  }
  return out;
}

/** Validates an enum function argument (docs/graph-notes.md §15.1: unknown `on` → 400; evolvable members need Prefer). */
export function checkOn(req: GraphReq, on: string, allowed: string[], evolvable: string[] = [], enumName = 'filterByCurrentUserOptions'): string {
  if (allowed.includes(on)) return on;
  if (evolvable.includes(on) && /include-unknown-enum-members/i.test(req.headers.prefer ?? '')) return on;
  throw badRequest(`The value '${on}' is not a valid member of '${enumName}'.`, 'BadRequest');
}

export function options(req: GraphReq): QueryOptions & { skiptoken?: number } {
  return optionsFromParams(req.params);
}

function nextLink(req: GraphReq, offset: number): string {
  const p = new URLSearchParams(req.params);
  for (const k of [...p.keys()]) if (/^\$?(skip|skiptoken)$/i.test(k)) p.delete(k);
  p.set('$skiptoken', encodeSkipToken(offset));
  // Keep OData punctuation readable in the link, as Graph does; values stay percent-encoded otherwise.
  const enc = (v: string): string => encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%27/g, "'").replace(/%3D/gi, '=').replace(/%2F/gi, '/');
  const query = [...p].map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return `${req.origin}${req.path}?${query}`;
}

export function contextUrl(req: GraphReq, fragment: string): string {
  return `${req.origin}/v1.0/$metadata#${fragment}`;
}

/** A paged collection with the query options applied (every collection, docs/graph-notes.md §15.1 "Paging"). */
export function collection(t: Tenant, req: GraphReq, type: string, items: unknown[], context: string, q = options(req)): GraphRes {
  const def = REGISTRY[type];
  validateOptions(REGISTRY, def, q);
  const ctx = ctxOf(t, req);
  // `Prefer: odata.maxpagesize=N` sets the page size as in Graph; $top still wins.
  const max = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(req.headers.prefer ?? '');
  const res = runQuery(REGISTRY, def, items, q, ctx, max ? Math.max(1, Number(max[1])) : undefined);
  const body: Json = { '@odata.context': contextUrl(req, context) };
  if (q.count) body['@odata.count'] = res.count;
  if (res.nextOffset !== undefined) body['@odata.nextLink'] = nextLink(req, res.nextOffset);
  body.value = res.items.map((x) => shape(REGISTRY, def, x, q, ctx));
  // Graph puts nextLink before value; clients do not care, but keep the order readable.
  return { status: 200, body };
}

export function single(t: Tenant, req: GraphReq, type: string, item: unknown, context: string, extra: (o: Json) => Json = (o) => o): GraphRes {
  const def = REGISTRY[type];
  const q = options(req);
  if (q.filter || q.orderby || q.top !== undefined || q.skip !== undefined || q.skiptoken !== undefined || q.count) {
    throw badRequest('Query options $filter, $orderby, $top, $skip and $count are not allowed on a single entity.');
  }
  validateOptions(REGISTRY, def, q);
  return { status: 200, body: { '@odata.context': contextUrl(req, `${context}/$entity`), ...extra(shape(REGISTRY, def, item, q, ctxOf(t, req))) } };
}

export function hasAnyScope(req: GraphReq, scopes: string[]): boolean {
  return scopes.some((s) => req.scopes.has(s));
}

/** 403 with Graph's envelope when the token's scopes do not cover the endpoint (docs/graph-notes.md §2.2). */
export function requireScopes(req: GraphReq, anyOf: string[], code = 'Authorization_RequestDenied', message = MESSAGES.insufficientPrivileges): void {
  if (!hasAnyScope(req, anyOf)) throw new GraphError(403, code, `${message} Required scopes: ${anyOf.join(' or ')}.`);
}

export const REQUESTER_READ = [SCOPES.SubjectAccess, SCOPES.ReadAll, SCOPES.ReadWriteAll];
export const REQUESTER_WRITE = [SCOPES.SubjectAccess, SCOPES.ReadWriteAll];
export const ADMIN_READ = [SCOPES.ReadAll, SCOPES.ReadWriteAll];

/** Admin reads need a scope and an EM role; returns the catalogs the caller may see (docs/graph-notes.md §2.2, §11.3). */
export function requireAdmin(t: Tenant, req: GraphReq): Set<string> | 'all' {
  requireScopes(req, ADMIN_READ);
  const cats = adminCatalogs(t.db, req.user.id);
  if (!cats) throw forbiddenRole();
  return cats;
}

export function inCatalogs(cats: Set<string> | 'all', catalogId: string): boolean {
  return cats === 'all' || cats.has(catalogId);
}

/** The JSON body as an object, or 400 (malformed JSON, wrong type). */
export function bodyObject(req: GraphReq, optional = false): Record<string, unknown> {
  if (req.bodyError) throw badRequest(`The request body is not valid JSON: ${req.bodyError}`, 'BadRequest');
  if (req.body === undefined && optional) return {};
  if (!isObject(req.body)) throw badRequest('The request body must be a JSON object.', 'BadRequest');
  return req.body;
}

export const noContent = (): GraphRes => ({ status: 204 });
