import type { AccessPackageApprovalStage, AccessPackageAssignmentPolicy } from '@microsoft/microsoft-graph-types';

// Who approves a stage of a policy, read from the policy that the person's own requests and assignments expand
// (docs/graph-notes.md §3.11). Requesters cannot read policies directly, and before a first request Graph gives them
// only the policy's description: loadApprovalInfo then reads the description instead.

/** The approvers of a stage as the policy names them: only the person's manager and sponsors can be named. */
export type ApproverKind = 'manager' | 'sponsor' | 'other';

export interface IStageApprovers {
  /** `accessPackageApprovalStage.approverInformationVisibility`: default, visible, notVisible. */
  visibility: string;
  kinds: ApproverKind[];
}

function kindOf(odataType: unknown): ApproverKind {
  const type = String(odataType || '').replace(/^#?microsoft\.graph\./, '');
  // targetManager and requestorManager name the same person when people request for themselves.
  if (type === 'requestorManager' || type === 'targetManager') return 'manager';
  if (type === 'targetUserSponsors') return 'sponsor';
  // singleUser, groupMembers, and a connected organisation's internal/external sponsors: the person cannot read who they are.
  return 'other';
}

// approverInformationVisibility is missing from the types package (docs/graph-notes.md §13).
type Stage = AccessPackageApprovalStage & { approverInformationVisibility?: string };

/** The stages of an expanded policy, in order; undefined when the policy was not expanded. */
// eslint-disable-next-line @rushstack/no-new-null -- Graph's payloads use null
export function stageApprovers(policy: AccessPackageAssignmentPolicy | null | undefined): IStageApprovers[] | undefined {
  if (!policy || !policy.id) return undefined;
  const stages = ((policy.requestApprovalSettings && policy.requestApprovalSettings.stages) || []) as Stage[];
  return stages.map(s => ({
    visibility: s.approverInformationVisibility || 'default',
    kinds: (s.primaryApprovers || []).map(a => kindOf(a && (a as { '@odata.type'?: string })['@odata.type']))
  }));
}

/**
 * Whether Access Hub may say who approves a stage. `notVisible` hides approvers from requesters. `default` leaves it to
 * the tenant's setting, which only administrators can read (endUserSettings, Read.All plus a role): Access Hub then
 * names only people the person can read about themselves anyway (their manager and sponsors, User.Read).
 */
export function approversShown(stage: IStageApprovers | undefined): boolean {
  return !stage || stage.visibility !== 'notVisible';
}
