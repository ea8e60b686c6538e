import { IAccessRequest, IAssignment } from '../../core/model/types';
import { IEntitlementService } from '../IAccessHubServices';

/** The person's own assignments and requests: what every status (badge, button, panel) is derived from. */
export interface IMyStatus {
  assignments: IAssignment[];
  requests: IAccessRequest[];
}

/**
 * The one status loader, shared by the catalog, the button and the panel (and whatever shows a status
 * next): both lists in parallel, never cached, so a status is always as fresh as the load.
 * `models/status.ts` packageStatus() turns it into one package's status.
 */
export async function loadMyStatus(entitlements: IEntitlementService): Promise<IMyStatus> {
  const [assignments, requests] = await Promise.all([entitlements.listMyAssignments(), entitlements.listMyRequests()]);
  return { assignments, requests };
}
