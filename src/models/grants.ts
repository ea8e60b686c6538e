import type { AccessPackageResourceRoleScope } from '@microsoft/microsoft-graph-types';
import { IGrant, ISiteInfo, IPackageWithGrants } from '../core/model/types';
import { mapRoleScope, packagesForSite, siteLevelOfPackage } from '../core/model/siteGrants';

// The mapper and the site-level rules live in ./siteGrants (small, for the AccessPrompt customizer's first script).
export { mapRoleScope, packagesForSite, siteLevelOfPackage };

/**
 * The directory objects whose names a grant needs when Graph did not expand the role's resource
 * (`$expand=role,scope`, docs/graph-notes.md §1.3 "No resource object"): groups and service principals,
 * by the scope's origin id. SharePoint sites are named from their URL.
 */
export function unnamedResources(scopes: AccessPackageResourceRoleScope[]): Array<{ kind: 'group' | 'servicePrincipal'; id: string }> {
  const seen = new Set<string>();
  const out: Array<{ kind: 'group' | 'servicePrincipal'; id: string }> = [];
  for (const rs of scopes) {
    if (rs.role && rs.role.resource && rs.role.resource.displayName) continue;
    const system = (rs.role && rs.role.originSystem) || (rs.scope && rs.scope.originSystem);
    const id = rs.scope && rs.scope.originId;
    if (!id || seen.has(id)) continue;
    if (system === 'AadGroup') out.push({ kind: 'group', id });
    else if (system === 'AadApplication') out.push({ kind: 'servicePrincipal', id });
    else continue;
    seen.add(id);
  }
  return out;
}

export function grantLabel(grant: IGrant): string {
  return grant.roleName && grant.roleName !== grant.resourceName
    ? `${grant.resourceName} — ${grant.roleName}`
    : grant.resourceName;
}

export function packageBelongsToSite(pkg: Pick<IPackageWithGrants, 'grants'>, site: ISiteInfo): boolean {
  return siteLevelOfPackage(pkg, site) !== 'none';
}
