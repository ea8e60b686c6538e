/**
 * The tenant's mutable store. It is the fixture (dates shifted) plus what the emulator needs to be faithful:
 * the base membership captured at load, and grants with provenance, so removing an assignment takes away
 * exactly what it gave and never the fixture's own memberships.
 */
import type { Fixture, FxAppRoleAssignment, Id } from './fixture';

export type GrantKind = 'groupMember' | 'groupOwner' | 'appRole' | 'siteRole';

export interface Grant {
  /** For appRole grants this is also the appRoleAssignment id Graph would show. */
  id: Id;
  assignmentId: Id;
  userId: Id;
  kind: GrantKind;
  /** group id, service principal id or site id */
  targetId: Id;
  /** app role id or SharePoint role id (originId); empty for groups */
  roleId: string;
  createdDateTime: string;
}

export interface BaseMembership {
  groups: Record<Id, { memberIds: Id[]; ownerIds: Id[] }>;
  /** key `${siteId}|${roleId}` */
  siteRoles: Record<string, string[]>;
  appRoleAssignments: Record<Id, FxAppRoleAssignment[]>;
}

export interface Db extends Fixture {
  base: BaseMembership;
  grants: Grant[];
  /** How far /_dev/clock has moved the tenant's time beyond the real clock. */
  clockOffsetMs: number;
  /** Scale setting the data was generated with, so a persisted file is not re-scaled. */
  scale?: string;
  version: 1;
}

export function captureBase(fx: Fixture): BaseMembership {
  const base: BaseMembership = { groups: {}, siteRoles: {}, appRoleAssignments: {} };
  for (const g of fx.groups) base.groups[g.id] = { memberIds: [...g.memberIds], ownerIds: [...g.ownerIds] };
  for (const s of fx.sites) for (const r of s.roles) base.siteRoles[`${s.id}|${r.id}`] = [...r.members];
  for (const sp of fx.servicePrincipals) base.appRoleAssignments[sp.id] = sp.appRoleAssignments.map((a) => ({ ...a }));
  return base;
}

/** Index for hot lookups; rebuilt lazily whenever the store changes shape (see Tenant.touch). */
export class DbIndex {
  readonly users = new Map<Id, Db['users'][number]>();
  readonly usersByUpn = new Map<string, Db['users'][number]>();
  readonly groups = new Map<Id, Db['groups'][number]>();
  readonly packages = new Map<Id, Db['accessPackages'][number]>();
  readonly policies = new Map<Id, Db['assignmentPolicies'][number]>();
  readonly policiesByPackage = new Map<Id, Db['assignmentPolicies']>();
  readonly catalogs = new Map<Id, Db['catalogs'][number]>();
  readonly resources = new Map<Id, Db['resources'][number]>();
  readonly roles = new Map<Id, { role: Db['resources'][number]['roles'][number]; resource: Db['resources'][number] }>();
  readonly scopes = new Map<Id, { scope: Db['resources'][number]['scopes'][number]; resource: Db['resources'][number] }>();
  readonly assignments = new Map<Id, Db['assignments'][number]>();
  readonly requests = new Map<Id, Db['assignmentRequests'][number]>();

  constructor(db: Db) {
    for (const u of db.users) { this.users.set(u.id, u); this.usersByUpn.set(String(u.userPrincipalName).toLowerCase(), u); }
    for (const g of db.groups) this.groups.set(g.id, g);
    for (const p of db.accessPackages) this.packages.set(p.id, p);
    for (const p of db.assignmentPolicies) {
      this.policies.set(p.id, p);
      const list = this.policiesByPackage.get(p.accessPackageId) ?? [];
      list.push(p);
      this.policiesByPackage.set(p.accessPackageId, list);
    }
    for (const c of db.catalogs) this.catalogs.set(c.id, c);
    for (const r of db.resources) {
      this.resources.set(r.id, r);
      for (const role of r.roles) this.roles.set(role.id, { role, resource: r });
      for (const scope of r.scopes) this.scopes.set(scope.id, { scope, resource: r });
    }
    for (const a of db.assignments) this.assignments.set(a.id, a);
    for (const r of db.assignmentRequests) this.requests.set(r.id, r);
  }
}
