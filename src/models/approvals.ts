/**
 * The approver's view: pure mappers from Graph payloads (approvals, assignment requests, users, review
 * decisions) to what the AccessApprovals web part shows, plus the rules it computes (current stage,
 * whether the stage requires a justification, when it is denied automatically, ordering, filtering, bulk
 * splitting). No React, no I/O.
 */
/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
import type {
  AccessPackageAnswer, AccessPackageAssignmentPolicy, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope,
  AccessReviewInstanceDecisionItem, Approval, ApprovalStage, User
} from '@microsoft/microsoft-graph-types';
import { IGrant } from '../core/model/types';
import { mapRoleScope } from './grants';
import { addDuration } from './policy';
import { localize } from './policy';
import { optional, required } from '../core/model/graphShapes';
import { requestTypeOf } from '../core/model/statusCore';
import { earliestFirst } from '../core/model/time';

export interface IApprovalPerson {
  id: string;
  displayName: string;
  principalName?: string;
  jobTitle?: string;
  department?: string;
  managerName?: string;
}

export interface IApproverStage {
  id: string;
  displayName?: string;
  status: string;
  reviewResult: string;
  justification?: string;
  reviewedByName?: string;
  reviewedDateTime?: string;
  assignedToMe: boolean;
}

export interface IApprovalAnswer {
  question: string;
  answer: string;
}

export interface IPendingApproval {
  /** The approval id, which is the request id (docs/graph-notes.md §4.1). */
  id: string;
  requestType: string;
  createdDateTime?: string;
  justification: string;
  answers: IApprovalAnswer[];
  startDateTime?: string;
  endDateTime?: string;
  packageId: string;
  packageName: string;
  packageDescription: string;
  /** The policy's name when only one policy of the package fits the approval's stages. */
  policyName?: string;
  requestor: IApprovalPerson;
  stages: IApproverStage[];
  /** Index of the stage waiting for me (-1 when none is). */
  stageIndex: number;
  /** Whether my stage needs an approver justification; true when the policy cannot be told apart and any candidate needs one. */
  justificationRequired: boolean;
  /** When my stage is denied automatically, when every candidate policy agrees on it. */
  autoDenyAt?: string;
  grants: IGrant[];
}

type GraphRequest = AccessPackageAssignmentRequest & {
  accessPackage?: AccessPackageAssignmentRequest['accessPackage'] & {
    assignmentPolicies?: AccessPackageAssignmentPolicy[] | null;
    resourceRoleScopes?: AccessPackageResourceRoleScope[] | null;
  } | null;
};

export function mapStage(s: ApprovalStage): IApproverStage {
  return {
    id: String(s.id || ''),
    displayName: s.displayName || undefined,
    status: String(s.status || ''),
    reviewResult: String(s.reviewResult || 'NotReviewed'),
    justification: s.justification || undefined,
    // reviewedBy may be the zero GUID or null before review (docs/graph-notes.md §4.3).
    reviewedByName: s.reviewedBy && s.reviewedBy.displayName ? s.reviewedBy.displayName : undefined,
    reviewedDateTime: s.reviewedDateTime || undefined,
    assignedToMe: !!s.assignedToMe
  };
}

export function mapPerson(u: User & { manager?: User | null }): IApprovalPerson {
  return {
    id: String(u.id || ''),
    displayName: String(u.displayName || u.userPrincipalName || ''),
    principalName: u.userPrincipalName || undefined,
    jobTitle: u.jobTitle || undefined,
    department: u.department || undefined,
    managerName: (u.manager && u.manager.displayName) || undefined
  };
}

/** An answer with its question's text in the approver's language where Graph has a localization. */
export function mapAnswer(a: AccessPackageAnswer & { value?: string | null }, language: string): IApprovalAnswer {
  const q = a.answeredQuestion || {};
  const localizations = (q.localizations || []).map(l => ({ languageCode: String(l.languageCode || ''), text: String(l.text || '') }));
  return {
    question: localize(String(q.text || ''), localizations, language),
    answer: String(a.displayValue || a.value || '')
  };
}

/** The stage waiting for me: the one in progress and assigned to me, else the one in progress. */
export function currentStageIndex(stages: IApproverStage[]): number {
  const mine = stages.findIndex(s => s.status === 'InProgress' && s.assignedToMe);
  return mine >= 0 ? mine : stages.findIndex(s => s.status === 'InProgress');
}

