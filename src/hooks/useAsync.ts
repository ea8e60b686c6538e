import * as React from 'react';
import { AppError, toAppError } from '../services/infrastructure/AppError';
import { reportError } from '../services/infrastructure/reportError';

/** One async primitive: a discriminated union instead of loose booleans. */
export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'success'; value: T }
  | { status: 'error'; error: AppError };

export interface IAsyncResult<T> {
  state: AsyncState<T>;
  reload: () => void;
}

/** Runs `load` when `deps` change; a stale result never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): IAsyncResult<T> {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [version, setVersion] = React.useState(0);
  const loadRef = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    let current = true;
    setState(s => (s.status === 'success' ? s : { status: 'loading' }));
    loadRef.current().then(
      value => { if (current) setState({ status: 'success', value }); },
      async (e: unknown) => {
        const error = await toAppError(e);
        reportError('AccessHub', error);
        if (current) setState({ status: 'error', error });
      }
    );
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);

  const reload = React.useCallback(() => setVersion(v => v + 1), []);
  return { state, reload };
}
