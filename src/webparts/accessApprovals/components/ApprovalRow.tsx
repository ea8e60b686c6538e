import * as React from 'react';
import { Checkbox, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'AccessApprovalsWebPartStrings';
import { IPendingApproval } from '../../../models/approvals';
import { daysLeft } from '../../../core/model/time';
import { grantLabel } from '../../../models/grants';
import { format, formatCount, formatDate } from '../../../components/format';
import { useServices } from '../../../context/ServicesContext';

/**
 * Expected: the decision handlers (RequestsSection) catch every error, show it on its row and log unexpected ones;
 * this only keeps an event handler from leaving a promise behind.
 */
export function fire(work: Promise<void>): void {
  work.catch(() => undefined);
}

export interface IApprovalRowProps {
  approval: IPendingApproval;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (approve: boolean, justification: string) => void;
}

/** Who asks, for what, why, what earlier stages said and how long is left; then the decision form. */
export const ApprovalRow: React.FC<IApprovalRowProps> = ({ approval: a, selected, busy, onSelect, onDecide }) => {
  const { language, now } = useServices();
  const [justification, setJustification] = React.useState('');
  const [missing, setMissing] = React.useState(false);
  const person = a.requestor;
  const stage = a.stages[a.stageIndex];
  const details = [person.jobTitle, person.department].filter(Boolean).join(', ');

  const decide = (approve: boolean): void => {
    // The stage requires a justification: the form refuses before anything is sent.
    if (a.justificationRequired && justification.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onDecide(approve, justification.trim());
  };

  // The start only says something when the person asked for a later one than the day they asked.
  const showDates = !!a.startDateTime && (!!a.endDateTime || formatDate(a.startDateTime, language) !== formatDate(a.createdDateTime, language));
  const days = a.autoDenyAt ? daysLeft(a.autoDenyAt, now()) : undefined;
  return (
    <li className="accesshub-approval" data-approval-id={a.id} aria-label={format(strings.RowTitle, person.displayName, a.packageName)}>
      <Stack tokens={{ childrenGap: 6, padding: '12px 0' }}>
        <Stack horizontal verticalAlign="start" tokens={{ childrenGap: 8 }}>
          <Checkbox checked={selected} disabled={busy} onChange={(_, c) => onSelect(!!c)}
            ariaLabel={format(strings.SelectRow, person.displayName, a.packageName)} />
          <Stack tokens={{ childrenGap: 2 }}>
            <Text variant="mediumPlus" block>{format(strings.RowTitle, person.displayName, a.packageName)}</Text>
            {details && <Text variant="small" block>{details}</Text>}
            {person.managerName && <Text variant="small" block>{format(strings.Manager, person.managerName)}</Text>}
          </Stack>
        </Stack>
        {a.packageDescription && <Text variant="small" block>{a.packageDescription}</Text>}
        {a.policyName && <Text variant="small" block>{format(strings.Policy, a.policyName)}</Text>}
        <Text variant="small" block>
          {format(strings.RequestedOn, formatDate(a.createdDateTime, language))}
          {showDates && ' · '}
          {showDates && (a.endDateTime
            ? format(strings.DatesFromTo, formatDate(a.startDateTime, language), formatDate(a.endDateTime, language))
            : format(strings.DatesFrom, formatDate(a.startDateTime, language)))}
        </Text>
        {stage && <Text variant="small" block>{stage.displayName
          ? format(strings.StageOf, a.stageIndex + 1, a.stages.length, stage.displayName)
          : format(strings.StageNumber, a.stageIndex + 1, a.stages.length)}</Text>}
        {a.stages.slice(0, Math.max(0, a.stageIndex)).map((s, i) => (
          <Text key={s.id} variant="small" block data-earlier-stage>
            {s.displayName
              ? format(strings.EarlierStage, i + 1, s.displayName, s.reviewResult === 'Denied' ? strings.StageDenied : strings.StageApproved, s.reviewedByName || '')
              : format(strings.EarlierStageUnnamed, i + 1, s.reviewResult === 'Denied' ? strings.StageDenied : strings.StageApproved, s.reviewedByName || '')}
            {s.justification ? ` ${format(strings.EarlierStageJustification, s.justification)}` : ''}
          </Text>
        ))}
        {days !== undefined && (
          <Text variant="small" block data-auto-deny>{days === 0 ? strings.AutoDenyToday : formatCount(strings.AutoDenyIn, days, language)}</Text>
        )}
        <Text variant="small" block styles={{ root: { fontWeight: 600 } }}>{strings.TheirJustification}</Text>
        <Text block>{a.justification || strings.NoJustification}</Text>
        {a.answers.length > 0 && (
          <>
            <Text variant="small" block styles={{ root: { fontWeight: 600 } }}>{strings.AnswersHeading}</Text>
            <ul>{a.answers.map((x, i) => <li key={i}><Text variant="small">{x.question}: {x.answer}</Text></li>)}</ul>
          </>
        )}
        <Text variant="small" block styles={{ root: { fontWeight: 600 } }}>{strings.WouldGrant}</Text>
        {a.grants.length > 0
          ? <ul>{a.grants.map(g => <li key={g.id}><Text variant="small">{grantLabel(g)}</Text></li>)}</ul>
          : <Text variant="small" block>{strings.GrantsUnknown}</Text>}
        <TextField
          label={a.justificationRequired ? strings.YourJustificationRequired : strings.YourJustification}
          required={a.justificationRequired}
          multiline rows={2}
          value={justification}
          disabled={busy}
          onChange={(_, v) => { setJustification(v || ''); if (v && v.trim()) setMissing(false); }}
          errorMessage={missing ? strings.JustificationMissing : undefined}
        />
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          {/* allowDisabledFocus: while the decision is sent the pressed button keeps the focus (a disabled one drops it). */}
          <PrimaryButton text={busy ? strings.Sending : strings.Approve} disabled={busy} allowDisabledFocus onClick={() => decide(true)} />
          <DefaultButton text={strings.Deny} disabled={busy} allowDisabledFocus onClick={() => decide(false)} />
        </Stack>
      </Stack>
    </li>
  );
};

export interface IDecidedRowProps {
  text: string;
  ok: boolean;
}

/** A decision's outcome (a live region, through MessageBar). `focus`: it takes the focus, as the row it replaces had it. */
export const DecidedRow: React.FC<IDecidedRowProps & { focus?: boolean }> = ({ text, ok, focus }) => {
  const ref = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => { if (focus && ref.current) ref.current.focus(); }, [focus]);
  return (
    <li className="accesshub-decided" ref={ref} tabIndex={focus ? -1 : undefined}>
      <MessageBar messageBarType={ok ? MessageBarType.success : MessageBarType.warning} isMultiline>{text}</MessageBar>
    </li>
  );
};