/** When a stage started: stage 1 with the request, a later stage when the one before it was decided. */
export function stageStart(stages: IApproverStage[], index: number, requestCreated?: string): string | undefined {
  if (index <= 0) return requestCreated;
  return stages[index - 1].reviewedDateTime || undefined;
}

/**
 * The request's policy is not on the request (docs/graph-notes.md §4.1); the package's policies come with it. A
 * policy fits when it requires approval with as many stages as the approval has.
 */
export function candidatePolicies(policies: AccessPackageAssignmentPolicy[], stageCount: number): AccessPackageAssignmentPolicy[] {
  return policies.filter(p => {
    const settings = p.requestApprovalSettings;
    return !!settings && (settings.stages || []).length === stageCount;
  });
}

export function stageRules(policies: AccessPackageAssignmentPolicy[], stageIndex: number, start: string | undefined):
  { justificationRequired: boolean; autoDenyAt?: string } {
  const stages = policies.map(p => (p.requestApprovalSettings && p.requestApprovalSettings.stages || [])[stageIndex]).filter(Boolean);
  // Unknown policy: ask for a justification rather than let Graph refuse the decision.
  const justificationRequired = stages.length === 0 || stages.some(s => !!s && s.isApproverJustificationRequired !== false);
  const durations = Array.from(new Set(stages.map(s => (s && s.durationBeforeAutomaticDenial) || '')));
  let autoDenyAt: string | undefined;
  if (start && durations.length === 1 && durations[0]) {
    const at = addDuration(new Date(start), durations[0]);
    autoDenyAt = at ? at.toISOString() : undefined;
  }
  return { justificationRequired, autoDenyAt };
}

/**
 * Who a policy's stage names as its approvers (a single user's or a group's `description`), for a stage that Graph
 * answers without a `displayName` (as its documentation examples do).
 */
export function stageApproverNames(policy: AccessPackageAssignmentPolicy, stageIndex: number): string | undefined {
  const stage = ((policy.requestApprovalSettings && policy.requestApprovalSettings.stages) || [])[stageIndex];
  const approvers = (stage && stage.primaryApprovers) || [];
  const names = approvers.map(a => optional((a as { description?: string | null }).description)).filter((n): n is string => !!n);
  return names.length > 0 ? names.join(', ') : undefined;
}

/**
 * Joins one approval with its request (same id) and the requestor's directory entry. `names` names the resources
 * the request's package grants when Graph did not (directory names by origin id, as the catalog looks them up).
 */
export function mapPendingApproval(approval: Approval, request: GraphRequest, person: IApprovalPerson | undefined, language: string,
  names?: ReadonlyMap<string, string>): IPendingApproval {
  const id = required(approval.id || request.id, 'approval', 'id');
  const stages = (approval.stages || []).filter(Boolean).map(mapStage);
  const stageIndex = currentStageIndex(stages);
  const pkg = request.accessPackage || {};
  const candidates = candidatePolicies(pkg.assignmentPolicies || [], stages.length);
  // A stage without a name is named by its approvers when the policy is known.
  if (candidates.length === 1) stages.forEach((s, i) => { s.displayName = s.displayName || stageApproverNames(candidates[0], i); });
  const rules = stageRules(candidates, stageIndex, stageStart(stages, stageIndex, request.createdDateTime || undefined));
  const subject = request.requestor || {};
  const schedule = request.schedule || {};
  const expiration = schedule.expiration || {};
  return {
    id,
    requestType: requestTypeOf(request.requestType),
    createdDateTime: request.createdDateTime || undefined,
    justification: String(request.justification || ''),
    answers: (request.answers || []).map(a => mapAnswer(a, language)),
    startDateTime: schedule.startDateTime || undefined,
    endDateTime: expiration.endDateTime || undefined,
    packageId: String(pkg.id || ''),
    packageName: String(pkg.displayName || ''),
    packageDescription: String(pkg.description || ''),
    policyName: candidates.length === 1 ? candidates[0].displayName || undefined : undefined,
    requestor: person || {
      id: String(subject.objectId || subject.id || ''),
      displayName: String(subject.displayName || subject.principalName || ''),
      principalName: subject.principalName || undefined
    },
    stages,
    stageIndex,
    justificationRequired: rules.justificationRequired,
    autoDenyAt: rules.autoDenyAt,
    grants: (pkg.resourceRoleScopes || []).filter(Boolean).map(rs => mapRoleScope(rs, names))
  };
}

