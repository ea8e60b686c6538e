import * as React from 'react';
import { safeUrl } from '../../../models/packageRef';
import { Link, List, Pivot, PivotItem, Stack, Text } from '@fluentui/react';
import * as strings from 'MyAccessWebPartStrings';
import { useMyAccess } from '../../../hooks/useMyAccess';
import { useServices } from '../../../context/ServicesContext';
import { StatusView, EmptyState } from '../../../components/StatusView';
import { RequestPanel } from '../../../components/requestPanel/RequestPanel';
import { IRequestPrefill } from '../../../components/requestPanel/RequestForm';
import { errorMessage } from '../../../components/format';
import { toAppError } from '../../../services/infrastructure/AppError';
import { reportError } from '../../../services/infrastructure/reportError';
import { announceAccessChanged } from '../../../core/accessChanged';
import { extendAssignment, removeAssignment } from '../../../services/actions/changeAssignment';
import { cancelOrReadBack } from '../../../services/actions/cancelRequest';
import { useAccessChangedOrigin } from '../../../hooks/useAccessChanged';
import { useOncePerKey } from '../../../hooks/useOncePerKey';
import { IMyAccessRow, MyAccessSection, answersToDraft, buildMyAccess } from '../../../models/myAccess';
import { MyAccessRow, IRowActions, RowNotice } from './MyAccessRow';
import { itemCount, stateText } from './myAccessText';
import { useTeamProbe } from '../../../hooks/useTeamProbe';

// "My team" (managers only) in its own chunk: loaded when a manager opens the tab, never for anyone else.
const TeamView = React.lazy(() => import(/* webpackChunkName: 'access-hub-team' */ './team/TeamView'));

/** The lists' tabs plus "My team", which only managers whose reports Graph lists get. */
type MyAccessTab = MyAccessSection | 'team';
import { Suggestions } from '../../../components/suggestions/Suggestions';

export interface IMyAccessProperties {
  title?: string;
  showActive?: boolean;
  showPending?: boolean;
  showHistory?: boolean;
  /** Access ending within this many days stands out and sorts first. */
  endingSoonDays?: number | string;
  /** Where people find access they can request (the catalog page); shown in empty states. */
  catalogUrl?: string;
}

export const DEFAULT_ENDING_SOON_DAYS = 14;

export function endingSoonDaysOf(value: number | string | undefined): number {
  const n = typeof value === 'number' ? value : parseInt(String(value || ''), 10);
  return isFinite(n) && n >= 1 && n <= 365 ? Math.floor(n) : DEFAULT_ENDING_SOON_DAYS;
}

interface IOpenPanel { id: string; name: string; prefill?: IRequestPrefill }


