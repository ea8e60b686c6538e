import type { ISiteAccessMap } from '../../../src/core/model/siteAccessMap';
import {
  IAccessPackage, IAccessRequest, IApproval, IAssignment, IGrant, IPolicyRequirement, IRequestDraft, IUserInfo
} from '../../../src/core/model/types';
import { IEntitlementService, ISiteAccessService } from '../../../src/services/IAccessHubServices';
import { AppError } from '../../../src/services/infrastructure/AppError';
import { buildAnswers } from '../../../src/models/policy';
import { isOpenRequest } from '../../../src/models/status';
import { persona, PersonaName } from './personas';
import { IMyAssignment, IMyRequest, IUpdateOptions, extendedEnd } from '../../../src/models/myAccess';
import { IStageApprovers } from '../../../src/models/approvers';

export interface IFakeTenantState {
  me: IUserInfo;
  manager?: IUserInfo;
  /** `GET /me/sponsors`: users and groups, none for most members. */
  sponsors: IUserInfo[];
  packages: IAccessPackage[];
  /** Applicable policies per package id; a package missing here has none for this person. */
  requirements: Record<string, IPolicyRequirement[]>;
  /**
   * Packages that exist but the person may not request: Graph answers getRequirements with an empty
   * list for them (and getAvailablePackage with 404), while an id no package has gives 404 for both.
   */
  otherPackageIds: string[];
  assignments: IAssignment[];
  requests: IAccessRequest[];
  grants: Record<string, IGrant[]>;
  /** Approvals by request id. */
  approvals: Record<string, IApproval>;
  /** Stage names given to new requests under a policy, by policy id. */
  stagesByPolicy: Record<string, string[]>;
  /**
   * Who approves each stage of a policy, by policy id, as the tenant's policies say: a new request's expanded policy
   * carries them (forPersona collects them from the person's rows).
   */
  approversByPolicy: Record<string, IStageApprovers[]>;
  /** Policies that need a Verified ID, by package id (Graph beta); the tenant refuses a v1.0 request through them. */
  verifiedIdPolicies: Record<string, string[]>;
}

export interface ISubmitCall {
  draft: IRequestDraft;
  policy: IPolicyRequirement;
  language?: string;
}

type FailableMethod = 'getAvailablePackage' | 'getRequirements' | 'getVerifiedIdPolicies' | 'listMyAssignments' | 'listMyRequests' | 'getRequest'
  | 'cancelRequest' | 'getApproval' | 'getGrants' | 'getManager' | 'getSponsors' | 'getMappedPackages'
  | 'listMyAccessAssignments' | 'listMyAccessRequests' | 'requestUpdate' | 'requestRemove';

/** An in-memory IEntitlementService: keeps state, records writes, fails or delays on request. */
export class FakeEntitlementService implements IEntitlementService {
  public readonly state: IFakeTenantState;
  public readonly submitCalls: ISubmitCall[] = [];
  public readonly cancelCalls: string[] = [];
  public readonly calls: string[] = [];
  /** How many reads of a delivering request it takes before it is delivered. */
  public deliverAfterReads: number = 2;
  private _nextSubmitError: AppError | undefined;
  private _submitGate: Promise<void> | undefined;
  private readonly _failOnce: Partial<Record<FailableMethod, AppError>> = {};
  private readonly _reads: Record<string, number> = {};
  private _seq: number = 0;

  constructor(state: Partial<IFakeTenantState> & Pick<IFakeTenantState, 'me'>) {
    this.state = {
      packages: [], requirements: {}, otherPackageIds: [], assignments: [], requests: [], grants: {}, approvals: {}, stagesByPolicy: {}, verifiedIdPolicies: {},
      sponsors: [], approversByPolicy: {},
      ...state
    };
  }

