/** Graph dispatch: path parsing, licence check, route table, 404/405 in Graph's envelope. */
import { badRequest, envelope, GraphError, MESSAGES, noHttpResource } from '../errors';
import type { Tenant } from '../tenant';
import { adminRoutes } from './admin';
import { approverRoutes } from './approver';
import { EM, GraphReq, GraphRes, matchRoute, Route } from './common';
import { directoryRoutes } from './directory';
import { checkDocumentedOptions } from './queryOptions';
import { requesterRoutes } from './requester';
import { requestRoutes } from './requests';
import { reviewRoutes } from './reviews';
import { suggestionRoutes } from './suggestions';

// Order matters: function routes come before `{id}` routes of the same collection.
const ROUTES: Route[] = [...requesterRoutes, ...suggestionRoutes, ...requestRoutes, ...approverRoutes, ...adminRoutes, ...reviewRoutes, ...directoryRoutes];

/** Splits a decoded path on `/` outside parentheses and quotes; `coll('id')` becomes `coll/id`. */
export function splitPath(raw: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badRequest('The request URI is not valid.');
  }
  const segs: string[] = [];
  let cur = '';
  let depth = 0;
  let quote = false;
  for (const c of decoded) {
    if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')') depth--;
    if (c === '/' && depth === 0 && !quote) { if (cur) segs.push(cur); cur = ''; continue; }
    cur += c;
  }
  if (cur) segs.push(cur);
  return segs.flatMap((seg) => {
    // Bound operations may be namespace-qualified (`microsoft.graph.cancel`) and actions may carry `()`.
    const s = seg.replace(/^microsoft\.graph\./i, '').replace(/^(\w+)\(\)$/, '$1');
    const key = /^(\w+)\('?([^'=()]+)'?\)$/.exec(s);
    return key ? [key[1], key[2]] : [s];
  });
}

export function dispatchGraph(t: Tenant, req: GraphReq): GraphRes {
  const clientId = req.headers['client-request-id'];
  try {
    const joined = req.segments.join('/');
    if (t.quirks.noLicense && joined.toLowerCase().startsWith(EM.toLowerCase())) throw new GraphError(403, 'NoLicense', MESSAGES.noLicense);
    let methodMismatch = false;
    for (const r of ROUTES) {
      const params = matchRoute(r.pattern, req.segments);
      if (!params) continue;
      if (r.method !== req.method) { methodMismatch = true; continue; }
      // Strict: only the query options Graph documents for this endpoint (docs/graph-notes.md §17).
      if (!t.lenient) checkDocumentedOptions(r.method, r.pattern, req.params);
      return r.handler(t, req, params);
    }
    if (methodMismatch) throw new GraphError(405, '', `The requested resource does not support http method '${req.method}'.`);
    // EM answers unknown routes with an empty code (docs/graph-notes.md §11.3); elsewhere Graph's generic 404.
    if (joined.toLowerCase().startsWith('identitygovernance')) throw noHttpResource(`${req.origin}${req.path}`);
    throw new GraphError(404, 'Request_ResourceNotFound', `Resource not found for the segment '${req.segments[req.segments.length - 1] ?? ''}'.`);
  } catch (e) {
    if (e instanceof GraphError) return { status: e.status, headers: e.headers, body: envelope(e.code, e.message, clientId) };
    console.error('[local tenant] handler error', e);
    return { status: 500, body: envelope('InternalServerError', 'The local tenant failed to handle the request.', clientId) };
  }
}