export const MyAccessRoot: React.FC<{ properties: IMyAccessProperties }> = ({ properties }) => {
  const services = useServices();
  const { language, now } = services;
  const sections: MyAccessSection[] = [];
  if (properties.showActive !== false) sections.push('active');
  if (properties.showPending !== false) sections.push('pending');
  if (properties.showHistory !== false) sections.push('history');
  const days = endingSoonDaysOf(properties.endingSoonDays);
  const catalogUrl = safeUrl(properties.catalogUrl);

  const { state, reload, grants } = useMyAccess();
  const origin = useAccessChangedOrigin(reload);
  const guard = useOncePerKey();
  const team = useTeamProbe(services);
  const [filter, setFilter] = React.useState<MyAccessTab>(sections[0] || 'active');
  const [notices, setNotices] = React.useState<Record<string, RowNotice>>({});
  // Rows the person acted on stay in the list they were in until they switch lists, so they see the outcome.
  const [pins, setPins] = React.useState<Record<string, MyAccessSection>>({});
  const mounted = React.useRef(true);
  React.useEffect(() => () => { mounted.current = false; }, []);
  const [panel, setPanel] = React.useState<IOpenPanel | undefined>(undefined);

  const setNotice = React.useCallback((key: string, notice: RowNotice | undefined) => {
    if (!mounted.current) return;
    setNotices(prev => {
      const next = { ...prev };
      if (notice) next[key] = notice;
      else delete next[key];
      return next;
    });
  }, []);

  const model = React.useMemo(
    () => (state.status === 'success' ? buildMyAccess(state.value.assignments, state.value.requests, now(), days, language) : undefined),
    [state, now, days, language]
  );

  // The actions (services/actions) announce each change to the page's other components (the AccessPrompt banner, a
  // catalog); the row stays where it was and the list reads again.
  const changed = (key: string, section: MyAccessSection): void => {
    if (!mounted.current) return;
    setPins(prev => ({ ...prev, [key]: prev[key] || section }));
    reload();
  };

  const actions: IRowActions = {
    grants,
    notice: key => notices[key],
    setNotice,
    isBusy: guard.isBusy,
    // One action of a row at a time: a second click while the first runs sends nothing. Failures were already shown
    // next to the row by the action itself.
    run: (key, work) => { guard.run(key, work).catch(() => undefined); },
    changed: key => { announceAccessChanged(origin); changed(key, filter === 'team' ? 'active' : filter); },
    requestAgain: row => setPanel({
      id: row.packageId,
      name: row.packageName,
      prefill: row.previous ? { justification: row.previous.justification, answers: answersToDraft(row.previous.answers) } : undefined
    }),
    extend: async (row, options) => {
      if (!row.assignment) return;
      setNotice(row.key, undefined);
      try {
        const settled = await extendAssignment(services, row.assignment, options, { origin });
        if (settled.state === 'delivered') setNotice(row.key, { kind: 'extended' });
        else if (settled.state === 'denied' || settled.state === 'deliveryFailed') {
          setNotice(row.key, { kind: 'message', type: 'error', text: stateText(settled.state) });
        } else setNotice(row.key, { kind: 'message', type: 'info', text: strings.ExtendPendingApproval });
        changed(row.key, 'active');
      } catch (e) {
        // Refused by the policy or by Graph: say why next to the row; the form stays as it was.
        const error = await toAppError(e);
        reportError('MyAccess.extend', error);
        setNotice(row.key, { kind: 'message', type: 'error', text: errorMessage(error) });
        throw e;
      }
    },
    remove: async row => {
      if (!row.assignment) return;
      try {
        const settled = await removeAssignment(services, row.assignment, {
          origin,
          onCreated: () => {
            setNotice(row.key, { kind: 'message', type: 'info', text: strings.Removing, busy: true });
            changed(row.key, 'active');
          }
        });
        setNotice(row.key, settled.state === 'delivered'
          ? { kind: 'message', type: 'success', text: strings.Removed }
          : { kind: 'message', type: settled.state === 'denied' || settled.state === 'deliveryFailed' ? 'error' : 'info',
            text: settled.state === 'pendingApproval' ? strings.RemovalPending : stateText(settled.state) });
        changed(row.key, 'active');
      } catch (e) {
        const error = await toAppError(e);
        reportError('MyAccess.remove', error);
        setNotice(row.key, { kind: 'message', type: 'error', text: errorMessage(error) });
        throw e;
      }
    },
    cancel: async row => {
      if (!row.request) return;
      const key = row.key;
      try {
        const outcome = await cancelOrReadBack(services, row.request.id, { origin });
        // Decided elsewhere a moment ago: say what it is now ("?" when that could not be read); nothing is retried.
        setNotice(key, outcome.cancelled ? { kind: 'message', type: 'success', text: strings.CancelDone }
          : { kind: 'message', type: 'warning', text: strings.CancelRaced.replace('{0}', outcome.current ? stateText(outcome.current.state) : '?') });
      } catch (e) {
        const error = await toAppError(e);
        reportError('MyAccess.cancel', error);
        setNotice(key, { kind: 'message', type: 'error', text: errorMessage(error) });
        throw e;
      }
      changed(key, 'pending');
    }
  };

  const onFilter = (item?: PivotItem): void => {
    if (!item || !item.props.itemKey) return;
    setFilter(item.props.itemKey as MyAccessTab);
    setPins({});
  };

  const emptyText: Record<MyAccessSection, string> = {
    active: strings.EmptyActive, pending: strings.EmptyPending, history: strings.EmptyHistory
  };
  const labels: Record<MyAccessSection, string> = {
    active: strings.FilterActive, pending: strings.FilterPending, history: strings.FilterHistory
  };

  const title = properties.title === undefined ? strings.DefaultTitle : properties.title;
  return (
    // Not a landmark of its own: the page's web part zone (or the Teams tab) already is one, with the same name.
    <div data-component="MyAccess">
      <Stack tokens={{ childrenGap: 12 }}>
        {title && <Text as="h2" variant="xLarge" styles={{ root: { margin: 0 } }}>{title}</Text>}
        <StatusView state={state} onRetry={reload} lines={4}>
          {() => {
            if (!model) return null;
            const tabs = sections.length + (team ? 1 : 0);
            const pivot = tabs > 1 && (
              <Pivot selectedKey={filter} onLinkClick={onFilter} aria-label={strings.FiltersLabel} headersOnly>
                {sections.map(s => <PivotItem key={s} itemKey={s} headerText={labels[s]} itemCount={model.counts[s]} />)}
                {team && <PivotItem key="team" itemKey="team" headerText={strings.FilterTeam} />}
              </Pivot>
            );
            if (filter === 'team' && team) {
              return (
                <Stack tokens={{ childrenGap: 8 }}>
                  {pivot}
                  <React.Suspense fallback={<StatusView state={{ status: 'loading' }} lines={3}>{() => null}</StatusView>}>
                    <TeamView probe={team} endingSoonDays={days} />
                  </React.Suspense>
                </Stack>
              );
            }
            const list: MyAccessSection = filter === 'team' ? sections[0] || 'active' : filter;
            const shown: IMyAccessRow[] = model.rows
              .filter(r => (pins[r.key] || r.section) === list)
              .map(r => (pins[r.key] && pins[r.key] !== r.section ? { ...r, section: pins[r.key] } : r));
            return (
              <Stack tokens={{ childrenGap: 8 }}>
                {pivot}
                <Text variant="small" role="status" aria-live="polite">{itemCount(shown.length, language)}</Text>
                {shown.length === 0 ? (
                  <>
                    <EmptyState title={emptyText[list]}>
                      {catalogUrl && <Link href={catalogUrl}>{strings.BrowseCatalog}</Link>}
                    </EmptyState>
                    {/* Someone with nothing at all is offered what Graph suggests (docs/graph-notes.md §3.9). */}
                    {model.rows.length === 0 && <Suggestions onRequest={(id, name) => setPanel({ id, name })} />}
                  </>
                ) : (
                  // Fluent's List renders only the pages near the viewport: hundreds of rows stay cheap.
                  <div data-list={list}>
                    <List
                      items={shown}
                      getKey={(r: IMyAccessRow) => r.key}
                      onRenderCell={(r?: IMyAccessRow) => (r ? <MyAccessRow row={r} actions={actions} /> : null)}
                    />
                  </div>
                )}
              </Stack>
            );
          }}
        </StatusView>
      </Stack>
      {panel && (
        <RequestPanel
          packageId={panel.id}
          packageName={panel.name}
          prefill={panel.prefill}
          isOpen
          onDismiss={() => setPanel(undefined)}
          onChanged={() => { reload(); announceAccessChanged(origin); }}
        />
      )}
    </div>
  );
};
