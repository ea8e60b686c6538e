import * as React from 'react';
import { IAccessRequest, RequestState } from '../../models/types';
import { AppError, toAppError } from '../../services/errors';
import { reportError } from '../../services/errorLog';
import { useServices } from '../../context/ServicesContext';

export const DEFAULT_POLL_MS = 1500;
/** After this long without delivery the person is told they may close the panel. */
export const DELIVERY_PATIENCE_MS = 2 * 60 * 1000;
/** Past the patience limit we keep looking, but rarely. */
const SLOW_POLL_MS = 15000;

const FINAL_STATES: RequestState[] = ['delivered', 'denied', 'deliveryFailed', 'canceled'];

export function isFinalState(state: RequestState): boolean {
  return FINAL_STATES.indexOf(state) >= 0;
}

export interface IFollowedRequest {
  request: IAccessRequest;
  takesLong: boolean;
  error: AppError | undefined;
  retry: () => void;
}

/**
 * Reads a request back until it reaches a final state, while `enabled` (the panel is open and the
 * policy needs no approval). Stops on unmount; one read at a time, the next scheduled after the last.
 */
export function useFollowRequest(initial: IAccessRequest, enabled: boolean): IFollowedRequest {
  const { entitlements, pollIntervalMs } = useServices();
  const interval = pollIntervalMs !== undefined ? pollIntervalMs : DEFAULT_POLL_MS;
  const [request, setRequest] = React.useState(initial);
  const [takesLong, setTakesLong] = React.useState(false);
  const [error, setError] = React.useState<AppError | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  const startedAt = React.useRef(Date.now());
  const finalRef = React.useRef(isFinalState(initial.state));

  React.useEffect(() => {
    if (!enabled || finalRef.current) return undefined;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const delay = (): number => {
      const late = Date.now() - startedAt.current > DELIVERY_PATIENCE_MS;
      if (late) setTakesLong(true);
      return late ? Math.max(interval, SLOW_POLL_MS) : interval;
    };
    const poll = (): void => {
      entitlements.getRequest(initial.id).then(
        next => {
          if (!active) return;
          setRequest(next);
          if (isFinalState(next.state)) finalRef.current = true;
          else timer = setTimeout(poll, delay());
        },
        async (e: unknown) => {
          const err = await toAppError(e);
          reportError('RequestPanel.follow', err);
          if (active) setError(err);
        }
      );
    };
    timer = setTimeout(poll, delay());
    return () => {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [entitlements, initial.id, enabled, interval, attempt]);

  const retry = React.useCallback(() => {
    setError(undefined);
    setAttempt(a => a + 1);
  }, []);

  return { request, takesLong, error, retry };
}
