import type { Approval, ApprovalStage } from '@microsoft/microsoft-graph-types';
import { IAccessRequest, IAnswer, IAssignment, IPackageStatus, IApproval, IApprovalStage } from '../core/model/types';
import { mapSchedule } from './schedule';
import { automatedStepOf } from './automatedStep';
import { optional, required } from '../core/model/graphShapes';
import {
  assignmentEnd, GraphAnswer, GraphAssignment, GraphRequest, isActiveAssignment, isOpenRequest, mapAssignment, mapRequestSummary
} from '../core/model/statusCore';
import { latestFirst, timeOf } from '../core/model/time';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// The mappers and open / active rules live in ./statusCore (small, for the AccessPrompt customizer's first script).
export { assignmentEnd, isActiveAssignment, isOpenRequest, mapAssignment, mapRequestSummary };
export type { GraphAnswer, GraphAssignment, GraphRequest };

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
  const summary = mapRequestSummary(raw);
  return {
    ...summary,
    schedule: raw.schedule ? mapSchedule(raw.schedule) : undefined,
    answers: (raw.answers || []).filter(Boolean).map(mapAnswer),
    automatedStep: automatedStepOf(raw.customExtensionCalloutInstances, summary.state, summary.createdDateTime)
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

function newest<T extends { createdDateTime?: string }>(items: T[]): T | undefined {
  return items.slice().sort((a, b) => latestFirst(a.createdDateTime, b.createdDateTime))[0];
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
    // Compared as times, not strings (time.ts): the denial counts when it came after the last access ended.
    const lastExpiry = timeOf(expired.map(a => a.expiredDateTime || a.endDateTime).sort(latestFirst)[0]);
    const denied = timeOf(latest.createdDateTime);
    if (lastExpiry === undefined || (denied !== undefined && denied >= lastExpiry)) return { kind: 'denied', request: latest };
  }
  if (expired.length > 0) return { kind: 'expired', assignment: expired[0] };
  return { kind: 'available' };
}
