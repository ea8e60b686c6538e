import { IAccessRequest, IAssignment } from '../../core/model/types';
import { IUpdateOptions } from '../../models/myAccess';
import { IAccessHubServices } from '../IAccessHubServices';
import { IActionOptions, announce, followOptionsOf } from './actionOptions';
import { followRequest } from './followRequest';

/**
 * Extends an assignment (MyAccess and the AccessPrompt banner): a `userUpdate` request sent once, then read back
 * until it is delivered, denied or waiting for an approver (followRequest). Once the request exists the change is
 * announced, also when reading it back fails.
 */
export async function extendAssignment(
  services: IAccessHubServices, assignment: IAssignment, options: IUpdateOptions, o: IActionOptions = {}
): Promise<IAccessRequest> {
  const created = await services.entitlements.requestUpdate(assignment, options);
  try {
    return await followRequest(services.entitlements, created, followOptionsOf(services, o));
  } finally {
    announce(o);
  }
}

export interface IRemoveOptions extends IActionOptions {
  /** The `userRemove` request exists (announced already): the row can say "removing…" while it is followed. */
  onCreated?: (request: IAccessRequest) => void;
}

/**
 * Gives up an assignment (MyAccess): a `userRemove` request sent once, announced, then read back until delivered
 * or waiting for an approver, and announced again.
 */
export async function removeAssignment(services: IAccessHubServices, assignment: IAssignment, o: IRemoveOptions = {}): Promise<IAccessRequest> {
  const created = await services.entitlements.requestRemove(assignment);
  announce(o);
  if (o.onCreated) o.onCreated(created);
  try {
    return await followRequest(services.entitlements, created, followOptionsOf(services, o));
  } finally {
    announce(o);
  }
}
