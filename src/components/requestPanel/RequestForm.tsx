import * as React from 'react';
import {
  MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, TextField, getId
} from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IAccessRequest, IPolicyRequirement } from '../../core/model/types';
import { JUSTIFICATION_FIELD, JUSTIFICATION_MAX_LENGTH, POLICY_FIELD } from '../../models/policy';
import { AppError } from '../../services/infrastructure/AppError';
import { formatCount, errorMessage } from '../format';
import { useServices } from '../../context/ServicesContext';
import { useRequestForm } from './useRequestForm';
import { PolicyChoice } from './PolicyChoice';
import { QuestionFields } from './QuestionFields';
import { ScheduleFields } from './ScheduleFields';
import { isCredentialError, VerifiedIdHandOff } from './VerifiedIdHandOff';

export interface IRequestFormProps {
  pkg: IAccessPackage;
  policies: IPolicyRequirement[];
  onSubmitted: (request: IAccessRequest, policy: IPolicyRequirement) => void;
  onConflict: (error: AppError) => void;
  prefill?: IRequestPrefill;
}

/** What a new request starts with when it repeats an earlier one. */
export interface IRequestPrefill {
  justification: string;
  /** Question id → values, as the draft keeps them. */
  answers: Record<string, string[]>;
}

/** Policy, justification, questions and dates, then one submit. */
export const RequestForm: React.FC<IRequestFormProps> = ({ pkg, policies, onSubmitted, onConflict, prefill }) => {
  const form = useRequestForm({ packageId: pkg.id, policies, onSubmitted, onConflict, prefill });
  const { language } = useServices();
  const [idPrefix] = React.useState(() => getId('accessRequest'));
  const { policy, draft } = form;

  const onSubmit = (e: React.FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    form.submit();
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack tokens={{ childrenGap: 16 }}>
        {form.showSummary && (
          <MessageBar messageBarType={MessageBarType.error}>{strings.Panel.FieldErrorsSummary}</MessageBar>
        )}
        {isCredentialError(form.topError) && <VerifiedIdHandOff packageId={pkg.id} />}
        {form.topError && !isCredentialError(form.topError) && (
          <MessageBar
            messageBarType={MessageBarType.error}
            isMultiline
            onDismiss={form.dismissTopError}
            dismissButtonAriaLabel={strings.Common.Dismiss}
          >
            {errorMessage(form.topError)}
          </MessageBar>
        )}
        <PolicyChoice
          policies={policies}
          selectedId={draft.policyId}
          onChange={form.setPolicy}
          errorMessage={form.errorFor(POLICY_FIELD)}
          idPrefix={idPrefix}
        />
        {policy && (
          <>
            <div data-field={JUSTIFICATION_FIELD}>
              <TextField
                label={policy.isJustificationRequired ? strings.Panel.Justification : strings.Panel.JustificationOptional}
                required={policy.isJustificationRequired}
                placeholder={strings.Panel.JustificationPlaceholder}
                multiline
                rows={3}
                autoAdjustHeight
                maxLength={JUSTIFICATION_MAX_LENGTH}
                value={draft.justification}
                onChange={(_, v) => form.setJustification(v || '')}
                onBlur={() => form.touch(JUSTIFICATION_FIELD)}
                description={formatCount(strings.Panel.CharacterCount, JUSTIFICATION_MAX_LENGTH, language, draft.justification.length)}
                errorMessage={form.errorFor(JUSTIFICATION_FIELD)}
              />
            </div>
            <QuestionFields
              questions={policy.questions}
              answers={draft.answers}
              onAnswer={form.setAnswer}
              onBlur={form.touch}
              errorFor={form.errorFor}
              noteFor={form.noteFor}
              idPrefix={idPrefix}
            />
            {policy.allowCustomSchedule && (
              <ScheduleFields
                policy={policy}
                startDate={draft.startDate}
                endDate={draft.endDate}
                onChange={form.setDate}
                onBlur={form.touch}
                errorFor={form.errorFor}
              />
            )}
          </>
        )}
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
          <PrimaryButton
            type="submit"
            text={form.submitting ? strings.Panel.Submitting : strings.Panel.Submit}
            disabled={form.submitting}
            allowDisabledFocus
          />
          {form.submitting && <Spinner size={SpinnerSize.small} ariaLabel={strings.Panel.Submitting} />}
        </Stack>
      </Stack>
    </form>
  );
};
