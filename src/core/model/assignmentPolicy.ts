import type { AccessPackageAssignmentPolicy, ExpirationPattern } from '@microsoft/microsoft-graph-types';
import { ISchedule, ExpirationType } from './types';

// Apart from myAccess.ts so that the AccessPrompt customizer's first script reads a policy without MyAccess's model.

/** What an assignment's policy lets its holder do (docs/graph-notes.md §3.4, requestorSettings). */
export interface IAssignmentPolicyInfo {
  id: string;
  displayName: string;
  description: string;
  canExtend: boolean;
  canRemove: boolean;
  canRequest: boolean;
  allowCustomSchedule: boolean;
  isApprovalRequiredForUpdate: boolean;
  isJustificationRequired: boolean;
  expiration: ISchedule;
}

// eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
function mapExpiration(e: ExpirationPattern | null | undefined): ISchedule {
  return {
    expirationType: ((e && e.type) || 'notSpecified') as ExpirationType,
    endDateTime: (e && e.endDateTime) || undefined,
    duration: (e && e.duration) || undefined
  };
}

// eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
export function mapAssignmentPolicy(raw: AccessPackageAssignmentPolicy | null | undefined): IAssignmentPolicyInfo | undefined {
  if (!raw || !raw.id) return undefined;
  const rs = raw.requestorSettings || {};
  const approval = raw.requestApprovalSettings || {};
  return {
    id: raw.id,
    displayName: raw.displayName || '',
    description: raw.description || '',
    canExtend: !!rs.enableTargetsToSelfUpdateAccess,
    canRemove: !!rs.enableTargetsToSelfRemoveAccess,
    canRequest: !!rs.enableTargetsToSelfAddAccess,
    allowCustomSchedule: !!rs.allowCustomAssignmentSchedule,
    isApprovalRequiredForUpdate: !!approval.isApprovalRequiredForUpdate,
    // Graph has one justification flag for the policy; it applies only when a request needs approval.
    isJustificationRequired: !!approval.isRequestorJustificationRequired && !!approval.isApprovalRequiredForUpdate,
    expiration: mapExpiration(raw.expiration)
  };
}

