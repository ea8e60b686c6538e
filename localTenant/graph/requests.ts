/** POST {EM}/assignmentRequests and POST …/{id}/cancel (docs/graph-notes.md §3.4, §3.7). */
import { randomUUID } from 'crypto';
import { SCOPES } from '../auth';
import { badRequest, forbiddenRole, GraphError, MESSAGES } from '../errors';
import type { FxAssignment, FxPolicy, FxRequest, FxUser } from '../fixture';
import { adminCatalogs, admittingPolicies, scopeAdmits } from '../policy';
import type { Tenant } from '../tenant';
import { isObject } from '../util';
import { approvalRequired, assignmentEnd, CANCELLABLE_STATES, continueAfterCallout, OPEN_STATES, submit } from '../workflow';
import { answerCallout } from '../callouts';
import { bodyObject, contextUrl, ctxOf, EM, GraphReq, GraphRes, REQUESTER_WRITE, requireScopes, Route } from './common';
import { fail, nonEmpty, validateAnswers, validateSchedule } from './requestValidation';
import { REGISTRY } from '../shapes';

const REQUEST_TYPES = ['notSpecified', 'userAdd', 'userUpdate', 'userRemove', 'adminAdd', 'adminUpdate', 'adminRemove', 'systemAdd',
  'systemUpdate', 'systemRemove', 'onBehalfAdd', 'unknownFutureValue'];
const BODY_MEMBERS = new Set(['@odata.type', 'requestType', 'assignment', 'justification', 'answers', 'schedule']);

function parseType(req: GraphReq, raw: unknown): string {
  if (typeof raw !== 'string') throw badRequest("The property 'requestType' is required and must be a string.");
  const all = /include-unknown-enum-members/i.test(req.headers.prefer ?? '') ? [...REQUEST_TYPES, 'approverRemove'] : REQUEST_TYPES;
  // Example 9 of the docs spells it `UserAdd`; enum members are matched case-insensitively.
  const hit = all.find((x) => x.toLowerCase() === raw.toLowerCase());
  if (!hit) throw badRequest(`The value '${raw}' is not a valid accessPackageRequestType.`);
  return hit;
}

export function hasOpenRequest(t: Tenant, packageId: string, targetId: string): boolean {
  return t.db.assignmentRequests.some((r) => r.accessPackageId === packageId && r.targetId === targetId && OPEN_STATES.has(r.state));
}

export function activeAssignment(t: Tenant, packageId: string, targetId: string): FxAssignment | undefined {
  const now = t.now();
  return t.db.assignments.find((a) => a.accessPackageId === packageId && a.targetId === targetId && a.state === 'delivered' &&
    !((assignmentEnd(a.schedule)?.getTime() ?? Infinity) <= now.getTime()));
}

function str(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`The property '${name}' must be a string.`);
  return v;
}

