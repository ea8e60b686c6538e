import type { CustomExtensionCalloutInstance } from '@microsoft/microsoft-graph-types';
import { IAutomatedStep, RequestState } from '../core/model/types';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

const FAILED = ['calloutFailed', 'callbackTimedOut'];
const OPEN: RequestState[] = ['submitted', 'pendingApproval', 'delivering', 'scheduled'];

/**
 * The custom extension (Logic App) an open request waits on, from its `customExtensionCalloutInstances`
 * (docs/graph-notes.md §3.12). `calloutSent` is a "launch and continue" call nobody waits for, and a request that is
 * no longer open waits for nothing. A failed or timed-out call is shown as failed rather than as pending.
 *
 * An instance has no name and no time: the extension's name is on the policy, which a requestor may not read, so
 * the step is "an automated step"; "since" is the request's creation while it is still `submitted` (an extension at
 * assignmentRequestCreated is called when the request is created), and unknown at later stages.
 */
export function automatedStepOf(
  callouts: Array<CustomExtensionCalloutInstance | null> | null | undefined, state: RequestState, createdDateTime: string | undefined
): IAutomatedStep | undefined {
  if (OPEN.indexOf(state) < 0) return undefined;
  const statuses = (callouts || []).map(c => (c && c.status) || '');
  if (statuses.some(s => FAILED.indexOf(s) >= 0)) return { failed: true };
  if (statuses.indexOf('waitingForCallback') < 0) return undefined;
  return { failed: false, since: state === 'submitted' ? createdDateTime : undefined };
}
