import { IReviewDecision } from '../../models/approvals';
import { IApprovalService, ReviewDecisionValue } from '../graph/GraphApprovalService';

/** Records one access-review decision (AccessApprovals' review row), once. */
export function recordReviewDecision(service: IApprovalService, item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void> {
  return service.recordReviewDecision(item, decision, justification.trim());
}

/** "Accept all recommendations": once per review instance the decisions belong to, all at once. */
export async function acceptRecommendations(service: IApprovalService, decisions: IReviewDecision[]): Promise<void> {
  const instances = Array.from(new Map(decisions.map(d => [`${d.definitionId}/${d.instanceId}`, d])).values());
  await Promise.all(instances.map(i => service.acceptRecommendations(i.definitionId, i.instanceId)));
}