function createRequest(t: Tenant, req: GraphReq): GraphRes {
  requireScopes(req, REQUESTER_WRITE);
  const body = bodyObject(req);
  for (const k of Object.keys(body)) {
    if (!BODY_MEMBERS.has(k)) throw badRequest(`The property '${k}' does not exist on type 'microsoft.graph.accessPackageAssignmentRequest'.`);
  }
  const type = parseType(req, body.requestType);
  const justification = str(body.justification, 'justification') ?? null;
  if (!isObject(body.assignment)) throw badRequest("The property 'assignment' is required and must be an object.");
  const asg = body.assignment;
  if (/^(admin|system)/.test(type) || type === 'onBehalfAdd' || type === 'approverRemove' || type === 'notSpecified') {
    if (/^admin/.test(type) && (!req.scopes.has(SCOPES.ReadWriteAll) || !adminCatalogs(t.db, req.user.id))) throw forbiddenRole();
    throw fail(t, 'NotSupported', `The local tenant does not emulate '${type}' requests.`);
  }
  const me = req.user;
  const now = t.now();
  let rec: FxRequest;
  if (type === 'userAdd') {
    const targetId = str(asg.targetId, 'assignment.targetId') ?? (isObject(asg.target) ? str(asg.target.objectId, 'assignment.target.objectId') : undefined) ?? me.id;
    let packageId = str(asg.accessPackageId, 'assignment.accessPackageId');
    const policyId = str(asg.assignmentPolicyId, 'assignment.assignmentPolicyId');
    if (!packageId && policyId) packageId = t.idx.policies.get(policyId)?.accessPackageId;
    if (!packageId) throw badRequest("The property 'assignment.accessPackageId' is required.");
    if (!t.idx.packages.has(packageId)) throw new GraphError(404, 'ResourceNotFound', `Access package '${packageId}' was not found.`);
    // Requests on behalf of others are not enabled by any policy the emulator knows (docs/graph-notes.md §2.2).
    if (targetId !== me.id) throw fail(t, 'PolicyNotAllowed', MESSAGES.noPolicy);
    const admitting = admittingPolicies(t.db, t.idx, packageId, me);
    let policy: FxPolicy | undefined;
    if (policyId) policy = admitting.find((p) => p.id === policyId);
    else if (admitting.length === 1) policy = admitting[0];
    if (!policy) throw fail(t, 'PolicyNotAllowed', policyId || admitting.length === 0 ? MESSAGES.noPolicy : `${MESSAGES.noPolicy}: several policies apply, set assignment.assignmentPolicyId.`);
    // [gap] docs/graph-notes.md §3.13: a Verified ID policy needs the credential presented (beta verifiedCredentialsData,
    // My Access's QR code); v1.0 has no way to carry it, and Graph documents no error code for its absence.
    if ((policy.verifiableCredentialSettings?.credentialTypes ?? []).length > 0) {
      throw fail(t, 'VerifiableCredentialRequired', 'The policy requires a verifiable credential, which this request does not present.');
    }
    if (hasOpenRequest(t, packageId, me.id)) throw fail(t, 'ExistingOpenRequest', 'There is already an open request for this access package.');
    if (activeAssignment(t, packageId, me.id)) throw fail(t, 'AlreadyAssigned', 'The target already has an active assignment of this access package.');
    if (policy.requestApprovalSettings.isRequestorJustificationRequired && approvalRequired(policy, type) && !nonEmpty(justification)) {
      throw fail(t, 'JustificationRequired', 'A justification is required by the policy.');
    }
    const answers = validateAnswers(t, policy, body.answers, { requireAll: true });
    const schedule = validateSchedule(t, policy, body.schedule, now);
    rec = newRequest(type, me, policy, randomUUID(), justification, answers, schedule, now);
  } else {
    const id = str(asg.id, 'assignment.id');
    if (!id) throw badRequest("The property 'assignment.id' is required for this request type.");
    const a = t.idx.assignments.get(id);
    if (!a || a.targetId !== me.id) throw fail(t, 'AssignmentNotFound', `Assignment '${id}' was not found for the caller.`);
    if (activeAssignment(t, a.accessPackageId, me.id)?.id !== a.id) throw fail(t, 'AssignmentNotActive', `Assignment '${id}' is not active.`);
    const policy = t.idx.policies.get(a.assignmentPolicyId);
    const flag = type === 'userUpdate' ? 'enableTargetsToSelfUpdateAccess' : 'enableTargetsToSelfRemoveAccess';
    if (!policy || !policy.requestorSettings[flag] || (type === 'userUpdate' && !scopeAdmits(t.db, t.idx, policy, me))) {
      throw fail(t, 'PolicyNotAllowed', MESSAGES.noPolicy);
    }
    if (hasOpenRequest(t, a.accessPackageId, me.id)) throw fail(t, 'ExistingOpenRequest', 'There is already an open request for this access package.');
    let answers = [] as FxRequest['answers'];
    let schedule = validateSchedule(t, policy, undefined, now);
    if (type === 'userUpdate') {
      if (policy.requestApprovalSettings.isRequestorJustificationRequired && approvalRequired(policy, type) && !nonEmpty(justification)) {
        throw fail(t, 'JustificationRequired', 'A justification is required by the policy.');
      }
      const previous = lastAnswers(t, a);
      answers = validateAnswers(t, policy, body.answers, { requireAll: false, previous });
      schedule = validateSchedule(t, policy, body.schedule, now);
    } else if (body.schedule !== undefined || body.answers !== undefined) {
      throw badRequest('A userRemove request carries no schedule or answers.');
    }
    rec = newRequest(type, me, policy, a.id, justification, answers, schedule, now);
  }
  // Everything is validated; from here on nothing can fail, so the store is never half-written.
  submit(t, rec);
  const ctx = ctxOf(t, req);
  // The immediate response has null dates and state submitted/Accepted (docs/graph-notes.md §3.4).
  const out = { ...REGISTRY.accessPackageAssignmentRequest.emit(rec as never, ctx), createdDateTime: null, completedDateTime: null };
  return {
    status: t.quirks.createStatus ?? 201,
    headers: { Location: `${req.origin}/v1.0/${EM}/assignmentRequests/${rec.id}` },
    body: { '@odata.context': contextUrl(req, `${EM}/assignmentRequests/$entity`), ...out },
  };
}

