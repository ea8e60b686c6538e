/**
 * The one HTTP server: Graph (/v1.0, /beta), SharePoint REST (/sites/<name>/_api), developer endpoints
 * (/_dev) and, for anything else, the workbench's fallback. Handlers are synchronous: all awaiting (body,
 * fault latency) happens before a handler runs, so validation and mutation are never interleaved.
 */
import { randomUUID } from 'crypto';
import * as http from 'http';
import * as https from 'https';
import type { TLSSocket } from 'tls';
import { bearer, verifyToken } from './auth';
import { handleBatch } from './batch';
import { DevContext, handleDev } from './dev';
import { envelope, GraphError } from './errors';
import { decideFault } from './faults';
import type { GraphReq, GraphRes } from './graph/common';
import { dispatchGraph, splitPath } from './graph/router';
import { handleSharePoint, spError } from './sharepoint';
import { OAuthAuthority } from './oauth';
import { sessionClaims, SHAREPOINT_AUDIENCE } from './session';
import { handleSpfxEndpoint } from './spfxEndpoints';
import { handleSitePages } from './workbench/sitePagesApi';
import { SPFX_AUDIENCES } from './audiences';
import type { Tenant } from './tenant';

export type Fallback = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

const MAX_BODY = 4 * 1024 * 1024;
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Prefer, ConsistencyLevel, X-RequestDigest, Accept, client-request-id, return-client-request-id, odata-version, odata-maxversion, sdkversion, X-ClientService-ClientTag, X-HTTP-Method, IF-Match, X-PnPjs-NoDigest, Cache-Control',
  'Access-Control-Expose-Headers': 'Retry-After, request-id, client-request-id, Location, Content-Type',
  'Access-Control-Max-Age': '600',
};

function readBody(req: http.IncomingMessage): Promise<{ raw: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve({ raw: Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', reject);
  });
}

