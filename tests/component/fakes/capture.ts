import { IEntitlementService } from '../../../src/services/IAccessHubServices';
import { isAppError } from '../../../src/services/infrastructure/AppError';
import {
  IAccessPackage, IAccessRequest, IAssignment, IPolicyRequirement, IUserInfo
} from '../../../src/core/model/types';
import { IMyAssignment, IMyRequest } from '../../../src/models/myAccess';

/** What a call gave: its value, or the kind of AppError it failed with. */
export type Outcome<T> = { value: T } | { errorKind: string };

/**
 * One person's view through an IEntitlementService: every read the components make, for the packages
 * given. The component fake is generated from this (captured from the local tenant) and the contract
 * test captures both again and compares, so the fake cannot drift from what the real service returns.
 */
export interface IPersonaCapture {
  me: IUserInfo;
  manager: Outcome<IUserInfo | undefined>;
  sponsors: Outcome<IUserInfo[]>;
  requestable: IAccessPackage[];
  available: Record<string, Outcome<IAccessPackage>>;
  requirements: Record<string, Outcome<IPolicyRequirement[]>>;
  /** Beta's Verified ID policies per package (getVerifiedIdPolicies). */
  verifiedId: Record<string, Outcome<string[]>>;
  requests: IAccessRequest[];
  assignments: IAssignment[];
  /** MyAccess's reads: assignments with package and policy, requests with their policy. */
  myAccessAssignments: IMyAssignment[];
  myAccessRequests: IMyRequest[];
}

async function outcome<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await work() };
  } catch (e) {
    if (isAppError(e)) return { errorKind: e.kind };
    throw e;
  }
}

const byId = <T extends { id: string }>(a: T, b: T): number => a.id.localeCompare(b.id);

export async function capturePersona(svc: IEntitlementService, packageIds: string[]): Promise<IPersonaCapture> {
  const available: Record<string, Outcome<IAccessPackage>> = {};
  const requirements: Record<string, Outcome<IPolicyRequirement[]>> = {};
  const verifiedId: Record<string, Outcome<string[]>> = {};
  for (const id of packageIds) {
    available[id] = await outcome(() => svc.getAvailablePackage(id));
    requirements[id] = await outcome(() => svc.getRequirements(id));
    verifiedId[id] = await outcome(() => svc.getVerifiedIdPolicies(id));
  }
  return {
    me: await svc.getMe(),
    manager: await outcome(() => svc.getManager()),
    sponsors: await outcome(() => svc.getSponsors()),
    requestable: (await svc.listRequestablePackages()).sort(byId),
    available,
    requirements,
    verifiedId,
    requests: (await svc.listMyRequests()).sort(byId),
    assignments: (await svc.listMyAssignments()).sort(byId),
    myAccessAssignments: (await svc.listMyAccessAssignments()).sort(byId),
    myAccessRequests: (await svc.listMyAccessRequests()).sort(byId)
  };
}
