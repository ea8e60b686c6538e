/** Access reviews, reviewer side (docs/graph-notes.md §5). Only listed reviewers see and decide. */
import { SCOPES } from '../auth';
import { badRequest, GraphError, MESSAGES } from '../errors';
import type { FxAccessReview, FxDecision, FxReviewInstance, FxReviewStage } from '../fixture';
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
  if (!isReviewer(rv, req.user.id)) throw AR_DENIED();
  return rv;
}

/** A reviewer of the definition, or of a stage of one of its multi-stage instances. */
function isReviewer(rv: FxAccessReview, userId: string): boolean {
  return rv.reviewerIds.includes(userId) || rv.instances.some((i) => (i.stages ?? []).some((s) => s.reviewerIds.includes(userId)));
}

function stageFor(t: Tenant, req: GraphReq, p: Record<string, string>): { rv: FxAccessReview; inst: FxReviewInstance; s: FxReviewStage } {
  const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
  const s = (inst.stages ?? []).find((x) => x.id.toLowerCase() === p.stageId.toLowerCase());
  if (!s) throw new GraphError(404, 'NotFound', `Access review stage '${p.stageId}' was not found.`);
  return { rv, inst, s };
}

/**
 * A stage's own decisions (Graph: "every accessReviewStage contains a list of decision items … only one decision per
 * identity"). Made on first use from the instance's items, keeping their ids: the first stage starts from what the
 * instance holds, a later stage starts unreviewed, with the same recommendations.
 */
function stageDecisions(inst: FxReviewInstance, s: FxReviewStage): FxDecision[] {
  if (!s.decisions) {
    const first = (inst.stages ?? [])[0] === s;
    s.decisions = inst.decisions.map((d) => (first ? { ...d } : { ...d, decision: 'NotReviewed', justification: '', reviewedById: null, reviewedDateTime: null }));
  }
  return s.decisions;
}

/**
 * What a reviewer's write on the instance reaches: on a multi-stage instance, the decisions of the stage in progress
 * (its reviewers only), each paired with the instance's item, which follows the latest stage's decision.
 */
function writableDecisions(rv: FxAccessReview, inst: FxReviewInstance, userId: string): Array<{ d: FxDecision; overall?: FxDecision }> {
  const stages = inst.stages ?? [];
  if (stages.length === 0) {
    if (!rv.reviewerIds.includes(userId)) throw AR_DENIED();
    return inst.decisions.map((d) => ({ d }));
  }
  const current = stages.find((s) => s.status === 'InProgress');
  if (!current || !current.reviewerIds.includes(userId)) throw AR_DENIED();
  return stageDecisions(inst, current).map((d) => ({ d, overall: inst.decisions.find((x) => x.id === d.id) }));
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
  // A multi-stage review records decisions through its stages (Graph's accessReviewStage docs); the instance path is refused.
  if ((inst.stages ?? []).length > 0) throw fail(t, 'NotSupported', 'This review has stages: record decisions through /stages/{stageId}/decisions/{id}.');
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
  for (const { d, overall } of writableDecisions(rv, inst, req.user.id)) {
    if (principalId && d.principalId !== principalId) continue;
    if (resourceId && rv.accessPackageId !== resourceId) continue;
    record(t, req, d, body.decision, body.justification);
    if (overall) record(t, req, overall, body.decision, body.justification);
  }
  t.commit();
  return { status: 204 };
}

/**
 * POST …/instances/{id}/acceptRecommendations: every decision the caller has not reviewed takes its recommendation;
 * decisions without one (NoInfoAvailable) stay unreviewed. 204, no body (Graph's accessReviewInstance docs).
 */
function acceptRecommendations(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  scopeCheck(req, WRITE);
  const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
  if (req.body !== undefined && req.body !== null && req.body !== '' && !(typeof req.body === 'object' && Object.keys(req.body as object).length === 0)) {
    throw badRequest('Do not supply a request body for this method.');
  }
  if (inst.status !== 'InProgress') throw fail(t, 'ReviewNotActive', `Access review instance '${inst.id}' is ${inst.status}.`);
  for (const { d, overall } of writableDecisions(rv, inst, req.user.id)) {
    if (d.decision !== 'NotReviewed') continue;
    if (d.recommendation !== 'Approve' && d.recommendation !== 'Deny') continue;
    record(t, req, d, d.recommendation, '');
    if (overall) record(t, req, overall, d.recommendation, '');
  }
  t.commit();
  return { status: 204 };
}

function patchStageDecision(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  scopeCheck(req, WRITE);
  const { rv, inst, s } = stageFor(t, req, p);
  if (!s.reviewerIds.includes(req.user.id)) throw AR_DENIED();
  const d = stageDecisions(inst, s).find((x) => x.id.toLowerCase() === p.id.toLowerCase());
  const overall = inst.decisions.find((x) => x.id.toLowerCase() === p.id.toLowerCase());
  if (!d || !overall) throw new GraphError(404, 'NotFound', `Decision '${p.id}' was not found.`);
  const body = validDecisionBody(t, rv, bodyObject(req), ['decision', 'justification', '@odata.type']);
  if (inst.status !== 'InProgress' || s.status !== 'InProgress') throw fail(t, 'ReviewNotActive', `Access review stage '${s.id}' is ${s.status}.`);
  record(t, req, d, body.decision, body.justification);
  // The instance's item holds the outcome so far: the latest stage's decision, applied when the instance ends.
  record(t, req, overall, body.decision, body.justification);
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
  { method: 'POST', pattern: `${AR}/definitions/{defId}/instances/{instId}/acceptRecommendations`, handler: acceptRecommendations },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/{instId}/stages`,
    handler: (t, req, p) => {
      scopeCheck(req, READ);
      const { rv, inst } = instanceFor(t, req, p.defId, p.instId);
      return collection(t, req, 'accessReviewStage', (inst.stages ?? []).map((s) => ({ rv, inst, s })), `${AR}/definitions('${rv.id}')/instances('${inst.id}')/stages`);
    },
  },
  {
    method: 'GET', pattern: `${AR}/definitions/{defId}/instances/{instId}/stages/{stageId}/decisions/filterByCurrentUser(on)`,
    handler: (t, req, p) => {
      checkOn(req, p.on, ['reviewer'], [], 'accessReviewStageFilterByCurrentUserOptions');
      scopeCheck(req, READ);
      const { rv, inst, s } = stageFor(t, req, p);
      const items = s.reviewerIds.includes(req.user.id) ? stageDecisions(inst, s).map((d) => ({ rv, inst, d })) : [];
      return collection(t, req, 'accessReviewInstanceDecisionItem', items, 'Collection(microsoft.graph.accessReviewInstanceDecisionItem)');
    },
  },
  { method: 'PATCH', pattern: `${AR}/definitions/{defId}/instances/{instId}/stages/{stageId}/decisions/{id}`, handler: patchStageDecision },
  { method: 'POST', pattern: `${AR}/definitions/{defId}/instances/{instId}/batchRecordDecisions`, handler: batchRecord },
];