export type ApprovalSort = 'urgent' | 'oldest';

/** Most urgent (soonest auto-deny, then oldest) or oldest first. */
export function sortApprovals(list: IPendingApproval[], sort: ApprovalSort): IPendingApproval[] {
  // Compared as times, not strings: Graph's offsets and precision vary (time.ts). No deadline sorts last.
  return list.slice().sort((a, b) => (sort === 'urgent' && earliestFirst(a.autoDenyAt, b.autoDenyAt))
    || earliestFirst(a.createdDateTime, b.createdDateTime) || a.id.localeCompare(b.id));
}

export function filterApprovals(list: IPendingApproval[], packageId: string | undefined, search: string): IPendingApproval[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter(a => {
    if (packageId && a.packageId !== packageId) return false;
    const hay = [a.requestor.displayName, a.requestor.principalName || '', a.packageName].join(' ').toLowerCase();
    return words.every(w => hay.indexOf(w) >= 0);
  });
}

/** Splits work into chunks of `size` (a JSON $batch carries at most 20 requests, docs/graph-notes.md §1.1). */
export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type DecisionOutcome = 'approved' | 'denied' | 'nextStage' | 'alreadyDecided' | 'failed';

/** What a successful decision did, from the approval's stages: approving a stage that is not the last moves it on. */
export function outcomeOf(approve: boolean, approval: Pick<IPendingApproval, 'stages' | 'stageIndex'>): DecisionOutcome {
  if (!approve) return 'denied';
  return approval.stageIndex >= 0 && approval.stageIndex < approval.stages.length - 1 ? 'nextStage' : 'approved';
}

export interface IReviewDecision {
  id: string;
  definitionId: string;
  instanceId: string;
  /** Set when the decision is read through a stage of a multi-stage review. */
  stageId?: string;
  reviewName: string;
  principalId: string;
  principalName: string;
  principalUpn?: string;
  resourceName: string;
  decision: string;
  recommendation: string;
  /** Why Graph recommends what it does (the decision's insights), when it says. */
  recommendationReason?: string;
  justification: string;
  dueDateTime?: string;
  justificationRequired: boolean;
}

export type GraphDecision = Omit<AccessReviewInstanceDecisionItem, 'insights'> & {
  insights?: Array<{ description?: string | null }> | null;
  target?: { userDisplayName?: string | null; userPrincipalName?: string | null } | null;
};

export interface IReviewContext {
  definitionId: string;
  instanceId: string;
  stageId?: string;
  reviewName: string;
  dueDateTime?: string;
  justificationRequired: boolean;
}

export function mapReviewDecision(d: GraphDecision, ctx: IReviewContext): IReviewDecision {
  const principal = (d.principal || {}) as { id?: string | null; displayName?: string | null; userPrincipalName?: string | null };
  const target = d.target || {};
  const reason = (d.insights || []).map(i => i.description || '').filter(Boolean).join(' ');
  return {
    id: required(d.id, 'accessReviewInstanceDecisionItem', 'id'),
    definitionId: ctx.definitionId,
    instanceId: ctx.instanceId,
    stageId: ctx.stageId,
    reviewName: ctx.reviewName,
    principalId: String(principal.id || ''),
    principalName: String(principal.displayName || target.userDisplayName || principal.userPrincipalName || ''),
    principalUpn: principal.userPrincipalName || target.userPrincipalName || undefined,
    // Graph's examples leave the resource null (and $select may leave it out): the review's name says what is reviewed.
    resourceName: optional(d.resource && d.resource.displayName) || ctx.reviewName,
    decision: String(d.decision || 'NotReviewed'),
    recommendation: String(d.recommendation || 'NoInfoAvailable'),
    recommendationReason: reason || undefined,
    justification: String(d.justification || ''),
    dueDateTime: ctx.dueDateTime,
    justificationRequired: ctx.justificationRequired
  };
}
