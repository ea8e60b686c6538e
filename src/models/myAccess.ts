import type { AccessPackageAssignment, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import { IAccessRequest, IAnswer, IAssignment, IGrant } from '../core/model/types';
import { mapAssignment, mapRequest, isActiveAssignment, isOpenRequest } from './status';
import { addDuration } from '../core/model/duration';
import { earliestFirst, latestFirst } from '../core/model/time';
import { IAssignmentPolicyInfo, mapAssignmentPolicy } from '../core/model/assignmentPolicy';
import { IStageApprovers, stageApprovers } from './approvers';

export type { IAssignmentPolicyInfo };
export { mapAssignmentPolicy };

// MyAccess's own models and pure logic: what a person has, asked for and lost, and what they may do about it.

export interface IMyAssignment extends IAssignment {
  packageDescription: string;
  /** The package's version, which keys the grant cache (shared with the catalog). */
  packageModified?: string;
  policy?: IAssignmentPolicyInfo;
  /** Who approves each stage of the policy (an extension that needs approval goes through them). */
  approvers?: IStageApprovers[];
}

/** One item of `assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`. */
export function mapMyAssignment(raw: AccessPackageAssignment): IMyAssignment {
  return {
    ...mapAssignment(raw),
    packageDescription: (raw.accessPackage && raw.accessPackage.description) || '',
    packageModified: (raw.accessPackage && raw.accessPackage.modifiedDateTime) || undefined,
    policy: mapAssignmentPolicy(raw.assignmentPolicy),
    approvers: stageApprovers(raw.assignmentPolicy)
  };
}

/** A request with its policy, read through `assignment($expand=assignmentPolicy)`: the policy says who approves. */
export interface IMyRequest extends IAccessRequest {
  policy?: IAssignmentPolicyInfo;
  /** Who approves each stage of the policy, as the policy says (docs/graph-notes.md §3.11). */
  approvers?: IStageApprovers[];
}

export function mapMyRequest(raw: AccessPackageAssignmentRequest): IMyRequest {
  const policy = raw.assignment && raw.assignment.assignmentPolicy;
  return { ...mapRequest(raw), policy: mapAssignmentPolicy(policy), approvers: stageApprovers(policy) };
}

/** When an extension delivered now would end: the policy's duration from now, or its fixed end date. */
export function extendedEnd(policy: IAssignmentPolicyInfo, now: Date): Date | undefined {
  const e = policy.expiration;
  if (e.expirationType === 'afterDuration' && e.duration) return addDuration(now, e.duration);
  if (e.expirationType === 'afterDateTime' && e.endDateTime) return new Date(e.endDateTime);
  return undefined;
}

export interface IUpdateOptions {
  justification?: string;
  /** A custom end (ISO), only where the policy allows custom schedules. */
  endDateTime?: string;
}

/** The `POST assignmentRequests` body that extends an assignment (docs/graph-notes.md §3.4, `userUpdate`). */
export function buildUpdateRequestBody(assignmentId: string, options: IUpdateOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { requestType: 'userUpdate', assignment: { id: assignmentId } };
  const justification = (options.justification || '').trim();
  if (justification) body.justification = justification;
  if (options.endDateTime) {
    // No start: the service starts the renewal at its own "now", so a skewed browser clock cannot make it start in the past.
    body.schedule = { expiration: { type: 'afterDateTime', endDateTime: options.endDateTime } };
  }
  return body;
}

/** The body that removes an assignment: `userRemove` carries nothing but the assignment (docs/graph-notes.md §3.4). */
export function buildRemoveRequestBody(assignmentId: string): Record<string, unknown> {
  return { requestType: 'userRemove', assignment: { id: assignmentId } };
}

// ---- rows -------------------------------------------------------------------------------------------------

export type MyAccessSection = 'active' | 'pending' | 'history';

export type RowKind = 'active' | 'pending' | 'request' | 'expired';

export interface IMyAccessRow {
  key: string;
  kind: RowKind;
  section: MyAccessSection;
  packageId: string;
  packageName: string;
  assignment?: IMyAssignment;
  request?: IMyRequest;
  /** For active rows: an open userUpdate or userRemove request on this assignment. */
  openChange?: IMyRequest;
  endingSoon: boolean;
  /** For denied requests and expired access, when nothing newer stands in the way. */
  canRequestAgain: boolean;
  /** What to prefill when requesting again: the earlier justification and answers. */
  previous?: { justification: string; answers: IAnswer[] };
  /** ISO date that orders history rows (newest first). */
  when?: string;
}

export interface IMyAccessModel {
  rows: IMyAccessRow[];
  counts: Record<MyAccessSection, number>;
}

const DAY_MS = 86400000;

/** Whether an active assignment ends within `days` days of now. */
export function isEndingSoon(a: IAssignment, now: Date, days: number): boolean {
  if (!a.endDateTime) return false;
  const left = new Date(a.endDateTime).getTime() - now.getTime();
  return left > 0 && left <= days * DAY_MS;
}

/** Latest first, compared as times (time.ts); an absent time last. */
const newestFirst = latestFirst;

function packageNameOf(a?: IAssignment, r?: IAccessRequest): string {
  return (a && a.accessPackageName) || (r && r.accessPackageName) || (a && a.accessPackageId) || (r && r.accessPackageId) || '';
}

/**
 * Builds the rows MyAccess shows from the person's assignments and requests. Active access sorts ending-soon
 * first (soonest first), then by name; pending requests newest first; history (completed requests and expired
 * access) newest first.
 */
export function buildMyAccess(assignments: IMyAssignment[], requests: IMyRequest[], now: Date, endingSoonDays: number, language?: string): IMyAccessModel {
  const active = assignments.filter(a => isActiveAssignment(a, now));
  const activePackages: Record<string, boolean> = {};
  for (const a of active) activePackages[a.accessPackageId] = true;
  const open = requests.filter(isOpenRequest);
  const openPackages: Record<string, boolean> = {};
  for (const r of open) if (r.accessPackageId && r.requestType === 'userAdd') openPackages[r.accessPackageId] = true;
  const blocked = (packageId: string | undefined): boolean => !packageId || !!activePackages[packageId] || !!openPackages[packageId];

  const rows: IMyAccessRow[] = [];
  for (const a of active) {
    const change = open.filter(r => r.requestType !== 'userAdd' && (r.assignmentId === a.id || r.accessPackageId === a.accessPackageId))
      .sort((x, y) => newestFirst(x.createdDateTime, y.createdDateTime))[0];
    rows.push({
      key: `a:${a.id}`, kind: 'active', section: 'active', packageId: a.accessPackageId, packageName: packageNameOf(a),
      assignment: a, openChange: change, endingSoon: isEndingSoon(a, now, endingSoonDays), canRequestAgain: false, when: a.startDateTime
    });
  }
  for (const r of open) {
    // A pending extension or removal shows on its active row; on its own only when that row is gone.
    if (r.requestType !== 'userAdd' && r.accessPackageId && activePackages[r.accessPackageId]) continue;
    rows.push({
      key: `r:${r.id}`, kind: 'pending', section: 'pending', packageId: r.accessPackageId || '', packageName: packageNameOf(undefined, r),
      request: r, endingSoon: false, canRequestAgain: false, when: r.createdDateTime
    });
  }
  const lastAdd = (packageId: string): IAccessRequest | undefined => requests
    .filter(r => r.accessPackageId === packageId && r.requestType === 'userAdd' && r.state === 'delivered')
    .sort((x, y) => newestFirst(x.createdDateTime, y.createdDateTime))[0];
  const previousOf = (r: IAccessRequest | undefined): IMyAccessRow['previous'] =>
    r ? { justification: r.justification || '', answers: r.answers } : undefined;

  const expired = assignments.filter(a => !isActiveAssignment(a, now))
    .sort((x, y) => newestFirst(x.expiredDateTime || x.endDateTime, y.expiredDateTime || y.endDateTime));
  for (const a of expired) {
    const may = !blocked(a.accessPackageId) && (!a.policy || a.policy.canRequest);
    rows.push({
      key: `a:${a.id}`, kind: 'expired', section: 'history', packageId: a.accessPackageId, packageName: packageNameOf(a),
      assignment: a, endingSoon: false, canRequestAgain: may, previous: previousOf(lastAdd(a.accessPackageId)),
      when: a.expiredDateTime || a.endDateTime
    });
  }
  const done = requests.filter(r => !isOpenRequest(r))
    .sort((x, y) => newestFirst(x.completedDateTime || x.createdDateTime, y.completedDateTime || y.createdDateTime));
  for (const r of done) {
    const pkg = r.accessPackageId || '';
    const may = r.state === 'denied' && r.requestType === 'userAdd' && !blocked(pkg);
    rows.push({
      key: `r:${r.id}`, kind: 'request', section: 'history', packageId: pkg, packageName: packageNameOf(undefined, r),
      request: r, endingSoon: false, canRequestAgain: may, previous: may ? previousOf(r) : undefined,
      when: r.completedDateTime || r.createdDateTime
    });
  }
  // Only the latest denial or expiry of a package offers "request again"; older ones are history.
  const latest: Record<string, IMyAccessRow> = {};
  for (const row of rows) {
    if (!row.canRequestAgain) continue;
    const best = latest[row.packageId];
    if (!best || String(row.when || '') > String(best.when || '')) latest[row.packageId] = row;
  }
  for (const row of rows) {
    if (row.canRequestAgain && latest[row.packageId] !== row) row.canRequestAgain = false;
  }
  return { rows: sortRows(rows, language), counts: countRows(rows) };
}

function countRows(rows: IMyAccessRow[]): Record<MyAccessSection, number> {
  const counts: Record<MyAccessSection, number> = { active: 0, pending: 0, history: 0 };
  for (const r of rows) counts[r.section]++;
  return counts;
}

const SECTION_ORDER: Record<MyAccessSection, number> = { active: 0, pending: 1, history: 2 };

export function sortRows(rows: IMyAccessRow[], language?: string): IMyAccessRow[] {
  const byName = (a: IMyAccessRow, b: IMyAccessRow): number => a.packageName.localeCompare(b.packageName, language);
  return rows.slice().sort((a, b) => {
    const section = SECTION_ORDER[a.section] - SECTION_ORDER[b.section];
    if (section) return section;
    if (a.section === 'active') {
      if (a.endingSoon !== b.endingSoon) return a.endingSoon ? -1 : 1;
      if (a.endingSoon) return earliestFirst(a.assignment && a.assignment.endDateTime, b.assignment && b.assignment.endDateTime);
      return byName(a, b);
    }
    return newestFirst(a.when, b.when) || byName(a, b);
  });
}

/** The answers of an earlier request as the request form's draft keeps them (question id → values). */
export function answersToDraft(answers: IAnswer[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of answers) {
    if (!a.questionId) continue;
    (out[a.questionId] = out[a.questionId] || []).push(a.value);
  }
  return out;
}

/** Distinct grants of a package, for the removal confirmation ("you will lose …"). */
export function uniqueGrants(grants: IGrant[] | undefined): IGrant[] {
  const seen: Record<string, boolean> = {};
  return (grants || []).filter(g => (seen[g.id] ? false : (seen[g.id] = true)));
}
