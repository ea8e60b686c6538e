import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadApprovalInfo, IApprovalInfo } from '../services/loaders/loadApprovalInfo';
import { IStageApprovers } from '../models/approvers';

/** Who decides one of the person's pending requests. */
export function useApprovalInfo(requestId: string, policyDescription: string, approvalExists: boolean, stages?: IStageApprovers[]): IAsyncResult<IApprovalInfo> {
  const services = useServices();
  return useAsync(() => loadApprovalInfo(services, requestId, policyDescription, approvalExists, stages),
    [services, requestId, policyDescription, approvalExists, stages]);
}
