import { Endpoint, GraphFI, graphGet, graphPost, GraphQueryable, IGraphQueryable, Paged } from '@pnp/graph';
import type {
  AccessPackage, AccessPackageResourceRoleScope, Approval, User
} from '@microsoft/microsoft-graph-types';
import { getAllPages, IPage } from './getAllPages';
import {
  IAccessPackage, IAccessRequest, IAssignment, IApproval, IGrant, IPolicyRequirement, IRequestDraft, IUserInfo
} from '../../core/model/types';
import { mapAccessPackage } from '../../models/accessPackage';
import { mapUser } from '../../models/user';
import { mapRoleScope, unnamedResources } from '../../models/grants';
import { mapRequirement, buildAddRequestBody, GraphRequirements, verifiedIdPolicies } from '../../models/policy';
import { mapRequest, mapAssignment, mapApproval, isOpenRequest, GraphRequest, GraphAssignment } from '../../models/status';
import { toAppError, AppError } from '../infrastructure/AppError';
import { RetryThrottledOnly, graphPath } from './createBrowserClients';
import { IGrantCache, MemoryGrantCache } from '../../core/prompt/grantCache';
import { IEntitlementService } from '../IAccessHubServices';
import type { AccessPackageAssignment, AccessPackageAssignmentRequest } from '@microsoft/microsoft-graph-types';
import { IMyAssignment, IMyRequest, IUpdateOptions, mapMyAssignment, mapMyRequest, buildUpdateRequestBody, buildRemoveRequestBody } from '../../models/myAccess';
import { reportError } from '../infrastructure/reportError';
import { mapEach } from '../infrastructure/mapEach';
import { createPageReads, IPageReads } from '../loaders/pageReads';
import { lookUpNames } from './lookUpNames';
import { bannerOnPage, bannerRead, nextTask } from '../infrastructure/bannerReads';
import { ISharedAnswer } from '../../core/pageSharedReads';
import { latestFirst } from '../../core/model/time';
import { ISiteAccessMap, mapNames } from '../../core/model/siteAccessMap';

const EM = 'identityGovernance/entitlementManagement';
const BATCH_SIZE = 20;
const BATCH_CONCURRENCY = 6;
/**
 * A site's mapped packages are few (a site is rarely granted by more than a few dozen packages), and the page waits
 * for all of them: their batches go out at once, up to this many (250 packages); more wait for a free slot.
 */
const MAPPED_BATCHES_AT_ONCE = 25;

/** The requestable list as it is read, page by page, shared by the components of a page. */
interface IPackageFeed {
  pages: IAccessPackage[][];
  listeners: Array<(page: IAccessPackage[]) => void>;
  all: Promise<IAccessPackage[]>;
  failed: boolean;
}

/** A Graph collection page as JSON (`value`, `@odata.nextLink`) in PnPjs's Paged() shape. */
function toPage<T>(body: unknown): IPage<T> {
  const b = (body || {}) as { value?: T[]; '@odata.nextLink'?: string };
  return { value: b.value || [], nextLink: b['@odata.nextLink'] || null, count: (b.value || []).length };
}

/** The feed behind each shared read of the requestable list (pageReads shares the promise). */
const FEEDS = new WeakMap<Promise<IPackageFeed>, IPackageFeed>();

/** The page-read key under which a map's read of one package's grants is shared (getMappedPackages, getGrants). */
const mappedGrantsKey = (id: string): string => `mapped-grants:${id.toLowerCase()}`;

export interface IEntitlementServiceOptions {
  cache?: IGrantCache;
  /** The page's shared reads (pageReads.ts): components on one page read the person's lists once. */
  pageReads?: IPageReads;
  /** Graph's base URL, to take what the AccessPrompt banner read on this page (infrastructure/bannerReads.ts). */
  graphBaseUrl?: string;
}

