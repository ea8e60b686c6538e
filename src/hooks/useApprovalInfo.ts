import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadApprovalInfo, IApprovalInfo } from '../services/loaders/loadApprovalInfo';

/** Who decides one of the person's pending requests. */
export function useApprovalInfo(requestId: string, policyDescription: string, approvalExists: boolean): IAsyncResult<IApprovalInfo> {
  const services = useServices();
  return useAsync(() => loadApprovalInfo(services, requestId, policyDescription, approvalExists),
    [services, requestId, policyDescription, approvalExists]);
}
