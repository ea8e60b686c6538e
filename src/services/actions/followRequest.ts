import { IAccessRequest, RequestState } from '../../core/model/types';
import { IEntitlementService } from '../IAccessHubServices';

// The one poller: every flow that sends a request (the panel's submit, MyAccess's extend and remove, the banner's
// extend) reads it back here until Graph has finished with it on its own.

/**
 * The states Graph passes through by itself: the request is read again while it is in one of them. Everything else
 * waits for someone or something (an approver, a start date) or is final.
 */
export const TRANSIENT_STATES: RequestState[] = ['submitted', 'delivering', 'partiallyDelivered'];

/** Read again every 1.5 s unless the services say otherwise (`IAccessHubServices.pollIntervalMs`). */
export const DEFAULT_FOLLOW_INTERVAL_MS = 1500;
/** Give up after a minute by default and hand back the last state read (the caller says "still waiting"). */
export const DEFAULT_FOLLOW_TIMEOUT_MS = 60000;

/** Whether the request has left Graph's transient states: delivered, denied, waiting for an approver, scheduled… */
export function isSettled(state: RequestState): boolean {
  return TRANSIENT_STATES.indexOf(state) < 0;
}

/** Whether nothing more will happen to the request: delivered, denied, failed or canceled. */
export function isFinalState(state: RequestState): boolean {
  return state === 'delivered' || state === 'denied' || state === 'deliveryFailed' || state === 'canceled';
}

/** A sleep that ends early when `signal` aborts (tests inject their own). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = (ms, signal) => new Promise<void>(resolve => {
  if (signal && signal.aborted) { resolve(); return; }
  const pending: { timer?: ReturnType<typeof setTimeout> } = {};
  const done = (): void => {
    clearTimeout(pending.timer);
    if (signal) signal.removeEventListener('abort', done);
    resolve();
  };
  pending.timer = setTimeout(done, ms);
  if (signal) signal.addEventListener('abort', done);
});

export interface IFollowOptions {
  /** Between two reads; default DEFAULT_FOLLOW_INTERVAL_MS. */
  intervalMs?: number;
  /** After this long the last state read is returned, settled or not; default DEFAULT_FOLLOW_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Stops following: no read starts after it aborts, and the last state read is returned. */
  signal?: AbortSignal;
  /** Each state read back, as it arrives. */
  onUpdate?: (request: IAccessRequest) => void;
  /** Injected by tests: the clock (ms) and the wait between reads. */
  now?: () => number;
  sleep?: Sleep;
}

/**
 * Reads `request` back until it leaves Graph's transient states (TRANSIENT_STATES), one read at a time, the next
 * `intervalMs` after the last. Resolves with the settled request, or with the last one read when `timeoutMs`
 * passed or `signal` aborted; rejects when a read fails (nothing is retried here: the caller shows the error).
 */
export async function followRequest(svc: IEntitlementService, request: IAccessRequest, o: IFollowOptions = {}): Promise<IAccessRequest> {
  const interval = o.intervalMs !== undefined ? o.intervalMs : DEFAULT_FOLLOW_INTERVAL_MS;
  const timeout = o.timeoutMs !== undefined ? o.timeoutMs : DEFAULT_FOLLOW_TIMEOUT_MS;
  const now = o.now || ((): number => Date.now());
  const sleep = o.sleep || defaultSleep;
  const aborted = (): boolean => !!o.signal && o.signal.aborted;
  const end = now() + timeout;
  let current = request;
  while (!isSettled(current.state) && !aborted() && now() < end) {
    await sleep(interval, o.signal);
    if (aborted()) break;
    current = { ...current, ...(await svc.getRequest(current.id)) };
    if (aborted()) break;
    if (o.onUpdate) o.onUpdate(current);
  }
  return current;
}
