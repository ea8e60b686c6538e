import { GraphFI, graphGet, graphPost, IGraphQueryable, Paged } from '@pnp/graph';
import { getAllPages, IPage } from './paging';
import {
  IAccessPackage, IAccessRequest, IAssignment, IApproval, IGrant, IPolicyRequirement, IRequestDraft, IUserInfo
} from '../models/types';
import { mapRoleScope, IGraphRoleScope } from '../models/grants';
import { mapRequirement, buildAddRequestBody } from '../models/policy';
import { mapRequest, mapAssignment, mapApproval, isOpenRequest } from '../models/status';
import { toAppError, AppError } from './errors';
import { RetryThrottledOnly, graphPath } from './clients';
import { IGrantCache, MemoryGrantCache } from './grantCache';
import type { AccessPackageAssignment, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import { IMyAssignment, IMyRequest, IUpdateOptions, mapMyAssignment, mapMyRequest, buildUpdateRequestBody, buildRemoveRequestBody } from '../models/myAccess';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const EM = 'identityGovernance/entitlementManagement';
const BATCH_SIZE = 20;
const BATCH_CONCURRENCY = 6;

export interface IEntitlementService {
  getMe(): Promise<IUserInfo>;
  getManager(): Promise<IUserInfo | undefined>;
  /** Every package the person may request, hidden ones included (isHidden tells). */
  listRequestablePackages(): Promise<IAccessPackage[]>;
  /** What each package grants, batched and cached. Packages whose grants cannot be read are absent. */
  getGrants(packages: IAccessPackage[]): Promise<Map<string, IGrant[]>>;
  /** One package by id, for deep links and the button (works for hidden packages). */
  getAvailablePackage(id: string): Promise<IAccessPackage>;
  getRequirements(packageId: string): Promise<IPolicyRequirement[]>;
  submitRequest(draft: IRequestDraft, policy: IPolicyRequirement, language?: string): Promise<IAccessRequest>;
  getRequest(id: string): Promise<IAccessRequest>;
  cancelRequest(id: string): Promise<void>;
  listMyRequests(): Promise<IAccessRequest[]>;
  listMyAssignments(): Promise<IAssignment[]>;
  /** The approval stages of one of my requests, when the service lets the requestor read them. */
  getApproval(requestId: string): Promise<IApproval | undefined>;

  // MyAccess (issue 9)
  /** My assignments, current and expired, each with what its policy lets me do (expands package and policy). */
  listMyAccessAssignments(): Promise<IMyAssignment[]>;
  /** Extends an assignment: a `userUpdate` request. Sent once; never retried blindly. */
  requestUpdate(assignment: IAssignment, options: IUpdateOptions): Promise<IAccessRequest>;
  /** Gives up an assignment: a `userRemove` request. Sent once; never retried blindly. */
  requestRemove(assignment: IAssignment): Promise<IAccessRequest>;
  /** My requests with the policy each was made under (who approves), where Graph lets us expand it. */
  listMyAccessRequests(): Promise<IMyRequest[]>;
}

export interface IEntitlementServiceOptions {
  cache?: IGrantCache;
  now?: () => Date;
}

export class GraphEntitlementService implements IEntitlementService {
  private readonly _cache: IGrantCache;
  private _me: Promise<IUserInfo> | undefined;
  private _approvalsReadable: boolean = true;
  /** Whether Graph accepts the role's resource expanded inside role scopes; see _fetchGrantChunk. */
  private _expandResource: boolean = true;

  constructor(private readonly _graph: GraphFI, options: IEntitlementServiceOptions = {}) {
    this._cache = options.cache || new MemoryGrantCache();
  }

  private _q(path: string): IGraphQueryable {
    return graphPath(this._graph, path);
  }

  private async _run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw await toAppError(e);
    }
  }

  public getMe(): Promise<IUserInfo> {
    if (!this._me) {
      this._me = this._run(async () => {
        const u: any = await graphGet(this._q('me?$select=id,displayName,userPrincipalName,mail,preferredLanguage'));
        return { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail || undefined, preferredLanguage: u.preferredLanguage || undefined };
      });
      this._me.catch(() => { this._me = undefined; });
    }
    return this._me;
  }

  public getManager(): Promise<IUserInfo | undefined> {
    return this._run(async () => {
      try {
        const u: any = await graphGet(this._q('me/manager?$select=id,displayName,userPrincipalName,mail'));
        return { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail || undefined };
      } catch (e) {
        const err = await toAppError(e);
        if (err.kind === 'notFound') return undefined;
        throw err;
      }
    });
  }

  public listRequestablePackages(): Promise<IAccessPackage[]> {
    return this._run(async () => {
      const raw = await getAllPages<any>(this._q(''), `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`);
      return raw.map(p => ({
        id: String(p.id),
        displayName: String(p.displayName || ''),
        description: String(p.description || ''),
        isHidden: !!p.isHidden,
        modifiedDateTime: p.modifiedDateTime || undefined
      }));
    });
  }

  private _roleScopesPath(id: string): string {
    const expand = this._expandResource ? 'role($expand=resource),scope' : 'role,scope';
    return `${EM}/availableAccessPackages/${encodeURIComponent(id)}/resourceRoleScopes?$expand=${expand}`;
  }

  public async getGrants(packages: IAccessPackage[]): Promise<Map<string, IGrant[]>> {
    const result = new Map<string, IGrant[]>();
    const missing: IAccessPackage[] = [];
    for (const p of packages) {
      const cached = this._cache.get(p.id, p.modifiedDateTime);
      if (cached) result.set(p.id, cached);
      else missing.push(p);
    }
    const chunks: IAccessPackage[][] = [];
    for (let i = 0; i < missing.length; i += BATCH_SIZE) chunks.push(missing.slice(i, i + BATCH_SIZE));

    // Up to BATCH_CONCURRENCY $batch requests in flight: 1,000 packages take 50 batches in ~9 round trips.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        await this._fetchGrantChunk(chunk, result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, chunks.length) }, worker));
    return result;
  }

  private async _fetchGrantChunk(chunk: IAccessPackage[], result: Map<string, IGrant[]>): Promise<void> {
    const expanded = this._expandResource;
    const [batched, execute] = this._graph.batched({ maxRequests: BATCH_SIZE });
    const pending = chunk.map(p => graphGet<IPage<IGraphRoleScope>>(graphPath(batched, this._roleScopesPath(p.id)).using(Paged()))
      .then(page => ({ p, page }), (error: unknown) => ({ p, error })));
    await this._run(execute);
    const outcomes = await Promise.all(pending);
    // The resource's name comes from `$expand=role($expand=resource)`, legal per the CSDL but not shown in
    // Graph's examples (docs/graph-notes.md §1.3). If the service rejects it, read the documented
    // `$expand=role,scope` instead and name resources from their scopes.
    const first = outcomes[0];
    if (expanded && first && outcomes.every(o => 'error' in o) && 'error' in first && (await toAppError(first.error)).kind === 'validation') {
      this._expandResource = false;
      return this._fetchGrantChunk(chunk, result);
    }
    for (const outcome of outcomes) {
      if ('error' in outcome) continue; // one package's contents failing must not hide the catalog
      const grants = (outcome.page.value || []).map(mapRoleScope);
      // Nested paging of role scopes is rare; read the rest directly (docs/graph-notes.md §1.1).
      const nextLink = outcome.page.nextLink;
      if (nextLink) {
        const rest = await this._run(() => getAllPages<IGraphRoleScope & { id?: string }>(this._q(''), nextLink));
        grants.push(...rest.map(mapRoleScope));
      }
      this._cache.set(outcome.p.id, outcome.p.modifiedDateTime, grants);
      result.set(outcome.p.id, grants);
    }
  }

  public getAvailablePackage(id: string): Promise<IAccessPackage> {
    return this._run(async () => {
      const p: any = await graphGet(this._q(`${EM}/availableAccessPackages/${encodeURIComponent(id)}`));
      return { id: String(p.id), displayName: String(p.displayName || ''), description: String(p.description || ''), isHidden: !!p.isHidden };
    });
  }

  public getRequirements(packageId: string): Promise<IPolicyRequirement[]> {
    return this._run(async () => {
      // PnPjs's parser unwraps `value`, so this is the collection itself.
      const res: any[] = await graphPost(this._q(`${EM}/accessPackages/${encodeURIComponent(packageId)}/getApplicablePolicyRequirements`));
      return (Array.isArray(res) ? res : []).map(mapRequirement);
    });
  }

  /**
   * Submits once. A dropped connection or a 5xx may still have created the request, so before posting
   * again we read back the person's open requests for the package and return the one we find.
   */
  public async submitRequest(draft: IRequestDraft, policy: IPolicyRequirement, language?: string): Promise<IAccessRequest> {
    const me = await this.getMe();
    const body = buildAddRequestBody(draft, policy, me.id, language);
    const writer = graphPath(this._graph, `${EM}/assignmentRequests`).using(RetryThrottledOnly());
    let lastError: AppError | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const created: any = await graphPost(writer, { body: JSON.stringify(body) });
        return mapRequest({ ...created, accessPackage: { id: draft.accessPackageId } });
      } catch (e) {
        const err = await toAppError(e);
        lastError = err;
        const ambiguous = err.kind === 'offline' || err.kind === 'server' || err.kind === 'throttled';
        if (!ambiguous && err.kind !== 'openRequestExists') throw err;
        const existing = await this._findOpenRequest(draft.accessPackageId).catch(() => undefined);
        if (existing) return existing;
        if (!ambiguous) throw err;
      }
    }
    throw lastError || new AppError('unknown', 0, '', 'submit failed');
  }

  private async _findOpenRequest(packageId: string): Promise<IAccessRequest | undefined> {
    const mine = await this.listMyRequests();
    return mine.filter(r => r.accessPackageId === packageId && isOpenRequest(r) && r.requestType === 'userAdd')
      .sort((a, b) => String(b.createdDateTime || '').localeCompare(String(a.createdDateTime || '')))[0];
  }

  public getRequest(id: string): Promise<IAccessRequest> {
    return this._run(async () => mapRequest(await graphGet(this._q(`${EM}/assignmentRequests/${encodeURIComponent(id)}?$expand=accessPackage,assignment`))));
  }

  public cancelRequest(id: string): Promise<void> {
    return this._run(async () => {
      await graphPost(graphPath(this._graph, `${EM}/assignmentRequests/${encodeURIComponent(id)}/cancel`).using(RetryThrottledOnly()));
    });
  }

  public listMyRequests(): Promise<IAccessRequest[]> {
    return this._run(async () => {
      const raw = await getAllPages<any>(this._q(''), `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment`);
      return raw.map(mapRequest);
    });
  }

  public listMyAssignments(): Promise<IAssignment[]> {
    return this._run(async () => {
      const raw = await getAllPages<any>(this._q(''), `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`);
      return raw.map(mapAssignment);
    });
  }

  public async getApproval(requestId: string): Promise<IApproval | undefined> {
    if (!this._approvalsReadable) return undefined;
    try {
      return mapApproval(await graphGet(this._q(`${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(requestId)}`)));
    } catch (e) {
      const err = await toAppError(e);
      // Reading an approval needs an EM role (docs/graph-notes.md §2.2, role tip on GET approval): most
      // requestors get 403, so we stop asking for this session and show what the policy says instead.
      if (err.kind === 'forbidden') this._approvalsReadable = false;
      if (err.kind === 'forbidden' || err.kind === 'notFound') return undefined;
      throw err;
    }
  }

  // ---- MyAccess (issue 9) ----

  public listMyAccessAssignments(): Promise<IMyAssignment[]> {
    return this._run(async () => {
      const raw = await getAllPages<AccessPackageAssignment>(this._q(''), `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`);
      return raw.map(mapMyAssignment);
    });
  }

  public requestUpdate(assignment: IAssignment, options: IUpdateOptions): Promise<IAccessRequest> {
    return this._postChange(assignment, 'userUpdate', buildUpdateRequestBody(assignment.id, options));
  }

  public requestRemove(assignment: IAssignment): Promise<IAccessRequest> {
    return this._postChange(assignment, 'userRemove', buildRemoveRequestBody(assignment.id));
  }

  /**
   * Posts a change to an assignment once (only 429s are retried, they never reach the service). When the answer
   * is lost (offline, 5xx), the request may still exist: we look for it among my open requests instead of posting
   * again, so a double submit cannot happen.
   */
  private async _postChange(assignment: IAssignment, type: 'userUpdate' | 'userRemove', body: Record<string, unknown>): Promise<IAccessRequest> {
    const writer = graphPath(this._graph, `${EM}/assignmentRequests`).using(RetryThrottledOnly());
    try {
      const created: AccessPackageAssignmentRequest = await graphPost(writer, { body: JSON.stringify(body) });
      return mapRequest({
        ...created,
        accessPackage: { id: assignment.accessPackageId, displayName: assignment.accessPackageName },
        assignment: { id: assignment.id }
      });
    } catch (e) {
      const err = await toAppError(e);
      if (err.kind !== 'offline' && err.kind !== 'server') throw err;
      const mine = await this.listMyRequests().catch(() => [] as IAccessRequest[]);
      const found = mine.filter(r => r.requestType === type && isOpenRequest(r) &&
        (r.assignmentId === assignment.id || r.accessPackageId === assignment.accessPackageId))[0];
      if (found) return found;
      throw err;
    }
  }

  /** Whether Graph accepts the policy expanded inside the request's assignment; see listMyAccessRequests. */
  private _expandRequestPolicy: boolean = true;

  public listMyAccessRequests(): Promise<IMyRequest[]> {
    return this._run(async () => {
      const base = `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,`;
      if (this._expandRequestPolicy) {
        try {
          return (await getAllPages<AccessPackageAssignmentRequest>(this._q(''), `${base}assignment($expand=assignmentPolicy)`)).map(mapMyRequest);
        } catch (e) {
          // Nested expands are documented on a single request (graph-contract.md §3.6), not on this function:
          // if the service refuses, read the documented expand and explain approvals without the policy.
          if ((await toAppError(e)).kind !== 'validation') throw e;
          this._expandRequestPolicy = false;
        }
      }
      return (await getAllPages<AccessPackageAssignmentRequest>(this._q(''), `${base}assignment`)).map(mapMyRequest);
    });
  }
}
