import { IApprovalService, IDecisionInput, IDecisionResult, ReviewDecisionValue } from '../../../src/services/graph/GraphApprovalService';
import { IPendingApproval, IReviewDecision } from '../../../src/models/approvals';
import { AppError } from '../../../src/services/infrastructure/AppError';
import { approver, ApproverName } from './approvers';

/**
 * An in-memory IApprovalService that answers as the local tenant does: a stage that requires a justification
 * refuses a decision without one (400, field approverJustification), a stage already decided answers 409, a
 * decision takes the row out of the list, approving a stage that is not the last moves the request on.
 */
export class FakeApprovalService implements IApprovalService {
  public readonly decideCalls: IDecisionInput[] = [];
  public readonly decideManyCalls: IDecisionInput[][] = [];
  public readonly acceptCalls: string[] = [];
  public listCalls = 0;
  public reviewListCalls = 0;
  /** Rows someone else has decided already (their next decision answers 409). */
  public readonly decidedElsewhere = new Set<string>();
  public listError?: AppError;
  public reviewError?: AppError;

  /** Stages decided here, by `approvalId/stageId`: deciding one again answers 409, as the tenant does. */
  private readonly _decided = new Set<string>();

  constructor(public pending: IPendingApproval[], public reviews: IReviewDecision[] = []) {}

  /**
   * A fake that starts as the local tenant's answers for these approvers (approvers.json, generated from the real
   * GraphApprovalService and checked by tests/service/fakeApprovalContract.test.ts); several names merge their lists.
   */
  public static forApprover(...names: ApproverName[]): FakeApprovalService {
    const captured = names.map(approver);
    return new FakeApprovalService(
      captured.reduce((all, c) => all.concat(c.pending), [] as IPendingApproval[]),
      captured.reduce((all, c) => all.concat(c.reviews), [] as IReviewDecision[]));
  }

  public async listPendingApprovals(): Promise<IPendingApproval[]> {
    this.listCalls++;
    if (this.listError) throw this.listError;
    return this.pending.filter(a => !this.decidedElsewhere.has(a.id)).map(a => ({ ...a }));
  }

  private _apply(input: IDecisionInput): void {
    if (this._decided.has(`${input.approvalId}/${input.stageId}`)) {
      throw new AppError('conflict', 409, 'AccessHubEmulator.StageAlreadyDecided', 'This stage has already been decided.');
    }
    const a = this.pending.find(x => x.id === input.approvalId);
    if (!a) throw new AppError('notFound', 404, 'ResourceNotFound', `Approval '${input.approvalId}' was not found.`);
    if (this.decidedElsewhere.has(a.id)) throw new AppError('conflict', 409, 'AccessHubEmulator.StageAlreadyDecided', 'This stage has already been decided.');
    if (a.stages[a.stageIndex].id !== input.stageId) throw new AppError('notFound', 404, 'ResourceNotFound', 'Approval stage was not found.');
    if (a.justificationRequired && input.justification.trim() === '') {
      throw new AppError('validation', 400, 'AccessHubEmulator.ApproverJustificationRequired', 'This stage requires a justification from the approver.', 'approverJustification');
    }
    this._decided.add(`${input.approvalId}/${input.stageId}`);
    this.pending = this.pending.filter(x => x.id !== a.id);
  }

  public async decide(input: IDecisionInput): Promise<void> {
    this.decideCalls.push(input);
    this._apply(input);
  }

  public async decideMany(inputs: IDecisionInput[]): Promise<IDecisionResult[]> {
    this.decideManyCalls.push(inputs);
    return inputs.map(input => {
      try {
        this._apply(input);
        return { approvalId: input.approvalId };
      } catch (e) {
        return { approvalId: input.approvalId, error: e as AppError };
      }
    });
  }

  public async listReviewDecisions(): Promise<IReviewDecision[]> {
    this.reviewListCalls++;
    if (this.reviewError) throw this.reviewError;
    return this.reviews.map(r => ({ ...r }));
  }

  public async recordReviewDecision(item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void> {
    if (decision === 'Approve' && item.justificationRequired && justification.trim() === '') {
      throw new AppError('validation', 400, 'AccessHubEmulator.ReviewerJustificationRequired', 'A justification is required to approve in this review.', 'justification');
    }
    this.reviews = this.reviews.map(r => (r.id === item.id ? { ...r, decision, justification } : r));
  }

  public async acceptRecommendations(definitionId: string, instanceId: string): Promise<void> {
    this.acceptCalls.push(`${definitionId}/${instanceId}`);
    this.reviews = this.reviews.map(r => (r.instanceId === instanceId && r.decision === 'NotReviewed' && (r.recommendation === 'Approve' || r.recommendation === 'Deny')
      ? { ...r, decision: r.recommendation } : r));
  }
}
