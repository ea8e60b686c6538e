import type { AccessPackageAssignment, AccessPackageAssignmentPolicy, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import { IAssignment, IGrant, ISiteInfo, SiteAccessLevel } from './types';
import type { IAssignmentPolicyInfo } from './assignmentPolicy';
import { isActiveAssignment, isOpenRequest, mapAssignment, mapRequestSummary } from './statusCore';
import { LEVEL_RANK, packagesForSite } from './siteGrants';
import { earliestFirst } from './time';
import { GraphShapeError } from './graphShapes';

export { LEVEL_RANK, packagesForSite };

// AccessPrompt's pure logic: which one banner (if any) a person sees on a site. No React, no I/O. It is part
// of the customizer's first script, so it imports only small models (not myAccess.ts, policy.ts, status.ts or grants.ts).

/** An assignment with what its policy allows: the shape MyAccess's extend flow takes. */
export interface IPromptAssignment extends IAssignment {
  /** Mapped by the banner's chunk (AccessPromptRoot) from `rawPolicy`, not in the customizer's first script. */
  policy?: IAssignmentPolicyInfo;
  /** Graph's policy as read. */
  // eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
  rawPolicy?: AccessPackageAssignmentPolicy | null;
}


const DAY_MS = 86400000;

export interface IPromptSettings {
  /** Warn this many days before access through a package ends (default 14). */
  warnDays: number;
  /** A dismissed offer stays away this many days (default 30). */
  dismissDays: number;
  /** Packages a site owner named for this site; when set, the tenant is not scanned. */
  packageIds: string[];
  /** A site owner's message per language (`en-us`, `de-de`…), shown with an offer. */
  messages: Record<string, string>;
  /** A decision kept for the session is shown at once and read again in the background once this old (default 5). */
  revalidateMinutes: number;
}

export interface IPromptProperties {
  warnDays?: number | string;
  dismissDays?: number | string;
  packageIds?: string | string[];
  messages?: Record<string, string>;
  revalidateMinutes?: number | string;
  /** Older name of a single named package (the customizer's first properties had one package). */
  accessPackageId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positive(value: number | string | undefined, fallback: number): number {
  const n = typeof value === 'string' ? parseFloat(value) : value;
  return typeof n === 'number' && isFinite(n) && n >= 0 ? n : fallback;
}

/** Reads `ClientSideComponentProperties` leniently: admins type them by hand in JSON. */
export function promptSettings(p: IPromptProperties | undefined): IPromptSettings {
  const props = p || {};
  const raw = Array.isArray(props.packageIds) ? props.packageIds : String(props.packageIds || '').split(/[\s,;]+/);
  if (props.accessPackageId) raw.push(props.accessPackageId);
  const packageIds: string[] = [];
  for (const id of raw) {
    const v = String(id).trim().toLowerCase();
    if (GUID.test(v) && packageIds.indexOf(v) < 0) packageIds.push(v);
  }
  const messages: Record<string, string> = {};
  for (const key of Object.keys(props.messages || {})) messages[key.toLowerCase()] = String((props.messages || {})[key]);
  return {
    warnDays: positive(props.warnDays, 14), dismissDays: positive(props.dismissDays, 30), packageIds, messages,
    revalidateMinutes: positive(props.revalidateMinutes, 5)
  };
}

/** The site-relevant part of what a package grants, kept compact for the daily scan cache. */
export interface IPromptPackage {
  id: string;
  name: string;
  /** The package's version (`modifiedDateTime`), which keys the grant cache. */
  version?: string;
  /** True when the person may request it (it came from `filterByCurrentUser(on='allowedRequestor')`). */
  requestable: boolean;
  grants: IGrant[];
}

/** What the first round trip returns, as raw Graph payloads plus the site's level from SharePoint. */
export interface IPromptFacts {
  site: ISiteInfo;
  level: SiteAccessLevel;
  assignments: AccessPackageAssignment[];
  requests: AccessPackageAssignmentRequest[];
  managerName?: string;
  /** The packages known to grant this site (from the scan or the named packages). */
  packages: IPromptPackage[];
}

export type PromptBanner =
  | { kind: 'expiring'; packageId: string; packageName: string; endDateTime: string; assignment: IPromptAssignment; canExtend: boolean }
  | { kind: 'pending'; packageId: string; packageName: string; requestId: string; approver: string }
  | { kind: 'offer'; packageId: string; packageName: string; level: SiteAccessLevel; target: SiteAccessLevel };

// eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
interface IRawApprover { '@odata.type'?: string; description?: string | null; displayName?: string | null }
// eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
interface IRawStage { primaryApprovers?: IRawApprover[] | null; approverInformationVisibility?: string }

/**
 * Who a pending request waits for, as its policy names them: the manager by name, else the approvers' descriptions.
 * Nobody when the stage hides its approvers (docs/graph-notes.md §3.11) or names none: the banner then says it waits
 * for approval (the policy's description is not a name; the panel behind Details explains it).
 */
export function approverOf(raw: AccessPackageAssignmentRequest, managerName: string | undefined): string {
  const policy = raw.assignment && raw.assignment.assignmentPolicy;
  const settings = policy && (policy.requestApprovalSettings as { stages?: IRawStage[] | null } | null | undefined);
  const stage = settings && settings.stages && settings.stages[0];
  if (!stage || stage.approverInformationVisibility === 'notVisible') return '';
  const names: string[] = [];
  for (const a of stage.primaryApprovers || []) {
    const name = /requestorManager$/.test(a['@odata.type'] || '') ? managerName : a.description || a.displayName;
    if (name) names.push(name);
  }
  return names.join(', ');
}

/**
 * The one banner a person sees, in the order: access through a package ending within `warnDays`,
 * then a pending request for a package that grants the site, then a requestable package that raises their
 * level. Nothing when they already have the highest level a package offers, or nothing is offered.
 */
export function choosePrompt(facts: IPromptFacts, settings: Pick<IPromptSettings, 'warnDays'>, now: Date): PromptBanner | undefined {
  const bySite = packagesForSite(facts.packages, facts.site);
  const siteLevels: Record<string, SiteAccessLevel> = {};
  for (const { pkg, siteLevel } of bySite) siteLevels[pkg.id.toLowerCase()] = siteLevel;
  const grantsSite = (id: string | undefined | null): boolean => !!id && !!siteLevels[id.toLowerCase()];

  // No object spread in the customizer's first script: compiled to ES5, each module would carry its own copy of
  // TypeScript's __assign helper.
  const assignments = each(facts.assignments, (raw): IPromptAssignment => {
    const a = mapAssignment(raw) as IPromptAssignment;
    a.rawPolicy = raw.assignmentPolicy;
    return a;
  });
  const held: Record<string, boolean> = {};
  let ending: IPromptAssignment | undefined;
  for (const a of assignments) {
    if (!isActiveAssignment(a, now)) continue;
    held[a.accessPackageId.toLowerCase()] = true;
    if (!grantsSite(a.accessPackageId) || !a.endDateTime) continue;
    const left = new Date(a.endDateTime).getTime() - now.getTime();
    if (left >= 0 && left <= settings.warnDays * DAY_MS && (!ending || earliestFirst(a.endDateTime, ending.endDateTime) < 0)) ending = a;
  }
  if (ending) {
    const name = ending.accessPackageName || nameOf(facts.packages, ending.accessPackageId);
    return { kind: 'expiring', packageId: ending.accessPackageId, packageName: name, endDateTime: ending.endDateTime || '', assignment: ending, canExtend: !!(ending.rawPolicy && ending.rawPolicy.id && (ending.rawPolicy.requestorSettings || {}).enableTargetsToSelfUpdateAccess) };
  }

  for (const [r, raw] of each(facts.requests, raw => [mapRequestSummary(raw), raw] as const)) {
    if (r.requestType !== 'userAdd' || !isOpenRequest(r) || !grantsSite(r.accessPackageId)) continue;
    return {
      kind: 'pending', packageId: r.accessPackageId || '', requestId: r.id,
      packageName: r.accessPackageName || nameOf(facts.packages, r.accessPackageId || ''), approver: approverOf(raw, facts.managerName)
    };
  }

  let best: { pkg: IPromptPackage; siteLevel: SiteAccessLevel } | undefined;
  for (const entry of bySite) {
    if (!entry.pkg.requestable || held[entry.pkg.id.toLowerCase()]) continue;
    if (LEVEL_RANK[entry.siteLevel] <= LEVEL_RANK[facts.level]) continue;
    // The smallest raise first: a visitor who needs to contribute is offered membership, not ownership.
    if (!best || LEVEL_RANK[entry.siteLevel] < LEVEL_RANK[best.siteLevel]
      || (entry.siteLevel === best.siteLevel && entry.pkg.name.localeCompare(best.pkg.name) < 0)) best = entry;
  }
  if (!best) return undefined;
  return { kind: 'offer', packageId: best.pkg.id, packageName: best.pkg.name, level: facts.level, target: best.siteLevel };
}

/**
 * Maps each item on its own: an item Graph sent without what the banner needs (an id; an assignment's package, when
 * an expansion was refused or trimmed) is left out, said once, and the rest still decide the banner.
 */
function each<T, U>(items: T[], map: (raw: T) => U): U[] {
  const out: U[] = [];
  let bad: unknown;
  for (const raw of items) {
    try {
      out.push(map(raw));
    } catch (e) {
      if (!(e instanceof GraphShapeError)) throw e;
      bad = bad || e;
    }
  }
  // eslint-disable-next-line no-console -- the banner is optional; say what it left out to whoever debugs
  if (bad) console.warn('AccessPrompt: left out incomplete items', bad);
  return out;
}

function nameOf(packages: IPromptPackage[], id: string): string {
  const p = packages.find(x => x.id.toLowerCase() === id.toLowerCase());
  return p ? p.name : '';
}

/** Storage key of a dismissal: per person and site. */
export function dismissalKey(person: string, siteUrl: string): string {
  return `accessHub:prompt:dismissed:${person.toLowerCase()}:${siteUrl.replace(/\/+$/, '').toLowerCase()}`;
}

/** A dismissal is stored as its expiry (ms since epoch); it is over once that moment has passed. */
export function isDismissed(stored: string | undefined, packageId: string, now: Date): boolean {
  if (!stored) return false;
  try {
    const value = JSON.parse(stored) as { until?: number; packageId?: string };
    return typeof value.until === 'number' && now.getTime() < value.until && (!value.packageId || value.packageId === packageId);
  } catch {
    return false;
  }
}

export function dismissalValue(packageId: string, now: Date, days: number): string {
  return JSON.stringify({ packageId, until: now.getTime() + days * DAY_MS });
}

