import type { AccessPackage, AccessPackageAssignment, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope } from '@microsoft/microsoft-graph-types';
import { IGrant, ISiteInfo } from '../model/types';
import { mapRoleScope, packagesForSite } from '../model/siteGrants';
import { IPromptFacts, IPromptPackage, IPromptSettings } from '../model/prompt';
import { StorageGrantCache } from './grantCache';
import { levelFromPermissions } from './levelFromPermissions';
import { forgetPrompt, sessionKey } from './promptCache';
import { SITE_MAP_FILE, SITE_MAP_FOLDER } from '../siteMapFile';
import { shareRead } from '../pageSharedReads';

export { forgetPrompt, sessionKey };

// AccessPrompt's data path. It runs on every page of every site where the customizer is active, so it is
// plain fetch (no PnPjs, no React): this file is part of the customizer's first script.

const EM = 'identityGovernance/entitlementManagement';
const BATCH_SIZE = 20;
const BATCH_CONCURRENCY = 6;
const DAY_MS = 86400000;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Copies `more`'s answers into `into`. Object spread compiled to ES5 brings TypeScript's __assign helper into every
 * module that uses it, and this is the customizer's first script (10 KB gzipped at most).
 */
function merge(into: Record<string, IBatchResponse>, more: Record<string, IBatchResponse>): Record<string, IBatchResponse> {
  for (const key of Object.keys(more)) into[key] = more[key];
  return into;
}

export interface IBatchResponse { status: number; body: unknown }

/** The calls the prompt makes: Graph `$batch`, a GET of a Graph `@odata.nextLink`, and a GET of the site's SharePoint REST API. */
export interface IPromptTransport {
  graphBatch(requests: Array<{ id: string; url: string }>): Promise<Record<string, IBatchResponse>>;
  /** An absolute `@odata.nextLink` on the same Graph. */
  graphGet(url: string): Promise<unknown>;
  spGet(path: string): Promise<unknown>;
}

export interface IFetchTransportOptions {
  graphBaseUrl: string;
  siteUrl: string;
  graphToken: () => Promise<string>;
  /** SharePoint REST in SPFx rides on the page's cookies; the local tenant wants a bearer token. */
  spToken?: () => Promise<string>;
  /** Waits before a retry (tests inject it; default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How long one page view's reads wait in all for `Retry-After` (429, 503) before the banner gives up. Smaller than
 * the web parts' 60 s: the banner is optional, a person has read or left the page by then, and a failed decision is
 * kept a few minutes (FAILED_MS), so a throttled tenant is not asked again on every page view.
 */
export const RETRY_BUDGET_MS = 10000;

// Promise chains rather than async/await in this module: it is part of the customizer's first script, compiled to
// ES5, where every async function becomes a generator state machine.

function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}`);
  return response.json() as Promise<T>;
}

const throttled = (status: number): boolean => status === 429 || status === 503;
/** Retry-After in ms: Graph sends seconds; an absent or unreadable one waits 1 s. */
// eslint-disable-next-line @rushstack/no-new-null -- Headers.get() returns null
const retryAfter = (value: string | null | undefined): number => (Number(value) || 1) * 1000;

export function fetchTransport(o: IFetchTransportOptions): IPromptTransport {
  const base = o.graphBaseUrl.replace(/\/+$/, '');
  const origin = base.split('/').slice(0, 3).join('/') + '/';
  const sleep = o.sleep || ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  let budget = RETRY_BUDGET_MS;
  /** Waits `ms` and runs `then` when the budget allows, else answers `otherwise`. */
  const retry = <T>(ms: number, otherwise: T, then: () => Promise<T>): Promise<T> => {
    if (ms > budget) return Promise.resolve(otherwise);
    budget -= ms;
    return sleep(ms).then(then);
  };
  // Every call here only reads: sent again after Retry-After on 429 and 503 while the budget lasts.
  const send = (url: string, init: RequestInit): Promise<Response> => fetch(url, init)
    .then(r => (throttled(r.status) ? retry(retryAfter(r.headers.get('Retry-After')), r, () => send(url, init)) : r));
  const graph = <T>(url: string, body?: string): Promise<T> => o.graphToken()
    .then(token => send(url, {
      method: body ? 'POST' : 'GET', body,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` }
    }))
    .then(response => json<T>(response, url));
  const batchOnce = (requests: Array<{ id: string; url: string }>): Promise<Record<string, IBatchResponse>> =>
    graph<{ responses?: Array<{ id: string; status: number; body: unknown; headers?: Record<string, string> }> }>(
      `${base}/$batch`, JSON.stringify({ requests: requests.map(r => ({ id: r.id, method: 'GET', url: r.url })) })
    ).then(body => {
      const out: Record<string, IBatchResponse> = {};
      let wait = 0;
      // A throttled request inside the batch is sent again, in a batch of its own kind, after the longest Retry-After.
      const again = (body.responses || []).filter(r => {
        out[r.id] = { status: r.status, body: r.body };
        if (throttled(r.status)) wait = Math.max(wait, retryAfter(r.headers && (r.headers['Retry-After'] || r.headers['retry-after'])));
        return throttled(r.status);
      }).map(r => r.id);
      return again.length
        // eslint-disable-next-line @typescript-eslint/no-use-before-define -- called after both are defined
        ? retry(wait, out, () => batch(requests.filter(q => again.indexOf(q.id) >= 0)).then(more => merge(out, more)))
        : out;
    });
  const batch = (requests: Array<{ id: string; url: string }>): Promise<Record<string, IBatchResponse>> => {
    const answers = batchOnce(requests);
    // The web parts on this page take these answers (core/pageSharedReads.ts): one scan per page.
    for (const r of requests) shareRead(base + r.url, answers.then(out => out[r.id]));
    return answers;
  };
  return {
    graphBatch: batch,
    // The bearer token goes to the tenant's Graph only.
    graphGet: url => {
      const page = url.indexOf(origin) === 0 ? graph(url) : Promise.reject(new Error(`nextLink off Graph: ${url}`));
      shareRead(url, page.then(body => ({ status: 200, body })));
      return page;
    },
    spGet: path => {
      const url = `${o.siteUrl.replace(/\/+$/, '')}/_api/${path}`;
      const answer = (o.spToken ? o.spToken() : Promise.resolve(undefined))
        .then(token => {
          const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata' };
          if (token) headers.Authorization = `Bearer ${token}`;
          // fetch's default credentials ('same-origin') send SharePoint's cookies, as SPFx does.
          return send(url, { headers });
        })
        .then(r => (r.ok ? r.json() : Promise.resolve()).then((body: unknown) => ({ status: r.status, body })));
      // The web parts on this page read the same site and map: they take this answer (core/pageSharedReads.ts).
      shareRead(url, answer);
      return answer.then(a => {
        if (a.status >= 400) throw new Error(`${path}: ${a.status}`);
        return a.body;
      });
    }
  };
}