function parseJson(raw: string): { body?: unknown; error?: string } {
  if (raw.trim() === '') return {};
  try {
    return { body: JSON.parse(raw) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function lowerHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = GRAPH_JSON): void {
  if (res.headersSent || res.destroyed) return;
  const h: Record<string, string> = { ...CORS, ...headers };
  if (body === undefined || status === 204) {
    res.writeHead(status, h);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  h['Content-Type'] = h['Content-Type'] ?? contentType;
  h['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(status, h);
  res.end(text);
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ServerOptions {
  fallback?: Fallback;
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  tls?: { key: string; cert: string };
  /** What `/_dev/health` and `/_dev/certificate` report (default: ready, no certificate). */
  dev?: DevContext;
}

export function createServer(t: Tenant, fallbackOrOptions?: Fallback | ServerOptions): http.Server {
  const o: ServerOptions = typeof fallbackOrOptions === 'function' ? { fallback: fallbackOrOptions } : fallbackOrOptions ?? {};
  const dev: DevContext = o.dev ?? { waitingFor: () => [] };
  const authority = new OAuthAuthority(t);
  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(t, req, res, o.fallback, dev, authority).catch((e) => {
      console.error('[local tenant] unexpected error', e);
      send(res, 500, envelope('InternalServerError', 'The local tenant failed.'));
    });
  };
  return o.tls ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, listener) : http.createServer(listener);
}

const OAUTH_PATH = /^\/([^/]+)\/(oauth2\/v2\.0\/(?:authorize|token)|v2\.0\/\.well-known\/openid-configuration|discovery\/instance)$/i;

async function handle(
  t: Tenant, req: http.IncomingMessage, res: http.ServerResponse, fallback: Fallback | undefined, dev: DevContext, authority: OAuthAuthority
): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const host = req.headers.host ?? 'localhost';
  // Links the tenant hands out (@odata.nextLink, Location) must keep the scheme the client used.
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const proto = String(req.headers['x-forwarded-proto'] ?? scheme).split(',')[0];
  const url = new URL(req.url ?? '/', `${proto}://${host}`);
  const origin = `${proto}://${host}`;
  const path = url.pathname;
  const headers = lowerHeaders(req);
  const requestId = randomUUID();
  const clientRequestId = headers['client-request-id'] ?? requestId;
  let user: string | null = null;
  // Captured now: handlers may add default options (e.g. the user $select) to the params they receive.
  const logPath = url.pathname + url.search;
  const log = (status: number): void => {
    if (path !== '/_dev/log') t.addLog({ time: new Date().toISOString(), method, path: logPath, status, user, durationMs: Date.now() - started });
  };
  const ids = { 'request-id': requestId, 'client-request-id': clientRequestId };

  if (method === 'OPTIONS') {
    send(res, 204, undefined);
    log(204);
    return;
  }
  const oauth = OAUTH_PATH.exec(path);
  if (oauth) {
    // The sign-in authority (oauth.ts): form bodies, its own error shape, never subject to faults.
    const { raw } = await readBody(req);
    const out = authority.handle({
      method, route: oauth[2].toLowerCase(), tenantSegment: decodeURIComponent(oauth[1]), params: url.searchParams,
      form: new URLSearchParams(raw), cookie: headers.cookie, origin
    });
    if (out.json !== undefined) send(res, out.status, out.json, out.headers ?? {}, 'application/json; charset=utf-8');
    else {
      res.writeHead(out.status, { ...CORS, ...(out.headers ?? {}), 'Content-Type': 'text/html; charset=utf-8' });
      res.end(out.html ?? '');
    }
    log(out.status);
    return;
  }
  const isDev = path === '/_dev' || path.startsWith('/_dev/');
  const graph = /^\/(v1\.0|beta)(\/|$)/i.exec(path);
  const sp = /^\/sites\/([^/]+)\/_api(\/.*)?$/i.exec(path);
  if (!isDev && !graph && !sp) {
    // The fallback (e.g. Vite middleware) may answer later than it returns: log when the response finishes.
    res.once('finish', () => log(res.statusCode));
    if (fallback) await fallback(req, res);
    else {
      res.writeHead(404, { ...CORS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
    return;
  }

  if (!isDev) {
    const f = decideFault(t.faults, path + url.search, t.faultRandom);
    if (f.delayMs > 0) await delay(f.delayMs);
    if (f.kind === 'drop') {
      req.socket.destroy();
      log(0);
      return;
    }
    if (f.kind === 'throttle' || f.kind === 'error') {
      const status = f.kind === 'throttle' ? 429 : 503;
      const body = f.kind === 'throttle'
        ? envelope('TooManyRequests', 'Too many requests from Identifier: local tenant. Please try again later.', clientRequestId, requestId)
        : envelope('serviceNotAvailable', 'The service is temporarily unavailable. Please try again later.', clientRequestId, requestId);
      send(res, status, body, { 'Retry-After': String(f.retryAfterS), ...ids });
      log(status);
      return;
    }
  }

  const { raw, tooLarge } = await readBody(req);
  if (tooLarge) {
    send(res, 413, envelope('RequestEntityTooLarge', 'The request body is too large.', clientRequestId, requestId), ids);
    log(413);
    return;
  }
  const parsed = parseJson(raw);

  if (isDev) {
    try {
      const out = handleDev(t, method, path, url.searchParams, parsed.body, parsed.error, dev);
      if (out.text !== undefined) {
        res.writeHead(out.status, { ...CORS, ...(out.headers ?? {}), 'Content-Length': String(Buffer.byteLength(out.text)) });
        res.end(out.text);
      } else {
        send(res, out.status, out.body, out.headers ?? {}, 'application/json; charset=utf-8');
      }
      log(out.status);
    } catch (e) {
      const g = e instanceof GraphError ? e : new GraphError(500, 'InternalServerError', (e as Error).message);
      send(res, g.status, envelope(g.code, g.message, clientRequestId, requestId));
      log(g.status);
    }
    return;
  }

  // Only one /beta route is emulated (docs/graph-notes.md §3.13): the requirements' Verified ID status. The rest is 404.
  const beta = !!graph && graph[1].toLowerCase() === 'beta';
  const betaServed = beta && method === 'POST' && /^\/beta\/identityGovernance\/entitlementManagement\/accessPackages\/[^/]+\/getApplicablePolicyRequirements$/i.test(path);
  if (beta && !betaServed) {
    send(res, 404, envelope('Request_ResourceNotFound', 'The local tenant emulates Microsoft Graph v1.0 only.', clientRequestId, requestId), ids);
    log(404);
    return;
  }

  // Authentication: every Graph and SharePoint call needs a bearer token (/_dev/token, the sign-in authority or the
  // on-behalf-of exchange). SharePoint also takes the browser's session cookie, as SharePoint does (session.ts).
  const token = bearer(headers.authorization);
  const bearerClaims = token ? verifyToken(token) : undefined;
  const claims = bearerClaims ?? (sp && !token ? sessionClaims(headers.cookie) : undefined);
  const who = claims ? t.findUser(claims.oid) : undefined;
  // Graph refuses tokens minted for another audience (SharePoint's session, SPFx's own sign-in token).
  const wrongAudience = !!(graph && claims && (claims.aud === SHAREPOINT_AUDIENCE || SPFX_AUDIENCES.has(claims.aud)));
  if (!claims || !who || wrongAudience) {
    if (sp) {
      send(res, 401, { error_description: token ? 'Invalid JWT token. The token is not valid.' : 'Invalid JWT token. No token provided.' },
        { 'WWW-Authenticate': 'Bearer realm="local-tenant", client_id="00000003-0000-0ff1-ce00-000000000000"' }, 'application/json; charset=utf-8');
    } else {
      const msg = wrongAudience ? 'Invalid audience.' : token ? 'Access token validation failure. Invalid signature or expired token.' : 'Access token is empty.';
      send(res, 401, envelope('InvalidAuthenticationToken', msg, clientRequestId, requestId), { 'WWW-Authenticate': 'Bearer', ...ids });
    }
    log(401);
    return;
  }
  user = who.userPrincipalName;

  if (sp) {
    const site = t.findSite(`/sites/${decodeURIComponent(sp[1])}`);
    const spReq = { method, apiPath: sp[2] ?? '', params: url.searchParams, headers, user: who, rawBody: raw };
    const out = site
      ? handleSpfxEndpoint(t, { ...spReq, body: parsed.body, origin }) ?? handleSitePages(t, site, { ...spReq, body: parsed.body }) ?? handleSharePoint(t, site, spReq)
      : spError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
    // SharePoint Online sends the same id as `request-id` too, which is what support asks for.
    if (out.text !== undefined) {
      res.writeHead(out.status, { ...CORS, ...(out.headers ?? {}), SPRequestGuid: requestId, ...ids, 'Content-Length': String(Buffer.byteLength(out.text)) });
      res.end(out.text);
    } else {
      send(res, out.status, out.body, { ...(out.headers ?? {}), SPRequestGuid: requestId, ...ids }, 'application/json;odata=nometadata;charset=utf-8');
    }
    log(out.status);
    return;
  }

  const rest = path.replace(/^\/(v1\.0|beta)\/?/i, '');
  let out: GraphRes;
  try {
    const greq: GraphReq = {
      method, segments: splitPath(rest), path, params: url.searchParams, headers, body: parsed.body, bodyError: parsed.error,
      origin, claims, user: who, scopes: new Set(String(claims.scp ?? '').split(' ').filter(Boolean)), beta: betaServed,
    };
    out = greq.segments.length === 1 && greq.segments[0] === '$batch'
      ? (method === 'POST' ? handleBatch(t, greq) : { status: 405, body: envelope('', "The requested resource does not support http method '" + method + "'.", clientRequestId) })
      : dispatchGraph(t, greq);
  } catch (e) {
    const g = e instanceof GraphError ? e : new GraphError(500, 'InternalServerError', (e as Error).message);
    if (!(e instanceof GraphError)) console.error('[local tenant] handler error', e);
    out = { status: g.status, body: envelope(g.code, g.message, clientRequestId, requestId) };
  }
  send(res, out.status, out.body, { ...ids, ...(out.headers ?? {}) });
  log(out.status);
}
