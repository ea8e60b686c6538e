import type {
  AccessPackageAnswerString, AccessPackageAssignment, AccessPackageQuestion, AccessPackageAssignmentRequest, EntitlementManagementSchedule
} from '@microsoft/microsoft-graph-types';
import { IAccessRequest, IAssignment, RequestState } from './types';
import { addDuration } from './duration';
import { canonicalMember, knownMember, optional, required } from './graphShapes';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// The small, pure part of status.ts: mapping assignments and requests and the open / active rules. Apart so that
// the AccessPrompt customizer's first script (on every page) carries only these; status.ts re-exports them, so
// the web parts use the same mappers and rules.

/**
 * An assignment as Graph returns it to a requester. `accessPackageId` and `assignmentPolicyId` are not
 * declared on v1.0's accessPackageAssignment but appear in the documented examples (and are what a
 * create body sends), so they are read when the navigation properties are not expanded.
 */
export type GraphAssignment = AccessPackageAssignment & { accessPackageId?: string | null; assignmentPolicyId?: string | null };

/**
 * A request, with the beta-era `completedDate` that the v1.0 list example still shows, and the beta-era
 * `requestState`/`requestStatus` that some documented answers carry instead of `state`/`status`.
 */
export type GraphRequest = Omit<AccessPackageAssignmentRequest, 'assignment' | 'answers'> & {
  assignment?: GraphAssignment | null;
  answers?: GraphAnswer[] | null;
  completedDate?: string | null;
  requestState?: string | null;
  requestStatus?: string | null;
};

/** v1.0 defines only accessPackageAnswerString; the answered question's `@odata.type` tells its kind. */
export type GraphAnswer = Omit<AccessPackageAnswerString, 'answeredQuestion'> & {
  answeredQuestion?: (AccessPackageQuestion & { '@odata.type'?: string }) | null;
};

/** A request as the status rules read it: everything but its answers and schedule. */
export type IRequestSummary = Omit<IAccessRequest, 'answers' | 'schedule'>;

const REQUEST_STATES: RequestState[] = [
  'submitted', 'pendingApproval', 'delivering', 'delivered', 'deliveryFailed', 'denied', 'scheduled', 'canceled',
  'partiallyDelivered', 'unknownFutureValue'
];

const REQUEST_TYPES: string[] = [
  'notSpecified', 'userAdd', 'userUpdate', 'userRemove', 'adminAdd', 'adminUpdate', 'adminRemove', 'systemAdd', 'systemUpdate',
  'systemRemove', 'onBehalfAdd', 'unknownFutureValue'
];

/** Graph's request type as the product compares it (`UserAdd` in some documented examples is `userAdd`); unknown types as sent. */
export function requestTypeOf(value: string | null | undefined): string {
  return canonicalMember(value, REQUEST_TYPES) || value || '';
}

/**
 * A request without its answers and schedule: what deciding a status or a banner needs. `mapRequest`
 * (status.ts) adds the rest on top of it.
 */
export function mapRequestSummary(raw: GraphRequest): IRequestSummary {
  const pkg = raw.accessPackage || {};
  const assignment = raw.assignment || {};
  return {
    id: required(raw.id, 'accessPackageAssignmentRequest', 'id'),
    requestType: requestTypeOf(raw.requestType),
    // A state this version does not know (Graph's enums are evolvable) must not read as open or delivered.
    state: knownMember<RequestState>(raw.state || raw.requestState, REQUEST_STATES, 'unknownFutureValue'),
    status: raw.status || raw.requestStatus || '',
    createdDateTime: optional(raw.createdDateTime),
    completedDateTime: optional(raw.completedDateTime) || optional(raw.completedDate),
    justification: optional(raw.justification),
    accessPackageId: optional(pkg.id) || optional(assignment.accessPackageId),
    accessPackageName: optional(pkg.displayName),
    assignmentId: optional(assignment.id)
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

const OPEN_STATES: RequestState[] = ['submitted', 'pendingApproval', 'delivering', 'scheduled'];

export function isOpenRequest(r: Pick<IAccessRequest, 'state'>): boolean {
  return OPEN_STATES.indexOf(r.state) >= 0;
}

/** An assignment counts as active only when delivered and not expired (docs/graph-notes.md §3.8, "Active" test). */
export function isActiveAssignment(a: IAssignment, now: Date): boolean {
  if (a.state !== 'delivered' || a.expiredDateTime) return false;
  return !a.endDateTime || new Date(a.endDateTime).getTime() > now.getTime();
}
