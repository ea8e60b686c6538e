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

/** Access-review decisions waiting for the current person; not loaded at all when the section is off. */
export function useAccessReviews(enabled: boolean): IAsyncResult<IReviewDecision[]> {
  const approvals = useApprovalService();
  return useAsync(() => (enabled ? loadAccessReviews(approvals) : Promise.resolve([])), [approvals, enabled]);
}
