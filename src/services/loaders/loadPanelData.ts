import { IAccessPackage, IPolicyRequirement } from '../../core/model/types';
import { sortPolicies } from '../../models/policy';
import { AppErrorKind, toAppError } from '../infrastructure/AppError';
import { IAccessHubServices } from '../IAccessHubServices';
import { IMyStatus, loadMyStatus } from './loadMyStatus';

export interface IPanelData extends IMyStatus {
  /** Undefined when the id names no package the person may see. */
  pkg: IAccessPackage | undefined;
  policies: IPolicyRequirement[];
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

/** Everything the request panel needs for one package, read in parallel. */
export async function loadPanelData(services: IAccessHubServices, packageId: string): Promise<IPanelData> {
  const { entitlements } = services;
  const [pkg, policies, status, verifiedId] = await Promise.all([
    entitlements.getAvailablePackage(packageId).catch(recover<IAccessPackage | undefined>(HIDDEN_KINDS, undefined)),
    entitlements.getRequirements(packageId).catch(recover<IPolicyRequirement[]>(NOT_REQUESTABLE_KINDS, [])),
    loadMyStatus(entitlements),
    // Beta, only for which policies need a Verified ID (docs/graph-notes.md §3.13): when it fails the panel works as before.
    entitlements.getVerifiedIdPolicies(packageId).catch((): string[] => [])
  ]);
  const marked = policies.map(p => (verifiedId.indexOf(p.policyId) >= 0 ? { ...p, requiresVerifiedId: true } : p));
  return { pkg, policies: sortPolicies(marked), ...status };
}