export interface IPromptContext {
  transport: IPromptTransport;
  /** Who and where: keys every cache, so two people or sites never share entries. */
  person: string;
  siteUrl: string;
  siteTitle: string;
  settings: IPromptSettings;
  /** Per person and site, for the session (sessionStorage). */
  session?: Storage;
  /** The daily scan and the grant cache shared with the catalog (localStorage). */
  local?: Storage;
  /** The catalog's grant cache prefix, so the prompt and the catalog read each package's grants once. */
  grantCachePrefix?: string;
  now: () => Date;
}

interface IScan { at: number; packages: Array<{ id: string; name: string; version?: string }> }

function scanKey(person: string): string {
  return `accessHub:prompt:scan:${person.toLowerCase()}`;
}

function read<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const raw = storage && storage.getItem(key);
    return raw ? JSON.parse(raw) as T : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (storage) storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: this page view still has its answer.
  }
}

function valueOf<T>(r: IBatchResponse | undefined): T[] {
  if (!r || r.status >= 400) throw new Error(`Graph answered ${r ? r.status : 'nothing'}`);
  return ((r.body as { value?: T[] }).value) || [];
}

/** Every item of a collection: its first page (an answer in a `$batch`), then each `@odata.nextLink`; `onPage` sees each page. */
function allPages<T>(t: IPromptTransport, r: IBatchResponse | undefined, onPage?: (items: T[]) => boolean | void): Promise<T[]> {
  const items: T[] = [];
  const page = (body: unknown): Promise<T[]> => {
    const b = body as { value?: T[]; '@odata.nextLink'?: string };
    items.push(...(b.value || []));
    // `onPage` answers true to read no further.
    const stop = onPage && onPage(b.value || []);
    return b['@odata.nextLink'] && !stop ? t.graphGet(b['@odata.nextLink']).then(page) : Promise.resolve(items);
  };
  return Promise.resolve(r).then(valueOf).then(() => page((r as IBatchResponse).body));
}

