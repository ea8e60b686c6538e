/**
 * POST /v1.0/$batch (JSON batching): up to 20 requests, relative URLs, `dependsOn` ordering, 424 for a
 * request whose dependency failed, per-response id/status/headers/body.
 */
import { badRequest, envelope, GraphError } from './errors';
import type { GraphReq, GraphRes } from './graph/common';
import { dispatchGraph, splitPath } from './graph/router';
import type { Tenant } from './tenant';
import { isObject } from './util';

export const MAX_BATCH = 20;

interface SubRequest { id: string; method: string; url: string; headers: Record<string, string>; body: unknown; dependsOn: string[] }

function parse(body: unknown): SubRequest[] {
  if (!isObject(body) || !Array.isArray(body.requests)) throw badRequest("A batch needs a 'requests' array.", 'BadRequest');
  if (body.requests.length === 0) throw badRequest('A batch must contain at least one request.', 'BadRequest');
  if (body.requests.length > MAX_BATCH) throw badRequest(`The batch contains ${body.requests.length} requests; the limit is ${MAX_BATCH}.`, 'BadRequest');
  const ids = new Set<string>();
  const out = body.requests.map((r: unknown, i: number): SubRequest => {
    if (!isObject(r)) throw badRequest(`Batch request ${i} must be an object.`);
    const id = typeof r.id === 'number' ? String(r.id) : r.id;
    if (typeof id !== 'string' || !id) throw badRequest(`Batch request ${i} needs an 'id'.`);
    if (ids.has(id)) throw badRequest(`Batch request id '${id}' is used more than once.`);
    ids.add(id);
    if (typeof r.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(r.method)) throw badRequest(`Batch request '${id}' has an invalid method.`);
    if (typeof r.url !== 'string' || !r.url) throw badRequest(`Batch request '${id}' needs a 'url'.`);
    if (/^https?:/i.test(r.url)) throw badRequest(`Batch request '${id}': the url must be relative, e.g. /me.`);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!isObject(r.headers)) throw badRequest(`Batch request '${id}': headers must be an object.`);
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) throw badRequest(`Batch request '${id}': dependsOn must be an array of ids.`);
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn: dependsOn as string[] };
  });
  for (const r of out) for (const d of r.dependsOn) if (!ids.has(d) || d === r.id) throw badRequest(`Batch request '${r.id}' depends on unknown request '${d}'.`);
  return out;
}

/** Dependencies first, otherwise in the given order; a cycle is a 400. */
function order(reqs: SubRequest[]): SubRequest[] {
  const byId = new Map(reqs.map((r) => [r.id, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: SubRequest[] = [];
  const visit = (r: SubRequest): void => {
    if (done.has(r.id)) return;
    if (visiting.has(r.id)) throw badRequest(`Batch requests have a circular dependsOn involving '${r.id}'.`);
    visiting.add(r.id);
    r.dependsOn.forEach((d) => visit(byId.get(d) as SubRequest));
    visiting.delete(r.id);
    done.add(r.id);
    out.push(r);
  };
  reqs.forEach(visit);
  return out;
}

export function handleBatch(t: Tenant, outer: GraphReq): GraphRes {
  if (outer.bodyError) throw badRequest(`The request body is not valid JSON: ${outer.bodyError}`);
  const reqs = order(parse(outer.body));
  const status = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const r of reqs) {
    let res: GraphRes;
    if (r.dependsOn.some((d) => (status.get(d) ?? 0) >= 400)) {
      res = { status: 424, body: envelope('FailedDependency', `The request depends on a request that failed: ${r.dependsOn.join(', ')}.`) };
    } else {
      res = runOne(t, outer, r);
    }
    status.set(r.id, res.status);
    const headers: Record<string, string> = { ...(res.headers ?? {}) };
    if (res.body !== undefined) headers['Content-Type'] = 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
    responses.push({ id: r.id, status: res.status, headers, ...(res.body !== undefined ? { body: res.body } : {}) });
  }
  return { status: 200, body: { responses } };
}

function runOne(t: Tenant, outer: GraphReq, r: SubRequest): GraphRes {
  try {
    const rel = r.url.replace(/^\/+/, '').replace(/^v1\.0\//i, '');
    const url = new URL(`${outer.origin}/v1.0/${rel}`);
    const segments = splitPath(url.pathname.replace(/^\/v1\.0\/?/i, ''));
    if (segments[0] === '$batch') throw badRequest('A batch cannot contain another batch.');
    if (r.body !== undefined && !r.headers['content-type']) throw badRequest("A request with a body needs a 'Content-Type' header.");
    const body = typeof r.body === 'string' && /json/i.test(r.headers['content-type'] ?? '') ? tryJson(r.body) : { value: r.body };
    const sub: GraphReq = {
      ...outer, method: r.method, segments, path: url.pathname, params: url.searchParams,
      headers: { ...outer.headers, ...r.headers }, body: body.value, bodyError: body.error,
    };
    return dispatchGraph(t, sub);
  } catch (e) {
    if (e instanceof GraphError) return { status: e.status, body: envelope(e.code, e.message, outer.headers['client-request-id']) };
    throw e;
  }
}

function tryJson(s: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(s) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
