/**
 * The request state machine (docs/graph-notes.md §9): submitted → pendingApproval → delivering → delivered | denied |
 * canceled, plus what time triggers (stage timeouts, assignment expiry, access review instance end).
 * Steps after the POST run asynchronously (Tenant.schedule) as the real service does.
 */
import type { FxAccessReview, FxAssignment, FxPolicy, FxRequest, FxReviewInstance, FxSchedule } from './fixture';
import { removeGrants, recomputeEffective } from './grants';
import { resolveStageApprovers } from './policy';
import type { Tenant } from './tenant';
import { addDuration, isDuration, stableGuid } from './util';
import { callOut, HoldStage, timeOutCallouts, waitingCallout } from './callouts';

/** Status strings per state (docs/graph-notes.md §9.2; PascalCase free-form strings). */
export const STATUS_FOR_STATE: Record<string, string> = {
  submitted: 'Accepted', pendingApproval: 'PendingApproval', delivering: 'Delivering', delivered: 'Delivered',
  denied: 'Denied', canceled: 'Canceled', scheduled: 'PendingNotBefore', deliveryFailed: 'DeliveryFailed',
};

export const OPEN_STATES = new Set(['submitted', 'pendingApproval', 'delivering', 'scheduled']);
/** Cancellable while status is accepted, pendingApproval, pendingNotBefore (docs/graph-notes.md §3.7). */
export const CANCELLABLE_STATES = new Set(['submitted', 'pendingApproval', 'scheduled']);

function setState(r: FxRequest, state: string, t: Tenant, status = STATUS_FOR_STATE[state]): void {
  r.state = state;
  r.status = status;
  if (['delivered', 'denied', 'canceled', 'deliveryFailed'].includes(state)) r.completedDateTime = t.nowIso();
}

export function approvalRequired(p: FxPolicy, requestType: string): boolean {
  const s = p.requestApprovalSettings;
  if (!s.stages.length) return false;
  if (requestType === 'userAdd') return !!s.isApprovalRequiredForAdd;
  if (requestType === 'userUpdate') return !!s.isApprovalRequiredForUpdate;
  return false;
}

/** The assignment's end: explicit endDateTime, else start + duration; null = no end. */
export function assignmentEnd(s: FxSchedule): Date | null {
  if (s.expiration.endDateTime) return new Date(s.expiration.endDateTime);
  if (s.expiration.type === 'afterDuration' && isDuration(s.expiration.duration) && s.startDateTime) {
    return addDuration(new Date(s.startDateTime), s.expiration.duration);
  }
  return null;
}

/** The schedule a policy gives when the requestor asked for none (renewals start "now"). */
export function policySchedule(p: FxPolicy, start: Date): FxSchedule {
  const e = p.expiration;
  if (e.type === 'afterDuration' && isDuration(e.duration)) {
    return { startDateTime: start.toISOString(), recurrence: null, expiration: { type: 'afterDuration', duration: e.duration, endDateTime: addDuration(start, e.duration).toISOString() } };
  }
  if (e.type === 'afterDateTime' && e.endDateTime) {
    return { startDateTime: start.toISOString(), recurrence: null, expiration: { type: 'afterDateTime', duration: null, endDateTime: e.endDateTime } };
  }
  return { startDateTime: start.toISOString(), recurrence: null, expiration: { type: 'noExpiration', duration: null, endDateTime: null } };
}

/** True when the stored request carries a schedule of its own. */
export function isCustomSchedule(s: FxSchedule | undefined): boolean {
  // Stored requests keep startDateTime = creation time with expiration 'notSpecified' when none was asked for.
  return !!s && !!s.expiration && s.expiration.type !== 'notSpecified';
}

export function submit(t: Tenant, r: FxRequest): void {
  t.db.assignmentRequests.push(r);
  t.commit();
  t.schedule(() => step(t, r.id));
}

/** One asynchronous step of a request; each step re-reads state, so a cancel in between wins. */
export function step(t: Tenant, requestId: string): void {
  const r = t.idx.requests.get(requestId);
  if (!r) return;
  const p = t.idx.policies.get(r.assignmentPolicyId);
  if (r.state === 'submitted') {
    // A "launch and wait" extension at assignmentRequestCreated holds the request until its callback (callouts.ts).
    if (waitingCallout(r) || callOut(t, r, 'assignmentRequestCreated')) { t.commit(); return; }
    if (p && approvalRequired(p, r.requestType)) {
      r.approvalStages = p.requestApprovalSettings.stages.map((s, i) => ({
        id: stableGuid(`stage:${r.id}:${i}`), displayName: stageName(s.primaryApprovers[0]),
        status: 'Initializing', reviewResult: 'NotReviewed', reviewedBy: null, reviewedDateTime: null, justification: '', assignedToUserIds: [],
      }));
      startStage(t, r, 0);
      setState(r, 'pendingApproval', t);
    } else {
      setState(r, 'delivering', t);
      t.schedule(() => step(t, r.id));
    }
    t.commit();
  } else if (r.state === 'delivering') {
    deliver(t, r);
    t.commit();
  }
}

