import * as React from 'react';
import { Shimmer, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IApproval, IUserInfo } from '../../models/types';
import { useServices } from '../../context/ServicesContext';
import { format } from '../format';
import { currentStage, stageResultText } from './panelText';
import { AppError, toAppError } from '../../services/errors';
import { reportError } from '../../services/errorLog';
import { ErrorBar } from '../StatusView';

export interface IApprovalStagesProps {
  requestId: string;
  /** The policy's description, which says who approves when the stages can't be read. */
  policyDescription?: string;
}

interface IApprovalInfo {
  approval: IApproval | undefined;
  manager: IUserInfo | undefined;
  /** The stages could not be read for a reason worth telling (busy, offline): shown with a retry. */
  error?: AppError;
}

const MANAGER_STAGE = /^manager$/i;
const MENTIONS_MANAGER = /\bmanager\b/i;

async function loadApprovalInfo(
  load: (id: string) => Promise<IApproval | undefined>,
  getManager: () => Promise<IUserInfo | undefined>,
  requestId: string,
  policyDescription: string
): Promise<IApprovalInfo> {
  // Requestors are not always allowed to read approvals (the service answers undefined); the policy
  // description then says who decides. Any other failure is shown with a retry, not hidden.
  let error: AppError | undefined;
  const approval = await load(requestId).catch(async (e: unknown) => {
    error = await toAppError(e);
    reportError('ApprovalStages', error);
    return undefined;
  });
  const stage = approval ? currentStage(approval.stages) : undefined;
  // A named stage says who decides. Without one, trust the description ("your manager approves") only when
  // the request waits on its first stage or the stages can't be read: managers come first in such policies.
  const waitingOnFirst = !approval || (!!stage && approval.stages.indexOf(stage) === 0);
  const managerDecides = stage && stage.displayName
    ? MANAGER_STAGE.test(stage.displayName)
    : waitingOnFirst && MENTIONS_MANAGER.test(policyDescription);
  // The manager's name is a courtesy: without it the stage name still says who decides (an unexpected
  // failure is still logged).
  const manager = managerDecides ? await getManager().catch(async (e: unknown) => {
    reportError('ApprovalStages', await toAppError(e));
    return undefined;
  }) : undefined;
  return { approval, manager, error };
}

/** Who decides a pending request: its approval stages in order and, when it is them, the person's manager. */
export const ApprovalStages: React.FC<IApprovalStagesProps> = ({ requestId, policyDescription = '' }) => {
  const { entitlements } = useServices();
  const [info, setInfo] = React.useState<IApprovalInfo | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setInfo(undefined);
    loadApprovalInfo(id => entitlements.getApproval(id), () => entitlements.getManager(), requestId, policyDescription).then(
      result => { if (current) setInfo(result); },
      async (e: unknown) => {
        const error = await toAppError(e);
        reportError('ApprovalStages', error);
        if (current) setInfo({ approval: undefined, manager: undefined, error });
      }
    );
    return () => { current = false; };
  }, [entitlements, requestId, policyDescription, attempt]);
  const retry = React.useCallback(() => setAttempt(a => a + 1), []);

  if (!info) return <Shimmer width="60%" ariaLabel={strings.Common.Loading} />;

  const stages = info.approval ? info.approval.stages : [];
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {info.error && <ErrorBar error={info.error} onRetry={retry} />}
      {stages.length > 0 && (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {stages.map((s, i) => (
            <li key={s.id}>
              <Text>
                {format(strings.Panel.StageLine,
                  format(strings.Panel.StageOf, i + 1, stages.length, s.displayName || s.reviewedByName || ''),
                  stageResultText(s))}
              </Text>
            </li>
          ))}
        </ol>
      )}
      {stages.length === 0 && policyDescription && <Text block>{format(strings.Panel.Approval, policyDescription)}</Text>}
      {info.manager && (
        <Text block>{format(strings.Panel.PendingWith, format(strings.Panel.YourManager, info.manager.displayName))}</Text>
      )}
    </Stack>
  );
};
