import { IApproval, IUserInfo } from '../../core/model/types';
import { currentStage } from '../../models/status';
import { approversShown, IStageApprovers } from '../../models/approvers';
import { IAccessHubServices } from '../IAccessHubServices';
import { AppError, toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';

export interface IApprovalInfo {
  approval: IApproval | undefined;
  /** The person's manager, read only when the manager is who decides now. */
  manager: IUserInfo | undefined;
  /** The person's sponsors, read only when they are who decides now. */
  sponsors?: IUserInfo[];
  /** The policy hides approvers from requesters (approverInformationVisibility notVisible): nobody is named. */
  hidden?: boolean;
  /** The stages could not be read for a reason worth telling (busy, offline): shown with a retry. */
  error?: AppError;
}

const MANAGER_STAGE = /^manager$/i;
const MENTIONS_MANAGER = /\bmanager\b/i;
const MENTIONS_SPONSOR = /\bsponsors?\b/i;

/** The request's policy stages, from my requests as read for this page (the same read as the status: no extra call). */
async function stagesOf(services: IAccessHubServices, requestId: string): Promise<IStageApprovers[] | undefined> {
  const mine = await services.entitlements.listMyAccessRequests().catch(async (e: unknown) => {
    reportError('ApprovalStages', await toAppError(e));
    return [];
  });
  const request = mine.filter(r => r.id === requestId)[0];
  return request && request.approvers;
}

/**
 * Who decides a pending request: its approval stages and, when it is them, the person's manager or sponsors.
 * `stages` are the policy's approver settings when the caller has them; otherwise they are looked up among my
 * requests, and without them the policy's description is read ("your sponsor approves").
 */
export async function loadApprovalInfo(services: IAccessHubServices, requestId: string, policyDescription: string,
  approvalExists: boolean = true, stages?: IStageApprovers[]): Promise<IApprovalInfo> {
  const { entitlements } = services;
  // Requestors are not always allowed to read approvals (the service answers undefined); the policy
  // description then says who decides. Any other failure is shown with a retry, not hidden.
  let error: AppError | undefined;
  const [approval, policyStages] = await Promise.all([
    approvalExists ? entitlements.getApproval(requestId).catch(async (e: unknown) => {
      error = await toAppError(e);
      reportError('ApprovalStages', error);
      return undefined;
    }) : Promise.resolve(undefined),
    stages ? Promise.resolve(stages) : stagesOf(services, requestId)
  ]);
  const stage = approval ? currentStage(approval.stages) : undefined;
  // A named stage says who decides. Without one, trust the description ("your manager approves") only when
  // the request waits on its first stage or the stages can't be read: managers come first in such policies.
  const index = approval && stage ? approval.stages.indexOf(stage) : 0;
  const waitingOnFirst = !approval || (!!stage && index === 0);
  const settings = policyStages && policyStages.length ? policyStages[Math.max(0, index)] : undefined;
  if (!approversShown(settings)) return { approval, manager: undefined, hidden: true, error };
  const managerDecides = settings ? settings.kinds.indexOf('manager') >= 0
    : stage && stage.displayName ? MANAGER_STAGE.test(stage.displayName) : waitingOnFirst && MENTIONS_MANAGER.test(policyDescription);
  const sponsorsDecide = settings ? settings.kinds.indexOf('sponsor') >= 0 : waitingOnFirst && MENTIONS_SPONSOR.test(policyDescription);
  // The names are a courtesy: without them the stage name or the description still says who decides.
  // An unexpected failure is still logged.
  const courtesy = async <T>(read: () => Promise<T>, none: T): Promise<T> => read().catch(async (e: unknown) => {
    reportError('ApprovalStages', await toAppError(e));
    return none;
  });
  const [manager, sponsors] = await Promise.all([
    managerDecides ? courtesy(() => entitlements.getManager(), undefined) : Promise.resolve(undefined),
    sponsorsDecide ? courtesy(() => entitlements.getSponsors(), [] as IUserInfo[]) : Promise.resolve([] as IUserInfo[])
  ]);
  return { approval, manager, sponsors, error };
}