function stageName(s: { '@odata.type': string; description?: string | null } | undefined): string | null {
  if (!s) return null;
  if (/requestorManager/.test(s['@odata.type'])) return 'Manager';
  return s.description ?? null;
}

export function startStage(t: Tenant, r: FxRequest, i: number): void {
  const p = t.idx.policies.get(r.assignmentPolicyId);
  const requestor = t.idx.users.get(r.requestorId);
  const settings = p?.requestApprovalSettings.stages[i];
  const stage = r.approvalStages[i];
  stage.status = 'InProgress';
  stage.startedDateTime = t.nowIso();
  stage.assignedToUserIds = settings && requestor ? resolveStageApprovers(t.db, t.idx, settings, requestor) : [];
}

/** Records a validated decision and moves the request on (next stage, delivery or denied). */
export function recordDecision(t: Tenant, r: FxRequest, stageIndex: number, approverId: string, approve: boolean, justification: string): void {
  const stage = r.approvalStages[stageIndex];
  const approver = t.idx.users.get(approverId);
  stage.status = 'Completed';
  stage.reviewResult = approve ? 'Approved' : 'Denied';
  stage.reviewedBy = { id: approverId, displayName: approver?.displayName ?? '' };
  stage.reviewedDateTime = t.nowIso();
  stage.justification = justification;
  if (!approve) setState(r, 'denied', t);
  else if (stageIndex + 1 < r.approvalStages.length) startStage(t, r, stageIndex + 1);
  // The last approval: an extension at assignmentRequestApproved may hold delivery (callouts.ts).
  else if (!callOut(t, r, 'assignmentRequestApproved')) {
    setState(r, 'delivering', t);
    t.schedule(() => step(t, r.id));
  }
  t.commit();
}

/**
 * After an extension's callback: the request goes on from where it waited. `deny` (resume's data.state) is honoured
 * after approval only: "a request cannot be denied at the assignmentRequestCreated stage" (the resume page).
 */
export function continueAfterCallout(t: Tenant, r: FxRequest, stage: HoldStage, deny: boolean): void {
  r.status = STATUS_FOR_STATE[r.state];
  if (stage === 'assignmentRequestApproved') {
    if (deny) setState(r, 'denied', t);
    else {
      setState(r, 'delivering', t);
      t.schedule(() => step(t, r.id));
    }
  } else t.schedule(() => step(t, r.id));
}

function deliver(t: Tenant, r: FxRequest): void {
  const p = t.idx.policies.get(r.assignmentPolicyId);
  const now = t.now();
  if (r.requestType === 'userRemove') {
    const a = t.idx.assignments.get(r.assignmentId ?? '');
    if (a) endAssignment(t, a, 'Expired');
    setState(r, 'delivered', t);
    return;
  }
  if (r.requestType === 'userUpdate') {
    const a = t.idx.assignments.get(r.assignmentId ?? '');
    if (a && p) {
      const renewed = isCustomSchedule(r.schedule) ? customAssignmentSchedule(r.schedule, now) : policySchedule(p, now);
      // A renewal keeps the original start; only the end moves (My Access "extend").
      a.schedule = { ...renewed, startDateTime: a.schedule.startDateTime ?? renewed.startDateTime };
      a.state = 'delivered';
      a.status = 'Delivered';
      a.expiredDateTime = null;
      t.commit();
      t.grant(a.id);
    }
    setState(r, 'delivered', t);
    return;
  }
  const schedule = isCustomSchedule(r.schedule) || !p ? customAssignmentSchedule(r.schedule, now) : policySchedule(p, now);
  const start = schedule.startDateTime ? new Date(schedule.startDateTime) : now;
  if (start.getTime() > now.getTime() + 60_000 && r.state !== 'scheduled') {
    setState(r, 'scheduled', t);
    return;
  }
  const a: FxAssignment = {
    id: r.assignmentId ?? r.id, targetId: r.targetId, accessPackageId: r.accessPackageId, assignmentPolicyId: r.assignmentPolicyId,
    state: 'delivered', status: 'Delivered', expiredDateTime: null, schedule,
  };
  const existing = t.idx.assignments.get(a.id);
  if (existing) Object.assign(existing, a);
  else t.db.assignments.push(a);
  t.commit();
  t.grant(a.id);
  setState(r, 'delivered', t);
}

function customAssignmentSchedule(s: FxSchedule, now: Date): FxSchedule {
  const start = s.startDateTime ? new Date(s.startDateTime) : now;
  const e = s.expiration;
  const end = e.type === 'afterDuration' && isDuration(e.duration) ? addDuration(start, e.duration).toISOString() : e.endDateTime ?? null;
  const type = e.type === 'notSpecified' ? (end ? 'afterDateTime' : 'noExpiration') : e.type;
  return { startDateTime: start.toISOString(), recurrence: null, expiration: { type, duration: e.duration ?? null, endDateTime: end } };
}

