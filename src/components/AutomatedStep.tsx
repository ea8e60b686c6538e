import * as React from 'react';
import { MessageBar, MessageBarType, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAutomatedStep } from '../core/model/types';
import { format, formatDate } from './format';

/**
 * A custom extension the request waits on, outside the approval (docs/graph-notes.md §3.12): MyAccess's rows and the
 * request panel's status. A failed step is a warning, never "pending".
 */
export const AutomatedStep: React.FC<{ step: IAutomatedStep | undefined; language: string }> = ({ step, language }) => {
  if (!step) return null;
  if (step.failed) return <MessageBar messageBarType={MessageBarType.warning} isMultiline data-automated-step="failed">{strings.Steps.Failed}</MessageBar>;
  return (
    <Text block data-automated-step="waiting">
      {step.since ? format(strings.Steps.WaitingSince, formatDate(step.since, language)) : strings.Steps.Waiting}
    </Text>
  );
};