  /**
   * A fake that starts as the local tenant's answer for one person (personas.json, generated from the
   * real service and checked by tests/service/fakeContract.test.ts); `overrides` set up a test's scenario.
   */
  public static forPersona(name: PersonaName, overrides: Partial<IFakeTenantState> = {}): FakeEntitlementService {
    const p = persona(name);
    const requirements: Record<string, IPolicyRequirement[]> = {};
    const otherPackageIds: string[] = [];
    const verifiedIdPolicies: Record<string, string[]> = {};
    for (const id of Object.keys(p.verifiedId || {})) {
      const outcome = p.verifiedId[id];
      if ('value' in outcome && outcome.value.length > 0) verifiedIdPolicies[id] = outcome.value;
    }
    for (const id of Object.keys(p.requirements)) {
      const outcome = p.requirements[id];
      if (!('value' in outcome)) continue;
      if (outcome.value.length > 0) requirements[id] = outcome.value;
      if (!p.requestable.some(pkg => pkg.id === id)) otherPackageIds.push(id);
    }
    const approversByPolicy: Record<string, IStageApprovers[]> = {};
    for (const row of [...p.myAccessAssignments, ...p.myAccessRequests] as Array<IMyAssignment | IMyRequest>) {
      if (row.policy && row.approvers) approversByPolicy[row.policy.id] = row.approvers;
    }
    return new FakeEntitlementService({
      me: p.me,
      manager: 'value' in p.manager ? p.manager.value : undefined,
      sponsors: 'value' in p.sponsors ? p.sponsors.value : [],
      approversByPolicy,
      packages: p.requestable,
      requirements,
      otherPackageIds,
      // MyAccess's reads carry more than listMyRequests/listMyAssignments (package, policy); the fake keeps the
      // richer rows and strips them for the plain reads (the contract test checks both against the tenant).
      requests: p.myAccessRequests,
      assignments: p.myAccessAssignments,
      verifiedIdPolicies,
      ...overrides
    });
  }

  /** The next submit throws this error (after any delay). */
  public failNextSubmit(error: AppError): void {
    this._nextSubmitError = error;
  }

  /** The next call of `method` throws this error. */
  public failOnce(method: FailableMethod, error: AppError): void {
    this._failOnce[method] = error;
  }

  /** Submits wait until the returned function is called. */
  public holdSubmits(): () => void {
    let release: () => void = () => undefined;
    this._submitGate = new Promise<void>(resolve => { release = resolve; });
    return () => { this._submitGate = undefined; release(); };
  }

  private async _enter(method: FailableMethod | 'submitRequest' | 'listRequestablePackages' | 'getMe'): Promise<void> {
    this.calls.push(method);
    await Promise.resolve();
    const error = this._failOnce[method as FailableMethod];
    if (error) {
      delete this._failOnce[method as FailableMethod];
      throw error;
    }
  }

  public async getMe(): Promise<IUserInfo> {
    await this._enter('getMe');
    return this.state.me;
  }

  public async getManager(): Promise<IUserInfo | undefined> {
    await this._enter('getManager');
    return this.state.manager;
  }

  public async getSponsors(): Promise<IUserInfo[]> {
    await this._enter('getSponsors');
    return this.state.sponsors.map(x => ({ ...x }));
  }

  /** How many packages a page of the requestable list holds (the local tenant answers 100). */
  public pageSize = 100;

  /** getGrants calls after the first wait for this (set by holdGrantsAfterFirst). */
  private _grantsGate: Promise<void> | undefined;

  /**
   * The first getGrants call answers; later ones wait until the returned function is called, then answer, or fail
   * with `error`.
   */
  public holdGrantsAfterFirst(): (error?: AppError) => void {
    let release: (error?: AppError) => void = () => undefined;
    this._grantsGate = new Promise<void>((resolve, reject) => { release = error => (error ? reject(error) : resolve()); });
    this._grantsGate.catch(() => undefined);
    return error => release(error);
  }

  /** Pages of `pageSize`, one after another as Graph's nextLink gives them; `onPage` hears each. */
  public async listRequestablePackages(onPage?: (page: IAccessPackage[]) => void): Promise<IAccessPackage[]> {
    await this._enter('listRequestablePackages');
    const all = this.state.packages.slice();
    for (let i = 0; i < all.length || i === 0; i += this.pageSize) {
      if (i > 0) await Promise.resolve();
      if (onPage) onPage(all.slice(i, i + this.pageSize));
    }
    return all;
  }

