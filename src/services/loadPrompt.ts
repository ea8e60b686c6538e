import type { AccessPackage, AccessPackageAssignment, AccessPackageAssignmentRequest, AccessPackageResourceRoleScope } from '@microsoft/microsoft-graph-types';
import { IGrant, ISiteInfo } from '../models/types';
import { mapRoleScope, packagesForSite } from '../models/siteGrants';
import { IPromptFacts, IPromptPackage, IPromptSettings } from '../models/prompt';
import { StorageGrantCache } from './grantCache';
import { levelFromPermissions } from './siteLevel';
import { forgetPrompt, sessionKey } from './promptCache';

export { forgetPrompt, sessionKey };

// AccessPrompt's data path. It runs on every page of every site where the customizer is active, so it is
// plain fetch (no PnPjs, no React): this file is part of the customizer's first script.

const EM = 'identityGovernance/entitlementManagement';
const BATCH_SIZE = 20;
const BATCH_CONCURRENCY = 6;
const PAGE = 100;
const DAY_MS = 86400000;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

export interface IBatchResponse { status: number; body: unknown }

/** The two calls the prompt makes: one Graph `$batch`, and a GET of the site's SharePoint REST API. */
export interface IPromptTransport {
  graphBatch(requests: Array<{ id: string; url: string }>): Promise<Record<string, IBatchResponse>>;
  spGet(path: string): Promise<unknown>;
}

export interface IFetchTransportOptions {
  graphBaseUrl: string;
  siteUrl: string;
  graphToken: () => Promise<string>;
  /** SharePoint REST in SPFx rides on the page's cookies; the local tenant wants a bearer token. */
  spToken?: () => Promise<string>;
}

// Promise chains rather than async/await in this module's small helpers: it is part of the customizer's first
// script, compiled to ES5, where every async function becomes a generator state machine.

function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}`);
  return response.json() as Promise<T>;
}

export function fetchTransport(o: IFetchTransportOptions): IPromptTransport {
  return {
    graphBatch: requests => o.graphToken()
      .then(token => fetch(`${o.graphBaseUrl.replace(/\/+$/, '')}/$batch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ requests: requests.map(r => ({ id: r.id, method: 'GET', url: r.url })) })
      }))
      .then(response => json<{ responses?: Array<{ id: string; status: number; body: unknown }> }>(response, '$batch'))
      .then(body => {
        const out: Record<string, IBatchResponse> = {};
        for (const r of body.responses || []) out[r.id] = { status: r.status, body: r.body };
        return out;
      }),
    spGet: path => (o.spToken ? o.spToken() : Promise.resolve(undefined))
      .then(token => {
        const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata' };
        if (token) headers.Authorization = `Bearer ${token}`;
        return fetch(`${o.siteUrl.replace(/\/+$/, '')}/_api/${path}`, { headers, credentials: 'same-origin' });
      })
      .then(response => json(response, `_api/${path}`))
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

const ASSIGNMENTS = `/${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`;
const REQUESTS = `/${EM}/assignmentRequests/filterByCurrentUser(on='target')?$expand=accessPackage,assignment($expand=assignmentPolicy)`;
const REQUESTABLE = `/${EM}/accessPackages/filterByCurrentUser(on='allowedRequestor')?$select=id,displayName,modifiedDateTime&$count=true&$top=${PAGE}`;
const roleScopes = (id: string): string => `/${EM}/availableAccessPackages/${encodeURIComponent(id)}/resourceRoleScopes?$expand=role,scope`;

/** Runs `$batch`es of up to 20, a few at a time. */
function batchAll(t: IPromptTransport, requests: Array<{ id: string; url: string }>): Promise<Record<string, IBatchResponse>> {
  const chunks: Array<Array<{ id: string; url: string }>> = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) chunks.push(requests.slice(i, i + BATCH_SIZE));
  const out: Record<string, IBatchResponse> = {};
  let next = 0;
  // Each worker takes the next chunk when its last one answered.
  const worker = (): Promise<void> => (next < chunks.length
    ? t.graphBatch(chunks[next++]).then(answers => { Object.assign(out, answers); return worker(); })
    : Promise.resolve());
  return Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, chunks.length) }, worker)).then(() => out);
}

