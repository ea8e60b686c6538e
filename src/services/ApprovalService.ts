/**
 * What an approver and a reviewer do in Graph: the approvals waiting for them (docs/graph-notes.md §4), their
 * decisions, one at a time or many in JSON batches, and access-review decisions (§5). Payloads are typed with
 * @microsoft/microsoft-graph-types and mapped by src/models/approvals.ts.
 */
/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
import { GraphFI, graphGet, graphPatch, graphPost } from '@pnp/graph';
import type {
  AccessPackageAssignmentRequest, AccessReviewInstance, AccessReviewScheduleDefinition,
  AccessReviewStage, Approval, User
} from '@microsoft/microsoft-graph-types';
import { getAllPages } from './paging';
import { graphPath, RetryThrottledOnly } from './clients';
import { toAppError, AppError } from './errors';
import { reportError } from './errorLog';
import {
  chunk, GraphDecision, IApprovalPerson, IPendingApproval, IReviewDecision, mapPendingApproval, mapPerson, mapReviewDecision
} from '../models/approvals';

const EM = 'identityGovernance/entitlementManagement';
const AR = 'identityGovernance/accessReviews';
/** A JSON $batch carries at most 20 requests (docs/graph-notes.md §1.1). */
export const APPROVAL_BATCH_SIZE = 20;
/** Graph's largest page (docs/graph-notes.md §1.1): 500 pending approvals come in one page per list, not five. */
const PAGE_SIZE = 999;

export type ApprovalDecision = 'Approve' | 'Deny';
export type ReviewDecisionValue = 'Approve' | 'Deny' | 'DontKnow';

export interface IDecisionInput {
  approvalId: string;
  stageId: string;
  decision: ApprovalDecision;
  justification: string;
}

/** One row's own result in a bulk run: ok, or the error that row met. */
export interface IDecisionResult {
  approvalId: string;
  error?: AppError;
}

export interface IApprovalService {
  /** Everything waiting for my decision, joined with the requests and the requestors' directory entries. */
  listPendingApprovals(language: string): Promise<IPendingApproval[]>;
  decide(input: IDecisionInput): Promise<void>;
  /** Many decisions in $batch requests of 20; one row failing never affects another. */
  decideMany(inputs: IDecisionInput[]): Promise<IDecisionResult[]>;
  /** Decisions waiting for me in the access reviews that are in progress. */
  listReviewDecisions(): Promise<IReviewDecision[]>;
  recordReviewDecision(item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void>;
  /** Accepts the recommendation of every decision I have not reviewed in the instance. */
  acceptRecommendations(definitionId: string, instanceId: string): Promise<void>;
}

type WithManager = User & { manager?: User | null };

export class GraphApprovalService implements IApprovalService {
  constructor(private readonly _graph: GraphFI) {}

