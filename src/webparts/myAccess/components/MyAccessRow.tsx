import * as React from 'react';
import {
  DefaultButton, Icon, Link, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField,
  TooltipDelay, TooltipHost, getId, mergeStyles, mergeStyleSets, useTheme
} from '@fluentui/react';
import * as strings from 'MyAccessWebPartStrings';
import * as common from 'CommonStrings';
import { IGrant } from '../../../core/model/types';
import { grantLabel } from '../../../models/grants';
import { IMyAccessRow, extendedEnd, uniqueGrants } from '../../../models/myAccess';
import { useServices } from '../../../context/ServicesContext';
import { myAccessPackageUrl } from '../../../models/packageRef';
import { format } from '../../../components/format';
import { ApprovalStages } from '../../../components/requestPanel/ApprovalStages';
import { AutomatedStep } from '../../../components/AutomatedStep';
import { CancelConfirm } from '../../../components/requestPanel/CancelConfirm';
import { LazyDatePicker } from '../../../components/requestPanel/LazyDatePicker';
import { exactDateTime, localDate, relativeDate, requestTypeText, stateText } from './myAccessText';
import { FIRST_FIELD, useFocusAfterRender } from '../../../hooks/useFocusAfterRender';

/** A message shown under a row after the person acted on it; it outlives reloads (kept by the root). */
export type RowNotice =
  | { kind: 'extended' }
  | { kind: 'message'; type: 'success' | 'info' | 'warning' | 'error'; text: string; busy?: boolean };

export interface IRowActions {
  grants: Map<string, IGrant[]>;
  notice: (key: string) => RowNotice | undefined;
  setNotice: (key: string, notice: RowNotice | undefined) => void;
  /** Runs one action of a row at a time: a second click while the first runs does nothing. */
  run: (key: string, work: () => Promise<void>) => void;
  isBusy: (key: string) => boolean;
  /** The row changed on the server: keep it where it is and reload. */
  changed: (key: string) => void;
  requestAgain: (row: IMyAccessRow) => void;
  extend: (row: IMyAccessRow, options: { justification?: string; endDateTime?: string }) => Promise<void>;
  remove: (row: IMyAccessRow) => Promise<void>;
  cancel: (row: IMyAccessRow) => Promise<void>;
}

const classes = mergeStyleSets({
  name: { fontWeight: 600, margin: 0 },
  when: { textDecoration: 'underline dotted', cursor: 'help' }
});

/** Fluent v8's tooltip popup has no role of its own; the WAI-ARIA tooltip pattern gives it `tooltip`. */
const tooltipRole = { role: 'tooltip' };

/**
 * A date that says "in 10 days" and gives the exact moment in Fluent's tooltip: on hover and on keyboard focus,
 * closed by Escape. The date itself is focusable and described by the tooltip's text (TooltipHost keeps it in a
 * hidden element under `id`, so screen readers read it without opening the tooltip).
 */
export const When: React.FC<{ iso: string; template: string }> = ({ iso, template }) => {
  const { language, now } = useServices();
  const [tipId] = React.useState(() => getId('when'));
  return (
    <TooltipHost content={exactDateTime(iso, language)} id={tipId} delay={TooltipDelay.zero} tooltipProps={tooltipRole}>
      <span tabIndex={0} className={classes.when} data-exact={iso} aria-describedby={tipId}>
        {format(template, relativeDate(iso, now(), language))}
      </span>
    </TooltipHost>
  );
};

const Notice: React.FC<{ notice: RowNotice | undefined; endDateTime?: string }> = ({ notice, endDateTime }) => {
  const { language } = useServices();
  if (!notice) return null;
  if (notice.kind === 'extended') {
    return (
      <MessageBar messageBarType={MessageBarType.success}>
        {endDateTime ? format(strings.Extended, localDate(endDateTime, language)) : strings.ExtendedNoEnd}
      </MessageBar>
    );
  }
  const type = notice.type === 'success' ? MessageBarType.success : notice.type === 'warning' ? MessageBarType.warning
    : notice.type === 'error' ? MessageBarType.error : MessageBarType.info;
  return (
    <MessageBar messageBarType={type} isMultiline>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        {notice.busy && <Spinner size={SpinnerSize.xSmall} />}
        <span>{notice.text}</span>
      </Stack>
    </MessageBar>
  );
};