const ASSIGNMENTS = `/${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`;
const REQUESTS = `/${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment($expand=assignmentPolicy)`;
// The requestable packages' function and availableAccessPackages/{id} document no query option (docs/graph-notes.md §17):
// read as they are, every page by @odata.nextLink.
const REQUESTABLE = `/${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')`;
const roleScopes = (id: string): string => `/${EM}/availableAccessPackages/${encodeURIComponent(id)}/resourceRoleScopes?$expand=role,scope`;
const available = (id: string): string => `/${EM}/availableAccessPackages/${encodeURIComponent(id)}`;

/** Runs `$batch`es of up to 20, a few at a time (`atOnce`: how many requests may be in flight, in batches). */
function batchAll(t: IPromptTransport, requests: Array<{ id: string; url: string }>, atOnce?: number): Promise<Record<string, IBatchResponse>> {
  const chunks: Array<Array<{ id: string; url: string }>> = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) chunks.push(requests.slice(i, i + BATCH_SIZE));
  const out: Record<string, IBatchResponse> = {};
  let next = 0;
  // Each worker takes the next chunk when its last one answered.
  const worker = (): Promise<void> => (next < chunks.length
    ? t.graphBatch(chunks[next++]).then(answers => { Object.assign(out, answers); return worker(); })
    : Promise.resolve());
  return Promise.all(Array.from({ length: Math.min(atOnce ? Math.ceil(atOnce / BATCH_SIZE) : BATCH_CONCURRENCY, chunks.length) }, worker)).then(() => out);
}

function toPackage(p: AccessPackage): { id: string; name: string; version?: string } {
  return { id: String(p.id), name: p.displayName || '', version: p.modifiedDateTime || undefined };
}

/** What one package grants, every page; undefined when Graph refused (one package failing must not hide the others). */
function scopesOf(t: IPromptTransport, r: IBatchResponse | undefined): Promise<IGrant[] | undefined> {
  return allPages<AccessPackageResourceRoleScope>(t, r).then(list => list.map(rs => mapRoleScope(rs)), () => undefined);
}

/** What each package grants: from the grant cache by version, else read 20 to a `$batch`. */
function grantsOf(ctx: IPromptContext, packages: Array<{ id: string; version?: string }>): Promise<Map<string, IGrant[]>> {
  const prefix = ctx.grantCachePrefix || `accessHub:grants:${ctx.person}:`;
  // The catalog's entries name every resource and serve the prompt too. The prompt reads the documented
  // `$expand=role,scope`, which names no group or app, so what it reads goes to entries of its own: written
  // to the shared ones, they would show the catalog "<group id> — Member".
  const shared = new StorageGrantCache(ctx.local, prefix);
  const cache = new StorageGrantCache(ctx.local, `${prefix}prompt:`);
  const result = new Map<string, IGrant[]>();
  const missing = packages.filter(p => {
    const hit = shared.get(p.id, p.version) || cache.get(p.id, p.version);
    if (hit) result.set(p.id, hit);
    return !hit;
  });
  return batchAll(ctx.transport, missing.map(p => ({ id: p.id, url: roleScopes(p.id) })))
    .then(answers => Promise.all(missing.map(p => scopesOf(ctx.transport, answers[p.id]).then(grants => {
      if (!grants) return;
      cache.set(p.id, p.version, grants);
      result.set(p.id, grants);
    }))))
    .then(() => result);
}

type Scanned = IScan['packages'];

/**
 * The requestable packages, every page, and what each grants. The pages come one after another (the function
 * documents no `$skip`), so each page's grants are read while the next page is. Stops when `stop()` says so.
 */
function scanPackages(ctx: IPromptContext, first: IBatchResponse | undefined, stop?: () => boolean): Promise<{ list: Scanned; grants: Map<string, IGrant[]> }> {
  const grants = new Map<string, IGrant[]>();
  const reads: Array<Promise<void>> = [];
  return allPages<AccessPackage>(ctx.transport, first, items => {
    if (stop && stop()) return true;
    const read = grantsOf(ctx, items.map(toPackage)).then(g => g.forEach((v, k) => grants.set(k, v)));
    read.catch(() => undefined); // handled below, after the last page: not an unhandled rejection meanwhile
    reads.push(read);
  }).then(all => Promise.all(reads).then(() => ({ list: all.map(toPackage), grants })));
}

/**
 * The package ids in the site's shared access map (README, "A site's access map": a file in Site Assets), at most 500;
 * none when the site has no map. Only ids are taken, each read again for this person below (URL-encoded: an id that
 * is not one is a 404, like a package that is not for them).
 */
function mapIds(map: unknown): string[] {
  const m = map as { v?: number; packages?: Array<{ id?: unknown } | null> } | undefined;
  return m && m.v === 1 && Array.isArray(m.packages) ? m.packages.slice(0, 500).map(p => String(p && p.id)) : [];
}