  public async getGrants(packages: IAccessPackage[]): Promise<Map<string, IGrant[]>> {
    const gated = this.calls.indexOf('getGrants') >= 0 ? this._grantsGate : undefined;
    await this._enter('getGrants');
    if (gated) await gated;
    const map = new Map<string, IGrant[]>();
    for (const p of packages) map.set(p.id, (this.state.grants[p.id] || []).slice());
    return map;
  }

  public async getAvailablePackage(id: string): Promise<IAccessPackage> {
    await this._enter('getAvailablePackage');
    const pkg = this.state.packages.find(p => p.id === id);
    if (!pkg) throw new AppError('notFound', 404, 'ResourceNotFound', `Access package ${id} was not found.`);
    // Graph's availableAccessPackage: no isHidden, no modifiedDateTime.
    return { id: pkg.id, displayName: pkg.displayName, description: pkg.description };
  }

  /** As Graph: each mapped id read again; one that is not for this person (404) is left out, not an error. */
  public async getMappedPackages(map: ISiteAccessMap): Promise<{ packages: IAccessPackage[]; grants: Map<string, IGrant[]> }> {
    await this._enter('getMappedPackages');
    const packages: IAccessPackage[] = [];
    const grants = new Map<string, IGrant[]>();
    for (const entry of map.packages) {
      const pkg = this.state.packages.find(p => p.id === entry.id);
      if (!pkg) continue;
      packages.push({ id: pkg.id, displayName: pkg.displayName, description: pkg.description });
      grants.set(pkg.id, this.state.grants[pkg.id] || []);
    }
    return { packages, grants };
  }

  public async getRequirements(packageId: string): Promise<IPolicyRequirement[]> {
    await this._enter('getRequirements');
    if (!this.state.packages.some(p => p.id === packageId) && this.state.otherPackageIds.indexOf(packageId) < 0) {
      throw new AppError('notFound', 404, 'ResourceNotFound', `Access package ${packageId} was not found.`);
    }
    return (this.state.requirements[packageId] || []).slice();
  }

  public async getVerifiedIdPolicies(packageId: string): Promise<string[]> {
    await this._enter('getVerifiedIdPolicies');
    if (!this.state.packages.some(p => p.id === packageId) && this.state.otherPackageIds.indexOf(packageId) < 0) {
      throw new AppError('notFound', 404, 'ResourceNotFound', `Access package ${packageId} was not found.`);
    }
    return (this.state.verifiedIdPolicies[packageId] || []).slice();
  }

  public async submitRequest(draft: IRequestDraft, policy: IPolicyRequirement, language?: string): Promise<IAccessRequest> {
    this.submitCalls.push({ draft: JSON.parse(JSON.stringify(draft)), policy, language });
    await this._enter('submitRequest');
    if (this._submitGate) await this._submitGate;
    const error = this._nextSubmitError;
    if (error) {
      this._nextSubmitError = undefined;
      throw error;
    }
    if ((this.state.verifiedIdPolicies[draft.accessPackageId] || []).indexOf(draft.policyId) >= 0) {
      // As the local tenant: v1.0 cannot present the credential (Graph documents no code; the emulator's is fake).
      throw new AppError('validation', 400, 'AccessHubEmulator.VerifiableCredentialRequired', 'The policy requires a verifiable credential, which this request does not present.');
    }
    if (this.state.requests.some(r => r.accessPackageId === draft.accessPackageId && isOpenRequest(r))) {
      throw new AppError('openRequestExists', 400, 'ExistingOpenRequest', 'There is already an open request.');
    }
    const id = `00000000-0000-4000-8000-${String(++this._seq).padStart(12, '0')}`;
    const request: IAccessRequest = {
      id,
      requestType: 'userAdd',
      state: policy.isApprovalRequired ? 'pendingApproval' : 'delivering',
      status: policy.isApprovalRequired ? 'PendingApproval' : 'Delivering',
      createdDateTime: '2026-01-15T09:00:00Z',
      justification: draft.justification.trim() || undefined,
      accessPackageId: draft.accessPackageId,
      answers: buildAnswers(draft, policy, language)
    };
    // My requests read back with the policy expanded, as the tenant answers; the immediate answer has no policy.
    const approvers = this.state.approversByPolicy[policy.policyId];
    this.state.requests.push(approvers ? { ...request, approvers } as IMyRequest : request);
    const stages = this.state.stagesByPolicy[policy.policyId];
    if (stages) {
      this.state.approvals[id] = {
        id,
        stages: stages.map((name, i) => ({
          id: `${id}-stage-${i}`, displayName: name, status: i === 0 ? 'InProgress' : 'Initializing',
          reviewResult: 'NotReviewed', assignedToMe: false
        }))
      };
    }
    return { ...request };
  }

