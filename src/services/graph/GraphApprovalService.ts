/**
 * What an approver and a reviewer do in Graph: the approvals waiting for them (docs/graph-notes.md §4), their
 * decisions, one at a time or many in JSON batches, and access-review decisions (§5). Payloads are typed with
 * @microsoft/microsoft-graph-types and mapped by src/models/approvals.ts.
 */
/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
import { GraphFI, graphGet, graphPatch, graphPost, IGraphQueryable } from '@pnp/graph';
import type {
  AccessPackageAssignmentPolicy, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope, AccessReviewInstance, AccessReviewScheduleDefinition,
  AccessReviewStage, Approval, User
} from '@microsoft/microsoft-graph-types';
import { getAllPages } from './getAllPages';
import { graphPath, RetryThrottledOnly } from './createBrowserClients';
import { toAppError, AppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';
import { mapEach } from '../infrastructure/mapEach';
import { lookUpNames } from './lookUpNames';
import { unnamedResources } from '../../models/grants';
import {
  chunk, GraphDecision, IApprovalPerson, IPendingApproval, IReviewDecision, mapPendingApproval, mapPerson, mapReviewDecision
} from '../../models/approvals';

const EM = 'identityGovernance/entitlementManagement';
const AR = 'identityGovernance/accessReviews';
/** A JSON $batch carries at most 20 requests (docs/graph-notes.md §1.1). */
export const APPROVAL_BATCH_SIZE = 20;
/** Graph's largest page (docs/graph-notes.md §1.1): 500 pending approvals come in one page, not five. */
const PAGE_SIZE = 999;
/**
 * The request with its package's policies and contents: nested expansions no page documents for this function
 * (docs/graph-notes.md §4.1, §17), tried once per service; a 400 falls back to REQUESTS_DOCUMENTED.
 */
const REQUESTS_NESTED = 'requestor,accessPackage($expand=assignmentPolicies,resourceRoleScopes($expand=role($expand=resource),scope))';
/** What the request's resource page marks expandable: the policy comes from the request's own assignment, no contents. */
const REQUESTS_DOCUMENTED = 'requestor,accessPackage,assignment($expand=assignmentPolicy)';

/**
 * Bulk decisions send this many `$batch` requests at a time, not every one at once: each of the 20 writes inside a
 * batch counts against Graph's throttling limits on its own, so a few batches in flight keep 200 decisions from
 * meeting 429s (Graph's throttling guidance: reduce the number of parallel requests).
 */
export const DECISION_BATCHES_IN_FLIGHT = 3;

/** Runs `work` on each item, at most `limit` at a time, in order. */
async function eachAtMost<T>(limit: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

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
type GraphApprovalRequest = AccessPackageAssignmentRequest & { id: string; assignment?: { assignmentPolicy?: AccessPackageAssignmentPolicy | null } | null };

export class GraphApprovalService implements IApprovalService {
  /**
   * Whether to try REQUESTS_NESTED and `$expand=insights`, which no documentation page gives (§17). Off: the product
   * sends only documented options (a Graph that accepts them would give more context, but nothing promises it, and a
   * refusal costs a failed request on every page view). `lenientGraph: true` turns the tries back on.
   */
  private _nestedRequests: boolean | undefined;
  private _insights: boolean | undefined;

  /** Directory names of the resources Graph did not name (an app role's resource), by origin id, once per session. */
  private readonly _names = new Map<string, string>();

  constructor(private readonly _graph: GraphFI, options: { lenientGraph?: boolean } = {}) {
    if (!options.lenientGraph) {
      this._nestedRequests = false;
      this._insights = false;
    }
  }

  /** Reads a collection with an undocumented option once; a 400 (validation) makes `fallback` the way from then on. */
  private async _probe<T>(known: boolean | undefined, set: (ok: boolean) => void, tried: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (known === false) return fallback();
    try {
      const out = await tried();
      set(true);
      return out;
    } catch (e) {
      if ((await toAppError(e)).kind !== 'validation') throw e;
      set(false);
      return fallback();
    }
  }

  private _approverRequests(root: IGraphQueryable): Promise<GraphApprovalRequest[]> {
    const path = `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=`;
    return this._probe(this._nestedRequests, ok => { this._nestedRequests = ok; },
      () => getAllPages<GraphApprovalRequest>(root, path + REQUESTS_NESTED),
      async () => (await getAllPages<GraphApprovalRequest>(root, path + REQUESTS_DOCUMENTED)).map(r => {
        // The policy the request was made under stands in for the package's policies (mapPendingApproval picks by stages).
        const policy = r.assignment && r.assignment.assignmentPolicy;
        return policy && r.accessPackage ? { ...r, accessPackage: { ...r.accessPackage, assignmentPolicies: [policy] } } : r;
      }));
  }

  /** Each approval with its stages (inline on GET approval, docs/graph-notes.md §4.2), 20 to a $batch, all batches at once. */
  private async _withStages(list: Array<Approval & { id: string }>): Promise<Array<Approval & { id: string }>> {
    const missing = list.filter(a => !a.stages);
    const read = new Map<string, Approval>();
    await Promise.all(chunk(missing, APPROVAL_BATCH_SIZE).map(async group => {
      const [batched, execute] = this._graph.batched({ maxRequests: APPROVAL_BATCH_SIZE });
      const pending = group.map(a => graphGet<Approval>(graphPath(batched, `${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(a.id)}`))
        .then(full => { read.set(a.id, full); }, async (e: unknown) => {
          // Decided or withdrawn meanwhile (404), or not ours to read (403): the row is left out.
          reportError('ApprovalService.stages', await toAppError(e));
        }));
      await execute();
      await Promise.all(pending);
    }));
    return list.filter(a => a.stages || read.has(a.id)).map(a => (a.stages ? a : { ...a, stages: read.get(a.id)?.stages }));
  }

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
      // Round trip 1: the approvals (their ids; `$top` is the only option documented, §17) and the requests
      // (justification, answers, package, policy) in parallel; they join on approval.id == request.id (§4.1).
      const [approvals, requests] = await Promise.all([
        getAllPages<Approval & { id: string }>(root, `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$top=${PAGE_SIZE}`),
        this._approverRequests(root)
      ]);
      const byId = new Map(requests.map(r => [String(r.id).toLowerCase(), r]));
      const listed = approvals.filter(a => byId.has(String(a.id).toLowerCase()));
      // Round trip 2, in parallel: each approval's stages (GET approval; no `$expand` is documented on the list), the
      // requestors (job, department, manager), batched, one entry per person, and the names of resources Graph did not
      // name (an app role's resource without a name would read as its id; the catalog and MyAccess look them up too).
      const ids = Array.from(new Set(listed.map(a => {
        const subject = byId.get(String(a.id).toLowerCase())?.requestor;
        return String((subject && (subject.objectId || subject.id)) || '');
      }).filter(Boolean)));
      const scopes = listed.map(a => {
        const pkg = byId.get(String(a.id).toLowerCase())?.accessPackage as { resourceRoleScopes?: AccessPackageResourceRoleScope[] | null } | null | undefined;
        return ((pkg && pkg.resourceRoleScopes) || []).filter(Boolean);
      }).reduce((all, l) => all.concat(l), [] as AccessPackageResourceRoleScope[]);
      const [joined, people] = await Promise.all([this._withStages(listed), this._people(ids),
        lookUpNames(this._graph, unnamedResources(scopes), this._names, 'ApprovalService.names')]);
      // One approval Graph sent without what a row needs is left out and reported once; the others show.
      return mapEach('ApprovalService.approvals', joined, a => {
        const request = byId.get(String(a.id).toLowerCase()) as AccessPackageAssignmentRequest;
        const subject = request.requestor || {};
        return mapPendingApproval(a, request, people.get(String(subject.objectId || subject.id || '')), language, this._names);
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
    await eachAtMost(DECISION_BATCHES_IN_FLIGHT, chunk(inputs, APPROVAL_BATCH_SIZE), async group => {
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
    });
    return inputs.map(i => results.get(i.approvalId) || { approvalId: i.approvalId, error: new AppError('unknown', 0, '', 'no response') });
  }

  public listReviewDecisions(): Promise<IReviewDecision[]> {
    return this._run(async () => {
      const root = graphPath(this._graph, '');
      const definitions = await getAllPages<AccessReviewScheduleDefinition & { id: string }>(root, `${AR}/definitions/filterByCurrentUser(on='reviewer')`);
      const perDefinition = await Promise.all(definitions.map(async def => {
        const instancesPath = `${AR}/definitions/${encodeURIComponent(def.id)}/instances`;
        const instances = await getAllPages<AccessReviewInstance & { id: string }>(root, `${instancesPath}/filterByCurrentUser(on='reviewer')`);
        // No `$expand` is documented on the function (§17): an instance in progress lists its stages itself.
        const current = await Promise.all(instances.filter(i => i.status === 'InProgress').map(async i => ({
          ...i, stages: await getAllPages<AccessReviewStage>(root, `${instancesPath}/${encodeURIComponent(i.id)}/stages`)
        })));
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
    // The insights (why Graph recommends) are a relationship no page marks expandable (§17): tried once, then left out.
    const root = graphPath(this._graph, '');
    const items = await this._probe(this._insights, ok => { this._insights = ok; },
      () => getAllPages<GraphDecision & { id: string }>(root, `${path}/filterByCurrentUser(on='reviewer')?$expand=insights`),
      () => getAllPages<GraphDecision & { id: string }>(root, `${path}/filterByCurrentUser(on='reviewer')`));
    const ctx = {
      definitionId: def.id, instanceId: inst.id, stageId: stage ? String(stage.id) : undefined,
      reviewName: String(def.displayName || ''),
      dueDateTime: (stage && stage.endDateTime) || inst.endDateTime || undefined,
      justificationRequired: !!(def.settings && def.settings.justificationRequiredOnApproval)
    };
    return mapEach('ApprovalService.reviews', items, d => mapReviewDecision(d, ctx));
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
