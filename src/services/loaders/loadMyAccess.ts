import { IAccessHubServices } from '../IAccessHubServices';
import { IAccessPackage, IGrant } from '../../core/model/types';
import { IMyAssignment, IMyRequest } from '../../models/myAccess';

export interface IMyAccessData {
  assignments: IMyAssignment[];
  requests: IMyRequest[];
}

/**
 * MyAccess's first round trip: my assignments (package and policy expanded, so no request per row) and my
 * requests, in parallel. Every page is read (`@odata.nextLink`), whatever the count.
 */
export async function loadMyAccess(services: IAccessHubServices): Promise<IMyAccessData> {
  const { entitlements } = services;
  const [assignments, requests] = await Promise.all([
    entitlements.listMyAccessAssignments(),
    entitlements.listMyAccessRequests()
  ]);
  return { assignments, requests };
}

/** The packages whose contents MyAccess shows: those I hold or held, once each. */
export function packagesOf(assignments: IMyAssignment[]): IAccessPackage[] {
  const seen: Record<string, boolean> = {};
  const out: IAccessPackage[] = [];
  for (const a of assignments) {
    if (!a.accessPackageId || seen[a.accessPackageId]) continue;
    seen[a.accessPackageId] = true;
    out.push({
      id: a.accessPackageId, displayName: a.accessPackageName || '', description: a.packageDescription,
      isHidden: false, modifiedDateTime: a.packageModified
    });
  }
  return out;
}

/**
 * The second round trip: what each package grants, batched 20 to a `$batch` and cached by package version
 * (the catalog shares the cache). Rows show before this arrives; a failure leaves them without contents.
 */
export function loadMyAccessGrants(services: IAccessHubServices, assignments: IMyAssignment[]): Promise<Map<string, IGrant[]>> {
  return services.entitlements.getGrants(packagesOf(assignments));
}
