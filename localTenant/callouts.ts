/**
 * Custom extensions (Logic Apps) at request stages (docs/graph-notes.md §3.12). A policy's customExtensionStageSettings
 * name the extension called at a stage. An extension with `callbackConfiguration.timeoutDuration` is "launch and wait":
 * the request holds at that stage (its callout instance `waitingForCallback`, the request's status `WaitingForCallback`,
 * as the resume page describes it) until the extension calls `resume`, the callout fails, or the wait times out
 * (`callbackTimedOut`). Without a timeout it is "launch and continue": the instance says `calloutSent` and the request
 * goes on. Emulated stages: assignmentRequestCreated (before approval) and assignmentRequestApproved (before delivery).
 */
import { businessError } from './errors';
import type { FxCalloutInstance, FxCustomExtension, FxRequest } from './fixture';
import type { Tenant } from './tenant';
import { addDuration, isDuration, stableGuid } from './util';

export type HoldStage = 'assignmentRequestCreated' | 'assignmentRequestApproved';
export const FAILED_CALLOUT = new Set(['calloutFailed', 'callbackTimedOut']);

export function customExtension(t: Tenant, id: string): FxCustomExtension | undefined {
  for (const c of t.db.catalogs) {
    const hit = (c.customWorkflowExtensions ?? []).find((x) => x.id === id);
    if (hit) return hit;
  }
  return undefined;
}

export function waitingCallout(r: FxRequest): FxCalloutInstance | undefined {
  return (r.customExtensionCalloutInstances ?? []).find((c) => c.status === 'waitingForCallback');
}

/**
 * Calls the policy's extension for `stage` once per request. True when the request must wait (launch and wait, or a
 * call that failed); false when there is nothing to call, it was answered, or it was launch and continue.
 */
export function callOut(t: Tenant, r: FxRequest, stage: HoldStage): boolean {
  const policy = t.idx.policies.get(r.assignmentPolicyId);
  const setting = (policy?.customExtensionStageSettings ?? []).find((s) => s.stage === stage);
  const ext = setting ? customExtension(t, setting.customExtensionId) : undefined;
  if (!ext) return false;
  const list = r.customExtensionCalloutInstances ?? (r.customExtensionCalloutInstances = []);
  const earlier = list.find((c) => c.stage === stage);
  // A failed or timed-out call holds the request where it is (failCallout), also against a step already scheduled.
  if (earlier) return earlier.status === 'waitingForCallback' || FAILED_CALLOUT.has(earlier.status);
  const wait = isDuration(ext.callbackConfiguration?.timeoutDuration ?? undefined);
  list.push({
    id: stableGuid(`callout:${r.id}:${stage}`), customExtensionId: ext.id, detail: null,
    externalCorrelationId: stableGuid(`logicapp-run:${r.id}:${stage}`), status: wait ? 'waitingForCallback' : 'calloutSent',
    stage, sentDateTime: t.nowIso(),
  });
  if (wait) r.status = 'WaitingForCallback';
  return wait;
}

/** The extension's callback (resume, or /_dev): the instance is answered and the request moves on. */
export function answerCallout(t: Tenant, r: FxRequest, instanceId: string | undefined, detail: string | null, deny: boolean,
  goOn: (r: FxRequest, stage: HoldStage, deny: boolean) => void): void {
  const c = waitingCallout(r);
  if (!c || (instanceId && c.id !== instanceId)) {
    throw businessError('NotWaitingForCallback', `Request '${r.id}' is not waiting for a callback${instanceId ? ` from callout '${instanceId}'` : ''}.`, t.errorCodes);
  }
  c.status = 'callbackReceived';
  c.detail = detail;
  goOn(r, c.stage as HoldStage, deny);
  t.commit();
}

/** The call failed (or, from the clock, the wait ran out). What Graph then does with the request is undocumented: it stays. */
export function failCallout(t: Tenant, r: FxRequest, status: 'calloutFailed' | 'callbackTimedOut', detail: string | null): void {
  const c = waitingCallout(r);
  if (!c) throw businessError('NotWaitingForCallback', `Request '${r.id}' is not waiting for a callback.`, t.errorCodes);
  c.status = status;
  if (detail !== null) c.detail = detail;
  t.commit();
}

/** Waits past the extension's timeoutDuration become callbackTimedOut (run by the clock). */
export function timeOutCallouts(t: Tenant, now: Date): boolean {
  let changed = false;
  for (const r of t.db.assignmentRequests) {
    const c = waitingCallout(r);
    const limit = c ? customExtension(t, c.customExtensionId)?.callbackConfiguration?.timeoutDuration : undefined;
    if (c && isDuration(limit) && addDuration(new Date(c.sentDateTime), limit) <= now) {
      c.status = 'callbackTimedOut';
      changed = true;
    }
  }
  return changed;
}

/** Graph's customExtensionCalloutInstance (the bookkeeping stays inside). */
export function emitCallouts(r: FxRequest): Record<string, unknown>[] {
  return (r.customExtensionCalloutInstances ?? []).map((c) => ({
    id: c.id, customExtensionId: c.customExtensionId, detail: c.detail, externalCorrelationId: c.externalCorrelationId, status: c.status,
  }));
}
