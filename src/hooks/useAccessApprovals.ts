import * as React from 'react';
import { useServices, useApprovalService } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadAccessApprovals, loadAccessReviews } from '../services/loaders/loadAccessApprovals';
import { IPendingApproval, IReviewDecision } from '../models/approvals';

/** Requests waiting for the current person's decision; `reload` reads them again. */
export function useAccessApprovals(): IAsyncResult<IPendingApproval[]> {
  const { language } = useServices();
  const approvals = useApprovalService();
  return useAsync(() => loadAccessApprovals(approvals, language), [approvals, language]);
}

/**
 * Access-review decisions waiting for the current person; not loaded at all when the section is off. A load from the
 * review cache that learns afterwards of a review it missed reads again (the list stays on screen meanwhile).
 */
export function useAccessReviews(enabled: boolean): IAsyncResult<IReviewDecision[]> {
  const approvals = useApprovalService();
  const readAgain = React.useRef<() => void>(() => undefined);
  const result = useAsync(() => (enabled ? loadAccessReviews(approvals, () => readAgain.current()) : Promise.resolve([])), [approvals, enabled]);
  const { reload } = result;
  React.useEffect(() => {
    readAgain.current = reload;
    return () => { readAgain.current = () => undefined; };
  }, [reload]);
  return result;
}
