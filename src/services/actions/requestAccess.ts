import { IAccessRequest, IPolicyRequirement, IRequestDraft } from '../../core/model/types';
import { IAccessHubServices } from '../IAccessHubServices';
import { IActionOptions, announce } from './actionOptions';

/**
 * Sends a request for a package under `policy` (the request panel), once: a failure is the caller's to show, never
 * retried blindly. Follow it with followRequest when the policy needs no approval.
 */
export async function requestAccess(
  services: IAccessHubServices, draft: IRequestDraft, policy: IPolicyRequirement, o: IActionOptions = {}
): Promise<IAccessRequest> {
  const created = await services.entitlements.submitRequest(draft, policy, services.language);
  announce(o);
  return created;
}
