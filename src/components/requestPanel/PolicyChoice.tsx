import * as React from 'react';
import { ChoiceGroup, IChoiceGroupOption, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IPolicyRequirement } from '../../core/model/types';
import { POLICY_FIELD } from '../../models/policy';
import { useServices } from '../../context/ServicesContext';
import { approvalText, expiryText } from './panelText';

export interface IPolicyFactsProps {
  policy: IPolicyRequirement;
  id?: string;
}

/** What choosing a policy means: who approves, how long access lasts, whether a justification is needed. */
export const PolicyFacts: React.FC<IPolicyFactsProps> = ({ policy, id }) => {
  const { language } = useServices();
  return (
    <Stack id={id} tokens={{ childrenGap: 2 }}>
      <Text variant="small" block>{approvalText(policy)}</Text>
      {!policy.isApprovalRequired && policy.description && <Text variant="small" block>{policy.description}</Text>}
      <Text variant="small" block>{expiryText(policy, language)}</Text>
      <Text variant="small" block>
        {policy.isJustificationRequired ? strings.Panel.JustificationRequired : strings.Panel.JustificationNotRequired}
      </Text>
    </Stack>
  );
};

export interface IPolicyChoiceProps {
  policies: IPolicyRequirement[];
  selectedId: string;
  onChange: (policyId: string) => void;
  errorMessage?: string;
  idPrefix: string;
}

/** A chooser when several policies apply to the person; the facts of the only one otherwise. */
export const PolicyChoice: React.FC<IPolicyChoiceProps> = ({ policies, selectedId, onChange, errorMessage, idPrefix }) => {
  const theme = useTheme();
  if (policies.length === 1) {
    const only = policies[0];
    return (
      <Stack tokens={{ childrenGap: 4 }} data-field={POLICY_FIELD}>
        <Text variant="mediumPlus" block as="h3">{only.displayName}</Text>
        <PolicyFacts policy={only} />
      </Stack>
    );
  }
  const errorId = `${idPrefix}-policy-error`;
  const options: IChoiceGroupOption[] = policies.map((p, i) => {
    const factsId = `${idPrefix}-policy-facts-${i}`;
    return {
      key: p.policyId,
      text: p.displayName,
      'aria-describedby': errorMessage ? `${factsId} ${errorId}` : factsId,
      onRenderField: (props, render) => (
        <div>
          {render ? render(props) : undefined}
          <div style={{ paddingLeft: 26, paddingTop: 2 }}>
            <PolicyFacts policy={p} id={factsId} />
          </div>
        </div>
      )
    };
  });
  return (
    <Stack tokens={{ childrenGap: 4 }} data-field={POLICY_FIELD}>
      <ChoiceGroup
        label={strings.Panel.PolicyHeading}
        required
        options={options}
        selectedKey={selectedId || null}
        onChange={(_, option) => { if (option) onChange(String(option.key)); }}
      />
      <Text variant="small" block>{strings.Panel.PolicyHint}</Text>
      {errorMessage && (
        <Text id={errorId} role="alert" variant="small" block style={{ color: theme.semanticColors.errorText }}>
          {errorMessage}
        </Text>
      )}
    </Stack>
  );
};
