/**
 * What an approver and a reviewer do in Graph: the approvals waiting for them (docs/graph-notes.md §4), their
 * decisions, one at a time or many in JSON batches, and access-review decisions (§5). Payloads are typed with
 * @microsoft/microsoft-graph-types and mapped by src/models/approvals.ts.
 */
/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
import { GraphFI, graphGet, graphPatch, graphPost, IGraphQueryable, Paged } from '@pnp/graph';
import type {
  AccessPackageAssignmentPolicy, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope, AccessReviewInstance, AccessReviewScheduleDefinition,
  AccessReviewStage, Approval, User
} from '@microsoft/microsoft-graph-types';
import { getAllPages, IPage } from './getAllPages';
import { graphPath, RetryThrottledOnly } from './createBrowserClients';
import { toAppError, AppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';
import { mapEach } from '../infrastructure/mapEach';
import { lookUpNames } from './lookUpNames';
import { IReviewCache, IReviewDefinitionRef, IReviewInstanceRef, IReviewSnapshot } from '../loaders/reviewCache';
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

type ReviewDefinition = AccessReviewScheduleDefinition & { id: string };
type ReviewInstance = AccessReviewInstance & { id: string };
type ReviewDecisionItem = GraphDecision & { id: string };
/** One collection read in a wave: its items (every page), or the error it met. */
interface IRead { items?: unknown[]; error?: AppError }

const REVIEW_DEFINITIONS = `${AR}/definitions/filterByCurrentUser(on='reviewer')`;
const INSIGHTS = '?$expand=insights';
const definitionPath = (defId: string): string => `${AR}/definitions/${encodeURIComponent(defId)}`;
const instancesOf = (defId: string): string => `${definitionPath(defId)}/instances/filterByCurrentUser(on='reviewer')`;
const instancePath = (defId: string, instId: string): string => `${definitionPath(defId)}/instances/${encodeURIComponent(instId)}`;
const stagesOf = (defId: string, instId: string): string => `${instancePath(defId, instId)}/stages`;
const stagePath = (defId: string, instId: string, stageId: string): string => `${stagesOf(defId, instId)}/${encodeURIComponent(stageId)}`;

/** A read's items, or its error thrown. */
function itemsOf<T>(read: IRead): T[] {
  if (read.error) throw read.error;
  return (read.items || []) as T[];
}

/** What a row needs of a definition, as the review cache keeps it. */
function definitionRef(def: ReviewDefinition): Omit<IReviewDefinitionRef, 'instances'> {
  return { id: def.id, name: String(def.displayName || ''), justificationRequired: !!(def.settings && def.settings.justificationRequiredOnApproval) };
}

/** Ids compared as a set, in any case. */
function idSet(ids: string[]): string {
  return ids.map(id => String(id).toLowerCase()).sort().join(',');
}

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
  /**
   * Decisions waiting for me in the access reviews that are in progress. `onNewReviews` is told when a load served
   * from the review cache finds, afterwards, a review it did not show: reading again shows it.
   */
  listReviewDecisions(onNewReviews?: () => void): Promise<IReviewDecision[]>;
  recordReviewDecision(item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void>;
  /** Accepts the recommendation of every decision I have not reviewed in the instance. */
  acceptRecommendations(definitionId: string, instanceId: string): Promise<void>;
}

export interface IApprovalServiceOptions {
  /** Try the query options no documentation page gives (§17); off in the product. */
  lenientGraph?: boolean;
  /**
   * Where a reviewer's definitions, instances and stages are kept between loads (loaders/reviewCache.ts; per tenant
   * and person). Without it every load reads them from Graph, three round trips before the decisions.
   */
  reviewCache?: IReviewCache;
  /** Runs the refresh after a load from the review cache (default: at once, not awaited); tests run it themselves. */
  background?: (task: () => Promise<void>) => void;
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

  private readonly _reviewCache: IReviewCache | undefined;
  private readonly _background: (task: () => Promise<void>) => void;

  constructor(private readonly _graph: GraphFI, options: IApprovalServiceOptions = {}) {
    this._reviewCache = options.reviewCache;
    // The tasks report their own errors (_inBackground); not awaited: the answer does not wait for them.
    this._background = options.background || (task => { task().catch(() => undefined); });
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

  /**
   * The decisions waiting for me in the reviews in progress. Graph documents one route for a reviewer, three reads
   * that wait for each other (docs/graph-notes.md §5): my definitions, their instances, each instance's decisions.
   * With a review cache holding what the last load found (reviewCache.ts), the decisions of the cached instances are
   * read at once, together with what proves those instances still current (one round trip), and the definitions are
   * read again afterwards in the background; `onNewReviews` is told when that finds a review this answer lacks.
   * Without a cache, with an expired one, or when a cached instance or stage ended, moved on or disappeared, the load
   * takes Graph's route and caches what it finds. Decisions are always read, never cached.
   */
  public listReviewDecisions(onNewReviews?: () => void): Promise<IReviewDecision[]> {
    return this._run(async () => {
      const cache = this._reviewCache;
      const cached = cache ? cache.get() : undefined;
      if (cache && cached) {
        const warm = await this._cachedReviewDecisions(cached);
        if (warm) {
          this._inBackground(() => this._refreshReviews(cached, onNewReviews));
          return warm;
        }
        // Not current any more: never show what the cache says is open without Graph saying so too.
        cache.forget();
      }
      const { decisions, snapshot } = await this._discoverReviews();
      if (cache) cache.set(snapshot);
      return decisions;
    });
  }

  /** Graph's route for a reviewer (§5), with as much as possible read together, and what the review cache keeps. */
  private async _discoverReviews(): Promise<{ decisions: IReviewDecision[]; snapshot: IReviewSnapshot }> {
    // Round trip 1: the definitions I review.
    const definitions = await getAllPages<ReviewDefinition>(graphPath(this._graph, ''), REVIEW_DEFINITIONS);
    // Round trip 2: every definition's instances, in one wave of $batch requests.
    const instanceReads = await this._readCollections(definitions.map(d => instancesOf(d.id)));
    const open = definitions.map((def, i) => ({ def, instances: itemsOf<ReviewInstance>(instanceReads[i]).filter(inst => inst.status === 'InProgress') }));
    const pairs = open.reduce((all, o) => all.concat(o.instances.map(inst => ({ def: o.def, inst }))), [] as Array<{ def: ReviewDefinition; inst: ReviewInstance }>);
    // Round trip 3: each instance in progress's stages and its own decisions together. The instances function documents
    // no `$expand` (§17), so stages need a read of their own; a single-stage review's decisions are then read.
    const reads = await this._readCollections([
      ...pairs.map(p => stagesOf(p.def.id, p.inst.id)),
      ...pairs.map(p => this._decisionsOf(instancePath(p.def.id, p.inst.id)))
    ]);
    const scopes = pairs.map((p, i) => {
      const stages = itemsOf<AccessReviewStage>(reads[i]);
      const stage = stages.find(s => s.status === 'InProgress' && !!s.id);
      return { ...p, staged: stages.length > 0, stage, decisions: reads[pairs.length + i] };
    });
    // Round trip 4, only for a multi-stage review: the stage in progress holds the decisions (Graph's
    // accessReviewStage docs), and its id came with round trip 3. Its instance-level read is not used.
    const staged = scopes.filter(s => s.stage);
    const stageReads = await this._readCollections(staged.map(s => this._decisionsOf(stagePath(s.def.id, s.inst.id, String(s.stage && s.stage.id)))));
    staged.forEach((s, k) => { s.decisions = stageReads[k]; });
    const decisions = scopes.reduce((all, s) =>
      all.concat(this._mapDecisions(definitionRef(s.def), s.inst, s.stage, itemsOf<ReviewDecisionItem>(s.decisions))), [] as IReviewDecision[]);
    const snapshot: IReviewSnapshot = {
      definitions: definitions.map(def => ({
        ...definitionRef(def),
        instances: scopes.filter(s => s.def === def).map(s => (s.stage ? { id: s.inst.id, staged: s.staged, stageId: String(s.stage.id) } : { id: s.inst.id, staged: s.staged }))
      }))
    };
    return { decisions, snapshot };
  }

  /**
   * A load from the review cache, in one wave: the decisions of each cached instance (or its cached stage), and, to
   * prove them current, every cached definition's instances (the same ones still in progress, no new one) and each
   * multi-stage instance's stages (the same stage in progress). Graph keeps a finished instance's decisions readable,
   * so the decisions alone could not tell. Undefined when anything differs or fails: the caller takes the full route.
   */
  private async _cachedReviewDecisions(snapshot: IReviewSnapshot): Promise<IReviewDecision[] | undefined> {
    const defs = snapshot.definitions;
    const pairs = defs.reduce((all, def) => all.concat(def.instances.map(inst => ({ def, inst }))), [] as Array<{ def: IReviewDefinitionRef; inst: IReviewInstanceRef }>);
    const staged = pairs.filter(p => p.inst.staged);
    const reads = await this._readCollections([
      ...defs.map(d => instancesOf(d.id)),
      ...pairs.map(p => this._decisionsOf(p.inst.stageId ? stagePath(p.def.id, p.inst.id, p.inst.stageId) : instancePath(p.def.id, p.inst.id))),
      ...staged.map(p => stagesOf(p.def.id, p.inst.id))
    ]);
    // A definition or instance gone (404), no longer mine (403), or a read that failed: the full route decides.
    if (reads.some(r => r.error)) return undefined;
    const current = new Map<string, ReviewInstance>();
    for (let i = 0; i < defs.length; i++) {
      const open = itemsOf<ReviewInstance>(reads[i]).filter(inst => inst.status === 'InProgress');
      if (idSet(open.map(inst => inst.id)) !== idSet(defs[i].instances.map(inst => inst.id))) return undefined;
      open.forEach(inst => current.set(`${defs[i].id}/${inst.id}`.toLowerCase(), inst));
    }
    const stages = new Map<IReviewInstanceRef, AccessReviewStage | undefined>();
    for (let k = 0; k < staged.length; k++) {
      const stage = itemsOf<AccessReviewStage>(reads[defs.length + pairs.length + k]).find(s => s.status === 'InProgress' && !!s.id);
      if (String((stage && stage.id) || '').toLowerCase() !== String(staged[k].inst.stageId || '').toLowerCase()) return undefined;
      stages.set(staged[k].inst, stage);
    }
    return pairs.reduce((all, p, i) => all.concat(this._mapDecisions(p.def, current.get(`${p.def.id}/${p.inst.id}`.toLowerCase()) || { id: p.inst.id },
      stages.get(p.inst), itemsOf<ReviewDecisionItem>(reads[defs.length + i]))), [] as IReviewDecision[]);
  }

  /**
   * After a load from the cache: the definitions again (one request). A review that is new, renamed, changed its
   * justification rule or is no longer mine empties the cache, so the next load takes the full route, and
   * `onNewReviews` lets the page read again now. New instances of a known definition were already checked by the load.
   */
  private async _refreshReviews(served: IReviewSnapshot, onNewReviews?: () => void): Promise<void> {
    const definitions = await getAllPages<ReviewDefinition>(graphPath(this._graph, ''), REVIEW_DEFINITIONS);
    const known = new Map(served.definitions.map(d => [d.id.toLowerCase(), d]));
    const same = definitions.length === known.size && definitions.every(d => {
      const was = known.get(String(d.id).toLowerCase());
      const now = definitionRef(d);
      return !!was && was.name === now.name && was.justificationRequired === now.justificationRequired;
    });
    if (same) return;
    if (this._reviewCache) this._reviewCache.forget();
    if (onNewReviews) onNewReviews();
  }

  private _inBackground(task: () => Promise<void>): void {
    this._background(() => task().catch(async (e: unknown) => {
      // The answer shown was already proved current; a refresh that failed is tried again on the next load.
      reportError('ApprovalService.reviewRefresh', await toAppError(e));
    }));
  }

  /** The reviewer's decisions under an instance or a stage, with `$expand=insights` while it is not known refused. */
  private _decisionsOf(base: string): string {
    return `${base}/decisions/filterByCurrentUser(on='reviewer')${this._insights === false ? '' : INSIGHTS}`;
  }

  /**
   * A multi-stage review lists and records decisions through its stage in progress (Graph's accessReviewStage
   * docs); a single-stage one through the instance.
   */
  private _mapDecisions(def: IReviewDefinitionRef | Omit<IReviewDefinitionRef, 'instances'>, inst: Partial<ReviewInstance> & { id: string },
    stage: AccessReviewStage | undefined, items: ReviewDecisionItem[]): IReviewDecision[] {
    const ctx = {
      definitionId: def.id, instanceId: inst.id, stageId: stage ? String(stage.id) : undefined,
      reviewName: def.name,
      dueDateTime: (stage && stage.endDateTime) || inst.endDateTime || undefined,
      justificationRequired: def.justificationRequired
    };
    return mapEach('ApprovalService.reviews', items, d => mapReviewDecision(d, ctx));
  }

  /**
   * Reads collections, 20 to a `$batch`, every batch at once: one round trip (a rare next page follows on its own).
   * Each read has its own outcome. `$expand=insights` (why Graph recommends) is a relationship no page marks
   * expandable (§17): tried while not known refused; a 400 leaves it out from then on and reads those again without.
   */
  private async _readCollections(paths: string[]): Promise<IRead[]> {
    const reads = await this._readWave(paths);
    const tried = paths.map((_, i) => i).filter(i => paths[i].endsWith(INSIGHTS));
    if (tried.some(i => reads[i].items)) this._insights = true;
    const refused = tried.filter(i => reads[i].error && (reads[i].error as AppError).kind === 'validation');
    if (refused.length) {
      this._insights = false;
      const again = await this._readWave(refused.map(i => paths[i].slice(0, -INSIGHTS.length)));
      refused.forEach((i, k) => { reads[i] = again[k]; });
    }
    return reads;
  }

  private async _readWave(paths: string[]): Promise<IRead[]> {
    const reads: IRead[] = paths.map(() => ({}));
    const root = graphPath(this._graph, '');
    await Promise.all(chunk(paths.map((path, i) => ({ path, i })), APPROVAL_BATCH_SIZE).map(async group => {
      const [batched, execute] = this._graph.batched({ maxRequests: APPROVAL_BATCH_SIZE });
      const pending = group.map(({ path, i }) => graphGet<IPage<unknown>>(graphPath(batched, path).using(Paged()))
        .then(async page => {
          const items = (page.value || []).slice();
          // More than a page (100 by default) of one collection: the rest by @odata.nextLink (§1.1).
          if (page.nextLink) items.push(...await getAllPages<unknown>(root, page.nextLink));
          reads[i] = { items };
        })
        .catch(async (e: unknown) => { reads[i] = { error: await toAppError(e) }; }));
      try {
        await execute();
      } catch (e) {
        // The whole batch failed (network, 5xx after retries): its requests never answer, so they are not awaited.
        const error = await toAppError(e);
        for (const { i } of group) if (!reads[i].items) reads[i] = { error };
        return;
      }
      await Promise.all(pending);
    }));
    return reads;
  }

  public recordReviewDecision(item: IReviewDecision, decision: ReviewDecisionValue, justification: string): Promise<void> {
    return this._run(async () => {
      const base = item.stageId ? stagePath(item.definitionId, item.instanceId, item.stageId) : instancePath(item.definitionId, item.instanceId);
      const path = `${base}/decisions/${encodeURIComponent(item.id)}`;
      await graphPatch(graphPath(this._graph, path).using(RetryThrottledOnly()), { body: JSON.stringify({ decision, justification }) });
    });
  }

  public acceptRecommendations(definitionId: string, instanceId: string): Promise<void> {
    return this._run(async () => {
      await graphPost(graphPath(this._graph, `${instancePath(definitionId, instanceId)}/acceptRecommendations`).using(RetryThrottledOnly()));
    });
  }
}
