import * as React from 'react';
import { Link, MessageBar, MessageBarType, Panel, PanelType, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IAccessRequest, IPolicyRequirement } from '../../core/model/types';
import { packageStatus } from '../../models/status';
import { AppError } from '../../services/infrastructure/AppError';
import { IPanelData } from '../../services/loaders/loadPanelData';
import { isGuid, myAccessPackageUrl } from '../../models/packageRef';
import { useServices } from '../../context/ServicesContext';
import { usePanelData } from '../../hooks/usePanelData';
import { StatusView } from '../StatusView';
import { errorMessage, format, formatDate } from '../format';
import { RequestForm, IRequestPrefill } from './RequestForm';
import { RequestOutcome } from './RequestOutcome';
import { CurrentStatus } from './CurrentStatus';
import { VerifiedIdHandOff } from './VerifiedIdHandOff';
import { usePackageShare } from '../../context/HostContext';

export interface IRequestPanelProps {
  /** From the catalog, the button web part or a deep link (`?accessPackageId=`): may be invalid or unknown. */
  packageId: string;
  /** Shown at once while loading, when the caller knows it. */
  packageName?: string;
  isOpen: boolean;
  onDismiss: () => void;
  /**
   * Called after a submit, a delivery or a cancel: the caller refreshes the person's status and announces the
   * change to the page's other components (useAccessChanged).
   */
  onChanged: () => void;
  /** "Request again": the earlier justification and answers, as My Access's resubmit prefills them. */
  prefill?: IRequestPrefill;
}

interface IOutcome {
  request: IAccessRequest;
  policy: IPolicyRequirement;
}

interface IPanelBodyProps extends IRequestPanelProps {
  data: IPanelData;
  pkg: IAccessPackage;
  reload: () => void;
}

const PanelBody: React.FC<IPanelBodyProps> = ({ data, pkg, reload, isOpen, onChanged, prefill }) => {
  const { language, now } = useServices();
  const [outcome, setOutcome] = React.useState<IOutcome | undefined>(undefined);
  const [notice, setNotice] = React.useState<AppError | undefined>(undefined);
  const [cancelled, setCancelled] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(() => () => { mounted.current = false; }, []);

  const onSubmitted = (request: IAccessRequest, policy: IPolicyRequirement): void => {
    onChanged();
    if (mounted.current) setOutcome({ request, policy });
  };
  const onConflict = (error: AppError): void => {
    setNotice(error);
    setCancelled(false);
    onChanged();
    reload();
  };
  const onCancelled = (): void => {
    setNotice(undefined);
    setCancelled(true);
    onChanged();
    reload();
  };

  const status = packageStatus(pkg.id, data.assignments, data.requests, now());
  const showStatus = !outcome && (status.kind === 'hasAccess' || status.kind === 'pending' || status.kind === 'delivering');
  // Policies that need a Verified ID are handed off to My Access and never submitted from here (docs/graph-notes.md §3.13).
  const formPolicies = data.policies.filter(p => !p.requiresVerifiedId);
  const handOff = !outcome && !showStatus && formPolicies.length < data.policies.length;
  const showForm = !outcome && !showStatus && formPolicies.length > 0;
  let previous: string | undefined;
  if (status.kind === 'denied') previous = strings.Status.Denied;
  if (status.kind === 'expired' && status.assignment) {
    previous = format(strings.Status.Expired, formatDate(status.assignment.expiredDateTime || status.assignment.endDateTime, language));
  }

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack tokens={{ childrenGap: 4 }}>
        <Text block>{pkg.description || strings.Common.NoDescription}</Text>
      </Stack>
      {/* Everything that changes by itself (outcome, status, delivery) is announced politely. */}
      <div aria-live="polite">
        <Stack tokens={{ childrenGap: 8 }}>
          {notice && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{errorMessage(notice)}</MessageBar>}
          {cancelled && !showStatus && <MessageBar messageBarType={MessageBarType.success}>{strings.Panel.RequestCancelled}</MessageBar>}
          {outcome && (
            <RequestOutcome pkg={pkg} request={outcome.request} policy={outcome.policy} isOpen={isOpen} onDelivered={onChanged} />
          )}
          {showStatus && <CurrentStatus pkg={pkg} status={status} policies={data.policies} onCancelled={onCancelled} />}
          {!outcome && !showStatus && data.policies.length === 0 && (
            <MessageBar messageBarType={MessageBarType.warning} isMultiline>{strings.Panel.NotRequestable}</MessageBar>
          )}
          {handOff && <VerifiedIdHandOff packageId={pkg.id} />}
          {showForm && previous && <Text block>{previous}</Text>}
        </Stack>
      </div>
      {showForm && <RequestForm pkg={pkg} policies={formPolicies} onSubmitted={onSubmitted} onConflict={onConflict} prefill={prefill} />}
    </Stack>
  );
};

