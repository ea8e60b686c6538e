import * as React from 'react';
import { useServices } from '../context/ServicesContext';
import { IGrant } from '../models/types';
import { useAsync, IAsyncResult } from './useAsync';
import { loadMyAccess, loadMyAccessGrants, IMyAccessData } from '../services/loadMyAccess';

export type { IMyAccessData };

export interface IMyAccessResult extends IAsyncResult<IMyAccessData> {
  /** What each package grants; empty until loaded (and when it cannot be read). */
  grants: Map<string, IGrant[]>;
}

/** The person's assignments and requests, then the packages' contents; `refreshKey` reloads after they act. */
export function useMyAccess(refreshKey: number): IMyAccessResult {
  const services = useServices();
  // refreshKey is the reload trigger: MyAccessRoot bumps it after the person acts.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const result = useAsync(() => loadMyAccess(services), [services, refreshKey]);
  const [grants, setGrants] = React.useState<Map<string, IGrant[]>>(() => new Map());
  const assignments = result.state.status === 'success' ? result.state.value.assignments : undefined;

  React.useEffect(() => {
    if (!assignments) return undefined;
    let current = true;
    loadMyAccessGrants(services, assignments).then(
      map => { if (current) setGrants(map); },
      () => { /* contents are a courtesy: rows still show and act without them */ }
    );
    return () => { current = false; };
  }, [services, assignments]);

  return { ...result, grants };
}
