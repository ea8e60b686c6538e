import * as React from 'react';
import { DefaultButton, PrimaryButton, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';

export interface ICancelConfirmProps {
  /** The cancel is on its way: both buttons wait. */
  cancelling: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
  /** Show a spinner beside the buttons while cancelling (the panel does; a MyAccess row shows its own state). */
  spinner?: boolean;
}

/** Cancelling a request cannot be undone: the one inline question asked before it happens (panel and MyAccess). */
export const CancelConfirm: React.FC<ICancelConfirmProps> = ({ cancelling, onConfirm, onDismiss, spinner }) => (
  <Stack tokens={{ childrenGap: 8 }} role="group" aria-label={strings.Panel.CancelConfirm}>
    <Text block>{strings.Panel.CancelConfirm}</Text>
    <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
      <PrimaryButton
        text={cancelling ? strings.Panel.Cancelling : strings.Panel.CancelConfirmYes}
        disabled={cancelling}
        allowDisabledFocus
        onClick={onConfirm}
      />
      <DefaultButton text={strings.Panel.CancelConfirmNo} disabled={cancelling} onClick={onDismiss} />
      {spinner && cancelling && <Spinner size={SpinnerSize.small} ariaLabel={strings.Panel.Cancelling} />}
    </Stack>
  </Stack>
);