/** Expiry, removal and review denial: the assignment ends and its grants (only its own) go away. */
export function endAssignment(t: Tenant, a: FxAssignment, status: string, when = t.now()): void {
  a.state = 'expired';
  a.status = status;
  a.expiredDateTime = when.toISOString();
  removeGrants(t.db, a.id);
  recomputeEffective(t.db, t.idx);
}

export function runTimeTriggers(t: Tenant): void {
  const now = t.now();
  let changed = false;
  for (const r of t.db.assignmentRequests) {
    if (r.state === 'pendingApproval') {
      const i = r.approvalStages.findIndex((s) => s.status === 'InProgress');
      const settings = t.idx.policies.get(r.assignmentPolicyId)?.requestApprovalSettings.stages[i];
      const started = r.approvalStages[i]?.startedDateTime;
      const limit = settings?.durationBeforeAutomaticDenial;
      if (i >= 0 && started && isDuration(limit) && addDuration(new Date(started), limit) <= now) {
        r.approvalStages[i].status = 'Expired';
        setState(r, 'denied', t, t.quirks.timeoutStatus ?? 'Denied');
        changed = true;
      }
    } else if (r.state === 'scheduled') {
      const start = r.schedule.startDateTime ? new Date(r.schedule.startDateTime) : now;
      if (start <= now) { deliver(t, r); changed = true; }
    }
  }
  changed = timeOutCallouts(t, now) || changed;
  for (const a of t.db.assignments) {
    const end = a.state === 'delivered' ? assignmentEnd(a.schedule) : null;
    if (end && end <= now) { endAssignment(t, a, 'Expired', end); changed = true; }
  }
  for (const rv of t.db.accessReviews) {
    for (const inst of rv.instances) {
      if (inst.status === 'NotStarted' && new Date(inst.startDateTime) <= now) { inst.status = 'InProgress'; changed = true; }
      if (inst.status === 'InProgress') changed = advanceReviewStages(inst, now) || changed;
      if (inst.status === 'InProgress' && new Date(inst.endDateTime) <= now) { endReviewInstance(t, rv, inst); changed = true; }
    }
  }
  if (changed) t.commit();
}

/** A multi-stage instance's stage ends at its endDateTime and the next one starts (docs/graph-notes.md §5). */
function advanceReviewStages(inst: FxReviewInstance, now: Date): boolean {
  let changed = false;
  for (const s of inst.stages ?? []) {
    if (s.status === 'InProgress' && new Date(s.endDateTime) <= now) { s.status = 'Completed'; changed = true; }
    if (s.status === 'NotStarted' && new Date(s.startDateTime) <= now) { s.status = 'InProgress'; changed = true; }
  }
  return changed;
}

/**
 * Ends an instance and applies its decisions (docs/graph-notes.md §5, §7 reviewSettings). An unreviewed decision takes the
 * definition's defaultDecision; with 'None' it falls back to the package policy's expirationBehavior
 * ("if reviewers don't respond": keepAccess | removeAccess | acceptAccessRecommendation).
 */
export function endReviewInstance(t: Tenant, rv: FxAccessReview, inst: FxReviewInstance): void {
  const autoApply = rv.settings.autoApplyDecisionsEnabled !== false;
  const def = String(rv.settings.defaultDecision ?? 'None');
  for (const d of inst.decisions) {
    let effective = d.decision;
    const a = t.idx.assignments.get(d.assignmentId);
    if (effective === 'NotReviewed' || effective === 'DontKnow') {
      if (def === 'Approve' || def === 'Deny') effective = def;
      else if (def === 'Recommendation') effective = d.recommendation;
      else {
        const behaviour = a ? t.idx.policies.get(a.assignmentPolicyId)?.reviewSettings?.expirationBehavior : undefined;
        if (behaviour === 'removeAccess') effective = 'Deny';
        else if (behaviour === 'acceptAccessRecommendation') effective = d.recommendation;
      }
    }
    if (!autoApply) continue;
    if (effective === 'Deny' && a && a.state === 'delivered') endAssignment(t, a, 'Expired');
    if (effective === 'Deny' || effective === 'Approve') {
      d.applyResult = 'AppliedSuccessfully';
      d.appliedDateTime = t.nowIso();
    }
  }
  inst.status = autoApply ? 'Applied' : 'Completed';
  if (rv.instances.every((i) => i.status !== 'InProgress' && i.status !== 'NotStarted')) rv.status = 'Completed';
}

/** After a restart or reset, requests caught between steps continue. */
export function resumeWorkflows(t: Tenant): void {
  for (const r of t.db.assignmentRequests) if (r.state === 'submitted' || r.state === 'delivering') t.schedule(() => step(t, r.id));
  runTimeTriggers(t);
}