export class GraphEntitlementService implements IEntitlementService {
  private readonly _cache: IGrantCache;
  private readonly _reads: IPageReads;
  private _me: Promise<IUserInfo> | undefined;
  private _approvalsReadable: boolean = true;
  /**
   * Directory names of the resources role scopes name only by id (`$expand=role,scope`), by origin id: the page's
   * (pageReads.ts), so a name one component looked up or a site's access map carried serves the others.
   */
  private readonly _names: Map<string, string>;

  constructor(private readonly _graph: GraphFI, options: IEntitlementServiceOptions = {}) {
    this._cache = options.cache || new MemoryGrantCache();
    this._graphBaseUrl = options.graphBaseUrl;
    this._reads = options.pageReads || createPageReads();
    this._names = this._reads.names;
    this._nameLookups = this._reads.nameLookups;
  }

  private readonly _graphBaseUrl: string | undefined;

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
      this._me = this._run(async () => mapUser(await graphGet<User>(this._q('me?$select=id,displayName,userPrincipalName,mail,preferredLanguage'))));
      // Not swallowed: callers get the rejection from the returned promise; this branch only drops the failed cache entry.
      this._me.catch(() => { this._me = undefined; });
    }
    return this._me;
  }

  public getManager(): Promise<IUserInfo | undefined> {
    return this._run(async () => {
      try {
        return mapUser(await graphGet<User>(this._q('me/manager?$select=id,displayName,userPrincipalName,mail')));
      } catch (e) {
        const err = await toAppError(e);
        if (err.kind === 'notFound') return undefined;
        throw err;
      }
    });
  }

  /** `GET /me/sponsors` (v1.0, User.Read like /me/manager): users and groups, both with a displayName. */
  public getSponsors(): Promise<IUserInfo[]> {
    return this._run(async () => {
      // PnP's parser drops a collection's envelope; one page (sponsors are few, the page documents no paging).
      const res: unknown = await graphGet(this._q('me/sponsors?$select=id,displayName'));
      // With User.Read alone a group may come with its type and id only (docs/graph-notes.md §3.11): nothing to name.
      return (Array.isArray(res) ? res as User[] : []).filter(u => !!u.id && !!u.displayName).map(mapUser);
    });
  }

  /**
   * The packages the person may request, every page by `@odata.nextLink` (one after another: the function documents
   * no `$skip`). One read per page view, shared by every component (pageReads.ts); `onPage` hears each page as it
   * arrives, those already read first, so a caller can work on page 1 while page 2 is read.
   */
  public listRequestablePackages(onPage?: (page: IAccessPackage[]) => void): Promise<IAccessPackage[]> {
    return this._run(async () => {
      const url = `${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
      // The shared read settles when the last page has; the feed behind it hears each page before that.
      const start = (): Promise<IPackageFeed> => {
        const started = this._packageFeed(url);
        const settled = started.all.then(() => started, () => started);
        FEEDS.set(settled, started);
        return settled;
      };
      let feed = FEEDS.get(this._reads.read(url, start)) as IPackageFeed;
      if (feed.failed) {
        // A failed read is not shared: read again.
        this._reads.drop(url);
        feed = FEEDS.get(this._reads.read(url, start)) as IPackageFeed;
      }
      if (onPage) {
        feed.pages.forEach(onPage);
        feed.listeners.push(onPage);
      }
      return feed.all;
    });
  }

  private _packageFeed(url: string): IPackageFeed {
    const feed: IPackageFeed = { pages: [], listeners: [], all: Promise.resolve([]), failed: false };
    const take = (page: IPage<AccessPackage>): IAccessPackage[] => {
      const mapped = mapEach('EntitlementService.packages', page.value || [], mapAccessPackage);
      feed.pages.push(mapped);
      for (const listener of feed.listeners) listener(mapped);
      return mapped;
    };
    feed.all = (async () => {
      const items: IAccessPackage[] = [];
      let page = await this._pageOf<AccessPackage>(url);
      items.push(...take(page));
      for (let i = 0; page.nextLink && i < 500; i++) {
        page = await this._pageOf<AccessPackage>(page.nextLink);
        items.push(...take(page));
      }
      return items;
    })();
    feed.all.catch(() => { feed.failed = true; });
    return feed;
  }

  /** `https://graph.microsoft.com/v1.0/<path>`: a Graph path as the AccessPrompt banner's reads are keyed. */
  private _absolute(path: string): string {
    return `${(this._graphBaseUrl || '').replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  }

  /** One page of a collection (a path, or a nextLink): the banner's answer when it read the same page here, else our own. */
  private async _pageOf<T>(url: string): Promise<IPage<T>> {
    const absolute = /^https?:/i.test(url);
    const read = (): Promise<IPage<T>> => graphGet((absolute ? GraphQueryable([this._q(''), url]) : GraphQueryable(this._q(''), url)).using(Paged()));
    if (!this._graphBaseUrl || !bannerOnPage()) return read();
    await nextTask();
    const shared = bannerRead(absolute ? url : this._absolute(url));
    return shared ? shared.then(a => (a && a.status === 200 ? toPage<T>(a.body) : read()), read) : read();
  }

  /**
   * What a package grants, with the documented `$expand=role,scope` (docs/graph-notes.md §17): the resources'
   * names are looked up in the directory afterwards. (`role($expand=resource)` would name them in the same answer,
   * but Graph documents no nested expand there, so the product does not rely on it.)
   */
  private _roleScopesPath(id: string): string {
    return `${EM}/availableAccessPackages/${encodeURIComponent(id)}/resourceRoleScopes?$expand=role,scope`;
  }

  public getGrants(packages: IAccessPackage[]): Promise<Map<string, IGrant[]>> {
    return this._getGrants(packages, true);
  }

  private async _getGrants(packages: IAccessPackage[], askMap: boolean): Promise<Map<string, IGrant[]>> {
    const result = new Map<string, IGrant[]>();
    const mine: Array<{ p: IAccessPackage; settle: (grants: IGrant[] | undefined) => void }> = [];
    const theirs: Array<Promise<void>> = [];
    for (const p of packages) {
      // Without a version (availableAccessPackage has none) a cached entry could be stale, and writing
      // one would overwrite the entry the catalog keyed by the real version: such packages skip the cache.
      const cached = p.modifiedDateTime ? this._cache.get(p.id, p.modifiedDateTime) : undefined;
      if (cached) {
        result.set(p.id, cached);
        continue;
      }
      // The catalog may be reading this package by id from the site's access map right now (or has just read it):
      // that answer is what the package grants now, whatever version this caller knows.
      const mapped = askMap ? this._reads.peek<IGrant[] | undefined>(mappedGrantsKey(p.id)) : undefined;
      if (mapped) {
        theirs.push(mapped.then(async grants => {
          if (grants) result.set(p.id, grants);
          else (await this._getGrants([p], false)).forEach((v, k) => result.set(k, v));
        }, () => undefined));
        continue;
      }
      // Another component on the page may be reading this package's contents right now (the catalog and MyAccess
      // load together): wait for its answer instead of asking again (pageReads.ts).
      let settle: ((grants: IGrant[] | undefined) => void) | undefined;
      const shared = this._reads.read(`grants:${p.id}:${p.modifiedDateTime || ''}`, () => new Promise<IGrant[] | undefined>(resolve => { settle = resolve; }));
      if (settle) mine.push({ p, settle });
      else theirs.push(shared.then(grants => { if (grants) result.set(p.id, grants); }));
    }
    // What the AccessPrompt banner is reading on this page (infrastructure/bannerReads.ts) is taken from it; a package
    // whose answer fails there is read here after all.
    const own: typeof mine = [];
    const taken: Array<{ c: typeof mine[number]; answer: Promise<ISharedAnswer> }> = [];
    if (mine.length && this._graphBaseUrl && bannerOnPage()) await nextTask();
    for (const c of mine) {
      const answer = this._graphBaseUrl ? bannerRead(this._absolute(this._roleScopesPath(c.p.id))) : undefined;
      if (answer) taken.push({ c, answer });
      else own.push(c);
    }
    const fromBanner = async (): Promise<void> => {
      if (!taken.length) return;
      const outcomes = await Promise.all(taken.map(t => t.answer.then(a => ({ t, page: a && a.status === 200 ? toPage<AccessPackageResourceRoleScope>(a.body) : undefined }), () => ({ t, page: undefined }))));
      const again = outcomes.filter(o => !o.page).map(o => o.t.c.p);
      const before = new Set(result.keys());
      try {
        await this._grantsFromPages(outcomes.filter(o => o.page).map(o => ({ p: o.t.c.p, page: o.page as IPage<AccessPackageResourceRoleScope> })), result);
        for (let i = 0; i < again.length; i += BATCH_SIZE) await this._fetchGrantChunk(again.slice(i, i + BATCH_SIZE), result);
      } finally {
        for (const { t } of outcomes) t.c.settle(!before.has(t.c.p.id) ? result.get(t.c.p.id) : undefined);
      }
    };
    const chunks: Array<typeof mine> = [];
    for (let i = 0; i < own.length; i += BATCH_SIZE) chunks.push(own.slice(i, i + BATCH_SIZE));

    // Up to BATCH_CONCURRENCY $batch requests in flight: 1,000 packages take 50 batches in ~9 round trips.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        const before = new Set(result.keys());
        try {
          await this._fetchGrantChunk(chunk.map(c => c.p), result);
        } finally {
          // Whoever waits on these packages gets what was read (or nothing, and reads them itself next time).
          for (const c of chunk) c.settle(!before.has(c.p.id) ? result.get(c.p.id) : undefined);
        }
      }
    };
    await Promise.all([...Array.from({ length: Math.min(BATCH_CONCURRENCY, chunks.length) }, worker), fromBanner(), ...theirs]);
    return result;
  }

  private async _fetchGrantChunk(chunk: IAccessPackage[], result: Map<string, IGrant[]>): Promise<void> {
    const [batched, execute] = this._graph.batched({ maxRequests: BATCH_SIZE });
    const pending = chunk.map(p => graphGet<IPage<AccessPackageResourceRoleScope>>(graphPath(batched, this._roleScopesPath(p.id)).using(Paged()))
      .then(page => ({ p, page }), (error: unknown) => ({ p, error })));
    await this._run(execute);
    await this._grantsFromPages(await Promise.all(pending), result);
  }

  /** What each package grants, from its first page of role scopes (the rest read by nextLink), with names. */
  private async _grantsFromPages(outcomes: Array<{ p: IAccessPackage; page: IPage<AccessPackageResourceRoleScope> } | { p: IAccessPackage; error: unknown }>,
    result: Map<string, IGrant[]>): Promise<void> {
    const scopesByPackage: Array<{ p: IAccessPackage; scopes: AccessPackageResourceRoleScope[] }> = [];
    for (const outcome of outcomes) {
      if ('error' in outcome) {
        // One package's contents failing must not hide the catalog (its card says they could not be read).
        reportError('EntitlementService.getGrants', await toAppError(outcome.error));
        continue;
      }
      const scopes = (outcome.page.value || []).slice();
      // Nested paging of role scopes is rare; read the rest directly (docs/graph-notes.md §1.1).
      const nextLink = outcome.page.nextLink;
      if (nextLink) scopes.push(...await this._run(() => getAllPages<AccessPackageResourceRoleScope>(this._q(''), nextLink)));
      scopesByPackage.push({ p: outcome.p, scopes });
    }
    const refs = unnamedResources(([] as AccessPackageResourceRoleScope[]).concat(...scopesByPackage.map(s => s.scopes)));
    await this._run(() => lookUpNames(this._graph, refs, this._names, 'EntitlementService.names', this._nameLookups));
    for (const { p, scopes } of scopesByPackage) {
      const grants = scopes.map(rs => mapRoleScope(rs, this._names));
      if (p.modifiedDateTime) this._cache.set(p.id, p.modifiedDateTime, grants);
      result.set(p.id, grants);
    }
  }

  /**
   * The packages of a site's access map (core/model/siteAccessMap.ts), each read again by id with what it grants now:
   * `availableAccessPackages/{id}` and its `resourceRoleScopes`, both in one `$batch` per 10 packages, all batches
   * at once (up to MAPPED_BATCHES_AT_ONCE). A 404 means the package is not (or no longer) for this person: it is left out.
   * Resource names come from the map, so the directory is asked only for one the map does not name.
   */
  public async getMappedPackages(map: ISiteAccessMap): Promise<{ packages: IAccessPackage[]; grants: Map<string, IGrant[]> }> {
    const names = mapNames(map);
    names.forEach((name, id) => { if (!this._names.has(id)) this._names.set(id, name); });
    const ids = map.packages.map(p => p.id);
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += BATCH_SIZE / 2) chunks.push(ids.slice(i, i + BATCH_SIZE / 2));
    const found: Array<{ pkg: IAccessPackage; scopes: AccessPackageResourceRoleScope[]; order: number }> = [];
    // Each package's grants, for another component on the page that asks for them meanwhile (MyAccess, for a package
    // the person holds): it waits for this read instead of asking again. Undefined when this read did not get them.
    const settlers = new Map<string, (grants: IGrant[] | undefined) => void>();
    for (const id of ids) {
      this._reads.read(mappedGrantsKey(id), () => new Promise<IGrant[] | undefined>(resolve => settlers.set(id, resolve)))
        .catch(() => undefined);
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const order = next;
        const chunk = chunks[next++];
        const [batched, execute] = this._graph.batched({ maxRequests: BATCH_SIZE });
        const pending = chunk.map(id => Promise.all([
          graphGet<AccessPackage>(graphPath(batched, `${EM}/availableAccessPackages/${encodeURIComponent(id)}`)),
          graphGet<IPage<AccessPackageResourceRoleScope>>(graphPath(batched, this._roleScopesPath(id)).using(Paged()))
        ]).then(([pkg, page]) => ({ pkg, page }), (error: unknown) => ({ error })));
        await this._run(execute);
        const outcomes = await Promise.all(pending);
        for (let i = 0; i < outcomes.length; i++) {
          const outcome = outcomes[i];
          if ('error' in outcome) {
            const err = await toAppError(outcome.error);
            // Not for this person (or deleted since the map was made): nothing to show, nothing to report.
            if (err.kind !== 'notFound') reportError('EntitlementService.getMappedPackages', err);
            continue;
          }
          const scopes = (outcome.page.value || []).slice();
          const nextLink = outcome.page.nextLink;
          if (nextLink) scopes.push(...await this._run(() => getAllPages<AccessPackageResourceRoleScope>(this._q(''), nextLink)));
          found.push({ pkg: mapAccessPackage(outcome.pkg), scopes, order: order * BATCH_SIZE + i });
        }
      }
    };
    const grants = new Map<string, IGrant[]>();
    try {
      await Promise.all(Array.from({ length: Math.min(MAPPED_BATCHES_AT_ONCE, chunks.length) }, worker));
      found.sort((a, b) => a.order - b.order);
      const refs = unnamedResources(([] as AccessPackageResourceRoleScope[]).concat(...found.map(f => f.scopes)))
        .filter(r => !this._names.has(r.id));
      if (refs.length) await this._run(() => lookUpNames(this._graph, refs, this._names, 'EntitlementService.names', this._nameLookups));
      for (const f of found) {
        const g = f.scopes.map(rs => mapRoleScope(rs, this._names));
        grants.set(f.pkg.id, g);
        if (f.pkg.modifiedDateTime) this._cache.set(f.pkg.id, f.pkg.modifiedDateTime, g);
      }
    } finally {
      // Those waiting get the grants read, or nothing (a failed read: they read the package themselves).
      settlers.forEach((settle, id) => settle(grants.get(id)));
    }
    return { packages: found.map(f => f.pkg), grants };
  }

  /** Names being looked up, by origin id: a second batch of grants waits for them instead of asking again. */
  private readonly _nameLookups: Map<string, Promise<void>>;

  public getAvailablePackage(id: string): Promise<IAccessPackage> {
    return this._run(async () => mapAccessPackage(await graphGet<AccessPackage>(this._q(`${EM}/availableAccessPackages/${encodeURIComponent(id)}`))));
  }

  public getRequirements(packageId: string): Promise<IPolicyRequirement[]> {
    return this._run(async () => {
      // PnPjs's parser unwraps `value`, so this is the collection itself.
      const res: GraphRequirements[] = await graphPost(this._q(`${EM}/accessPackages/${encodeURIComponent(packageId)}/getApplicablePolicyRequirements`));
      const raw = Array.isArray(res) ? res : [];
      const policies = mapEach('EntitlementService.requirements', raw, mapRequirement);
      // Every policy unusable is not "nothing to request": say what Graph got wrong.
      if (raw.length > 0 && policies.length === 0) return raw.map(mapRequirement);
      return policies;
    });
  }

  /**
   * Beta's getApplicablePolicyRequirements, read only for `verifiableCredentialRequirementStatus` (v1.0 has no
   * Verified ID; docs/graph-notes.md §3.13): the ids of the policies that need a credential.
   */
  public getVerifiedIdPolicies(packageId: string): Promise<string[]> {
    return this._run(async () => {
      const q = this._q(`${EM}/accessPackages/${encodeURIComponent(packageId)}/getApplicablePolicyRequirements`).using(Endpoint('beta'));
      return verifiedIdPolicies(await graphPost(q));
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
    // The person's lists read for this page are stale from here on (also for a read back after a lost answer).
    this._reads.forget();
    let lastError: AppError | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const created: GraphRequest = await graphPost(writer, { body: JSON.stringify(body) });
        return mapRequest({ ...created, accessPackage: { id: draft.accessPackageId } });
      } catch (e) {
        const err = await toAppError(e);
        lastError = err;
        const ambiguous = err.kind === 'offline' || err.kind === 'server' || err.kind === 'throttled';
        if (!ambiguous && err.kind !== 'openRequestExists') throw err;
        const existing = await this._findOpenRequest(draft.accessPackageId).catch(async (readBack: unknown) => {
          reportError('EntitlementService.submitRequest', await toAppError(readBack));
          return undefined;
        });
        if (existing) return existing;
        if (!ambiguous) throw err;
      }
    }
    throw lastError || new AppError('unknown', 0, '', 'submit failed');
  }

  private async _findOpenRequest(packageId: string): Promise<IAccessRequest | undefined> {
    this._reads.forget();
    const mine = await this.listMyRequests();
    return mine.filter(r => r.accessPackageId === packageId && isOpenRequest(r) && r.requestType === 'userAdd')
      .sort((a, b) => latestFirst(a.createdDateTime, b.createdDateTime))[0];
  }

  public getRequest(id: string): Promise<IAccessRequest> {
    return this._run(async () => mapRequest(await graphGet<GraphRequest>(this._q(`${EM}/assignmentRequests/${encodeURIComponent(id)}?$expand=accessPackage,assignment`))));
  }

  public cancelRequest(id: string): Promise<void> {
    return this._run(async () => {
      this._reads.forget();
      await graphPost(graphPath(this._graph, `${EM}/assignmentRequests/${encodeURIComponent(id)}/cancel`).using(RetryThrottledOnly()));
    });
  }

  public listMyRequests(): Promise<IAccessRequest[]> {
    return this._run(async () => mapEach('EntitlementService.requests', await this._myRequestsRaw(), (r: AccessPackageAssignmentRequest) => mapRequest(r as GraphRequest)));
  }

  public listMyAssignments(): Promise<IAssignment[]> {
    return this._run(async () => mapEach('EntitlementService.assignments', await this._myAssignmentsRaw(), (a: AccessPackageAssignment) => mapAssignment(a as GraphAssignment)));
  }

  /**
   * The person's assignments, every page, read once per page view for every component that needs them: the catalog's
   * and the button's status and MyAccess's rows map the same answer (pageReads.ts).
   */
  private _myAssignmentsRaw(): Promise<AccessPackageAssignment[]> {
    const url = `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`;
    return this._reads.read(url, () => getAllPages<AccessPackageAssignment>(this._q(''), url));
  }

  /**
   * The person's requests with the assignment's policy expanded (MyAccess explains approvals with it; the status
   * ignores it), every page, read once per page view. If Graph refuses the nested expand (documented on a single
   * request, docs/graph-notes.md §3.6), the documented `assignment` expand is read instead, from then on.
   */
  private _myRequestsRaw(): Promise<AccessPackageAssignmentRequest[]> {
    const base = `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,`;
    const plain = (): Promise<AccessPackageAssignmentRequest[]> =>
      this._reads.read(`${base}assignment`, () => getAllPages<AccessPackageAssignmentRequest>(this._q(''), `${base}assignment`));
    if (!this._expandRequestPolicy) return plain();
    const url = `${base}assignment($expand=assignmentPolicy)`;
    return this._reads.read(url, () => getAllPages<AccessPackageAssignmentRequest>(this._q(''), url)).catch(async (e: unknown) => {
      if ((await toAppError(e)).kind !== 'validation') throw e;
      this._expandRequestPolicy = false;
      return plain();
    });
  }

  public async getApproval(requestId: string): Promise<IApproval | undefined> {
    if (!this._approvalsReadable) return undefined;
    try {
      return mapApproval(await graphGet<Approval>(this._q(`${EM}/accessPackageAssignmentApprovals/${encodeURIComponent(requestId)}`)));
    } catch (e) {
      const err = await toAppError(e);
      // Reading an approval needs an EM role (docs/graph-notes.md §2.2, role tip on GET approval): most
      // requestors get 403, so we stop asking for this session and show what the policy says instead.
      if (err.kind === 'forbidden') this._approvalsReadable = false;
      if (err.kind === 'forbidden' || err.kind === 'notFound') return undefined;
      throw err;
    }
  }

  // ---- MyAccess ----

  public listMyAccessAssignments(): Promise<IMyAssignment[]> {
    return this._run(async () => mapEach('EntitlementService.myAccessAssignments', await this._myAssignmentsRaw(), mapMyAssignment));
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
    this._reads.forget();
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
      this._reads.forget();
      // The read-back is a best effort: if it fails too, the caller gets the original error; the read-back's own
      // unexpected error is logged once rather than lost.
      const mine = await this.listMyRequests().catch(async (readError: unknown) => {
        reportError('EntitlementService.readBack', await toAppError(readError));
        return [] as IAccessRequest[];
      });
      const found = mine.filter(r => r.requestType === type && isOpenRequest(r) &&
        (r.assignmentId === assignment.id || r.accessPackageId === assignment.accessPackageId))[0];
      if (found) return found;
      throw err;
    }
  }

  /** Whether Graph accepts the policy expanded inside the request's assignment; see listMyAccessRequests. */
  private _expandRequestPolicy: boolean = true;

  public listMyAccessRequests(): Promise<IMyRequest[]> {
    return this._run(async () => mapEach('EntitlementService.myAccessRequests', await this._myRequestsRaw(), mapMyRequest));
  }

}
