import * as React from 'react';
import { IAccessRequest } from '../../core/model/types';
import { AppError, toAppError } from '../../services/infrastructure/AppError';
import { reportError } from '../../services/infrastructure/reportError';
import { useServices } from '../../context/ServicesContext';
import { followRequest, isSettled } from '../../services/actions/followRequest';

/** After this long without delivery the person is told they may close the panel. */
export const DELIVERY_PATIENCE_MS = 2 * 60 * 1000;
/** Past the patience limit we keep looking, but rarely. */
const SLOW_POLL_MS = 15000;

export interface IFollowedRequest {
  request: IAccessRequest;
  takesLong: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * The panel's view of the one poller (services/actions/followRequest): reads a submitted request back until it
 * leaves Graph's transient states, while `enabled` (the panel is open and the policy needs no approval). After
 * DELIVERY_PATIENCE_MS it says so and keeps following, rarely. Stops on unmount.
 */
export function useFollowRequest(initial: IAccessRequest, enabled: boolean): IFollowedRequest {
  const { entitlements, pollIntervalMs } = useServices();
  const [request, setRequest] = React.useState(initial);
  const [takesLong, setTakesLong] = React.useState(false);
  const [error, setError] = React.useState<AppError | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  const startedAt = React.useRef(Date.now());
  const latest = React.useRef(initial);

  React.useEffect(() => {
    if (!enabled || isSettled(latest.current.state)) return undefined;
    const controller = new AbortController();
    const onUpdate = (next: IAccessRequest): void => {
      latest.current = next;
      setRequest(next);
    };
    const patience = Math.max(0, DELIVERY_PATIENCE_MS - (Date.now() - startedAt.current));
    const follow = async (): Promise<void> => {
      const last = await followRequest(entitlements, latest.current, { intervalMs: pollIntervalMs, timeoutMs: patience, signal: controller.signal, onUpdate });
      if (isSettled(last.state) || controller.signal.aborted) return;
      setTakesLong(true);
      const interval = Math.max(pollIntervalMs !== undefined ? pollIntervalMs : 0, SLOW_POLL_MS);
      await followRequest(entitlements, last, { intervalMs: interval, timeoutMs: Infinity, signal: controller.signal, onUpdate });
    };
    follow().catch(async (e: unknown) => {
      const err = await toAppError(e);
      reportError('RequestPanel.follow', err);
      if (!controller.signal.aborted) setError(err);
    });
    return () => controller.abort();
  }, [entitlements, enabled, pollIntervalMs, attempt]);

  const retry = React.useCallback(() => {
    setError(undefined);
    setAttempt(a => a + 1);
  }, []);

  return { request, takesLong, error, retry };
}
