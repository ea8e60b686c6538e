/** Access reviews, reviewer side (docs/graph-notes.md §5). Only listed reviewers see and decide. */
import { SCOPES } from '../auth';
import { badRequest, GraphError, MESSAGES } from '../errors';
import type { FxAccessReview, FxDecision, FxReviewInstance } from '../fixture';
import type { Tenant } from '../tenant';
import { AR, bodyObject, checkOn, collection, GraphReq, GraphRes, requireScopes, Route, single } from './common';
import { fail } from './requestValidation';

const READ = [SCOPES.ArReadAll, SCOPES.ArReadWriteAll];
const WRITE = [SCOPES.ArReadWriteAll];
const DECISIONS = ['Approve', 'Deny', 'NotReviewed', 'DontKnow'];
const AR_DENIED = (): GraphError => new GraphError(403, '', MESSAGES.accessReviewDenied);

const scopeCheck = (req: GraphReq, anyOf: string[]): void => requireScopes(req, anyOf, '', MESSAGES.accessReviewDenied);

function definitionFor(t: Tenant, req: GraphReq, id: string): FxAccessReview {
  const rv = t.db.accessReviews.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!rv) throw new GraphError(404, 'NotFound', `Access review definition '${id}' was not found.`);
  if (!rv.reviewerIds.includes(req.user.id)) throw AR_DENIED();
  return rv;
}

function instanceFor(t: Tenant, req: GraphReq, defId: string, instId: string): { rv: FxAccessReview; inst: FxReviewInstance } {
  const rv = definitionFor(t, req, defId);
  const inst = rv.instances.find((i) => i.id.toLowerCase() === instId.toLowerCase());
  if (!inst) throw new GraphError(404, 'NotFound', `Access review instance '${instId}' was not found.`);
  return { rv, inst };
}

function validDecisionBody(t: Tenant, rv: FxAccessReview, body: Record<string, unknown>, allowed: string[]): { decision: string; justification: string } {
  for (const k of Object.keys(body)) if (!allowed.includes(k)) throw badRequest(`The property '${k}' is not valid here.`);
  if (typeof body.decision !== 'string' || !DECISIONS.includes(body.decision)) throw badRequest(`'decision' must be one of ${DECISIONS.join(', ')}.`);
  if (body.justification !== undefined && body.justification !== null && typeof body.justification !== 'string') throw badRequest("'justification' must be a string.");
  const justification = typeof body.justification === 'string' ? body.justification : '';
  if (body.decision === 'Approve' && rv.settings.justificationRequiredOnApproval === true && justification.trim() === '') {
    throw fail(t, 'ReviewerJustificationRequired', 'A justification is required to approve in this review.');
  }
  return { decision: body.decision, justification };
}

function record(t: Tenant, req: GraphReq, d: FxDecision, decision: string, justification: string): void {
  d.decision = decision;
  d.justification = justification;
  d.reviewedById = decision === 'NotReviewed' ? null : req.user.id;
  d.reviewedDateTime = decision === 'NotReviewed' ? null : t.nowIso();
}

function patchDecision(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  scopeCheck(req, WRITE);
  const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
  const d = inst.decisions.find((x) => x.id.toLowerCase() === p.id.toLowerCase());
  if (!d) throw new GraphError(404, 'NotFound', `Decision '${p.id}' was not found.`);
  const body = validDecisionBody(t, rv, bodyObject(req), ['decision', 'justification', '@odata.type']);
  if (inst.status !== 'InProgress') throw fail(t, 'ReviewNotActive', `Access review instance '${inst.id}' is ${inst.status}.`);
  record(t, req, d, body.decision, body.justification);
  t.commit();
  return { status: 204 };
}

function batchRecord(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  scopeCheck(req, WRITE);
  const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
  const raw = bodyObject(req);
  const body = validDecisionBody(t, rv, raw, ['decision', 'justification', 'principalId', 'resourceId']);
  for (const k of ['principalId', 'resourceId']) {
    if (raw[k] !== undefined && raw[k] !== null && typeof raw[k] !== 'string') throw badRequest(`'${k}' must be a string.`);
  }
  if (inst.status !== 'InProgress') throw fail(t, 'ReviewNotActive', `Access review instance '${inst.id}' is ${inst.status}.`);
  const principalId = raw.principalId as string | undefined;
  const resourceId = raw.resourceId as string | undefined;
  for (const d of inst.decisions) {
    if (principalId && d.principalId !== principalId) continue;
    if (resourceId && rv.accessPackageId !== resourceId) continue;
    record(t, req, d, body.decision, body.justification);
  }
  t.commit();
  return { status: 204 };
}

export const reviewRoutes: Route[] = [
  {
    method: 'GET', pattern: `${AR}/definitions/filterByCurrentUser(on)`,
    handler: (t, req, p) => {
      checkOn(req, p.on, ['reviewer'], [], 'accessReviewScheduleDefinitionFilterByCurrentUserOptions');
      scopeCheck(req, READ);
      const items = t.db.accessReviews.filter((rv) => rv.reviewerIds.includes(req.user.id));
      return collection(t, req, 'accessReviewScheduleDefinition', items, 'Collection(microsoft.graph.accessReviewScheduleDefinition)');
    },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}`,
    handler: (t, req, p) => { scopeCheck(req, READ); return single(t, req, 'accessReviewScheduleDefinition', definitionFor(t, req, p.defId), `${AR}/definitions`); },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/filterByCurrentUser(on)`,
    handler: (t, req, p) => {
      checkOn(req, p.on, ['reviewer'], [], 'accessReviewInstanceFilterByCurrentUserOptions');
      scopeCheck(req, READ);
      const rv = definitionFor(t, req, p.defId);
      return collection(t, req, 'accessReviewInstance', rv.instances.map((inst) => ({ rv, inst })), 'Collection(microsoft.graph.accessReviewInstance)');
    },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/{instId}`,
    handler: (t, req, p) => { scopeCheck(req, READ); return single(t, req, 'accessReviewInstance', instanceFor(t, req, p.defId, p.instId), `${AR}/definitions('${p.defId}')/instances`); },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/{instId}/decisions/filterByCurrentUser(on)`,
    handler: (t, req, p) => {
      checkOn(req, p.on, ['reviewer'], [], 'accessReviewInstanceDecisionItemFilterByCurrentUserOptions');
      scopeCheck(req, READ);
      const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
      return collection(t, req, 'accessReviewInstanceDecisionItem', inst.decisions.map((d) => ({ rv, inst, d })), 'Collection(microsoft.graph.accessReviewInstanceDecisionItem)');
    },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/{instId}/decisions/{id}`,
    handler: (t, req, p) => {
      scopeCheck(req, READ);
      const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
      const d = inst.decisions.find((x) => x.id.toLowerCase() === p.id.toLowerCase());
      if (!d) throw new GraphError(404, 'NotFound', `Decision '${p.id}' was not found.`);
      return single(t, req, 'accessReviewInstanceDecisionItem', { rv, inst, d }, `${AR}/definitions('${rv.id}')/instances('${inst.id}')/decisions`);
    },
  },
  { method: 'PATCH', pattern: `${AR}/definitions/{defId}/instances/{instId}/decisions/{id}`, handler: patchDecision },
  { method: 'POST', pattern: `${AR}/definitions/{defId}/instances/{instId}/batchRecordDecisions`, handler: batchRecord },
];