const GrantList: React.FC<{ grants: IGrant[] | undefined }> = ({ grants }) => {
  const list = uniqueGrants(grants);
  if (list.length === 0) return null;
  return (
    <Text variant="small" block>
      {format(strings.Gives, '')}
      {list.map((g, i) => (
        <React.Fragment key={g.id}>
          {i > 0 && ', '}
          {g.url ? <Link underline href={g.url} target="_blank" rel="noopener noreferrer">{grantLabel(g)}</Link> : grantLabel(g)}
        </React.Fragment>
      ))}
    </Text>
  );
};

/** Rows can go away while their action runs (a removed row turns into ended access). */
function useMounted(): React.MutableRefObject<boolean> {
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);
  return mounted;
}

interface IRowProps {
  row: IMyAccessRow;
  actions: IRowActions;
}

type ActiveMode = 'idle' | 'extend' | 'remove';

const ActiveRow: React.FC<IRowProps> = ({ row, actions }) => {
  const theme = useTheme();
  const { language, now, myAccessUrl } = useServices();
  const [mode, setMode] = React.useState<ActiveMode>('idle');
  const [justification, setJustification] = React.useState('');
  const [endDate, setEndDate] = React.useState<Date | undefined>(undefined);
  const mounted = useMounted();
  // Opening the extend form or the removal question moves the focus into it; closing it gives it back.
  const rootRef = React.useRef<HTMLDivElement>(null);
  const focusNext = useFocusAfterRender(rootRef);
  const open = (next: 'extend' | 'remove'): void => {
    setMode(next);
    focusNext(FIRST_FIELD.split(', ').map(field => `[data-form="${next}"] ${field}`).join(', '));
  };
  const close = (from: ActiveMode): void => {
    setMode('idle');
    focusNext(`[data-action="${from}"]`);
  };
  const a = row.assignment;
  if (!a) return null;
  const policy = a.policy;
  const busy = actions.isBusy(row.key);
  const notice = actions.notice(row.key);
  const grants = actions.grants.get(row.packageId);
  const change = row.openChange;
  const newEnd = policy ? extendedEnd(policy, now()) : undefined;
  const maxEnd = newEnd;
  // Access with no end date has nothing to extend or request again: only removal applies.
  const ends = !!a.endDateTime;
  const canExtend = ends && !!policy && policy.canExtend && !change;
  const canRemove = !!policy && policy.canRemove && !change;
  const approval = policy && policy.isApprovalRequiredForUpdate;

  const extendInfo = (): string => {
    const end = endDate ? endDate.toISOString() : newEnd && newEnd.toISOString();
    const who = (policy && policy.description) || '';
    if (approval) return end ? format(strings.ExtendNeedsApproval, who, localDate(end, language)) : format(strings.ExtendNeedsApprovalNoEnd, who);
    return end ? format(strings.ExtendNoApproval, localDate(end, language)) : strings.ExtendNoApprovalNoEnd;
  };
  const submitExtend = (): void => {
    actions.run(row.key, () => actions.extend(row, {
      justification,
      endDateTime: policy && policy.allowCustomSchedule && endDate ? endDate.toISOString() : undefined
    }).then(() => { if (mounted.current) close('extend'); }));
  };
  const submitRemove = (): void => {
    // Once removed the row shows the ended access instead (this component goes away).
    actions.run(row.key, () => actions.remove(row).then(() => { if (mounted.current) close('remove'); }));
  };

  return (
    <div ref={rootRef}>
    <Stack tokens={{ childrenGap: 6 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Text as="h3" variant="mediumPlus" className={classes.name}>{row.packageName}</Text>
        {row.endingSoon && (
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 4 }} data-ending-soon="true">
            <Icon iconName="Warning" aria-hidden styles={{ root: { color: theme.semanticColors.warningIcon } }} />
            <Text variant="small" styles={{ root: { fontWeight: 600 } }}>{strings.EndingSoon}</Text>
          </Stack>
        )}
      </Stack>
      <GrantList grants={grants} />
      <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
        {a.startDateTime && <Text variant="small">{format(strings.Since, localDate(a.startDateTime, language))}</Text>}
        <Text variant="small" data-testid="ends">
          {a.endDateTime ? <When iso={a.endDateTime} template={strings.Ends} /> : strings.NoEnd}
        </Text>
      </Stack>
      {change && change.requestType === 'userRemove' && <Text variant="small" block>{strings.RemovalPending}</Text>}
      {change && change.requestType === 'userUpdate' && (
        <Text variant="small" block>{format(strings.UpdatePending, localDate(change.createdDateTime, language))}</Text>
      )}
      {change && change.requestType === 'userUpdate' && change.state === 'pendingApproval' && (
        <ApprovalStages requestId={change.id} policyDescription={policy ? policy.description : undefined} stages={change.approvers} />
      )}
      <Notice notice={notice} endDateTime={a.endDateTime} />
      {mode === 'idle' && (
        <Stack horizontal wrap tokens={{ childrenGap: 8 }} role="group" aria-label={format(strings.ActionsFor, row.packageName)}>
          {canExtend && <DefaultButton text={strings.Extend} disabled={busy} allowDisabledFocus onClick={() => open('extend')} data-action="extend" />}
          {ends && !canExtend && !change && policy && policy.canRequest && (
            <DefaultButton text={common.Status.RequestAgain} onClick={() => actions.requestAgain(row)} />
          )}
          {canRemove && <DefaultButton text={strings.Remove} disabled={busy} allowDisabledFocus onClick={() => open('remove')} data-action="remove" />}
        </Stack>
      )}
      {mode === 'idle' && ends && !canExtend && !change && (
        <Text variant="small" block>
          {policy && policy.canRequest ? strings.ExtendNotAllowedRequestAgain : strings.ExtendNotAllowed}{' '}
          {!(policy && policy.canRequest) && (
            <Link href={myAccessPackageUrl(myAccessUrl, row.packageId)} target="_blank" rel="noopener noreferrer">{common.Common.OpenInMyAccess}</Link>
          )}
        </Text>
      )}
      {mode === 'extend' && policy && (
        <Stack tokens={{ childrenGap: 8 }} role="group" aria-label={strings.Extend} data-form="extend">
          <Text block>{extendInfo()}</Text>
          {policy.allowCustomSchedule && (
            <LazyDatePicker
              label={strings.ExtendEndLabel}
              value={endDate}
              onSelectDate={d => setEndDate(d || undefined)}
              minDate={now()}
              maxDate={maxEnd}
              language={language}
              formatDate={d => (d ? localDate(d.toISOString(), language) : '')}
              textField={{ description: maxEnd ? format(strings.ExtendEndHint, localDate(maxEnd.toISOString(), language)) : undefined }}
            />
          )}
          {approval && (
            <TextField
              label={policy.isJustificationRequired ? common.Panel.Justification : common.Panel.JustificationOptional}
              required={policy.isJustificationRequired}
              multiline
              rows={2}
              value={justification}
              onChange={(_, v) => setJustification(v || '')}
            />
          )}
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <PrimaryButton
              text={busy ? strings.Extending : strings.ExtendConfirm}
              disabled={busy || (approval && policy.isJustificationRequired && !justification.trim())}
              allowDisabledFocus
              onClick={submitExtend}
            />
            <DefaultButton text={common.Common.Cancel} disabled={busy} onClick={() => close('extend')} />
            {busy && <Spinner size={SpinnerSize.small} ariaLabel={strings.Extending} />}
          </Stack>
        </Stack>
      )}
      {mode === 'remove' && (
        // Removing cannot be undone: say what goes before doing it.
        <Stack tokens={{ childrenGap: 8 }} role="group" aria-label={strings.Remove} data-form="remove">
          <Text block>{format(strings.RemoveConfirm, row.packageName)}</Text>
          {uniqueGrants(grants).length > 0
            ? <ul style={{ margin: 0, paddingLeft: 20 }}>{uniqueGrants(grants).map(g => <li key={g.id}><Text>{grantLabel(g)}</Text></li>)}</ul>
            : <Text block>{strings.RemoveConfirmUnknown}</Text>}
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <PrimaryButton text={busy ? strings.Removing : strings.RemoveYes} disabled={busy} allowDisabledFocus onClick={submitRemove} />
            <DefaultButton text={strings.RemoveNo} disabled={busy} onClick={() => close('remove')} />
          </Stack>
        </Stack>
      )}
    </Stack>
    </div>
  );
};