function toPackage(p: AccessPackage): { id: string; name: string; version?: string } {
  return { id: String(p.id), name: p.displayName || '', version: p.modifiedDateTime || undefined };
}

/** Every page of the requestable packages after the first, asked for in one go with `$skip`. */
function restOfPackages(t: IPromptTransport, first: IBatchResponse): Promise<AccessPackage[]> {
  const body = first.body as { value?: AccessPackage[]; '@odata.count'?: number };
  const all = (body.value || []).slice();
  const count = body['@odata.count'] || 0;
  const pages: Array<{ id: string; url: string }> = [];
  for (let skip = PAGE; skip < count; skip += PAGE) pages.push({ id: `p${skip}`, url: `${REQUESTABLE}&$skip=${skip}` });
  return batchAll(t, pages).then(answers => {
    for (const p of pages) all.push(...valueOf<AccessPackage>(answers[p.id]));
    return all;
  });
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
  return batchAll(ctx.transport, missing.map(p => ({ id: p.id, url: roleScopes(p.id) }))).then(answers => {
    for (const p of missing) {
      const r = answers[p.id];
      if (!r || r.status >= 400) continue; // one package failing must not hide the others
      const grants = ((r.body as { value?: AccessPackageResourceRoleScope[] }).value || []).map(rs => mapRoleScope(rs));
      cache.set(p.id, p.version, grants);
      result.set(p.id, grants);
    }
    return result;
  });
}

function withGrants(list: Array<{ id: string; name: string; version?: string }>, grants: Map<string, IGrant[]>, requestable: boolean): IPromptPackage[] {
  return list.filter(p => grants.has(p.id)).map(p => ({ ...p, requestable, grants: grants.get(p.id) || [] }));
}

export interface IPromptLoad {
  facts: IPromptFacts;
  /** Whether the answer came from the session cache (no request at all). */
  cached: boolean;
  /** A background revalidation of a day-old scan, when one was started. */
  revalidation?: Promise<void>;
}

/**
 * The prompt's data, in one round trip when the day's scan is known: the site's level and group from
 * SharePoint REST and, in parallel, one Graph `$batch` with the person's assignments, requests and manager
 * (and, for named packages, what they grant). Without a scan, the requestable packages' first page rides in
 * the same batch and the rest of the scan follows. The answer is kept for the session per person and site.
 */