/**
 * Packages by id (named in the settings, or in the site's map), each with what it grants now: whatever `first` (the
 * first `$batch`) did not answer is read in one wave. A 404 means the package is not for this person (an
 * availableAccessPackage is one they may request): left out.
 */
function packagesById(ctx: IPromptContext, ids: string[], first: Record<string, IBatchResponse>): Promise<IPromptPackage[]> {
  const t = ctx.transport;
  const requests: Array<{ id: string; url: string }> = [];
  for (const id of ids) if (!first[`a:${id}`]) requests.push({ id: `a:${id}`, url: available(id) }, { id: `n:${id}`, url: roleScopes(id) });
  return batchAll(t, requests, requests.length).then(more => {
    const answers = merge(merge({}, first), more);
    return Promise.all(ids.map(id => {
      const pkg = answers[`a:${id}`];
      return pkg && pkg.status < 400
        ? scopesOf(t, answers[`n:${id}`]).then(grants => grants && { id, name: (pkg.body as AccessPackage).displayName || '', requestable: true, grants })
        : undefined;
    }));
  }).then(list => list.filter((p): p is IPromptPackage => !!p));
}

function withGrants(list: Array<{ id: string; name: string; version?: string }>, grants: Map<string, IGrant[]>, requestable: boolean): IPromptPackage[] {
  return list.filter(p => grants.has(p.id)).map(p => ({ id: p.id, name: p.name, version: p.version, requestable, grants: grants.get(p.id) || [] }));
}

export interface IPromptLoad {
  facts: IPromptFacts;
  /** Whether the answer came from the session cache (no request at all). */
  cached: boolean;
  /**
   * Work left in the background, which never rejects: a session answer older than `revalidateMinutes` read again
   * (resolves with the fresh facts; undefined when that failed), or a day-old scan (resolves with nothing).
   */
  revalidation?: Promise<IPromptFacts | void>;
}

/** A session answer and when it was read. */
interface ISessionEntry { at: number; facts: IPromptFacts }

/** How long a failed read is kept: the next page views in these minutes show no banner rather than ask again. */
export const FAILED_MS = 5 * 60000;

const failedKey = (person: string): string => `accessHub:prompt:failed:${person.toLowerCase()}`;

function warn(what: string): (e: unknown) => void {
  // eslint-disable-next-line no-console -- the banner is optional; say why it is absent or old to whoever debugs
  return e => console.warn(`AccessPrompt: ${what}`, e);
}

/**
 * The prompt's data. A session answer (per person and site) is served at once; when older than the settings'
 * `revalidateMinutes` it is also read again in the background (one round trip). Otherwise: the site's level and
 * group from SharePoint REST and, in parallel, one Graph `$batch` with the person's assignments, requests and
 * manager (and, for named packages, what they grant), every page of each. Without a scan, the requestable packages'
 * first page rides in the same batch and its next pages follow one after another. A failed read is kept for FAILED_MS.
 */
export function loadPrompt(ctx: IPromptContext): Promise<IPromptLoad> {
  const now = ctx.now().getTime();
  const entry = read<ISessionEntry>(ctx.session, sessionKey(ctx.person, ctx.siteUrl));
  const failed = now - (read<number>(ctx.local, failedKey(ctx.person)) || 0) < FAILED_MS;
  if (entry && entry.facts) {
    const old = !failed && now - entry.at >= ctx.settings.revalidateMinutes * 60000;
    return Promise.resolve({
      facts: entry.facts, cached: true,
      revalidation: old ? fresh(ctx, now).then(load => load.facts, warn('kept the earlier answer')) : undefined
    });
  }
  return failed ? Promise.reject(new Error('AccessPrompt: failed < 5 min ago')) : fresh(ctx, now);
}

