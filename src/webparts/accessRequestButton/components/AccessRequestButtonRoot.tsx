import * as React from 'react';
import { PrimaryButton, DefaultButton, Link, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { useButtonData } from '../../../hooks/useButtonData';
import { useDeepLink } from '../../../hooks/useDeepLink';
import { RequestPanel } from '../../../components/requestPanel/RequestPanel';
import { parsePackageRef } from '../../../models/packageRef';
import { ErrorBar, BusyNote } from '../../../components/StatusView';
import { format } from '../../../components/format';
import { useAccessChanged } from '../../../hooks/useAccessChanged';

export interface IAccessRequestButtonProperties {
  /** An access package id or a My Access link. */
  accessPackageId?: string;
  label?: string;
  appearance?: 'primary' | 'default' | 'link';
}

/** A site owner's button for one package; it shows the person's status and opens the shared panel. */
export const AccessRequestButtonRoot: React.FC<{ properties: IAccessRequestButtonProperties }> = ({ properties }) => {
  const packageId = parsePackageRef(properties.accessPackageId);
  const [deepLinkId, clearDeepLink] = useDeepLink();
  const [panelId, setPanelId] = React.useState<string | undefined>(deepLinkId);

  const { state, reload } = useButtonData(packageId);

  // The button stays the same element whatever its status, so the panel gives the focus back to it when it closes.
  const onDismiss = React.useCallback(() => { setPanelId(undefined); clearDeepLink(); }, [clearDeepLink]);
  // After a request or cancel the person's status must be fresh, here and in the page's other components.
  const announce = useAccessChanged(reload);
  const onChanged = React.useCallback(() => { reload(); announce(); }, [reload, announce]);

  let content: React.ReactNode;
  if (!properties.accessPackageId) {
    content = <MessageBar>{strings.Button.Configure}</MessageBar>;
  } else if (!packageId) {
    content = <MessageBar messageBarType={MessageBarType.warning}>{strings.Button.InvalidPackage}</MessageBar>;
  } else if (state.status === 'loading') {
    content = <><Spinner size={SpinnerSize.small} label={strings.Common.Loading} labelPosition="right" /><BusyNote /></>;
  } else if (state.status === 'error') {
    content = state.error.kind === 'notFound'
      ? <MessageBar messageBarType={MessageBarType.warning}>{strings.Button.InvalidPackage}</MessageBar>
      : <ErrorBar error={state.error} onRetry={reload} />;
  } else if (state.value) {
    const { pkg, status, url } = state.value;
    // Several buttons can share a page: a pending one names its package ("Project Falcon Team: request pending").
    const pending = status.kind === 'pending' || status.kind === 'delivering';
    const label = pending ? format(strings.Button.Pending, pkg.displayName)
      : status.kind === 'hasAccess' ? strings.Button.HasAccess
        : properties.label || strings.Button.Request;
    const open = (): void => {
      if (status.kind === 'hasAccess' && url) window.open(url, '_blank', 'noopener');
      else setPanelId(pkg.id);
    };
    // The package's name is announced once: in the pending label, else as the description.
    const common = { text: label, onClick: open, ariaDescription: pending ? undefined : pkg.displayName, 'data-status': status.kind };
    content = properties.appearance === 'link'
      ? <Link onClick={open} data-status={status.kind}>{label}</Link>
      : properties.appearance === 'default' ? <DefaultButton {...common} /> : <PrimaryButton {...common} />;
  }

  return (
    <Stack data-component="AccessRequestButton" horizontalAlign="start" tokens={{ childrenGap: 8 }}>
      {content}
      {panelId && (
        <RequestPanel
          packageId={panelId}
          packageName={state.status === 'success' && state.value && state.value.pkg.id === panelId ? state.value.pkg.displayName : undefined}
          isOpen
          onDismiss={onDismiss}
          onChanged={onChanged}
        />
      )}
    </Stack>
  );
};
