/**
 * Directory endpoints: /me, /users, /users/{id|upn}, …/manager, …/sponsors, /groups/{id}, …/members, …/owners.
 * Any valid token may read them (SPFx tenants grant User.Read(.All) to the web client extensibility app).
 */
import { GraphError } from '../errors';
import type { FxGroup, FxUser } from '../fixture';
import { REGISTRY } from '../shapes';
import { USER_DEFAULT_SELECT } from '../shapesDirectory';
import type { Tenant } from '../tenant';
import { collection, contextUrl, GraphReq, GraphRes, Route, single } from './common';

function userOrThrow(t: Tenant, key: string): FxUser {
  const u = t.findUser(decodeURIComponent(key));
  if (!u) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
  return u;
}

function groupOrThrow(t: Tenant, id: string): FxGroup {
  const g = t.idx.groups.get(id);
  if (!g) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  return g;
}

/** Graph returns a default property set for users unless $select asks for more. */
function withUserDefaults(req: GraphReq): void {
  if (!req.params.has('$select') && !req.params.has('select')) req.params.set('$select', USER_DEFAULT_SELECT.join(','));
}

function userGet(t: Tenant, req: GraphReq, u: FxUser, context: string): GraphRes {
  withUserDefaults(req);
  return single(t, req, 'user', u, context);
}

function manager(t: Tenant, req: GraphReq, u: FxUser): GraphRes {
  const m = u.managerId ? t.idx.users.get(u.managerId) : undefined;
  if (!m) throw new GraphError(404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
  withUserDefaults(req);
  const res = single(t, req, 'user', m, 'directoryObjects');
  return { ...res, body: { ...(res.body as object), '@odata.type': '#microsoft.graph.user' } };
}

function directoryCollection(t: Tenant, req: GraphReq, users: FxUser[], context: string): GraphRes {
  withUserDefaults(req);
  const res = collection(t, req, 'user', users, context);
  const body = res.body as { value: Record<string, unknown>[] };
  body.value = body.value.map((v) => ({ '@odata.type': '#microsoft.graph.user', ...v }));
  return res;
}

/**
 * `GET /users/{id}/sponsors` (v1.0, delegated User.Read): the user's sponsors, users and groups, each with its
 * `@odata.type` (https://learn.microsoft.com/en-us/graph/api/user-list-sponsors?view=graph-rest-1.0). `$select`
 * applies to both types; a property one type lacks is left out of its objects, as on other directoryObject lists.
 */
function sponsors(t: Tenant, req: GraphReq, u: FxUser): GraphRes {
  const ids = u.sponsorIds ?? [];
  const users = ids.map((id) => t.idx.users.get(id)).filter((x): x is FxUser => !!x);
  const groups = ids.map((id) => t.idx.groups.get(id)).filter((x): x is FxGroup => !!x);
  const select = req.params.get('$select') ?? req.params.get('select');
  const forType = (type: 'user' | 'group'): GraphReq => {
    const params = new URLSearchParams(req.params);
    params.delete('select');
    const knows = (x: string, ty: string): boolean => REGISTRY[ty].properties.some((p) => p.toLowerCase() === x.toLowerCase());
    // A name neither type declares stays in the user query, which answers 400 for it as Graph does.
    if (select) params.set('$select', select.split(',').map((x) => x.trim()).filter((x) => x && (knows(x, type) || (type === 'user' && !knows(x, 'group')))).join(',') || 'id');
    else if (type === 'user') params.set('$select', USER_DEFAULT_SELECT.join(','));
    return { ...req, params };
  };
  const of = (type: 'user' | 'group', items: unknown[]): Record<string, unknown>[] =>
    ((collection(t, forType(type), type, items, 'directoryObjects').body as { value: Record<string, unknown>[] }).value)
      .map((v) => ({ '@odata.type': `#microsoft.graph.${type}`, ...v }));
  const value = [...of('user', users), ...of('group', groups)];
  return { status: 200, body: { '@odata.context': contextUrl(req, 'directoryObjects'), value } };
}

const members = (t: Tenant, ids: string[]): FxUser[] => ids.map((id) => t.idx.users.get(id)).filter((u): u is FxUser => !!u);

export const directoryRoutes: Route[] = [
  { method: 'GET', pattern: 'me', handler: (t, req) => userGet(t, req, req.user, 'users') },
  { method: 'GET', pattern: 'me/manager', handler: (t, req) => manager(t, req, req.user) },
  { method: 'GET', pattern: 'me/sponsors', handler: (t, req) => sponsors(t, req, req.user) },
  { method: 'GET', pattern: 'users/{id}/sponsors', handler: (t, req, p) => sponsors(t, req, userOrThrow(t, p.id)) },
  { method: 'GET', pattern: 'users', handler: (t, req) => { withUserDefaults(req); return collection(t, req, 'user', t.db.users, 'users'); } },
  { method: 'GET', pattern: 'users/{id}', handler: (t, req, p) => userGet(t, req, userOrThrow(t, p.id), 'users') },
  { method: 'GET', pattern: 'users/{id}/manager', handler: (t, req, p) => manager(t, req, userOrThrow(t, p.id)) },
  {
    method: 'GET', pattern: 'users/{id}/directReports',
    handler: (t, req, p) => { const u = userOrThrow(t, p.id); return directoryCollection(t, req, t.db.users.filter((x) => x.managerId === u.id), 'directoryObjects'); },
  },
  { method: 'GET', pattern: 'groups', handler: (t, req) => collection(t, req, 'group', t.db.groups, 'groups') },
  { method: 'GET', pattern: 'groups/{id}', handler: (t, req, p) => single(t, req, 'group', groupOrThrow(t, p.id), 'groups') },
  { method: 'GET', pattern: 'groups/{id}/members', handler: (t, req, p) => directoryCollection(t, req, members(t, groupOrThrow(t, p.id).memberIds), 'directoryObjects') },
  { method: 'GET', pattern: 'groups/{id}/owners', handler: (t, req, p) => directoryCollection(t, req, members(t, groupOrThrow(t, p.id).ownerIds), 'directoryObjects') },
  {
    method: 'GET', pattern: 'servicePrincipals/{id}',
    handler: (t, req, p) => {
      const sp = t.db.servicePrincipals.find((s) => s.id === p.id);
      if (!sp) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${p.id}' does not exist or one of its queried reference-property objects are not present.`);
      return single(t, req, 'servicePrincipal', sp, 'servicePrincipals');
    },
  },
  {
    method: 'GET', pattern: 'servicePrincipals/{id}/appRoleAssignedTo',
    handler: (t, req, p) => {
      const sp = t.db.servicePrincipals.find((s) => s.id === p.id);
      if (!sp) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${p.id}' does not exist or one of its queried reference-property objects are not present.`);
      return { status: 200, body: { '@odata.context': `${req.origin}/v1.0/$metadata#servicePrincipals('${sp.id}')/appRoleAssignedTo`, value: sp.appRoleAssignments } };
    },
  },
];
