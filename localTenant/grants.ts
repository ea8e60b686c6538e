/**
 * Grants: what a delivered assignment gives in the directory and in SharePoint (docs/graph-notes.md §6 "Resource identity
 * by origin system"): AadGroup Member_/Owner_ roles → group membership, AadApplication app role → an
 * appRoleAssignment on the service principal, SharePointOnline role originId → that site role's members.
 * Effective membership is always recomputed as base ∪ grants, so provenance is exact.
 */
import { randomUUID } from 'crypto';
import type { FxAssignment, FxSite, FxUser, Id, PermissionLevel } from './fixture';
import type { Db, DbIndex, Grant } from './state';

export function grantsForAssignment(db: Db, idx: DbIndex, a: FxAssignment, nowIso: string): Grant[] {
  const pkg = idx.packages.get(a.accessPackageId);
  if (!pkg) return [];
  const out: Grant[] = [];
  for (const rrs of pkg.resourceRoleScopes) {
    const hit = idx.roles.get(rrs.roleId);
    if (!hit) continue;
    const { role, resource } = hit;
    const base = { id: randomUUID(), assignmentId: a.id, userId: a.targetId, createdDateTime: nowIso };
    if (resource.originSystem === 'AadGroup') {
      const kind = role.originId.startsWith('Owner_') ? 'groupOwner' : 'groupMember';
      out.push({ ...base, kind, targetId: resource.originId, roleId: '' });
    } else if (resource.originSystem === 'AadApplication') {
      out.push({ ...base, kind: 'appRole', targetId: resource.originId, roleId: role.originId });
    } else if (resource.originSystem === 'SharePointOnline') {
      const site = db.sites.find((s) => sameUrl(s.url, resource.originId));
      if (site) out.push({ ...base, kind: 'siteRole', targetId: site.id, roleId: role.originId });
    }
  }
  return out;
}

export function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/** Rebuilds group members/owners, site role members and app role assignments from base + grants. */
export function recomputeEffective(db: Db, idx: DbIndex): void {
  for (const g of db.groups) {
    const base = db.base.groups[g.id] ?? { memberIds: [], ownerIds: [] };
    const members = new Set(base.memberIds);
    const owners = new Set(base.ownerIds);
    for (const gr of db.grants) {
      if (gr.targetId !== g.id) continue;
      if (gr.kind === 'groupMember') members.add(gr.userId);
      if (gr.kind === 'groupOwner') owners.add(gr.userId);
    }
    g.memberIds = [...members];
    g.ownerIds = [...owners];
  }
  for (const s of db.sites) {
    for (const r of s.roles) {
      const members = new Set(db.base.siteRoles[`${s.id}|${r.id}`] ?? []);
      for (const gr of db.grants) if (gr.kind === 'siteRole' && gr.targetId === s.id && gr.roleId === r.id) members.add(gr.userId);
      r.members = [...members];
    }
  }
  for (const sp of db.servicePrincipals) {
    const list = [...(db.base.appRoleAssignments[sp.id] ?? [])];
    for (const gr of db.grants) {
      if (gr.kind !== 'appRole' || gr.targetId !== sp.id) continue;
      const u = idx.users.get(gr.userId);
      list.push({
        id: gr.id, appRoleId: gr.roleId, principalId: gr.userId, principalType: 'User',
        principalDisplayName: u?.displayName ?? '', resourceId: sp.id, resourceDisplayName: sp.displayName,
        createdDateTime: gr.createdDateTime,
      });
    }
    sp.appRoleAssignments = list;
  }
}

export function addGrants(db: Db, idx: DbIndex, a: FxAssignment, nowIso: string): void {
  removeGrants(db, a.id);
  db.grants.push(...grantsForAssignment(db, idx, a, nowIso));
  recomputeEffective(db, idx);
}

export function removeGrants(db: Db, assignmentId: Id): void {
  db.grants = db.grants.filter((g) => g.assignmentId !== assignmentId);
}

const LEVEL_RANK: Record<PermissionLevel | 'none', number> = { none: 0, Read: 1, Edit: 2, 'Full Control': 3 };

/** The user's highest permission level on the site, from role members incl. the special member values. */
export function sitePermissionLevel(db: Db, idx: DbIndex, site: FxSite, user: FxUser | undefined): PermissionLevel | 'none' {
  if (!user) return 'none';
  const group = site.groupId ? idx.groups.get(site.groupId) : undefined;
  let best: PermissionLevel | 'none' = 'none';
  for (const r of site.roles) {
    const admitted = r.members.some((m) => {
      if (m === user.id) return true;
      if (m === 'everyoneExceptExternalUsers') return user.userType === 'Member';
      if (m === 'groupOwners') return !!group && group.ownerIds.includes(user.id);
      if (m === 'groupMembers') return !!group && group.memberIds.includes(user.id);
      return false;
    });
    if (admitted && LEVEL_RANK[r.permissionLevel] > LEVEL_RANK[best]) best = r.permissionLevel;
  }
  return best;
}

export function findSite(db: Db, nameOrUrl: string): FxSite | undefined {
  const key = nameOrUrl.replace(/\/+$/, '').toLowerCase();
  return db.sites.find((s) => {
    const url = s.url.replace(/\/+$/, '').toLowerCase();
    return url === key || url.split('/').pop() === key || s.id.toLowerCase() === key || (key.startsWith('/') && url.endsWith(key));
  });
}
