/**
 * Access package suggestions (docs/graph-notes.md §3.9):
 * GET …/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')
 * https://learn.microsoft.com/en-us/graph/api/accesspackagesuggestions-filterbycurrentuser?view=graph-rest-1.0
 *
 * Graph does not document how it picks suggestions. Our reading, computed from the tenant's state on every call:
 * - related people are the caller's manager, direct reports and peers (same manager); a package is suggested for
 *   them when at least one of them holds a delivered assignment to it (`relatedPeopleAssignmentCount`: how many);
 * - the caller's own history: assignments of theirs that expired (`pastAssignmentCount`, `lastAssignmentDateTime` =
 *   the start of the latest one);
 * - only packages the caller may request (a policy admits them), that are not hidden, and that they hold no active
 *   assignment to.
 * The tenant switch `suggestions` (TenantOptions, `--suggestions=`, `POST /_dev/suggestions`): 'on' (default);
 * 'off' = the tenant's related-people insights are disabled ([gap]: undocumented; we drop the related-people
 * reasons and keep history); 'unavailable' = the endpoint does not exist (404 as outside the global cloud).
 */
import { SCOPES } from '../auth';
import { badRequest, noHttpResource } from '../errors';
import type { FxAccessPackage, FxUser, Json } from '../fixture';
import { admittingPolicies } from '../policy';
import type { Tenant } from '../tenant';
import { collection, EM, GraphReq, GraphRes, requireScopes, Route } from './common';

export type SuggestionsMode = 'on' | 'off' | 'unavailable';
export const SUGGESTIONS_MODES: readonly SuggestionsMode[] = ['on', 'off', 'unavailable'];

/** accessPackageSuggestionFilterByCurrentUserOptions: a flags enum, members written comma-separated. */
const FLAGS = ['none', 'relatedPeopleAssignments', 'assignmentHistory', 'unknownFutureValue'];
const ACTIVE_STATES = new Set(['delivered', 'delivering', 'partiallyDelivered']);

/** What the suggestion entity (shapes.ts `accessPackageSuggestion`) is emitted from. */
export interface SuggestionSrc { pkg: FxAccessPackage; reasons: Json[] }

export function parseSuggestionFlags(on: string): Set<string> {
  const parts = on.split(',').map((s) => s.trim());
  const out = new Set<string>();
  for (const p of parts) {
    const known = FLAGS.find((f) => f.toLowerCase() === p.toLowerCase());
    if (!known) throw badRequest(`The value '${on}' is not a valid member of 'accessPackageSuggestionFilterByCurrentUserOptions'.`, 'BadRequest');
    out.add(known);
  }
  return out;
}

/** Manager, direct reports and peers (our reading; Graph's "related people" are not documented). */
export function relatedPeople(t: Tenant, me: FxUser): FxUser[] {
  const out = new Map<string, FxUser>();
  const add = (u: FxUser | undefined): void => { if (u && u.id !== me.id && u.accountEnabled !== false) out.set(u.id, u); };
  if (me.managerId) add(t.idx.users.get(me.managerId));
  for (const u of t.db.users) {
    if (u.managerId === me.id) add(u);
    else if (me.managerId && u.managerId === me.managerId) add(u);
  }
  return [...out.values()];
}

export function suggestionsFor(t: Tenant, me: FxUser, flags: Set<string>, mode: SuggestionsMode): SuggestionSrc[] {
  const related = flags.has('relatedPeopleAssignments') && mode === 'on' ? new Set(relatedPeople(t, me).map((u) => u.id)) : new Set<string>();
  const history = flags.has('assignmentHistory');
  const out: SuggestionSrc[] = [];
  for (const pkg of t.db.accessPackages) {
    if (pkg.isHidden || admittingPolicies(t.db, t.idx, pkg.id, me).length === 0) continue;
    const toPkg = t.db.assignments.filter((a) => a.accessPackageId === pkg.id);
    const mine = toPkg.filter((a) => a.targetId === me.id);
    if (mine.some((a) => ACTIVE_STATES.has(a.state))) continue;
    const reasons: Json[] = [];
    const holders = new Set(toPkg.filter((a) => a.state === 'delivered' && related.has(a.targetId)).map((a) => a.targetId));
    if (holders.size) {
      reasons.push({ '@odata.type': '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased', relatedPeopleAssignmentCount: holders.size });
    }
    const past = history ? mine.filter((a) => a.state === 'expired') : [];
    if (past.length) {
      const last = past.map((a) => a.schedule.startDateTime ?? a.expiredDateTime ?? '').sort().pop() || null;
      reasons.push({ '@odata.type': '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased', pastAssignmentCount: past.length, lastAssignmentDateTime: last });
    }
    if (reasons.length) out.push({ pkg, reasons });
  }
  const related0 = (s: SuggestionSrc): number => Number(s.reasons.find((r) => /RelatedPeople/.test(String(r['@odata.type'])))?.relatedPeopleAssignmentCount ?? 0);
  return out.sort((a, b) => related0(b) - related0(a) || a.pkg.displayName.localeCompare(b.pkg.displayName));
}

function filterByCurrentUser(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  if (t.suggestions === 'unavailable') throw noHttpResource(`${req.origin}${req.path}`);
  const flags = parseSuggestionFlags(p.on);
  // Documented: EntitlementManagement.Read.All (least privileged) or ReadWrite.All; SubjectAccess is not listed.
  requireScopes(req, [SCOPES.ReadAll, SCOPES.ReadWriteAll]);
  const items = suggestionsFor(t, req.user, flags, t.suggestions);
  return collection(t, req, 'accessPackageSuggestion', items, `${EM}/accessPackageSuggestions/filterByCurrentUser(on='${p.on}')`);
}

export const suggestionRoutes: Route[] = [
  { method: 'GET', pattern: `${EM}/accessPackageSuggestions/filterByCurrentUser(on)`, handler: filterByCurrentUser },
];
