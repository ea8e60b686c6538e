/**
 * Admin / property-pane endpoints (docs/graph-notes.md §6): need Read.All or ReadWrite.All plus an EM role
 * (identityGovernanceAdministrators: everything; catalogOwners: their catalogs only), else 403 UnAuthorized.
 */
import { forbiddenRole, GraphError } from '../errors';
import type { FxAccessPackage, FxCatalog } from '../fixture';
import type { Tenant } from '../tenant';
import { collection, EM, GraphReq, inCatalogs, requireAdmin, Route, single } from './common';

function pkgOrThrow(t: Tenant, req: GraphReq, id: string): FxAccessPackage {
  const cats = requireAdmin(t, req);
  const p = t.idx.packages.get(id);
  if (!p) throw new GraphError(404, 'ResourceNotFound', `Access package '${id}' was not found.`);
  if (!inCatalogs(cats, p.catalogId)) throw forbiddenRole();
  return p;
}

function catalogOrThrow(t: Tenant, req: GraphReq, id: string): FxCatalog {
  const cats = requireAdmin(t, req);
  const c = t.idx.catalogs.get(id);
  if (!c) throw new GraphError(404, 'ResourceNotFound', `Catalog '${id}' was not found.`);
  if (!inCatalogs(cats, c.id)) throw forbiddenRole();
  return c;
}

/** Catalog-scoped admins must filter admin lists by accessPackage/id (docs/graph-notes.md §2.2, §6). */
function requireFullAdminOrPackageFilter(req: GraphReq, cats: Set<string> | 'all'): void {
  if (cats === 'all') return;
  const f = req.params.get('$filter') ?? req.params.get('filter') ?? '';
  if (!/accessPackage\/id\s+(eq|in)/i.test(f)) throw forbiddenRole();
}

export const adminRoutes: Route[] = [
  {
    method: 'GET', pattern: `${EM}/accessPackages`,
    handler: (t, req) => {
      const cats = requireAdmin(t, req);
      return collection(t, req, 'accessPackage', t.db.accessPackages.filter((p) => inCatalogs(cats, p.catalogId)), `${EM}/accessPackages`);
    },
  },
  { method: 'GET', pattern: `${EM}/accessPackages/{id}`, handler: (t, req, p) => single(t, req, 'accessPackage', pkgOrThrow(t, req, p.id), `${EM}/accessPackages`) },
  {
    method: 'GET', pattern: `${EM}/accessPackages/{id}/resourceRoleScopes`,
    handler: (t, req, p) => {
      const pkg = pkgOrThrow(t, req, p.id);
      return collection(t, req, 'accessPackageResourceRoleScope', pkg.resourceRoleScopes.filter((x) => t.idx.roles.has(x.roleId)), `${EM}/accessPackages('${pkg.id}')/resourceRoleScopes`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/accessPackages/{id}/assignmentPolicies`,
    handler: (t, req, p) => {
      const pkg = pkgOrThrow(t, req, p.id);
      return collection(t, req, 'accessPackageAssignmentPolicy', t.idx.policiesByPackage.get(pkg.id) ?? [], `${EM}/accessPackages('${pkg.id}')/assignmentPolicies`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/catalogs`,
    handler: (t, req) => {
      const cats = requireAdmin(t, req);
      return collection(t, req, 'accessPackageCatalog', t.db.catalogs.filter((c) => inCatalogs(cats, c.id)), `${EM}/catalogs`);
    },
  },
  { method: 'GET', pattern: `${EM}/catalogs/{id}`, handler: (t, req, p) => single(t, req, 'accessPackageCatalog', catalogOrThrow(t, req, p.id), `${EM}/catalogs`) },
  {
    method: 'GET', pattern: `${EM}/catalogs/{id}/resources`,
    handler: (t, req, p) => {
      const c = catalogOrThrow(t, req, p.id);
      return collection(t, req, 'accessPackageResource', t.db.resources.filter((r) => r.catalogId === c.id), `${EM}/catalogs('${c.id}')/resources`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/catalogs/{id}/resourceRoles`,
    handler: (t, req, p) => {
      const c = catalogOrThrow(t, req, p.id);
      return collection(t, req, 'accessPackageResourceRole', t.db.resources.filter((r) => r.catalogId === c.id).flatMap((r) => r.roles), `${EM}/catalogs('${c.id}')/resourceRoles`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/catalogs/{id}/accessPackages`,
    handler: (t, req, p) => {
      const c = catalogOrThrow(t, req, p.id);
      return collection(t, req, 'accessPackage', t.db.accessPackages.filter((x) => x.catalogId === c.id), `${EM}/catalogs('${c.id}')/accessPackages`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/assignmentPolicies`,
    handler: (t, req) => {
      const cats = requireAdmin(t, req);
      // Catalog-scoped admins should read policies through accessPackages?$expand=assignmentPolicies (docs/graph-notes.md §2.2).
      if (cats !== 'all') throw forbiddenRole();
      return collection(t, req, 'accessPackageAssignmentPolicy', t.db.assignmentPolicies, `${EM}/assignmentPolicies`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/assignmentPolicies/{id}`,
    handler: (t, req, p) => {
      const cats = requireAdmin(t, req);
      const pol = t.idx.policies.get(p.id);
      if (!pol) throw new GraphError(404, 'ResourceNotFound', `Policy '${p.id}' was not found.`);
      if (!inCatalogs(cats, pol.catalogId)) throw forbiddenRole();
      return single(t, req, 'accessPackageAssignmentPolicy', pol, `${EM}/assignmentPolicies`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/assignments`,
    handler: (t, req) => {
      const cats = requireAdmin(t, req);
      requireFullAdminOrPackageFilter(req, cats);
      const items = t.db.assignments.filter((a) => inCatalogs(cats, t.idx.packages.get(a.accessPackageId)?.catalogId ?? ''));
      return collection(t, req, 'accessPackageAssignment', items, `${EM}/assignments`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/assignmentRequests`,
    handler: (t, req) => {
      const cats = requireAdmin(t, req);
      requireFullAdminOrPackageFilter(req, cats);
      const items = t.db.assignmentRequests.filter((r) => inCatalogs(cats, t.idx.packages.get(r.accessPackageId)?.catalogId ?? ''));
      return collection(t, req, 'accessPackageAssignmentRequest', items, `${EM}/assignmentRequests`);
    },
  },
  {
    method: 'GET', pattern: `${EM}/connectedOrganizations`,
    handler: (t, req) => { requireAdmin(t, req); return collection(t, req, 'connectedOrganization', t.db.connectedOrganizations, `${EM}/connectedOrganizations`); },
  },
];