export async function loadPrompt(ctx: IPromptContext): Promise<IPromptLoad> {
  const sKey = sessionKey(ctx.person, ctx.siteUrl);
  const cachedFacts = read<IPromptFacts>(ctx.session, sKey);
  if (cachedFacts) return { facts: cachedFacts, cached: true };

  const named = ctx.settings.packageIds;
  const now = ctx.now().getTime();
  const scan = named.length ? undefined : read<IScan>(ctx.local, scanKey(ctx.person));
  const needScan = !named.length && !scan;
  const stale = !!scan && now - scan.at > DAY_MS;

  const graphRequests = [
    { id: 'assignments', url: ASSIGNMENTS },
    { id: 'requests', url: REQUESTS },
    { id: 'manager', url: '/me/manager?$select=displayName' }
  ];
  if (needScan) graphRequests.push({ id: 'packages', url: REQUESTABLE });
  // Named packages: the package and what it grants, two reads each; 8 fit beside the three reads.
  const namedFirst = named.slice(0, Math.floor((BATCH_SIZE - graphRequests.length) / 2));
  for (const id of namedFirst) {
    graphRequests.push({ id: `a:${id}`, url: `/${EM}/availableAccessPackages/${encodeURIComponent(id)}?$select=id,displayName` });
    graphRequests.push({ id: `n:${id}`, url: roleScopes(id) });
  }

  const [graph, site, perms] = await Promise.all([
    ctx.transport.graphBatch(graphRequests),
    ctx.transport.spGet('site?$select=GroupId,Url') as Promise<{ GroupId?: string; Url?: string }>,
    ctx.transport.spGet('web/effectiveBasePermissions') as Promise<{ High?: string | number; Low?: string | number }>
  ]);
  const siteInfo: ISiteInfo = {
    url: String(site.Url || ctx.siteUrl),
    title: ctx.siteTitle,
    groupId: site.GroupId && site.GroupId !== EMPTY_GUID ? String(site.GroupId) : undefined
  };
  const level = levelFromPermissions(Number(perms.High || 0), Number(perms.Low || 0));
  const manager = graph.manager && graph.manager.status < 400 ? graph.manager.body as { displayName?: string } : undefined;

  let packages: IPromptPackage[];
  let revalidation: Promise<void> | undefined;
  if (named.length) {
    // A 404 means the person may not request it (availableAccessPackages lists only what they may ask for).
    const grants = new Map<string, IGrant[]>();
    for (const id of namedFirst) {
      const r = graph[`n:${id}`];
      if (r && r.status < 400) grants.set(id, ((r.body as { value?: AccessPackageResourceRoleScope[] }).value || []).map(rs => mapRoleScope(rs)));
    }
    const names: Record<string, string> = {};
    for (const id of namedFirst) {
      const r = graph[`a:${id}`];
      if (r && r.status < 400) names[id] = (r.body as AccessPackage).displayName || '';
    }
    // More than 8 named packages is unusual; the rest cost one more round trip.
    const rest = named.slice(namedFirst.length);
    if (rest.length) {
      const more = await batchAll(ctx.transport, rest.map(id => ({ id: `a:${id}`, url: `/${EM}/availableAccessPackages/${encodeURIComponent(id)}?$select=id,displayName` })));
      (await grantsOf(ctx, rest.filter(id => more[`a:${id}`] && more[`a:${id}`].status < 400).map(id => ({ id })))).forEach((g, id) => grants.set(id, g));
      for (const id of rest) if (more[`a:${id}`] && more[`a:${id}`].status < 400) names[id] = (more[`a:${id}`].body as AccessPackage).displayName || '';
    }
    packages = withGrants(named.map(id => ({ id, name: names[id] || '' })), grants, true);
  } else {
    let list = scan ? scan.packages : undefined;
    if (!list) {
      list = (await restOfPackages(ctx.transport, graph.packages)).map(toPackage);
      write(ctx.local, scanKey(ctx.person), { at: now, packages: list });
    } else if (stale) {
      revalidation = revalidate(ctx, now);
    }
    const grants = await grantsOf(ctx, list);
    packages = withGrants(list, grants, true);
  }

  const facts: IPromptFacts = {
    site: siteInfo,
    level,
    assignments: valueOf<AccessPackageAssignment>(graph.assignments),
    requests: valueOf<AccessPackageAssignmentRequest>(graph.requests),
    managerName: manager && manager.displayName || undefined,
    // Only what grants this site is kept: the session entry stays small.
    packages: packagesForSite(packages, siteInfo).map(e => e.pkg)
  };
  write(ctx.session, sKey, facts);
  return { facts, cached: false, revalidation };
}

/** Re-lists the requestable packages in the background; only packages whose version changed are read again. */
function revalidate(ctx: IPromptContext, now: number): Promise<void> {
  return ctx.transport.graphBatch([{ id: 'packages', url: REQUESTABLE }])
    .then(first => restOfPackages(ctx.transport, first.packages))
    .then(packages => {
      const list = packages.map(toPackage);
      return grantsOf(ctx, list).then(() => write(ctx.local, scanKey(ctx.person), { at: now, packages: list }));
    });
}
