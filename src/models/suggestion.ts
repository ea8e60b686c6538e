/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
/**
 * Access package suggestions (docs/graph-notes.md §3.9): Graph's `accessPackageSuggestion` read tolerantly. A reason
 * of a type we do not know is ignored; a suggestion without a package name or without any reason we can put in words
 * is left out (each suggestion says why).
 * https://learn.microsoft.com/en-us/graph/api/resources/accesspackagesuggestion?view=graph-rest-1.0
 */

/** "N people you work with have this" (accessPackageSuggestionRelatedPeopleBased). */
export interface IRelatedPeopleReason {
  kind: 'relatedPeople';
  count: number;
  /** Names, when the tenant shows them (`relatedPeopleInsightLevel` countAndNames); else empty. */
  people: string[];
}

/** "Assigned to you N times before" (accessPackageSuggestionSelfAssignmentHistoryBased). */
export interface IHistoryReason {
  kind: 'history';
  count: number;
  /** When the person was last assigned it (Graph's lastAssignmentDateTime), if given. */
  lastAssignedDateTime?: string;
}

export type SuggestionReason = IRelatedPeopleReason | IHistoryReason;

export interface ISuggestion {
  packageId: string;
  displayName: string;
  description: string;
  reasons: SuggestionReason[];
}

/** What Graph answers (v1.0, `$expand=accessPackage`). */
export interface IGraphSuggestion {
  id?: string | null;
  reasons?: Array<Record<string, unknown> | null> | null;
  accessPackage?: { id?: string | null; displayName?: string | null; description?: string | null } | null;
}

const typeOf = (r: Record<string, unknown>): string => String(r['@odata.type'] || '').replace(/^#?microsoft\.graph\./i, '').toLowerCase();

function count(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function mapReason(raw: Record<string, unknown> | null | undefined): SuggestionReason | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  switch (typeOf(raw)) {
    case 'accesspackagesuggestionrelatedpeoplebased': {
      const n = count(raw.relatedPeopleAssignmentCount);
      if (!n) return undefined;
      const list = Array.isArray(raw.relatedPeople) ? raw.relatedPeople as Array<{ displayName?: unknown } | null> : [];
      const people = list.map(p => (p && typeof p.displayName === 'string' ? p.displayName : '')).filter(Boolean);
      return { kind: 'relatedPeople', count: n, people };
    }
    case 'accesspackagesuggestionselfassignmenthistorybased': {
      const n = count(raw.pastAssignmentCount);
      const last = typeof raw.lastAssignmentDateTime === 'string' && !isNaN(Date.parse(raw.lastAssignmentDateTime)) ? raw.lastAssignmentDateTime : undefined;
      if (!n && !last) return undefined;
      return { kind: 'history', count: Math.max(n, 1), lastAssignedDateTime: last };
    }
    default:
      return undefined; // a reason type added after this was written
  }
}

export function mapSuggestion(raw: IGraphSuggestion | null | undefined): ISuggestion | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const pkg = raw.accessPackage || undefined;
  const packageId = String((pkg && pkg.id) || raw.id || '');
  const displayName = pkg && typeof pkg.displayName === 'string' ? pkg.displayName : '';
  if (!packageId || !displayName) return undefined;
  const reasons = (Array.isArray(raw.reasons) ? raw.reasons : []).map(mapReason).filter((r): r is SuggestionReason => !!r);
  if (!reasons.length) return undefined;
  return { packageId, displayName, description: pkg && typeof pkg.description === 'string' ? pkg.description : '', reasons };
}

/** Mapped, without duplicates (first wins). */
export function mapSuggestions(raw: unknown): ISuggestion[] {
  const out: ISuggestion[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(raw) ? raw : []) {
    const s = mapSuggestion(item as IGraphSuggestion);
    if (!s || seen.has(s.packageId.toLowerCase())) continue;
    seen.add(s.packageId.toLowerCase());
    out.push(s);
  }
  return out;
}
