import { DecisionOutcome, IPendingApproval, outcomeOf } from '../../models/approvals';
import { IApprovalService, IDecisionInput } from '../graph/GraphApprovalService';
import { AppError, toAppError } from '../infrastructure/AppError';

/** What became of one decision: its outcome, and the error when it failed or another approver was first. */
export interface IDecided {
  approval: IPendingApproval;
  outcome: DecisionOutcome;
  error?: AppError;
}

/** The decision Graph is sent for the approval's current stage. */
export function decisionInput(a: IPendingApproval, approve: boolean, justification: string): IDecisionInput {
  return { approvalId: a.id, stageId: a.stages[a.stageIndex] ? a.stages[a.stageIndex].id : '', decision: approve ? 'Approve' : 'Deny', justification };
}

/** A 409 means another approver decided the stage first (docs/graph-notes.md §4.3). */
function decided(approval: IPendingApproval, approve: boolean, error: AppError | undefined): IDecided {
  const outcome: DecisionOutcome = !error ? outcomeOf(approve, approval) : error.kind === 'conflict' ? 'alreadyDecided' : 'failed';
  return { approval, outcome, error };
}

/** Approves or denies one approval (AccessApprovals' row), once; never rejects: a failure is its outcome. */
export async function decideApproval(service: IApprovalService, a: IPendingApproval, approve: boolean, justification: string): Promise<IDecided> {
  try {
    await service.decide(decisionInput(a, approve, justification));
    return decided(a, approve, undefined);
  } catch (e) {
    return decided(a, approve, await toAppError(e));
  }
}

/**
 * Approves or denies many at once (AccessApprovals' bulk bar) in `$batch` requests, one outcome per approval in the
 * order given; one failing never affects another.
 */
export async function decideApprovals(service: IApprovalService, approvals: IPendingApproval[], approve: boolean, justification: string): Promise<IDecided[]> {
  const results = await service.decideMany(approvals.map(a => decisionInput(a, approve, justification)));
  const byId = new Map(results.map(r => [r.approvalId, r.error]));
  return approvals.map(a => decided(a, approve, byId.get(a.id)));
}
