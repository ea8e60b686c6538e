import type { AccessPackageResourceRoleScope } from '@microsoft/microsoft-graph-types';
import { IGrant, GrantKind, SiteAccessLevel, ISiteInfo, IPackageWithGrants } from './types';

// The role-scope mapper and the site-level rules, apart from grants.ts so that the AccessPrompt customizer's first
// script carries only these; grants.ts re-exports them, so the web parts use the same mapper and rules.

const SITE_ROLE_SUFFIX: Array<[RegExp, SiteAccessLevel]> = [
  [/\bowners?$/i, 'owner'],
  [/\bmembers?$/i, 'member'],
  [/\bvisitors?$/i, 'visitor']
];

/** SharePoint's default associated groups, by their usual sequence numbers, when the name says nothing. */
const SITE_ROLE_BY_ID: Record<string, SiteAccessLevel> = { '3': 'owner', '4': 'visitor', '5': 'member' };

function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

function siteTitleFromUrl(url: string): string {
  const last = url.replace(/\/+$/, '').split('/').pop() || url;
  return last.charAt(0).toUpperCase() + last.slice(1);
}

function siteRoleLevel(roleName: string, roleOriginId: string): SiteAccessLevel {
  for (const [pattern, level] of SITE_ROLE_SUFFIX) {
    if (pattern.test(roleName)) return level;
  }
  return SITE_ROLE_BY_ID[roleOriginId] || 'member';
}

/**
 * Maps one role scope to a grant. Graph's payload carries no resource object unless the role's
 * resource is expanded (docs/graph-notes.md §1.3 "No resource object"); then `names` (directory names by
 * origin id, looked up by the service) names the resource, and what the role and scope say is the last resort.
 */
export function mapRoleScope(rs: AccessPackageResourceRoleScope, names?: ReadonlyMap<string, string>): IGrant {
  const role = rs.role || {};
  const scope = rs.scope || {};
  const resource = role.resource || {};
  const originSystem = role.originSystem || scope.originSystem || 'unknown';
  const roleOriginId = role.originId || '';
  const resourceOriginId = scope.originId || resource.originId || '';
  const roleDisplay = role.displayName || roleOriginId;
  let kind: GrantKind = 'other';
  let siteLevel: SiteAccessLevel | undefined;
  let resourceName = resource.displayName || (names && names.get(resourceOriginId)) || '';
  let roleName = roleDisplay;
  let url: string | undefined;

  if (originSystem === 'AadGroup') {
    const isOwner = /^owner/i.test(roleOriginId) || /^owner$/i.test(roleDisplay);
    kind = isOwner ? 'groupOwner' : 'groupMember';
    siteLevel = isOwner ? 'owner' : 'member';
    resourceName = resourceName || (scope.isRootScope === false ? scope.displayName || '' : '') || resourceOriginId;
  } else if (originSystem === 'AadApplication') {
    kind = 'appRole';
    resourceName = resourceName || resourceOriginId;
  } else if (originSystem === 'SharePointOnline') {
    kind = 'siteRole';
    siteLevel = siteRoleLevel(roleDisplay, roleOriginId);
    resourceName = resourceName || siteTitleFromUrl(resourceOriginId);
    url = resourceOriginId || undefined;
    // "Finance Visitors" on the "Finance" site reads better as "Finance — Visitors".
    if (resourceName && roleName.toLowerCase().startsWith(resourceName.toLowerCase() + ' ')) {
      roleName = roleName.slice(resourceName.length + 1);
    }
  }

  return {
    id: rs.id || `${role.id || ''}_${scope.id || ''}`,
    kind,
    originSystem,
    resourceName: resourceName || roleDisplay,
    roleName,
    resourceOriginId,
    roleOriginId,
    siteLevel,
    url
  };
}

export const LEVEL_RANK: Record<SiteAccessLevel, number> = { none: 0, visitor: 1, member: 2, owner: 3 };

/**
 * What a package gives on a site: the highest level among its grants on the site itself
 * (SharePointOnline, origin id = site URL) or on the site's connected Microsoft 365 group
 * (AadGroup, origin id = the site's GroupId). `none` when it grants nothing there.
 */
export function siteLevelOfPackage(pkg: Pick<IPackageWithGrants, 'grants'>, site: ISiteInfo): SiteAccessLevel {
  const siteUrl = normalizeUrl(site.url);
  const groupId = site.groupId ? site.groupId.toLowerCase() : undefined;
  let best: SiteAccessLevel = 'none';
  for (const g of pkg.grants) {
    const onSite = g.originSystem === 'SharePointOnline' && normalizeUrl(g.resourceOriginId) === siteUrl;
    const onGroup = g.originSystem === 'AadGroup' && !!groupId && g.resourceOriginId.toLowerCase() === groupId;
    if ((onSite || onGroup) && g.siteLevel && LEVEL_RANK[g.siteLevel] > LEVEL_RANK[best]) {
      best = g.siteLevel;
    }
  }
  return best;
}

/**
 * "Packages for this site", shared by the catalog and the prompt: each package with what it gives on the
 * site, leaving out those that give nothing there.
 */
export function packagesForSite<T extends { grants: IGrant[] }>(packages: T[], site: ISiteInfo): Array<{ pkg: T; siteLevel: SiteAccessLevel }> {
  const out: Array<{ pkg: T; siteLevel: SiteAccessLevel }> = [];
  for (const pkg of packages) {
    const siteLevel = siteLevelOfPackage(pkg, site);
    if (siteLevel !== 'none') out.push({ pkg, siteLevel });
  }
  return out;
}
