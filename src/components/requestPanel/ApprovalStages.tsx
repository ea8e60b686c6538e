import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IApprovalInfo } from '../../services/loaders/loadApprovalInfo';
import { useApprovalInfo } from '../../hooks/useApprovalInfo';
import { IStageApprovers } from '../../models/approvers';
import { format } from '../format';
import { stageResultText } from './panelText';
import { ErrorBar, LoadingLines } from '../StatusView';

export interface IApprovalStagesProps {
  requestId: string;
  /** The policy's description, which says who approves when the stages can't be read. */
  policyDescription?: string;
  /**
   * False while the request is still `submitted`: Graph creates the approval only when the request reaches
   * `pendingApproval`, so reading it earlier answers 404.
   */
  approvalExists?: boolean;
  /** Who approves each stage, from the request's expanded policy when the caller has it (else looked up). */
  stages?: IStageApprovers[];
}

/**
 * Who decides a pending request: its approval stages in order and, when it is them, the person's manager or
 * sponsors; or that the policy doesn't show approvers to requesters.
 */
export const ApprovalStages: React.FC<IApprovalStagesProps> = ({ requestId, policyDescription = '', approvalExists = true, stages: policyStages }) => {
  const { state, reload: retry } = useApprovalInfo(requestId, policyDescription, approvalExists, policyStages);
  if (state.status === 'loading') {
    return <div role="status" aria-busy="true" aria-label={strings.Common.Loading}><LoadingLines lines={1} width="60%" /></div>;
  }
  // Who decides is extra detail: when it can't be read the policy's description below still says it.
  const info: IApprovalInfo = state.status === 'success' ? state.value : { approval: undefined, manager: undefined, error: state.error };

  const stages = info.approval ? info.approval.stages : [];
  const sponsors = info.sponsors || [];
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {info.error && <ErrorBar error={info.error} onRetry={retry} />}
      {stages.length > 0 && (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {stages.map((s, i) => (
            <li key={s.id}>
              <Text>
                {format(strings.Panel.StageLine,
                  s.displayName || s.reviewedByName
                    ? format(strings.Panel.StageOf, i + 1, stages.length, s.displayName || s.reviewedByName || '')
                    : format(strings.Panel.StageNumber, i + 1, stages.length),
                  stageResultText(s))}
              </Text>
            </li>
          ))}
        </ol>
      )}
      {stages.length === 0 && policyDescription && <Text block>{format(strings.Panel.Approval, policyDescription)}</Text>}
      {info.hidden && <Text block>{strings.Panel.ApproverHidden}</Text>}
      {info.manager && (
        <Text block>{format(strings.Panel.PendingWith, format(strings.Panel.YourManager, info.manager.displayName))}</Text>
      )}
      {sponsors.length > 0 && (
        <Text block data-approvers="sponsors">
          {format(sponsors.length === 1 ? strings.Panel.YourSponsor : strings.Panel.YourSponsors, sponsors.map(s => s.displayName).join(', '))}
        </Text>
      )}
    </Stack>
  );
};
