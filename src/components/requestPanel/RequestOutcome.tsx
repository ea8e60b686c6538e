import * as React from 'react';
import { MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IAccessRequest, IPolicyRequirement } from '../../core/model/types';
import { ErrorBar } from '../StatusView';
import { ApprovalStages } from './ApprovalStages';
import { GrantLinks } from './GrantLinks';
import { useFollowRequest } from './useFollowRequest';

export interface IRequestOutcomeProps {
  pkg: IAccessPackage;
  request: IAccessRequest;
  policy: IPolicyRequirement;
  /** Polling stops when the panel closes. */
  isOpen: boolean;
  /** Called once when access is delivered, so the caller refreshes the person's status. */
  onDelivered?: () => void;
}

/** What happened to a submitted request: who decides, or its delivery followed until done. */
export const RequestOutcome: React.FC<IRequestOutcomeProps> = ({ pkg, request: submitted, policy, isOpen, onDelivered }) => {
  const follow = !policy.isApprovalRequired;
  const { request, takesLong, error, retry } = useFollowRequest(submitted, follow && isOpen);
  const state = request.state;

  const deliveredRef = React.useRef(false);
  React.useEffect(() => {
    if (state === 'delivered' && !deliveredRef.current) {
      deliveredRef.current = true;
      if (onDelivered) onDelivered();
    }
  }, [state, onDelivered]);

  let body: React.ReactNode;
  if (state === 'delivered') {
    body = (
      <Stack tokens={{ childrenGap: 8 }}>
        <MessageBar messageBarType={MessageBarType.success}>{strings.Panel.Delivered}</MessageBar>
        <GrantLinks pkg={pkg} />
      </Stack>
    );
  } else if (state === 'denied') {
    body = <MessageBar messageBarType={MessageBarType.error}>{strings.Panel.Denied}</MessageBar>;
  } else if (state === 'canceled') {
    body = <MessageBar messageBarType={MessageBarType.info}>{strings.Panel.Canceled}</MessageBar>;
  } else if (state === 'deliveryFailed') {
    body = <MessageBar messageBarType={MessageBarType.error}>{strings.Panel.DeliveryFailed}</MessageBar>;
  } else if (state === 'pendingApproval' || (policy.isApprovalRequired && state === 'submitted')) {
    body = (
      <Stack tokens={{ childrenGap: 8 }}>
        <MessageBar messageBarType={MessageBarType.success}>{strings.Panel.SubmittedPending}</MessageBar>
        <ApprovalStages requestId={request.id} policyDescription={policy.description} approvalExists={state === 'pendingApproval'} />
      </Stack>
    );
  } else {
    body = (
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <Spinner size={SpinnerSize.small} />
          <Text>{strings.Panel.Delivering}</Text>
        </Stack>
        {takesLong && <MessageBar messageBarType={MessageBarType.info}>{strings.Panel.DeliveryTakesLong}</MessageBar>}
      </Stack>
    );
  }

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {body}
      {error && <ErrorBar error={error} onRetry={retry} />}
    </Stack>
  );
};
