import { IApprovalService } from '../graph/GraphApprovalService';
import { IPendingApproval, IReviewDecision, sortApprovals } from '../../models/approvals';

/**
 * The approver's list, oldest first: approvals and requests in parallel, then the requestors in $batch requests
 * (two sequential round trips, no request per row).
 */
export async function loadAccessApprovals(approvals: IApprovalService, language: string): Promise<IPendingApproval[]> {
  return sortApprovals(await approvals.listPendingApprovals(language), 'oldest');
}

/**
 * The review decisions waiting for me, by review then person; loaded on its own so one section failing leaves the other.
 * One round trip when the person's reviews are cached (loaders/reviewCache.ts), three when they are read (four with a
 * multi-stage review); `onNewReviews` is told when a load from the cache missed a review that started since.
 */
export async function loadAccessReviews(approvals: IApprovalService, onNewReviews?: () => void): Promise<IReviewDecision[]> {
  const list = await approvals.listReviewDecisions(onNewReviews);
  return list.slice().sort((a, b) => a.reviewName.localeCompare(b.reviewName) || a.principalName.localeCompare(b.principalName));
}