function lastAnswers(t: Tenant, a: FxAssignment): FxRequest['answers'] {
  const rs = t.db.assignmentRequests.filter((r) => r.assignmentId === a.id && r.state === 'delivered' && r.answers.length);
  return rs.length ? rs[rs.length - 1].answers : [];
}

function newRequest(type: string, me: FxUser, p: FxPolicy, assignmentId: string, justification: string | null,
  answers: FxRequest['answers'], schedule: FxRequest['schedule'], now: Date): FxRequest {
  return {
    id: randomUUID(), requestType: type, state: 'submitted', status: 'Accepted', createdDateTime: now.toISOString(), completedDateTime: null,
    justification, requestorId: me.id, targetId: me.id, accessPackageId: p.accessPackageId, assignmentPolicyId: p.id,
    assignmentId: type === 'userAdd' ? `${assignmentId}` : assignmentId, schedule, answers, approvalStages: [],
  };
}

function cancel(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  requireScopes(req, REQUESTER_WRITE);
  const r = t.idx.requests.get(p.id);
  if (!r) throw new GraphError(404, 'ResourceNotFound', `Request '${p.id}' was not found.`);
  const own = r.requestorId === req.user.id || r.targetId === req.user.id;
  if (!own) {
    // Cancelling someone else's request needs ReadWrite.All plus an EM role (docs/graph-notes.md §2.2).
    const cats = adminCatalogs(t.db, req.user.id);
    const catalogId = t.idx.packages.get(r.accessPackageId)?.catalogId ?? '';
    if (!req.scopes.has(SCOPES.ReadWriteAll) || !cats || (cats !== 'all' && !cats.has(catalogId))) throw forbiddenRole();
  }
  if (!CANCELLABLE_STATES.has(r.state)) throw fail(t, 'NotCancellable', `Request '${r.id}' is '${r.state}' and cannot be cancelled.`);
  r.state = 'canceled';
  r.status = 'Canceled';
  r.completedDateTime = t.nowIso();
  t.commit();
  return t.quirks.cancelStatus === 204 ? { status: 204 } : { status: 200 };
}

/**
 * The custom extension's callback (docs/graph-notes.md §3.12; learn.microsoft.com/graph/api/accesspackageassignmentrequest-resume).
 * Graph documents it for the Logic App's identity (EntitlementManagement.ReadWrite.All); the emulator has no app-only
 * tokens, so it takes a delegated ReadWrite.All token of an entitlement-management administrator, never a requestor's.
 */
function resume(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  requireScopes(req, [SCOPES.ReadWriteAll]);
  const r = t.idx.requests.get(p.id);
  if (!r) throw new GraphError(404, 'ResourceNotFound', `Request '${p.id}' was not found.`);
  const cats = adminCatalogs(t.db, req.user.id);
  const catalogId = t.idx.packages.get(r.accessPackageId)?.catalogId ?? '';
  if (!cats || (cats !== 'all' && !cats.has(catalogId))) throw forbiddenRole();
  const body = bodyObject(req);
  const data = isObject(body.data) ? body.data : {};
  const instanceId = str(data.customExtensionStageInstanceId, 'data.customExtensionStageInstanceId');
  const detail = str(data.customExtensionStageInstanceDetail, 'data.customExtensionStageInstanceDetail') ?? null;
  const deny = String(data.state ?? '').toLowerCase() === 'denied';
  answerCallout(t, r, instanceId, detail, deny, (x, stage, d) => continueAfterCallout(t, x, stage, d));
  return { status: 204 };
}

export const requestRoutes: Route[] = [
  { method: 'POST', pattern: `${EM}/assignmentRequests/{id}/resume`, handler: resume },
  { method: 'POST', pattern: `${EM}/assignmentRequests`, handler: (t, req) => createRequest(t, req) },
  { method: 'POST', pattern: `${EM}/assignmentRequests/{id}/cancel`, handler: cancel },
];