function fresh(ctx: IPromptContext, now: number): Promise<IPromptLoad> {
  const t = ctx.transport;
  const named = ctx.settings.packageIds;
  const scan = named.length ? undefined : read<IScan>(ctx.local, scanKey(ctx.person));
  const graphRequests = [
    { id: 'assignments', url: ASSIGNMENTS },
    { id: 'requests', url: REQUESTS },
    { id: 'manager', url: '/me/manager?$select=displayName' }
  ];
  if (!named.length && !scan) graphRequests.push({ id: 'packages', url: REQUESTABLE });
  // Named packages: the package and what it grants, two reads each; 8 fit beside the three reads.
  const namedFirst = named.slice(0, Math.floor((BATCH_SIZE - graphRequests.length) / 2));
  for (const id of namedFirst) {
    graphRequests.push({ id: `a:${id}`, url: available(id) });
    graphRequests.push({ id: `n:${id}`, url: roleScopes(id) });
  }
  let revalidation: Promise<void> | undefined;

  const mapFile = `${ctx.siteUrl.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '')}/${SITE_MAP_FOLDER}/${SITE_MAP_FILE}`;
  // The site's shared map, beside the rest (a site without one answers 404: no map). Its packages are read as soon
  // as it answers, not after the Graph batch: with a map the banner takes two round trips (map, then packages).
  let hasMap = false;
  const mapped: Promise<IPromptPackage[] | undefined> = named.length ? Promise.resolve(undefined) : t.spGet(`web/getFileByServerRelativeUrl('${encodeURIComponent(mapFile)}')/$value`)
    .then(mapIds, () => [])
    .then(ids => {
      hasMap = ids.length > 0;
      return hasMap ? packagesById(ctx, ids, {}) : undefined;
    });
  const graphRead = t.graphBatch(graphRequests);
  // Without a kept scan the requestable list is followed as soon as its first page answers, not after SharePoint's
  // answers: the web parts on the page take these reads (core/pageSharedReads.ts) and must not get ahead of the
  // banner. A map answering meanwhile stops it.
  const scanning = named.length || scan ? undefined : graphRead.then(graph => scanPackages(ctx, graph.packages, () => hasMap));
  if (scanning) scanning.catch(() => undefined); // taken below, unless the site has a map
  return Promise.all([
    graphRead,
    t.spGet('site?$select=GroupId,Url') as Promise<{ GroupId?: string; Url?: string }>,
    t.spGet('web/effectiveBasePermissions') as Promise<{ High?: string | number; Low?: string | number }>,
    // Settled here only when there is no map (the packages are awaited below): a failed read is not left unhandled.
    mapped.then(m => !!m, () => true)
  ]).then(([graph, site, perms, hasMap]) => {
    let packages: Promise<IPromptPackage[]>;
    if (named.length) {
      // Named in the settings: only these are read (more than 8 cost one more round trip).
      packages = packagesById(ctx, named, graph);
    } else if (hasMap) {
      // The site's map: only its packages (the requestable list's first page in the batch is left unfollowed).
      packages = mapped as Promise<IPromptPackage[]>;
    } else {
      if (scan) {
        const list = scan.packages;
        // A day-old scan serves this page view; the requestable packages are listed again in the background.
        if (now - scan.at > DAY_MS) revalidation = revalidate(ctx, now).catch(warn('scan not revalidated'));
        packages = grantsOf(ctx, list).then(grants => withGrants(list, grants, true));
      } else {
        packages = (scanning as NonNullable<typeof scanning>).then(({ list, grants }) => {
          write(ctx.local, scanKey(ctx.person), { at: now, packages: list });
          return withGrants(list, grants, true);
        });
      }
    }
    const siteInfo: ISiteInfo = {
      url: String(site.Url || ctx.siteUrl),
      title: ctx.siteTitle,
      groupId: site.GroupId && site.GroupId !== EMPTY_GUID ? String(site.GroupId) : undefined
    };
    const manager = graph.manager && graph.manager.status < 400 ? graph.manager.body as { displayName?: string } : undefined;
    return Promise.all([
      allPages<AccessPackageAssignment>(t, graph.assignments),
      allPages<AccessPackageAssignmentRequest>(t, graph.requests),
      packages
    ]).then(([assignments, requests, list]) => {
      const facts: IPromptFacts = {
        site: siteInfo,
        level: levelFromPermissions(Number(perms.High || 0), Number(perms.Low || 0)),
        assignments,
        requests,
        managerName: manager && manager.displayName || undefined,
        // Only what grants this site is kept: the session entry stays small.
        packages: packagesForSite(list, siteInfo).map(e => e.pkg)
      };
      write(ctx.session, sessionKey(ctx.person, ctx.siteUrl), { at: now, facts });
      return { facts, cached: false, revalidation };
    });
  }).catch((e: unknown) => {
    write(ctx.local, failedKey(ctx.person), now);
    throw e;
  });
}

/** Re-lists the requestable packages in the background; only packages whose version changed are read again. */
function revalidate(ctx: IPromptContext, now: number): Promise<void> {
  return ctx.transport.graphBatch([{ id: 'packages', url: REQUESTABLE }])
    .then(first => scanPackages(ctx, first.packages))
    .then(({ list }) => write(ctx.local, scanKey(ctx.person), { at: now, packages: list }));
}
