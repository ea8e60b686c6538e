import { IAccessHubServices, IEntitlementService } from './interfaces';
import { IAccessPackage, IAccessRequest, IAssignment, IGrant } from '../models/types';
import { IMyAssignment, IMyRequest, IUpdateOptions } from '../models/myAccess';

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

const SETTLED: string[] = ['delivered', 'denied', 'deliveryFailed', 'canceled', 'pendingApproval', 'scheduled', 'partiallyDelivered'];

/**
 * Reads a request back until it leaves the states Graph passes through on its own (submitted, delivering):
 * delivered, denied, waiting for an approver… Gives up after `timeoutMs` and returns the last state seen.
 */
export async function settleRequest(svc: IEntitlementService, request: IAccessRequest, intervalMs: number, timeoutMs: number = 60000): Promise<IAccessRequest> {
  let current = request;
  const end = Date.now() + timeoutMs;
  while (SETTLED.indexOf(current.state) < 0 && Date.now() < end) {
    await new Promise(resolve => setTimeout(resolve, intervalMs));
    current = { ...current, ...(await svc.getRequest(current.id)) };
  }
  return current;
}

/**
 * The extend flow (MyAccess and the AccessPrompt banner): a `userUpdate` request sent once, then read back
 * until it is delivered, denied or waiting for an approver.
 */
export async function extendAccess(svc: IEntitlementService, assignment: IAssignment, options: IUpdateOptions, intervalMs: number): Promise<IAccessRequest> {
  const created = await svc.requestUpdate(assignment, options);
  return settleRequest(svc, created, intervalMs);
}