  private async _run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw await toAppError(e);
    }
  }

  public listPendingApprovals(language: string): Promise<IPendingApproval[]> {
    return this._run(async () => {
      const root = graphPath(this._graph, '');
      // Round trip 1: the approvals (stages) and the requests (justification, answers, package, its policies and
      // contents) in parallel; they join on approval.id == request.id (docs/graph-notes.md §4.1).
      const [approvals, requests] = await Promise.all([
        getAllPages<Approval & { id: string }>(root, `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$expand=stages&$top=${PAGE_SIZE}`),
        getAllPages<AccessPackageAssignmentRequest & { id: string }>(root,
          `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$top=${PAGE_SIZE}&$expand=requestor,accessPackage($expand=assignmentPolicies,resourceRoleScopes($expand=role($expand=resource),scope))`)
      ]);
      const byId = new Map(requests.map(r => [String(r.id).toLowerCase(), r]));
      const joined = approvals.filter(a => byId.has(String(a.id).toLowerCase()));
      // Round trip 2: the requestors (job, department, manager), batched, one entry per person.
      const ids = Array.from(new Set(joined.map(a => {
        const subject = byId.get(String(a.id).toLowerCase())?.requestor;
        return String((subject && (subject.objectId || subject.id)) || '');
      }).filter(Boolean)));
      const people = await this._people(ids);
      return joined.map(a => {
        const request = byId.get(String(a.id).toLowerCase()) as AccessPackageAssignmentRequest;
        const subject = request.requestor || {};
        return mapPendingApproval(a, request, people.get(String(subject.objectId || subject.id || '')), language);
      });
    });
  }

  /** Directory entries by id, in $batch requests of 20 in parallel; a person who cannot be read is left out. */
  private async _people(ids: string[]): Promise<Map<string, IApprovalPerson>> {
    const result = new Map<string, IApprovalPerson>();
    await Promise.all(chunk(ids, APPROVAL_BATCH_SIZE).map(async group => {
      const [batched, execute] = this._graph.batched({ maxRequests: APPROVAL_BATCH_SIZE });
      const pending = group.map(id => graphGet<WithManager>(graphPath(batched,
        `users/${encodeURIComponent(id)}?$select=id,displayName,userPrincipalName,jobTitle,department&$expand=manager($select=id,displayName)`))
        .then(u => { result.set(id, mapPerson(u)); }, async (e: unknown) => {
          // Expected: a person deleted meanwhile (404) or hidden from this approver (403) is left out; the row shows
          // the request's own requestor. Anything else is logged once (reportError skips the expected kinds).
          reportError('ApprovalService.requestors', await toAppError(e));
        }));
      await execute();
      await Promise.all(pending);
    }));
    return result;
  }

  private _stagePath(input: IDecisionInput): string {
    return `${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(input.approvalId)}/stages/${encodeURIComponent(input.stageId)}`;
  }

  private _body(input: IDecisionInput): string {
    return JSON.stringify({ reviewResult: input.decision, justification: input.justification });
  }

  public decide(input: IDecisionInput): Promise<void> {
    return this._run(async () => {
      // A decision must not be sent twice: retry 429 only (docs/graph-notes.md §12).
      await graphPatch(graphPath(this._graph, this._stagePath(input)).using(RetryThrottledOnly()), { body: this._body(input) });
    });
  }

  public async decideMany(inputs: IDecisionInput[]): Promise<IDecisionResult[]> {
    const results = new Map<string, IDecisionResult>();
    await Promise.all(chunk(inputs, APPROVAL_BATCH_SIZE).map(async group => {
      const [batched, execute] = this._graph.batched({ maxRequests: APPROVAL_BATCH_SIZE });
      const pending = group.map(input => graphPatch(graphPath(batched, this._stagePath(input)), { body: this._body(input) })
        .then(() => { results.set(input.approvalId, { approvalId: input.approvalId }); },
          async (e: unknown) => { results.set(input.approvalId, { approvalId: input.approvalId, error: await toAppError(e) }); }));
      try {
        await execute();
      } catch (e) {
        // The whole batch failed (network, 5xx): every row of it reports that error; other batches go on.
        const error = await toAppError(e);
        for (const input of group) if (!results.has(input.approvalId)) results.set(input.approvalId, { approvalId: input.approvalId, error });
      }
      await Promise.all(pending);
    }));
    return inputs.map(i => results.get(i.approvalId) || { approvalId: i.approvalId, error: new AppError('unknown', 0, '', 'no response') });
  }

  public listReviewDecisions(): Promise<IReviewDecision[]> {
    return this._run(async () => {
      const root = graphPath(this._graph, '');
      const definitions = await getAllPages<AccessReviewScheduleDefinition & { id: string }>(root, `${AR}/definitions/filterByCurrentUser(on='reviewer')`);
      const perDefinition = await Promise.all(definitions.map(async def => {
        const instances = await getAllPages<AccessReviewInstance & { id: string; stages?: AccessReviewStage[] }>(root,
          `${AR}/definitions/${encodeURIComponent(def.id)}/instances/filterByCurrentUser(on='reviewer')?$expand=stages`);
        const current = instances.filter(i => i.status === 'InProgress');
        const lists = await Promise.all(current.map(inst => this._instanceDecisions(def, inst)));
        return lists.reduce((all, l) => all.concat(l), [] as IReviewDecision[]);
      }));
      return perDefinition.reduce((all, l) => all.concat(l), [] as IReviewDecision[]);
    });
  }

  /**
   * A multi-stage review lists and records decisions through its stage in progress (Graph's accessReviewStage
   * docs); a single-stage one through the instance.
   */
  private async _instanceDecisions(def: AccessReviewScheduleDefinition & { id: string },
    inst: AccessReviewInstance & { id: string; stages?: AccessReviewStage[] }): Promise<IReviewDecision[]> {
    const stage = (inst.stages || []).find(s => s.status === 'InProgress');
    const base = `${AR}/definitions/${encodeURIComponent(def.id)}/instances/${encodeURIComponent(inst.id)}`;
    const path = stage ? `${base}/stages/${encodeURIComponent(String(stage.id))}/decisions` : `${base}/decisions`;
    const items = await getAllPages<GraphDecision & { id: string }>(graphPath(this._graph, ''),
      `${path}/filterByCurrentUser(on='reviewer')?$expand=insights`);
    const ctx = {
      definitionId: def.id, instanceId: inst.id, stageId: stage ? String(stage.id) : undefined,
      reviewName: String(def.displayName || ''),
      dueDateTime: (stage && stage.endDateTime) || inst.endDateTime || undefined,
      justificationRequired: !!(def.settings && def.settings.justificationRequiredOnApproval)
    };
    return items.map(d => mapReviewDecision(d, ctx));
  }

  public recordReviewDecision(item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void> {
    return this._run(async () => {
      const base = `${AR}/definitions/${encodeURIComponent(item.definitionId)}/instances/${encodeURIComponent(item.instanceId)}`;
      const path = item.stageId ? `${base}/stages/${encodeURIComponent(item.stageId)}/decisions/${encodeURIComponent(item.id)}` : `${base}/decisions/${encodeURIComponent(item.id)}`;
      await graphPatch(graphPath(this._graph, path).using(RetryThrottledOnly()), { body: JSON.stringify({ decision, justification }) });
    });
  }

  public acceptRecommendations(definitionId: string, instanceId: string): Promise<void> {
    return this._run(async () => {
      await graphPost(graphPath(this._graph,
        `${AR}/definitions/${encodeURIComponent(definitionId)}/instances/${encodeURIComponent(instanceId)}/acceptRecommendations`).using(RetryThrottledOnly()));
    });
  }
}