const PendingRow: React.FC<IRowProps> = ({ row, actions }) => {
  const { language } = useServices();
  const [confirming, setConfirming] = React.useState(false);
  const mounted = useMounted();
  const rootRef = React.useRef<HTMLDivElement>(null);
  const focusNext = useFocusAfterRender(rootRef);
  const confirm = (on: boolean): void => {
    setConfirming(on);
    focusNext(on ? '[data-form="cancel"] button' : '[data-action="cancel"]');
  };
  const r = row.request;
  if (!r) return null;
  const busy = actions.isBusy(row.key);
  const notice = actions.notice(row.key);
  const open = row.kind === 'pending';
  const cancellable = open && (r.state === 'pendingApproval' || r.state === 'submitted' || r.state === 'scheduled');
  const policyDescription = r.policy ? r.policy.description : undefined;
  return (
    <div ref={rootRef}>
    <Stack tokens={{ childrenGap: 6 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Text as="h3" variant="mediumPlus" className={classes.name}>{row.packageName}</Text>
        <Text variant="small" data-state={r.state}>{`${requestTypeText(r.requestType)} · ${stateText(r.state)}`}</Text>
      </Stack>
      {r.createdDateTime && <Text variant="small"><When iso={r.createdDateTime} template={strings.RequestedOn} /></Text>}
      {open && <AutomatedStep step={r.automatedStep} language={language} />}
      {open && r.state === 'pendingApproval' && <ApprovalStages requestId={r.id} policyDescription={policyDescription} stages={r.approvers} />}
      <Notice notice={notice} />
      {cancellable && !confirming && (
        <Stack horizontal>
          <DefaultButton text={common.Panel.CancelRequest} disabled={busy} allowDisabledFocus onClick={() => confirm(true)} data-action="cancel" />
        </Stack>
      )}
      {cancellable && confirming && (
        <div data-form="cancel">
          <CancelConfirm
            cancelling={busy}
            onConfirm={() => actions.run(row.key, () => actions.cancel(row).then(() => {
              // Cancelled: the row (with its notice) keeps the focus; there is nothing left to cancel.
              if (!mounted.current) return;
              setConfirming(false);
              focusNext();
            }))}
            onDismiss={() => confirm(false)}
          />
        </div>
      )}
    </Stack>
    </div>
  );
};

const HistoryRow: React.FC<IRowProps> = ({ row, actions }) => {
  const { language } = useServices();
  const r = row.request;
  const a = row.assignment;
  const notice = actions.notice(row.key);
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Text as="h3" variant="mediumPlus" className={classes.name}>{row.packageName}</Text>
        <Text variant="small" data-state={r ? r.state : 'expired'}>
          {r ? `${requestTypeText(r.requestType)} · ${stateText(r.state)}` : strings.Expired}
        </Text>
      </Stack>
      {row.when && (
        <Text variant="small">
          <When iso={row.when} template={r ? '{0}' : strings.ExpiredOn} />
          {r && r.createdDateTime && ` · ${format(strings.RequestedOn, localDate(r.createdDateTime, language))}`}
        </Text>
      )}
      {a && <GrantList grants={actions.grants.get(row.packageId)} />}
      {r && r.justification && <Text variant="small" block>{format(strings.Justification, r.justification)}</Text>}
      <Notice notice={notice} />
      {row.canRequestAgain && (
        <Stack horizontal>
          <DefaultButton iconProps={{ iconName: 'Refresh' }} text={common.Status.RequestAgain} onClick={() => actions.requestAgain(row)} />
        </Stack>
      )}
    </Stack>
  );
};

/** One row of MyAccess: what the person holds, asked for or lost, with what they may do about it. */
export const MyAccessRow: React.FC<IRowProps> = props => {
  const { row } = props;
  const theme = useTheme();
  // The divider in the theme's own colour: it shows on every section background and in a dark theme.
  const rowClass = React.useMemo(() => mergeStyles({ padding: '12px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }), [theme]);
  // A row that changes kind (removed access becomes ended access) is rendered anew: when the focus was in it and
  // went nowhere, the row itself takes it, with the notice that says what happened.
  const ref = React.useRef<HTMLDivElement>(null);
  const hadFocus = React.useRef(false);
  React.useEffect(() => {
    const active = document.activeElement;
    if (hadFocus.current && ref.current && (!active || active === document.body)) ref.current.focus();
  }, [row.kind]);
  let body: React.ReactElement;
  if (row.kind === 'active') body = <ActiveRow {...props} />;
  else if (row.kind === 'pending') body = <PendingRow {...props} />;
  else if (row.kind === 'request' && row.section === 'pending') body = <PendingRow {...props} />;
  else body = <HistoryRow {...props} />;
  return (
    <div className={rowClass} ref={ref} tabIndex={-1} data-row={row.key} data-kind={row.kind} data-package={row.packageName}
      onFocus={() => { hadFocus.current = true; }}
      onBlur={e => { if (!e.relatedTarget || !e.currentTarget.contains(e.relatedTarget as Node)) hadFocus.current = false; }}>
      {body}
    </div>
  );
};