  public async getRequest(id: string): Promise<IAccessRequest> {
    await this._enter('getRequest');
    const request = this.state.requests.find(r => r.id === id);
    if (!request) throw new AppError('notFound', 404, 'ResourceNotFound', `Request ${id} was not found.`);
    if (request.state === 'delivering') {
      this._reads[id] = (this._reads[id] || 0) + 1;
      if (this._reads[id] >= this.deliverAfterReads) {
        request.state = 'delivered';
        request.status = 'Delivered';
        this.state.assignments.push({
          id: `assignment-${id}`, state: 'delivered', status: 'Delivered', accessPackageId: request.accessPackageId || ''
        });
      }
    }
    return { ...request };
  }

  public async cancelRequest(id: string): Promise<void> {
    this.cancelCalls.push(id);
    await this._enter('cancelRequest');
    const request = this.state.requests.find(r => r.id === id);
    if (!request) throw new AppError('notFound', 404, 'ResourceNotFound', `Request ${id} was not found.`);
    // As the local tenant: only submitted, pending and scheduled requests can be cancelled.
    if (['submitted', 'pendingApproval', 'scheduled'].indexOf(request.state) < 0) {
      throw new AppError('notCancellable', 400, 'AccessHubEmulator.NotCancellable', `Request '${id}' is '${request.state}' and cannot be cancelled.`);
    }
    request.state = 'canceled';
    request.status = 'Canceled';
    request.completedDateTime = this.now().toISOString();
  }

  public async listMyRequests(): Promise<IAccessRequest[]> {
    await this._enter('listMyRequests');
    return this.state.requests.map(r => {
      const { policy, approvers, ...plain } = r as IMyRequest; // eslint-disable-line @typescript-eslint/no-unused-vars
      return plain;
    });
  }

  public async listMyAssignments(): Promise<IAssignment[]> {
    await this._enter('listMyAssignments');
    return this.state.assignments.map(a => {
      const { packageDescription, packageModified, policy, approvers, ...plain } = a as IMyAssignment; // eslint-disable-line @typescript-eslint/no-unused-vars
      return plain;
    });
  }

  public async getApproval(requestId: string): Promise<IApproval | undefined> {
    await this._enter('getApproval');
    return this.state.approvals[requestId];
  }

  // ---- MyAccess: behaves like the local tenant's userUpdate / userRemove workflow ----

  public readonly changeCalls: Array<{ type: 'userUpdate' | 'userRemove'; assignmentId: string; options?: IUpdateOptions }> = [];

  public async listMyAccessAssignments(): Promise<IMyAssignment[]> {
    await this._enter('listMyAccessAssignments');
    return this.state.assignments.map(a => ({ packageDescription: '', ...a }));
  }

  public async listMyAccessRequests(): Promise<IMyRequest[]> {
    await this._enter('listMyAccessRequests');
    return this.state.requests.map(r => ({ ...r }));
  }

  public requestUpdate(assignment: IAssignment, options: IUpdateOptions): Promise<IAccessRequest> {
    this.changeCalls.push({ type: 'userUpdate', assignmentId: assignment.id, options });
    return this._change('userUpdate', assignment.id, options);
  }

  public requestRemove(assignment: IAssignment): Promise<IAccessRequest> {
    this.changeCalls.push({ type: 'userRemove', assignmentId: assignment.id });
    return this._change('userRemove', assignment.id);
  }

