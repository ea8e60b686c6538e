/**
 * "My team" in MyAccess: a manager's read-only view of their direct reports' assignments and pending requests,
 * through `filterByCurrentUser(on='targetManager')` on assignments and assignment requests. **Metadata only**: Graph's
 * v1.0 metadata declares the member (an evolvable one, sent with `Prefer: include-unknown-enum-members`), no Learn
 * page documents it (docs/graph-notes.md §3.14). So the tab shows only when Graph answers the probe, and a refusal
 * hides it without an error.
 */
import { GraphFI, graphGet, Paged } from '@pnp/graph';
import { getAllPages, IPage } from './getAllPages';
import { graphPath } from './createBrowserClients';
import { AppError, toAppError } from '../infrastructure/AppError';
import { mapEach } from '../infrastructure/mapEach';
import { GraphAssignment, GraphRequest } from '../../models/status';
import { ITeamAssignment, ITeamRequest, mapTeamAssignment, mapTeamRequest } from '../../models/team';

const EM = 'identityGovernance/entitlementManagement';

/** The two reads; only options the entities' pages document (docs/graph-notes.md §17: no `$top` on these functions). */
export const TEAM_READS = {
  /** The probe and the first page of the reports' assignments: the package and the person expanded. */
  assignments: `${EM}/assignments/filterByCurrentUser(on='targetManager')?$expand=accessPackage,target`,
  /** The reports' requests waiting for approval; the person comes through the assignment's target, else the requestor. */
  requests: `${EM}/assignmentRequests/filterByCurrentUser(on='targetManager')?$filter=state eq 'pendingApproval'&$expand=requestor,accessPackage,assignment($expand=target)`
};

/** `targetManager` is an evolvable member (docs/graph-notes.md §1.2): asked for with this header. */
const PREFER = { Prefer: 'include-unknown-enum-members' };

/** How a Graph without the manager view answers: 400 (not a member of the enum), 403, 404 or 501. */
export function isRefusal(e: AppError): boolean {
  return e.status === 400 || e.status === 403 || e.status === 404 || e.status === 501;
}

/** What the probe found: the first page of the reports' assignments, and where the next one is. */
export interface ITeamProbe {
  assignments: ITeamAssignment[];
  nextLink?: string;
}

export interface ITeamRead {
  assignments: ITeamAssignment[];
  requests: ITeamRequest[];
}

export interface ITeamService {
  /**
   * One read, the first page of the reports' assignments. undefined when Graph refuses `targetManager` (isRefusal)
   * or lists nothing (the person manages nobody, or their reports hold nothing): then there is no tab. Other
   * failures reject.
   */
  probe(): Promise<ITeamProbe | undefined>;
  /** The rest: the assignments' further pages and the pending requests, in parallel. */
  read(probe: ITeamProbe): Promise<ITeamRead>;
}

export class GraphTeamService implements ITeamService {
  constructor(private readonly _graph: GraphFI) {}

  public async probe(): Promise<ITeamProbe | undefined> {
    let page: IPage<GraphAssignment>;
    try {
      page = await this._page<GraphAssignment>(TEAM_READS.assignments);
    } catch (e) {
      const error = await toAppError(e);
      if (isRefusal(error)) return undefined;
      throw error;
    }
    const assignments = mapEach('TeamService.assignments', page.value, mapTeamAssignment);
    return assignments.length || page.nextLink ? { assignments, nextLink: page.nextLink || undefined } : undefined;
  }

  public async read(probe: ITeamProbe): Promise<ITeamRead> {
    try {
      const [more, requests] = await Promise.all([
        probe.nextLink ? getAllPages<GraphAssignment>(graphPath(this._graph, ''), probe.nextLink, 500, { headers: PREFER }) : Promise.resolve([]),
        getAllPages<GraphRequest>(graphPath(this._graph, ''), TEAM_READS.requests, 500, { headers: PREFER })
      ]);
      return {
        assignments: probe.assignments.concat(mapEach('TeamService.assignments', more, mapTeamAssignment)),
        requests: mapEach('TeamService.requests', requests, mapTeamRequest)
      };
    } catch (e) {
      throw await toAppError(e);
    }
  }

  /** The first page only: the probe. */
  private _page<T>(path: string): Promise<IPage<T>> {
    return graphGet<IPage<T>>(graphPath(this._graph, path).using(Paged()), { headers: PREFER });
  }
}
