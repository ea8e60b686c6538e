import * as React from 'react';
import { useServices } from '../context/ServicesContext';
import { IGrant } from '../core/model/types';
import { useAsync, IAsyncResult } from './useAsync';
import { loadMyAccess, loadMyAccessGrants, IMyAccessData } from '../services/loaders/loadMyAccess';
import { toAppError } from '../services/infrastructure/AppError';
import { reportError } from '../services/infrastructure/reportError';

export type { IMyAccessData };

export interface IMyAccessResult extends IAsyncResult<IMyAccessData> {
  /** What each package grants; empty until loaded (and when it cannot be read). */
  grants: Map<string, IGrant[]>;
}

/** The person's assignments and requests, then the packages' contents; `reload` reads them again after they act. */
export function useMyAccess(): IMyAccessResult {
  const services = useServices();
  const result = useAsync(() => loadMyAccess(services), [services]);
  const [grants, setGrants] = React.useState<Map<string, IGrant[]>>(() => new Map());
  const assignments = result.state.status === 'success' ? result.state.value.assignments : undefined;

  React.useEffect(() => {
    if (!assignments) return undefined;
    let current = true;
    loadMyAccessGrants(services, assignments).then(
      map => { if (current) setGrants(map); },
      // Contents are a courtesy: rows still show and act without them. An unexpected failure is logged once.
      async (e: unknown) => { reportError('MyAccess.contents', await toAppError(e)); }
    );
    return () => { current = false; };
  }, [services, assignments]);

  return { ...result, grants };
}