  private async _change(type: 'userUpdate' | 'userRemove', assignmentId: string, options: IUpdateOptions = {}): Promise<IAccessRequest> {
    await this._enter(type === 'userUpdate' ? 'requestUpdate' : 'requestRemove');
    // The local tenant's rules, in its order (localTenant/graph/requests.ts; tests/service/fakeMyAccessContract.test.ts
    // runs the same steps on both and compares answers and resulting state).
    const a = this.state.assignments.find(x => x.id === assignmentId) as IMyAssignment | undefined;
    if (!a) throw new AppError('notFound', 404, 'AccessHubEmulator.AssignmentNotFound', `Assignment '${assignmentId}' was not found for the caller.`);
    if (a.state !== 'delivered' || a.expiredDateTime) {
      throw new AppError('notFound', 400, 'AccessHubEmulator.AssignmentNotActive', `Assignment '${assignmentId}' is not active.`);
    }
    const policy = a.policy;
    if (!policy || !(type === 'userUpdate' ? policy.canExtend : policy.canRemove)) {
      throw new AppError('notAllowed', 400, 'AccessHubEmulator.PolicyNotAllowed', 'No policy allows this request.');
    }
    if (this.state.requests.some(r => r.accessPackageId === a.accessPackageId && isOpenRequest(r))) {
      throw new AppError('openRequestExists', 400, 'AccessHubEmulator.ExistingOpenRequest', 'There is already an open request for this access package.');
    }
    const justification = (options.justification || '').trim();
    if (type === 'userUpdate' && policy.isApprovalRequiredForUpdate && policy.isJustificationRequired && !justification) {
      throw new AppError('validation', 400, 'AccessHubEmulator.JustificationRequired', 'A justification is required by the policy.', 'justification');
    }
    // An extension carries the answers of the assignment's last delivered request, as the tenant copies them.
    const previous = type === 'userUpdate'
      ? this.state.requests.filter(r => r.assignmentId === a.id && r.state === 'delivered' && r.answers.length > 0).slice(-1)[0] : undefined;
    const now = this.now().toISOString();
    const id = `00000000-0000-4000-9000-${String(++this._seq).padStart(12, '0')}`;
    const request: IMyRequest = {
      id, requestType: type, state: 'submitted', status: 'Accepted', createdDateTime: now,
      justification: justification || undefined, accessPackageId: a.accessPackageId, accessPackageName: a.accessPackageName,
      assignmentId: a.id, schedule: { startDateTime: now, expirationType: 'notSpecified' },
      answers: previous ? previous.answers.map(x => ({ ...x })) : [], policy, approvers: a.approvers
    };
    this.state.requests.push(request);
    // The tenant answers "submitted" and moves on asynchronously: approval, or delivery that changes the assignment.
    setTimeout(() => {
      if (type === 'userUpdate' && policy.isApprovalRequiredForUpdate) {
        request.state = 'pendingApproval';
        request.status = 'PendingApproval';
        return;
      }
      if (type === 'userRemove') {
        a.state = 'expired';
        a.status = 'Expired';
        a.expiredDateTime = this.now().toISOString();
      } else {
        const end = options.endDateTime ? new Date(options.endDateTime) : extendedEnd(policy, this.now());
        a.endDateTime = end ? end.toISOString() : undefined;
      }
      request.state = 'delivered';
      request.status = 'Delivered';
      request.completedDateTime = this.now().toISOString();
    }, 0);
    // The immediate answer has no dates and no expanded policy (docs/graph-notes.md §3.4).
    const { policy: _policy, approvers: _approvers, createdDateTime: _created, ...answer } = request; // eslint-disable-line @typescript-eslint/no-unused-vars
    return { ...answer, answers: answer.answers.slice() };
  }

  /** The fake tenant's clock (the local tenant's `now`). */
  public now: () => Date = () => new Date('2026-01-15T09:00:00Z');
}

export class FakeSiteAccessService implements ISiteAccessService {
  public async getSite(): Promise<{ url: string; title: string; groupId?: string }> {
    return { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing' };
  }

  /** The site's shared map file, as SharePoint keeps it (text); undefined: the site has none. */
  public siteMapText: string | undefined;

  public async getSiteAccessMap(): Promise<string | undefined> {
    return this.siteMapText;
  }

  public async saveSiteAccessMap(map: ISiteAccessMap): Promise<void> {
    this.siteMapText = JSON.stringify(map);
  }

  public async getMyLevel(): Promise<'none'> {
    return 'none';
  }
}
