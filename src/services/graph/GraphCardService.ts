/**
 * The AccessCard's one read (Viva Connections dashboard): in ONE Graph `$batch`, what the approver must decide and
 * what the person has and asked for. The same endpoints, options and mappers as AccessApprovals (GraphApprovalService,
 * models/approvals.ts) and MyAccess (GraphEntitlementService, models/myAccess.ts); only the batching is the card's.
 */
/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
import { GraphFI, graphGet, Paged } from '@pnp/graph';
import type {
  AccessPackageAssignment, AccessPackageAssignmentPolicy, AccessPackageAssignmentRequest, Approval
} from '@microsoft/microsoft-graph-types';
import { getAllPages, IPage } from './getAllPages';
import { graphPath } from './createBrowserClients';
import { AppError, toAppError } from '../infrastructure/AppError';
import { mapEach } from '../infrastructure/mapEach';
import { IMyAssignment, IMyRequest, mapMyAssignment, mapMyRequest } from '../../models/myAccess';
import { mapPendingApproval, stageRules } from '../../models/approvals';
import { earliestFirst } from '../../core/model/time';

const EM = 'identityGovernance/entitlementManagement';

/** The four reads, each as its own component reads it (docs/graph-notes.md §17 lists every option). */
export const CARD_READS = {
  /** AccessApprovals' approvals list: ids only (§4.1), `$top=999` so 500 approvals are one page. */
  approvals: `${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on='approver')?$top=999`,
  /** AccessApprovals' requests, with the documented expansion (the request's own policy gives the stage rules). */
  approverRequests: `${EM}/assignmentRequests/filterByCurrentUser(on='approver')?$expand=requestor,accessPackage,assignment($expand=assignmentPolicy)`,
  /** MyAccess's assignments. */
  assignments: `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`,
  /** MyAccess's requests with the assignment's policy. */
  requests: `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment($expand=assignmentPolicy)`
};

/** One request waiting for my decision, as the card view counts it. */
export interface ICardApproval {
  id: string;
  requestorName: string;
  packageName: string;
  createdDateTime?: string;
  /** When my stage is denied automatically; undefined when the policy has none or this read cannot tell (below). */
  autoDenyAt?: string;
  /**
   * Whether `autoDenyAt` is known. The approvals list carries no stages (§4.1): a single-stage policy's deadline is
   * the request's creation plus its duration; with several stages the current one is known only from GET approval,
   * a second round trip the card view does not make (the quick view does, through AccessApprovals' loader).
   */
  deadlineKnown: boolean;
}

export interface ICardRead {
  /** undefined: Graph refused the approver's lists (no approver permission); the person decides nothing here. */
  approvals: ICardApproval[] | undefined;
  assignments: IMyAssignment[];
  requests: IMyRequest[];
}

export interface ICardService {
  /** One `$batch` (plus `@odata.nextLink` pages, if a list has more than one page). */
  read(language: string): Promise<ICardRead>;
}

type GraphApprovalRequest = AccessPackageAssignmentRequest & {
  id: string;
  assignment?: { assignmentPolicy?: AccessPackageAssignmentPolicy | null } | null;
};

type Outcome = { page: IPage<unknown> } | { error: AppError };

/** The approvals joined with their requests (id == id, §4.1), each with what the card view shows. */
export function cardApprovals(approvals: Array<Approval & { id: string }>, requests: GraphApprovalRequest[], language: string): ICardApproval[] {
  const byId = new Map(requests.map(r => [String(r.id).toLowerCase(), r]));
  const joined = approvals.filter(a => byId.has(String(a.id).toLowerCase()));
  return mapEach('CardService.approvals', joined, a => {
    const r = byId.get(String(a.id).toLowerCase()) as GraphApprovalRequest;
    const policy = r.assignment && r.assignment.assignmentPolicy;
    // As GraphApprovalService does: the request's own policy stands in for the package's policies.
    const request = policy && r.accessPackage ? { ...r, accessPackage: { ...r.accessPackage, assignmentPolicies: [policy] } } : r;
    const mapped = mapPendingApproval(a, request, undefined, language);
    const stages = (policy && policy.requestApprovalSettings && policy.requestApprovalSettings.stages) || [];
    let autoDenyAt: string | undefined;
    let deadlineKnown = false;
    if (mapped.stageIndex >= 0) {
      // A Graph that inlines the stages: the same rule AccessApprovals applies.
      autoDenyAt = mapped.autoDenyAt;
      deadlineKnown = true;
    } else if (policy && stages.length === 1) {
      autoDenyAt = stageRules([policy], 0, r.createdDateTime || undefined).autoDenyAt;
      deadlineKnown = true;
    }
    return {
      id: mapped.id, requestorName: mapped.requestor.displayName, packageName: mapped.packageName,
      createdDateTime: mapped.createdDateTime, autoDenyAt, deadlineKnown
    };
  }).sort((x, y) => earliestFirst(x.autoDenyAt, y.autoDenyAt) || earliestFirst(x.createdDateTime, y.createdDateTime));
}

export class GraphCardService implements ICardService {
  constructor(private readonly _graph: GraphFI) {}

  /** A list's first page from the batch, then its `@odata.nextLink` pages (rare: a second page means > 100 items). */
  private async _items<T>(outcome: Outcome): Promise<T[]> {
    if ('error' in outcome) throw outcome.error;
    const items = (outcome.page.value || []).slice() as T[];
    if (outcome.page.nextLink) items.push(...await getAllPages<T>(graphPath(this._graph, ''), outcome.page.nextLink));
    return items;
  }

  public async read(language: string): Promise<ICardRead> {
    try {
      const [batched, execute] = this._graph.batched({ maxRequests: 20 });
      const urls = [CARD_READS.approvals, CARD_READS.approverRequests, CARD_READS.assignments, CARD_READS.requests];
      const pending = urls.map(url => graphGet<IPage<unknown>>(graphPath(batched, url).using(Paged()))
        .then((page): Outcome => ({ page }), async (e: unknown): Promise<Outcome> => ({ error: await toAppError(e) })));
      await execute();
      const [approvals, approverRequests, assignments, requests] = await Promise.all(pending);
      const [mine, asked] = await Promise.all([
        this._items<AccessPackageAssignment>(assignments),
        this._items<AccessPackageAssignmentRequest>(requests)
      ]);
      let decide: ICardApproval[] | undefined;
      try {
        const [list, joined] = await Promise.all([
          this._items<Approval & { id: string }>(approvals),
          this._items<GraphApprovalRequest>(approverRequests)
        ]);
        decide = cardApprovals(list, joined, language);
      } catch (e) {
        // Not an approver (no approver permission in this tenant): nothing to decide, not an error of the card.
        const error = await toAppError(e);
        if (error.kind !== 'forbidden') throw error;
      }
      return {
        approvals: decide,
        assignments: mapEach('CardService.assignments', mine, mapMyAssignment),
        requests: mapEach('CardService.requests', asked, mapMyRequest)
      };
    } catch (e) {
      throw await toAppError(e);
    }
  }
}