interface IPanelContentProps extends IRequestPanelProps {
  onLoadedName: (name: string | undefined) => void;
}

/** Mounted only while the panel is open, so each opening reads the person's status afresh. */
const PanelContent: React.FC<IPanelContentProps> = props => {
  const { packageId, onLoadedName } = props;
  const valid = isGuid(packageId);
  const { state, reload } = usePanelData(packageId, valid);
  const loadedName = state.status === 'success' && state.value.pkg ? state.value.pkg.displayName : undefined;
  React.useEffect(() => { onLoadedName(loadedName); }, [loadedName, onLoadedName]);

  if (!valid) {
    return <MessageBar messageBarType={MessageBarType.error} isMultiline>{format(strings.Panel.InvalidId, packageId)}</MessageBar>;
  }
  return (
    <StatusView state={state} onRetry={reload} lines={4}>
      {data => data.pkg
        ? <PanelBody {...props} data={data} pkg={data.pkg} reload={reload} />
        : <MessageBar messageBarType={MessageBarType.warning} isMultiline>{strings.Panel.NotFound}</MessageBar>}
    </StatusView>
  );
};

/** The one request panel: opened from the catalog, the button web part or a deep link. */
export const RequestPanel: React.FC<IRequestPanelProps> = props => {
  const { packageName, isOpen, onDismiss } = props;
  const { myAccessUrl } = useServices();
  const Share = usePackageShare();
  const packageId = (props.packageId || '').trim();
  const [loadedName, setLoadedName] = React.useState<string | undefined>(undefined);
  // Content stays through the closing animation and is dropped once the panel is gone.
  const [showContent, setShowContent] = React.useState(isOpen);
  React.useEffect(() => { if (isOpen) setShowContent(true); }, [isOpen]);
  const onDismissed = React.useCallback(() => {
    setShowContent(false);
    setLoadedName(undefined);
  }, []);

  const footer = (): JSX.Element => (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 16 }}>
      {/* A new browser tab on a page; in Teams too (Teams opens target="_blank" links in the browser, not in the tab). */}
      <Link href={myAccessPackageUrl(myAccessUrl, packageId)} target="_blank" rel="noopener noreferrer">{strings.Common.OpenInMyAccess}</Link>
      {Share && isGuid(packageId) && <Share packageId={packageId} />}
    </Stack>
  );

  return (
    <Panel
      isOpen={isOpen}
      onDismiss={onDismiss}
      onDismissed={onDismissed}
      type={PanelType.medium}
      headerText={loadedName || packageName || strings.Panel.Title}
      // The panel's sections are h3: its own title is the level-2 heading above them.
      headerTextProps={{ 'aria-level': 2 }}
      closeButtonAriaLabel={strings.Common.Close}
      onRenderFooterContent={footer}
      isFooterAtBottom
    >
      {(isOpen || showContent) && (
        <PanelContent key={packageId} {...props} packageId={packageId} onLoadedName={setLoadedName} />
      )}
    </Panel>
  );
};
