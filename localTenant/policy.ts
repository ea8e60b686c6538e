/**
 * Policy semantics (docs/graph-notes.md §7): who a policy admits (allowedTargetScope + specificAllowedTargets +
 * requestorSettings), who approves a stage (subject sets, with fallbacks), and the admin roles.
 */
import type { FxApprovalStageSettings, FxConnectedOrganization, FxPolicy, FxSubjectSet, FxUser, Id } from './fixture';
import type { Db, DbIndex } from './state';

const typeOf = (s: FxSubjectSet): string => String(s['@odata.type'] ?? '').replace(/^#?microsoft\.graph\./, '');

/** The connected organisation a guest belongs to: its identity sources include the guest's home tenant. */
export function connectedOrgOf(db: Db, user: FxUser): FxConnectedOrganization | undefined {
  if (user.userType !== 'Guest' || !user.externalTenantId) return undefined;
  return db.connectedOrganizations.find((o) =>
    o.identitySources.some((s) => typeof s.tenantId === 'string' && s.tenantId.toLowerCase() === String(user.externalTenantId).toLowerCase()));
}

function inSubjectSet(db: Db, idx: DbIndex, set: FxSubjectSet, user: FxUser): boolean {
  switch (typeOf(set)) {
    case 'singleUser': return set.userId === user.id;
    case 'groupMembers': return !!set.groupId && !!idx.groups.get(set.groupId)?.memberIds.includes(user.id);
    case 'connectedOrganizationMembers': return !!set.connectedOrganizationId && connectedOrgOf(db, user)?.id === set.connectedOrganizationId;
    default: return false; // attributeRuleMembers etc. are not evaluated by the emulator
  }
}

/** Whether the policy's allowedTargetScope admits the user as a target (ignores requestorSettings). */
export function scopeAdmits(db: Db, idx: DbIndex, p: FxPolicy, user: FxUser): boolean {
  if (user.accountEnabled === false) return false;
  const guest = user.userType === 'Guest';
  switch (p.allowedTargetScope) {
    case 'allMemberUsers': return !guest;
    case 'allDirectoryUsers': return true;
    case 'allExternalUsers': return guest;
    case 'allConfiguredConnectedOrganizationUsers': {
      const org = connectedOrgOf(db, user);
      return !!org && org.state === 'configured';
    }
    case 'specificDirectoryUsers':
    case 'specificConnectedOrganizationUsers':
      return p.specificAllowedTargets.some((s) => inSubjectSet(db, idx, s, user));
    default: return false; // notSpecified, service principals, agent identities, unknownFutureValue
  }
}

/** A policy through which the user may request for themselves (docs/graph-notes.md §2.2 "Extra requirement"). */
export function policyAdmitsSelfAdd(db: Db, idx: DbIndex, p: FxPolicy, user: FxUser): boolean {
  return !!p.requestorSettings.enableTargetsToSelfAddAccess && scopeAdmits(db, idx, p, user);
}

export function admittingPolicies(db: Db, idx: DbIndex, packageId: Id, user: FxUser): FxPolicy[] {
  return (idx.policiesByPackage.get(packageId) ?? []).filter((p) => policyAdmitsSelfAdd(db, idx, p, user));
}

function managerAt(idx: DbIndex, user: FxUser, level: number): FxUser | undefined {
  let cur: FxUser | undefined = user;
  for (let i = 0; i < Math.max(1, level) && cur; i++) cur = cur.managerId ? idx.users.get(cur.managerId) : undefined;
  return cur;
}

function resolveSets(db: Db, idx: DbIndex, sets: FxSubjectSet[], requestor: FxUser): Id[] {
  const out = new Set<Id>();
  for (const s of sets) {
    switch (typeOf(s)) {
      case 'singleUser': if (s.userId && idx.users.has(s.userId)) out.add(s.userId); break;
      case 'groupMembers': for (const m of (s.groupId ? idx.groups.get(s.groupId)?.memberIds : undefined) ?? []) out.add(m); break;
      case 'requestorManager': {
        const m = managerAt(idx, requestor, Number(s.managerLevel ?? 1));
        if (m) out.add(m.id);
        break;
      }
      // The requesting user's own sponsors (user.sponsors); a group sponsor's members approve.
      case 'targetUserSponsors':
        for (const id of requestor.sponsorIds ?? []) {
          if (idx.users.has(id)) out.add(id);
          else for (const m of idx.groups.get(id)?.memberIds ?? []) out.add(m);
        }
        break;
      case 'internalSponsors': for (const id of connectedOrgOf(db, requestor)?.internalSponsorIds ?? []) out.add(id); break;
      case 'externalSponsors': for (const id of connectedOrgOf(db, requestor)?.externalSponsorIds ?? []) out.add(id); break;
      default: break;
    }
  }
  return [...out];
}

/**
 * Stage approvers: primary approvers, or the fallback approvers when the primary sets resolve to nobody
 * (e.g. requestorManager for a requestor without a manager — Grady; targetUserSponsors for a user without sponsors). The requestor stays listed when they
 * happen to be an approver; self-approval is blocked where decisions are read and made (docs/graph-notes.md §9.3).
 */
export function resolveStageApprovers(db: Db, idx: DbIndex, stage: FxApprovalStageSettings, requestor: FxUser): Id[] {
  const primary = resolveSets(db, idx, stage.primaryApprovers, requestor);
  return primary.length ? primary : resolveSets(db, idx, stage.fallbackPrimaryApprovers, requestor);
}

export function isGovernanceAdmin(db: Db, userId: Id): boolean {
  return db.roles.identityGovernanceAdministrators.includes(userId);
}

/** Catalog ids the user may administer: all for administrators, the owned ones for catalog owners. */
export function adminCatalogs(db: Db, userId: Id): Set<Id> | 'all' | undefined {
  if (isGovernanceAdmin(db, userId)) return 'all';
  const owned = Object.entries(db.roles.catalogOwners).filter(([, ids]) => Array.isArray(ids) && ids.includes(userId)).map(([c]) => c);
  return owned.length ? new Set(owned) : undefined;
}
