import { IAccessPackage, IAccessRequest, IAssignment, IPolicyRequirement } from '../../models/types';
import { IEntitlementService } from '../../services/EntitlementService';
import { AppErrorKind, toAppError } from '../../services/errors';
import { sortPolicies } from '../../models/policy';
import { IAsyncResult, useAsync } from '../../hooks/useAsync';

export interface IPanelData {
  /** Undefined when the id names no package the person may see. */
  pkg: IAccessPackage | undefined;
  policies: IPolicyRequirement[];
  assignments: IAssignment[];
  requests: IAccessRequest[];
}

/** Turns the listed error kinds into a value; anything else still fails the load (with a retry). */
function recover<T>(kinds: AppErrorKind[], value: T): (e: unknown) => Promise<T> {
  return async (e: unknown): Promise<T> => {
    const err = await toAppError(e);
    if (kinds.indexOf(err.kind) >= 0) return value;
    throw err;
  };
}

// "Doesn't exist" and "you may not see it" read the same to the person: there is nothing here they can request.
const HIDDEN_KINDS: AppErrorKind[] = ['notFound', 'forbidden'];
const NOT_REQUESTABLE_KINDS: AppErrorKind[] = ['notFound', 'forbidden', 'notAllowed'];

export async function loadPanelData(svc: IEntitlementService, packageId: string): Promise<IPanelData> {
  const [pkg, policies, assignments, requests] = await Promise.all([
    svc.getAvailablePackage(packageId).catch(recover<IAccessPackage | undefined>(HIDDEN_KINDS, undefined)),
    svc.getRequirements(packageId).catch(recover<IPolicyRequirement[]>(NOT_REQUESTABLE_KINDS, [])),
    svc.listMyAssignments(),
    svc.listMyRequests()
  ]);
  return { pkg, policies: sortPolicies(policies), assignments, requests };
}

/** Everything the panel needs for one package, read in parallel; nothing is read for an invalid id. */
export function usePanelData(svc: IEntitlementService, packageId: string, valid: boolean): IAsyncResult<IPanelData> {
  return useAsync<IPanelData>(
    () => (valid ? loadPanelData(svc, packageId) : Promise.resolve({ pkg: undefined, policies: [], assignments: [], requests: [] })),
    [svc, packageId, valid]
  );
}
