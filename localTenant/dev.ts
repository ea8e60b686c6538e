/** Developer endpoints under /_dev/. Never subject to faults. */
import { badRequest, GraphError } from './errors';
import { parseFaults } from './faults';
import { SUGGESTIONS_MODES, SuggestionsMode } from './graph/suggestions';
import type { Tenant } from './tenant';
import { isDuration, isObject } from './util';

/** `text` is sent as is (with `headers`), `body` as JSON. */
export interface DevRes { status: number; body?: unknown; text?: string; headers?: Record<string, string> }

/** What the server around the tenant knows: who is still starting, and the HTTPS certificate it serves. */
export interface DevContext {
  /** Components still starting (e.g. `workbench`); health is 200 only when this is empty. */
  waitingFor(): string[];
  /** The PEM certificate when serving HTTPS. */
  certificate?: string;
}

const READY: DevContext = { waitingFor: () => [] };

export function handleDev(
  t: Tenant, method: string, path: string, params: URLSearchParams, body: unknown, bodyError?: string, ctx: DevContext = READY
): DevRes {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const json = (): Record<string, unknown> => {
    if (bodyError) throw badRequest(`The request body is not valid JSON: ${bodyError}`);
    if (body === undefined) return {};
    if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
    return body;
  };
  switch (route) {
    case 'GET /_dev/health': {
      const about = { tenant: t.tenantInfo.displayName, now: t.nowIso(), users: t.users.length, packages: t.db.accessPackages.length };
      const waitingFor = ctx.waitingFor();
      // 200 promises that a page requested now renders: scripts wait on it, so it must not come early.
      if (waitingFor.length) return { status: 503, body: { status: 'starting', waitingFor, ...about }, headers: { 'Retry-After': '1', 'Cache-Control': 'no-store' } };
      return { status: 200, body: { status: 'ok', ...about }, headers: { 'Cache-Control': 'no-store' } };
    }
    case 'GET /_dev/certificate':
      if (!ctx.certificate) throw new GraphError(404, 'NotFound', 'The local tenant serves plain HTTP; start it with --https (or https: true) for a certificate.');
      return {
        status: 200, text: ctx.certificate,
        headers: { 'Content-Type': 'application/x-pem-file', 'Content-Disposition': 'attachment; filename="local-tenant-localhost.pem"', 'Cache-Control': 'no-store' }
      };
    case 'POST /_dev/token': {
      const b = json();
      if (typeof b.user !== 'string' || !b.user) throw badRequest("'user' (userPrincipalName or id) is required.");
      if (b.scopes !== undefined && (!Array.isArray(b.scopes) || b.scopes.some((s) => typeof s !== 'string'))) throw badRequest("'scopes' must be an array of strings.");
      const user = t.findUser(b.user);
      if (!user) throw new GraphError(404, 'UserNotFound', `No user '${b.user}' in the tenant.`);
      return { status: 200, body: t.issueToken(user, b.scopes as string[] | undefined) };
    }
    case 'POST /_dev/reset':
      t.reset();
      return { status: 200, body: { status: 'reset', now: t.nowIso() } };
    case 'GET /_dev/clock':
      return { status: 200, body: { now: t.nowIso(), offsetMs: t.db.clockOffsetMs } };
    case 'POST /_dev/clock': {
      const b = json();
      if (!isDuration(b.advance)) throw badRequest("'advance' must be an ISO-8601 duration such as P11D or PT1H.");
      t.advanceClock(b.advance);
      return { status: 200, body: { now: t.nowIso(), offsetMs: t.db.clockOffsetMs } };
    }
    case 'GET /_dev/faults':
      return { status: 200, body: t.faults };
    case 'POST /_dev/faults':
      t.setFaults(parseFaults(json()));
      return { status: 200, body: t.faults };
    case 'GET /_dev/suggestions':
      return { status: 200, body: { suggestions: t.suggestions } };
    case 'POST /_dev/suggestions': {
      const b = json();
      if (!SUGGESTIONS_MODES.includes(b.suggestions as SuggestionsMode)) throw badRequest(`'suggestions' must be one of ${SUGGESTIONS_MODES.join(', ')}.`);
      t.suggestions = b.suggestions as SuggestionsMode;
      return { status: 200, body: { suggestions: t.suggestions } };
    }
    case 'GET /_dev/log': {
      const since = Number(params.get('since') ?? 0);
      return { status: 200, body: { value: t.log.slice(Number.isFinite(since) && since > 0 ? since : 0), total: t.log.length } };
    }
    case 'DELETE /_dev/log':
      t.log.splice(0, t.log.length);
      return { status: 204 };
    // The manager view, `on='targetManager'` (metadata only, not documented; docs/graph-notes.md §3.14).
    case 'GET /_dev/manager-view':
      return { status: 200, body: { enabled: t.managerView } };
    case 'POST /_dev/manager-view': {
      const b = json();
      if (typeof b.enabled !== 'boolean') throw badRequest("'enabled' must be true or false.");
      t.managerView = b.enabled;
      return { status: 200, body: { enabled: t.managerView } };
    }
    case 'POST /_dev/callouts': {
      // A custom extension's answer for a request waiting on it (docs/graph-notes.md §3.12): complete or fail.
      const b = json();
      if (typeof b.requestId !== 'string' || !b.requestId) throw badRequest("'requestId' is required.");
      if (b.outcome !== 'complete' && b.outcome !== 'fail') throw badRequest("'outcome' must be 'complete' or 'fail'.");
      const detail = typeof b.detail === 'string' ? b.detail : null;
      if (b.outcome === 'complete') t.completeCallout(b.requestId, detail, b.deny === true);
      else t.failCallout(b.requestId, detail);
      return { status: 200, body: { requestId: b.requestId, outcome: b.outcome } };
    }
    case 'GET /_dev/users':
      return { status: 200, body: { value: t.users.map((u) => ({ id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, userType: u.userType })) } };
    default:
      throw new GraphError(404, 'NotFound', `No developer endpoint ${route}.`);
  }
}
