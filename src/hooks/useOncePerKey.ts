import * as React from 'react';
import { createOncePerKey } from '../services/actions/oncePerKey';

export interface IOncePerKey {
  /** Runs `work` for `key` unless it runs already (then the same promise comes back and nothing is sent). */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Whether a write for `key` is running: buttons show it and stay disabled. */
  isBusy(key: string): boolean;
}

/**
 * A component's guard against double submission (services/actions/oncePerKey), re-rendering when a write starts
 * and ends. The table is the guard's, not React state: a second click before React re-renders already sees the first.
 */
export function useOncePerKey(): IOncePerKey {
  const [guard] = React.useState(createOncePerKey);
  const [, setVersion] = React.useState(0);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);
  return React.useMemo<IOncePerKey>(() => ({
    run: <T>(key: string, work: () => Promise<T>): Promise<T> => {
      if (guard.isRunning(key)) return guard(key, work);
      const started = guard(key, work);
      setVersion(v => v + 1);
      const done = (): void => { if (mounted.current) setVersion(v => v + 1); };
      started.then(done, done);
      return started;
    },
    isBusy: key => guard.isRunning(key)
  }), [guard]);
}
