import * as React from 'react';
import {
  Checkbox, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, SearchBox, Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'AccessApprovalsWebPartStrings';
import { ApprovalSort, filterApprovals, IPendingApproval, sortApprovals } from '../../../models/approvals';
import { AppError } from '../../../services/infrastructure/AppError';
import { reportError } from '../../../services/infrastructure/reportError';
import { IDecided, decideApproval, decideApprovals } from '../../../services/actions/decideApprovals';
import { useOncePerKey } from '../../../hooks/useOncePerKey';
import { errorMessage, format, formatCount } from '../../../components/format';
import { useApprovalService, useServices } from '../../../context/ServicesContext';
import { ApprovalRow, DecidedRow, fire } from './ApprovalRow';

function decidedText(d: IDecided): string {
  const who = d.approval.requestor.displayName;
  const what = d.approval.packageName;
  switch (d.outcome) {
    case 'approved': return format(strings.OutcomeApproved, who, what);
    case 'denied': return format(strings.OutcomeDenied, who, what);
    case 'nextStage': return format(strings.OutcomeNextStage, who, what, d.approval.stageIndex + 2, d.approval.stages.length);
    case 'alreadyDecided': return format(strings.OutcomeAlreadyDecided, who, what);
    default: return format(strings.OutcomeFailed, who, what, d.error ? errorMessage(d.error) : '');
  }
}

export interface IRequestsSectionProps {
  approvals: IPendingApproval[];
  pageSize: number;
}

export const RequestsSection: React.FC<IRequestsSectionProps> = ({ approvals, pageSize }) => {
  const service = useApprovalService();
  const { language } = useServices();
  const [decided, setDecided] = React.useState<IDecided[]>([]);
  const [failed, setFailed] = React.useState<Map<string, AppError>>(new Map());
  const [busy, setBusy] = React.useState<Set<string>>(new Set());
  // Each decision is sent once however often its button is pressed while it runs (a row, and the bulk bar).
  const guard = useOncePerKey();
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [search, setSearch] = React.useState('');
  const [packageId, setPackageId] = React.useState<string>('');
  const [sort, setSort] = React.useState<ApprovalSort>('oldest');
  const [shown, setShown] = React.useState(pageSize);
  const [bulkJustification, setBulkJustification] = React.useState('');
  const [bulkMissing, setBulkMissing] = React.useState(false);
  const [bulkSummary, setBulkSummary] = React.useState<{ done: number; failed: number } | undefined>();
  // Where the focus goes once a decision is recorded and its row left the list: its outcome, or the bulk summary.
  const [focusOn, setFocusOn] = React.useState<string | undefined>();
  const summaryRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusOn === 'summary' && summaryRef.current) summaryRef.current.focus();
  }, [focusOn, bulkSummary]);

  const gone = React.useMemo(() => new Set(decided.filter(d => d.outcome !== 'failed').map(d => d.approval.id)), [decided]);
  const open = approvals.filter(a => !gone.has(a.id));
  const visible = sortApprovals(filterApprovals(open, packageId || undefined, search), sort);
  const page = visible.slice(0, shown);

  const packages: IDropdownOption[] = [{ key: '', text: strings.AllPackages }].concat(
    Array.from(new Map(approvals.map(a => [a.packageId, a.packageName])).entries())
      .sort((x, y) => x[1].localeCompare(y[1])).map(([key, text]) => ({ key, text })));

  const record = (rows: IDecided[]): void => {
    // Each row shows its own error; unexpected ones are also logged once. A 409 is expected here: another approver
    // decided first, and the row says so.
    for (const r of rows) if (r.outcome === 'failed' && r.error) reportError('AccessApprovals.decide', r.error);
    setDecided(prev => rows.filter(r => r.outcome !== 'failed').concat(prev));
    setFailed(prev => {
      const next = new Map(prev);
      for (const r of rows) {
        if (r.outcome === 'failed' && r.error) next.set(r.approval.id, r.error);
        else next.delete(r.approval.id);
      }
      return next;
    });
    setSelected(prev => {
      const next = new Set(prev);
      for (const r of rows) if (r.outcome !== 'failed') next.delete(r.approval.id);
      return next;
    });
  };

  const setBusyFor = (ids: string[], on: boolean): void => setBusy(prev => {
    const next = new Set(prev);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    return next;
  });

  const decideOne = (a: IPendingApproval, approve: boolean, justification: string): Promise<void> => guard.run(`decide:${a.id}`, async () => {
    setBusyFor([a.id], true);
    const row = await decideApproval(service, a, approve, justification);
    setBusyFor([a.id], false);
    record([row]);
    // A failed decision keeps its row (and the focus on its button); otherwise the outcome takes the focus.
    if (row.outcome !== 'failed') setFocusOn(a.id);
  });

  // Only rows on screen are decided: a row selected and then hidden by the search, the package filter or the page
  // size is not sent.
  const chosen = page.filter(a => selected.has(a.id));
  const allShownSelected = page.length > 0 && page.every(a => selected.has(a.id));
  const bulkNeedsJustification = chosen.some(a => a.justificationRequired);

  const decideSelected = (approve: boolean): Promise<void> => guard.run('decideSelected', async () => {
    if (chosen.length === 0) return;
    if (bulkNeedsJustification && bulkJustification.trim() === '') {
      setBulkMissing(true);
      return;
    }
    setBulkMissing(false);
    const ids = chosen.map(a => a.id);
    setBusyFor(ids, true);
    const rows = await decideApprovals(service, chosen, approve, bulkJustification.trim());
    setBusyFor(ids, false);
    record(rows);
    // A 409 is not a failure to report here: its row says someone else decided first.
    setBulkSummary({ done: rows.filter(r => !r.error).length, failed: rows.filter(r => r.outcome === 'failed').length });
    setFocusOn('summary');
  });

  return (
    <section aria-label={strings.RequestsHeading}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="large" as="h3" block>{strings.RequestsHeading}</Text>
        <Text block role="status">{open.length === 0 ? strings.NoRequests : formatCount(strings.RequestsCount, open.length, language)}</Text>
        {open.length > 0 && (
          <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="end">
            <SearchBox placeholder={strings.SearchPlaceholder} ariaLabel={strings.SearchPlaceholder} value={search}
              onChange={(_, v) => setSearch(v || '')} styles={{ root: { minWidth: 260 } }} />
            <Dropdown label={strings.PackageFilter} options={packages} selectedKey={packageId}
              onChange={(_, o) => setPackageId(o ? String(o.key) : '')} styles={{ root: { minWidth: 200 } }} />
            <Dropdown label={strings.SortLabel} selectedKey={sort}
              options={[{ key: 'oldest', text: strings.SortOldest }, { key: 'urgent', text: strings.SortUrgent }]}
              onChange={(_, o) => setSort(o && o.key === 'urgent' ? 'urgent' : 'oldest')} styles={{ root: { minWidth: 180 } }} />
          </Stack>
        )}
        {open.length > 0 && visible.length === 0 && <Text block>{strings.NoMatch}</Text>}
        {visible.length > 0 && (
          <Stack tokens={{ childrenGap: 8 }} className="accesshub-bulk">
            <Checkbox
              label={formatCount(strings.SelectAll, page.length, language)}
              checked={allShownSelected}
              onChange={(_, c) => setSelected(prev => {
                const next = new Set(prev);
                for (const a of page) if (c) next.add(a.id); else next.delete(a.id);
                return next;
              })}
            />
            {chosen.length > 0 && (
              <>
                <Text block>{formatCount(strings.SelectedCount, chosen.length, language)}</Text>
                <TextField label={bulkNeedsJustification ? strings.BulkJustificationRequired : strings.BulkJustification}
                  required={bulkNeedsJustification} value={bulkJustification}
                  onChange={(_, v) => { setBulkJustification(v || ''); if (v && v.trim()) setBulkMissing(false); }}
                  errorMessage={bulkMissing ? strings.JustificationMissing : undefined} />
                <Stack horizontal tokens={{ childrenGap: 8 }}>
                  <PrimaryButton text={strings.BulkApprove} onClick={() => fire(decideSelected(true))} />
                  <DefaultButton text={strings.BulkDeny} onClick={() => fire(decideSelected(false))} />
                </Stack>
              </>
            )}
          </Stack>
        )}
        {bulkSummary && (
          <div ref={summaryRef} tabIndex={-1} data-testid="bulk-summary">
            <MessageBar messageBarType={bulkSummary.failed ? MessageBarType.warning : MessageBarType.success} isMultiline>
              {formatCount(strings.BulkDone, bulkSummary.done, language)}
              {bulkSummary.failed > 0 && ` ${formatCount(strings.BulkFailed, bulkSummary.failed, language)}`}
            </MessageBar>
          </div>
        )}
        <ul className="accesshub-approvals" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-all-selected={allShownSelected}>
          {page.map(a => (
            <React.Fragment key={a.id}>
              <ApprovalRow approval={a} selected={selected.has(a.id)} busy={busy.has(a.id)}
                onSelect={on => setSelected(prev => { const next = new Set(prev); if (on) next.add(a.id); else next.delete(a.id); return next; })}
                onDecide={(approve, justification) => fire(decideOne(a, approve, justification))} />
              {failed.has(a.id) && <DecidedRow ok={false} text={decidedText({ approval: a, outcome: 'failed', error: failed.get(a.id) })} />}
            </React.Fragment>
          ))}
        </ul>
        {visible.length > page.length && <DefaultButton text={strings.ShowMore} onClick={() => setShown(s => s + pageSize)} />}
        {decided.length > 0 && (
          <>
            <Text variant="large" as="h3" block>{strings.DecidedHeading}</Text>
            <ul className="accesshub-decided-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {decided.map(d => <DecidedRow key={d.approval.id} ok={d.outcome !== 'alreadyDecided'} text={decidedText(d)} focus={focusOn === d.approval.id} />)}
            </ul>
          </>
        )}
      </Stack>
    </section>
  );
};
