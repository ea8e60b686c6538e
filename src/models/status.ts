import { IAccessRequest, IAssignment, IPackageStatus, IApproval, IApprovalStage, RequestState } from './types';
import { addDuration, mapSchedule } from './duration';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function mapRequest(raw: any): IAccessRequest {
  const pkg = raw.accessPackage || {};
  return {
    id: String(raw.id),
    requestType: String(raw.requestType || ''),
    state: (raw.state || 'submitted') as RequestState,
    status: String(raw.status || ''),
    createdDateTime: raw.createdDateTime || undefined,
    completedDateTime: raw.completedDateTime || undefined,
    justification: raw.justification || undefined,
    accessPackageId: pkg.id || (raw.assignment && raw.assignment.accessPackageId) || undefined,
    accessPackageName: pkg.displayName || undefined,
    assignmentId: (raw.assignment && raw.assignment.id) || undefined,
    schedule: raw.schedule ? mapSchedule(raw.schedule) : undefined,
    answers: (raw.answers || []).map((a: any) => ({
      questionId: String((a.answeredQuestion && a.answeredQuestion.id) || ''),
      questionKind: /multiplechoice/i.test(String(a.answeredQuestion && a.answeredQuestion['@odata.type'])) ? 'choice' : 'text',
      value: String(a.value ?? ''),
      displayValue: String(a.displayValue ?? a.value ?? '')
    }))
  };
}

/** When an assignment ends: the schedule's end date, or its start plus its duration (docs/graph-notes.md §3.8). */
export function assignmentEnd(raw: any): string | undefined {
  const exp = raw && raw.schedule && raw.schedule.expiration;
  if (!exp) return undefined;
  if (exp.endDateTime && exp.endDateTime !== 'null') return String(exp.endDateTime);
  if (exp.type === 'afterDuration' && exp.duration && raw.schedule.startDateTime) {
    const end = addDuration(new Date(raw.schedule.startDateTime), String(exp.duration));
    return end ? end.toISOString() : undefined;
  }
  return undefined;
}

export function mapAssignment(raw: any): IAssignment {
  const pkg = raw.accessPackage || {};
  const policy = raw.assignmentPolicy || {};
  // The doc example puts the string "null" in expiredDateTime (docs/graph-notes.md §3.8).
  const expired = raw.expiredDateTime && raw.expiredDateTime !== 'null' ? String(raw.expiredDateTime) : undefined;
  return {
    id: String(raw.id),
    state: String(raw.state || ''),
    status: String(raw.status || ''),
    accessPackageId: String(pkg.id || raw.accessPackageId || ''),
    accessPackageName: pkg.displayName || undefined,
    assignmentPolicyId: policy.id || raw.assignmentPolicyId || undefined,
    startDateTime: (raw.schedule && raw.schedule.startDateTime) || undefined,
    endDateTime: assignmentEnd(raw),
    expiredDateTime: expired
  };
}

export function mapApproval(raw: any): IApproval {
  return {
    id: String(raw.id),
    stages: (raw.stages || []).map((s: any): IApprovalStage => ({
      id: String(s.id),
      displayName: s.displayName || undefined,
      status: String(s.status || ''),
      reviewResult: String(s.reviewResult || 'NotReviewed'),
      justification: s.justification || undefined,
      reviewedByName: (s.reviewedBy && (s.reviewedBy.displayName || s.reviewedBy.userPrincipalName)) || undefined,
      reviewedDateTime: s.reviewedDateTime || undefined,
      assignedToMe: !!s.assignedToMe
    }))
  };
}

const OPEN_STATES: RequestState[] = ['submitted', 'pendingApproval', 'delivering', 'scheduled'];

export function isOpenRequest(r: IAccessRequest): boolean {
  return OPEN_STATES.indexOf(r.state) >= 0;
}

/** An assignment counts as active only when delivered and not expired (docs/graph-notes.md §3.8, "Active" test). */
export function isActiveAssignment(a: IAssignment, now: Date): boolean {
  if (a.state !== 'delivered' || a.expiredDateTime) return false;
  return !a.endDateTime || new Date(a.endDateTime).getTime() > now.getTime();
}

function newest<T extends { createdDateTime?: string }>(items: T[]): T | undefined {
  return items.slice().sort((a, b) => String(b.createdDateTime || '').localeCompare(String(a.createdDateTime || '')))[0];
}

/**
 * The person's status for one package, from their assignments and requests. Order matters: an open
 * request wins (they are waiting), then active access, then the latest expired or denied outcome.
 */
export function packageStatus(packageId: string, assignments: IAssignment[], requests: IAccessRequest[], now: Date): IPackageStatus {
  const mine = requests.filter(r => r.accessPackageId === packageId);
  const open = newest(mine.filter(r => isOpenRequest(r) && r.requestType !== 'userRemove'));
  const active = assignments.find(a => a.accessPackageId === packageId && isActiveAssignment(a, now));
  if (open && (open.state === 'pendingApproval' || open.state === 'submitted' || open.state === 'scheduled') && !active) {
    return { kind: 'pending', request: open };
  }
  if (open && open.state === 'delivering' && !active) return { kind: 'delivering', request: open };
  if (active) return { kind: 'hasAccess', assignment: active, request: open };
  const latest = newest(mine.filter(r => r.requestType !== 'userRemove'));
  const expired = assignments.filter(a => a.accessPackageId === packageId && !isActiveAssignment(a, now));
  if (latest && latest.state === 'denied') {
    const lastExpiry = expired.map(a => a.expiredDateTime || a.endDateTime || '').sort().pop() || '';
    if (!lastExpiry || String(latest.createdDateTime || '') >= lastExpiry) return { kind: 'denied', request: latest };
  }
  if (expired.length > 0) return { kind: 'expired', assignment: expired[0] };
  return { kind: 'available' };
}
