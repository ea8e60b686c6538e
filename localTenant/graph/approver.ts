/** Approver endpoints (docs/graph-notes.md §4). The approval id is the request id (§1.3). */
import { SCOPES } from '../auth';
import { badRequest, GraphError, MESSAGES } from '../errors';
import type { FxRequest } from '../fixture';
import { isSelf } from '../shapes';
import type { Tenant } from '../tenant';
import { recordDecision } from '../workflow';
import { bodyObject, checkOn, collection, EM, GraphReq, GraphRes, requireScopes, Route, single } from './common';
import { pendingForApprover } from './requester';
import { fail } from './requestValidation';

const APPROVALS = `${EM}/accessPackageAssignmentApprovals`;

/** Approval scope is switchable (docs/graph-notes.md §2.3): ReadWrite.All by default, SubjectAccess as the alternative. */
function approvalScopes(t: Tenant, read: boolean): string[] {
  const s = new Set<string>([t.approvalScope, SCOPES.ReadWriteAll]);
  // GET approval/stages is documented with Read.All as least privileged (docs/graph-notes.md §2.2).
  if (read) s.add(SCOPES.ReadAll);
  return [...s];
}

/** Someone who approves (or approved) a stage of the request; never the requestor or target (docs/graph-notes.md §9.3). */
function isApprover(r: FxRequest, userId: string): boolean {
  return !isSelf(r, userId) && r.approvalStages.some((s) => s.assignedToUserIds.includes(userId));
}

function approvalFor(t: Tenant, req: GraphReq, id: string): FxRequest {
  requireScopes(req, approvalScopes(t, true));
  const r = t.idx.requests.get(id);
  if (!r || r.approvalStages.length === 0) throw new GraphError(404, 'ResourceNotFound', `Approval '${id}' was not found.`);
  if (!isApprover(r, req.user.id)) throw new GraphError(403, 'UnAuthorized', MESSAGES.unauthorizedRole);
  return r;
}

function decide(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  requireScopes(req, approvalScopes(t, false));
  const r = t.idx.requests.get(p.id);
  if (!r || r.approvalStages.length === 0) throw new GraphError(404, 'ResourceNotFound', `Approval '${p.id}' was not found.`);
  const i = r.approvalStages.findIndex((s) => s.id.toLowerCase() === p.stageId.toLowerCase());
  if (i < 0) throw new GraphError(404, 'ResourceNotFound', `Approval stage '${p.stageId}' was not found.`);
  const stage = r.approvalStages[i];
  const body = bodyObject(req);
  for (const k of Object.keys(body)) {
    if (!['reviewResult', 'justification', '@odata.type'].includes(k)) throw badRequest(`The property '${k}' cannot be updated on an approvalStage.`);
  }
  if (body.reviewResult !== 'Approve' && body.reviewResult !== 'Deny') throw badRequest("'reviewResult' must be 'Approve' or 'Deny'.");
  if (body.justification !== undefined && body.justification !== null && typeof body.justification !== 'string') {
    throw badRequest("'justification' must be a string.");
  }
  const me = req.user.id;
  if (isSelf(r, me) || !stage.assignedToUserIds.includes(me)) {
    throw new GraphError(403, 'UnAuthorized', `${MESSAGES.unauthorizedRole.replace('The caller is not authorized.', 'The caller is not an approver of this stage.')}`);
  }
  if (r.state !== 'pendingApproval' || stage.status !== 'InProgress' || stage.reviewResult !== 'NotReviewed') {
    throw fail(t, 'StageAlreadyDecided', 'This stage has already been decided or is no longer pending.');
  }
  const justification = typeof body.justification === 'string' ? body.justification : '';
  const settings = t.idx.policies.get(r.assignmentPolicyId)?.requestApprovalSettings.stages[i];
  if (settings?.isApproverJustificationRequired && justification.trim() === '') {
    throw fail(t, 'ApproverJustificationRequired', 'This stage requires a justification from the approver.');
  }
  recordDecision(t, r, i, me, body.reviewResult === 'Approve', justification);
  return { status: 204 };
}

export const approverRoutes: Route[] = [
  {
    method: 'GET', pattern: APPROVALS,
    handler: () => { throw new GraphError(403, '', MESSAGES.appOnlyApprovals); },
  },
  {
    method: 'GET', pattern: `${APPROVALS}/filterByCurrentUser(on)`,
    handler: (t, req, p) => {
      checkOn(req, p.on, ['approver'], [], 'approvalFilterByCurrentUserOptions');
      requireScopes(req, approvalScopes(t, false));
      return collection(t, req, 'approval', pendingForApprover(t, req.user.id), 'Collection(microsoft.graph.approval)');
    },
  },
  {
    method: 'GET', pattern: `${APPROVALS}/{id}`,
    // Stages are inline on GET approval (docs/graph-notes.md §4.2), with or without $expand=stages.
    handler: (t, req, p) => {
      const r = approvalFor(t, req, p.id);
      const expanded = req.params.get('$expand') ?? req.params.get('expand');
      if (!expanded) req.params.set('$expand', 'stages');
      return single(t, req, 'approval', r, APPROVALS);
    },
  },
  {
    method: 'GET', pattern: `${APPROVALS}/{id}/stages`,
    handler: (t, req, p) => {
      const r = approvalFor(t, req, p.id);
      return collection(t, req, 'approvalStage', r.approvalStages.map((s) => ({ r, s })), `${APPROVALS}('${r.id}')/stages`);
    },
  },
  {
    method: 'GET', pattern: `${APPROVALS}/{id}/stages/{stageId}`,
    handler: (t, req, p) => {
      const r = approvalFor(t, req, p.id);
      const s = r.approvalStages.find((x) => x.id.toLowerCase() === p.stageId.toLowerCase());
      if (!s) throw new GraphError(404, 'ResourceNotFound', `Approval stage '${p.stageId}' was not found.`);
      return single(t, req, 'approvalStage', { r, s }, `${APPROVALS}('${r.id}')/stages`);
    },
  },
  { method: 'PATCH', pattern: `${APPROVALS}/{id}/stages/{stageId}`, handler: decide },
];
