import type {
  AccessPackageAnswerString, AccessPackageAssignment, AccessPackageQuestion, AccessPackageAssignmentRequest, Approval, ApprovalStage,
  EntitlementManagementSchedule
} from '@microsoft/microsoft-graph-types';
import { IAccessRequest, IAnswer, IAssignment, IPackageStatus, IApproval, IApprovalStage, RequestState } from './types';
import { addDuration, mapSchedule } from './duration';
import { knownMember, optional, required } from './graphShapes';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

/**
 * An assignment as Graph returns it to a requester. `accessPackageId` and `assignmentPolicyId` are not
 * declared on v1.0's accessPackageAssignment but appear in the documented examples (and are what a
 * create body sends), so they are read when the navigation properties are not expanded.
 */
export type GraphAssignment = AccessPackageAssignment & { accessPackageId?: string | null; assignmentPolicyId?: string | null };

/** A request, with the beta-era `completedDate` that the v1.0 list example still shows. */
export type GraphRequest = Omit<AccessPackageAssignmentRequest, 'assignment' | 'answers'> & {
  assignment?: GraphAssignment | null;
  answers?: GraphAnswer[] | null;
  completedDate?: string | null;
};

/** v1.0 defines only accessPackageAnswerString; the answered question's `@odata.type` tells its kind. */
export type GraphAnswer = Omit<AccessPackageAnswerString, 'answeredQuestion'> & {
  answeredQuestion?: (AccessPackageQuestion & { '@odata.type'?: string }) | null;
};

const REQUEST_STATES: RequestState[] = [
  'submitted', 'pendingApproval', 'delivering', 'delivered', 'deliveryFailed', 'denied', 'scheduled', 'canceled',
  'partiallyDelivered', 'unknownFutureValue'
];

function mapAnswer(a: GraphAnswer): IAnswer {
  const q = a.answeredQuestion || {};
  const type = q['@odata.type'] || '';
  const value = typeof a.value === 'string' ? a.value : '';
  return {
    questionId: q.id || '',
    questionKind: /multiplechoice/i.test(type) ? 'choice' : 'text',
    value,
    displayValue: typeof a.displayValue === 'string' ? a.displayValue : value
  };
}

export function mapRequest(raw: GraphRequest): IAccessRequest {
  const pkg = raw.accessPackage || {};
  const assignment = raw.assignment || {};
  return {
    id: required(raw.id, 'accessPackageAssignmentRequest', 'id'),
    requestType: raw.requestType || '',
    // A state this version does not know (Graph's enums are evolvable) must not read as open or delivered.
    state: knownMember<RequestState>(raw.state, REQUEST_STATES, 'unknownFutureValue'),
    status: raw.status || '',
    createdDateTime: optional(raw.createdDateTime),
    completedDateTime: optional(raw.completedDateTime) || optional(raw.completedDate),
    justification: optional(raw.justification),
    accessPackageId: optional(pkg.id) || optional(assignment.accessPackageId),
    accessPackageName: optional(pkg.displayName),
    assignmentId: optional(assignment.id),
    schedule: raw.schedule ? mapSchedule(raw.schedule) : undefined,
    answers: (raw.answers || []).filter(Boolean).map(mapAnswer)
  };
}

/** When an assignment ends: the schedule's end date, or its start plus its duration (docs/graph-notes.md §3.8). */
export function assignmentEnd(schedule: EntitlementManagementSchedule | null | undefined): string | undefined {
  const exp = schedule && schedule.expiration;
  if (!exp) return undefined;
  const end = optional(exp.endDateTime);
  if (end) return end;
  const start = optional(schedule && schedule.startDateTime);
  const duration = optional(exp.duration);
  if (exp.type === 'afterDuration' && duration && start) {
    const computed = addDuration(new Date(start), duration);
    return computed ? computed.toISOString() : undefined;
  }
  return undefined;
}

export function mapAssignment(raw: GraphAssignment): IAssignment {
  const pkg = raw.accessPackage || {};
  const policy = raw.assignmentPolicy || {};
  const accessPackageId = optional(pkg.id) || optional(raw.accessPackageId);
  return {
    id: required(raw.id, 'accessPackageAssignment', 'id'),
    state: raw.state || '',
    status: raw.status || '',
    // An assignment that names no package cannot be matched to one; the status loader must not guess.
    accessPackageId: required(accessPackageId, 'accessPackageAssignment', 'accessPackage.id'),
    accessPackageName: optional(pkg.displayName),
    assignmentPolicyId: optional(policy.id) || optional(raw.assignmentPolicyId),
    startDateTime: optional(raw.schedule && raw.schedule.startDateTime),
    endDateTime: assignmentEnd(raw.schedule),
    // The doc example puts the string "null" in expiredDateTime (docs/graph-notes.md §3.8); optional() drops it.
    expiredDateTime: optional(raw.expiredDateTime)
  };
}

function mapStage(s: ApprovalStage): IApprovalStage {
  const by = (s.reviewedBy || {}) as { displayName?: string | null; userPrincipalName?: string | null };
  return {
    id: required(s.id, 'approvalStage', 'id'),
    displayName: optional(s.displayName),
    status: s.status || '',
    reviewResult: s.reviewResult || 'NotReviewed',
    justification: optional(s.justification),
    reviewedByName: optional(by.displayName) || optional(by.userPrincipalName),
    reviewedDateTime: optional(s.reviewedDateTime),
    assignedToMe: !!s.assignedToMe
  };
}

export function mapApproval(raw: Approval): IApproval {
  return {
    id: required(raw.id, 'approval', 'id'),
    stages: (raw.stages || []).filter(Boolean).map(mapStage)
  };
}

/** The stage a request waits on: the first one not yet reviewed. */
export function currentStage(stages: IApprovalStage[]): IApprovalStage | undefined {
  const open = stages.filter(s => !/^(approved|denied)$/i.test(s.reviewResult) && !/^(completed|expired)$/i.test(s.status));
  return open[0];
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
