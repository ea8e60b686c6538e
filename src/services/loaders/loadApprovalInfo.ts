import { IApproval, IUserInfo } from '../../core/model/types';
import { currentStage } from '../../models/status';
import { IAccessHubServices } from '../IAccessHubServices';
import { AppError, toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';

export interface IApprovalInfo {
  approval: IApproval | undefined;
  /** The person's manager, read only when the manager is who decides now. */
  manager: IUserInfo | undefined;
  /** The stages could not be read for a reason worth telling (busy, offline): shown with a retry. */
  error?: AppError;
}

const MANAGER_STAGE = /^manager$/i;
const MENTIONS_MANAGER = /\bmanager\b/i;

/** Who decides a pending request: its approval stages and, when it is them, the person's manager. */
export async function loadApprovalInfo(services: IAccessHubServices, requestId: string, policyDescription: string,
  approvalExists: boolean = true): Promise<IApprovalInfo> {
  const { entitlements } = services;
  // Requestors are not always allowed to read approvals (the service answers undefined); the policy
  // description then says who decides. Any other failure is shown with a retry, not hidden.
  let error: AppError | undefined;
  const approval = approvalExists ? await entitlements.getApproval(requestId).catch(async (e: unknown) => {
    error = await toAppError(e);
    reportError('ApprovalStages', error);
    return undefined;
  }) : undefined;
  const stage = approval ? currentStage(approval.stages) : undefined;
  // A named stage says who decides. Without one, trust the description ("your manager approves") only when
  // the request waits on its first stage or the stages can't be read: managers come first in such policies.
  const waitingOnFirst = !approval || (!!stage && approval.stages.indexOf(stage) === 0);
  const managerDecides = stage && stage.displayName
    ? MANAGER_STAGE.test(stage.displayName)
    : waitingOnFirst && MENTIONS_MANAGER.test(policyDescription);
  // The manager's name is a courtesy: without it the stage name still says who decides.
  // An unexpected failure is still logged.
  const manager = managerDecides ? await entitlements.getManager().catch(async (e: unknown) => {
    reportError('ApprovalStages', await toAppError(e));
    return undefined;
  }) : undefined;
  return { approval, manager, error };
}
