import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IPackageStatus, IPolicyRequirement } from '../../core/model/types';
import { AppError, toAppError } from '../../services/infrastructure/AppError';
import { reportError } from '../../services/infrastructure/reportError';
import { useServices } from '../../context/ServicesContext';
import { cancelRequest } from '../../services/actions/cancelRequest';
import { useOncePerKey } from '../../hooks/useOncePerKey';
import { errorMessage, format, formatDate } from '../format';
import { ApprovalStages } from './ApprovalStages';
import { GrantLinks } from './GrantLinks';
import { CancelConfirm } from './CancelConfirm';
import { AutomatedStep } from '../AutomatedStep';

export interface ICurrentStatusProps {
  pkg: IAccessPackage;
  status: IPackageStatus;
  policies: IPolicyRequirement[];
  /** After a successful cancel: the caller reloads and tells its own caller. */
  onCancelled: () => void;
}

/** The person already has this access, or a request for it is open: say so instead of offering the form. */
export const CurrentStatus: React.FC<ICurrentStatusProps> = ({ pkg, status, policies, onCancelled }) => {
  const services = useServices();
  const { language } = services;
  const guard = useOncePerKey();
  const [error, setError] = React.useState<AppError | undefined>(undefined);
  const [confirming, setConfirming] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(() => () => { mounted.current = false; }, []);

  if (status.kind === 'hasAccess') {
    const until = status.assignment && status.assignment.endDateTime;
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        <MessageBar messageBarType={MessageBarType.success}>
          {until ? format(strings.Panel.AlreadyHaveUntil, formatDate(until, language)) : format(strings.Panel.AlreadyHave, '')}
        </MessageBar>
        <GrantLinks pkg={pkg} />
      </Stack>
    );
  }

  const request = status.request;
  if (!request) return null;

  // Sent once however often it is confirmed while it runs; the caller announces the change (onCancelled).
  const cancelling = guard.isBusy('cancel');
  const cancel = (): void => {
    if (guard.isBusy('cancel')) return;
    setError(undefined);
    // onCancelled runs while the guard still holds: the buttons stay disabled until the panel shows the outcome.
    guard.run('cancel', () => cancelRequest(services, request.id).then(onCancelled)).then(
      undefined,
      async (e: unknown) => {
        const err = await toAppError(e);
        reportError('RequestPanel.cancel', err);
        if (mounted.current) setError(err);
      }
    );
  };

  // The request does not name its policy; with a single policy its description still says who approves.
  const description = policies.length === 1 ? policies[0].description : undefined;
  const delivering = status.kind === 'delivering';
  const scheduledStart = request.state === 'scheduled' && request.schedule ? request.schedule.startDateTime : undefined;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <MessageBar messageBarType={MessageBarType.info}>
        {delivering ? strings.Status.Delivering : strings.Panel.AlreadyPending}
      </MessageBar>
      {request.createdDateTime && <Text block>{format(strings.Panel.RequestedOn, formatDate(request.createdDateTime, language))}</Text>}
      <AutomatedStep step={request.automatedStep} language={language} />
      {scheduledStart && <Text block>{format(strings.Panel.Scheduled, formatDate(scheduledStart, language))}</Text>}
      {request.state === 'pendingApproval' && <ApprovalStages requestId={request.id} policyDescription={description} />}
      {error && <MessageBar messageBarType={MessageBarType.error} isMultiline>{errorMessage(error)}</MessageBar>}
      {!delivering && !confirming && (
        <Stack horizontal>
          <DefaultButton text={strings.Panel.CancelRequest} onClick={() => setConfirming(true)} />
        </Stack>
      )}
      {!delivering && confirming && (
        <CancelConfirm cancelling={cancelling} onConfirm={cancel} onDismiss={() => setConfirming(false)} spinner />
      )}
    </Stack>
  );
};
