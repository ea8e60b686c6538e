import { act } from '@testing-library/react';

/**
 * Waits until the promises already pending have settled and React has rendered what they set off, and no longer.
 *
 * React 17's async `act` drains the microtask queue, then flushes effects and renders in a loop, one macrotask turn
 * (setImmediate) at a time, until a turn leaves no work: a fake's answer, the component's `.then` and the state it
 * sets all land, and so do reads that an effect started on the way, as long as they need no timer. It does not wait
 * for timers: what sits behind a setTimeout (a poll interval, a debounce, the fake's simulated latency) has not run
 * when it returns; wait for its visible outcome instead (findBy…, waitFor), or run the timer with jest's fake timers.
 *
 * Use it where a test asserts that something does not happen: first wait for the visible state the test is about,
 * then flush, then assert the absence (no log line, no second request). Call it outside any other act (a nested act
 * does not flush).
 */
export async function flushPromises(): Promise<void> {
  await act(async () => undefined);
}
