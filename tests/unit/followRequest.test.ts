import { IAccessRequest, RequestState } from '../../src/core/model/types';
import { IEntitlementService } from '../../src/services/IAccessHubServices';
import {
  DEFAULT_FOLLOW_INTERVAL_MS, DEFAULT_FOLLOW_TIMEOUT_MS, followRequest, isSettled, TRANSIENT_STATES
} from '../../src/services/actions/followRequest';

// The poller is tested on a virtual clock: each sleep moves it on, nothing waits, and the tests count reads.

function request(state: RequestState): IAccessRequest {
  return { id: 'r1', state, status: '', requestType: 'userAdd' } as IAccessRequest;
}

/** A service whose getRequest answers the given states in order (the last one again once they run out). */
function reads(states: RequestState[], fail?: unknown): { svc: IEntitlementService; count: () => number } {
  let n = 0;
  const svc = {
    getRequest: (id: string) => {
      const state = states[Math.min(n, states.length - 1)];
      n++;
      if (fail !== undefined && n === states.length) return Promise.reject(fail);
      return Promise.resolve({ ...request(state), id });
    }
  } as unknown as IEntitlementService;
  return { svc, count: () => n };
}

function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { now: () => t, sleep: ms => { slept.push(ms); t += ms; return Promise.resolve(); }, slept };
}

describe('followRequest: the one poller', () => {
  it('has one set of transient states: submitted, delivering, partially delivered', () => {
    expect(TRANSIENT_STATES).toEqual(['submitted', 'delivering', 'partiallyDelivered']);
    for (const s of ['delivered', 'denied', 'deliveryFailed', 'canceled', 'pendingApproval', 'scheduled'] as RequestState[]) {
      expect(isSettled(s)).toBe(true);
    }
    expect(isSettled('submitted')).toBe(false);
  });

  it('reads until the request leaves the transient states, waiting the default interval before each read', async () => {
    const { svc, count } = reads(['submitted', 'delivering', 'delivered']);
    const clock = virtualClock();
    const seen: RequestState[] = [];
    const done = await followRequest(svc, request('submitted'), { now: clock.now, sleep: clock.sleep, onUpdate: r => seen.push(r.state) });
    expect(done.state).toBe('delivered');
    expect(count()).toBe(3);
    expect(seen).toEqual(['submitted', 'delivering', 'delivered']);
    expect(clock.slept).toEqual([DEFAULT_FOLLOW_INTERVAL_MS, DEFAULT_FOLLOW_INTERVAL_MS, DEFAULT_FOLLOW_INTERVAL_MS]);
  });

  it('stops at a state that waits for someone (pending approval) and reads nothing for a settled request', async () => {
    const waiting = reads(['pendingApproval']);
    expect((await followRequest(waiting.svc, request('submitted'), { sleep: () => Promise.resolve() })).state).toBe('pendingApproval');
    expect(waiting.count()).toBe(1);
    const none = reads(['delivered']);
    expect((await followRequest(none.svc, request('scheduled'))).state).toBe('scheduled');
    expect(none.count()).toBe(0);
  });

  it('gives up after the timeout and returns the last state read', async () => {
    const { svc, count } = reads(['delivering']);
    const clock = virtualClock();
    const last = await followRequest(svc, request('submitted'), { intervalMs: 1000, now: clock.now, sleep: clock.sleep });
    expect(last.state).toBe('delivering');
    expect(count()).toBe(DEFAULT_FOLLOW_TIMEOUT_MS / 1000);
    const short = reads(['delivering']);
    await followRequest(short.svc, request('submitted'), { intervalMs: 1000, timeoutMs: 3000, now: clock.now, sleep: clock.sleep });
    expect(short.count()).toBe(3);
  });

  it('stops reading once cancelled, also in the middle of a wait', async () => {
    const { svc, count } = reads(['delivering']);
    const controller = new AbortController();
    let waits = 0;
    const sleep = (): Promise<void> => {
      if (++waits === 3) controller.abort();
      return Promise.resolve();
    };
    const last = await followRequest(svc, request('submitted'), { sleep, signal: controller.signal, timeoutMs: Infinity });
    expect(last.state).toBe('delivering');
    expect(count()).toBe(2);
    // Already cancelled: nothing is read.
    const none = reads(['delivered']);
    expect((await followRequest(none.svc, request('submitted'), { signal: controller.signal })).state).toBe('submitted');
    expect(none.count()).toBe(0);
  });

  it('the default wait ends when cancelled (no timer left behind)', async () => {
    const { svc, count } = reads(['delivered']);
    const controller = new AbortController();
    const following = followRequest(svc, request('submitted'), { intervalMs: 60 * 60 * 1000, signal: controller.signal });
    controller.abort();
    expect((await following).state).toBe('submitted');
    expect(count()).toBe(0);
  });

  it('a failed read rejects (the caller shows it); nothing is retried', async () => {
    const boom = new Error('read failed');
    const { svc, count } = reads(['delivering', 'delivering'], boom);
    await expect(followRequest(svc, request('submitted'), { sleep: () => Promise.resolve() })).rejects.toBe(boom);
    expect(count()).toBe(2);
  });
});
