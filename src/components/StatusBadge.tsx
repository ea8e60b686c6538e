import * as React from 'react';
import { Icon, Text, useTheme, Stack } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IPackageStatus } from '../core/model/types';
import { useServices } from '../context/ServicesContext';
import { format, formatDate } from './format';

const ICONS: Record<string, string> = {
  available: 'Add', pending: 'Clock', delivering: 'Sync', hasAccess: 'CompletedSolid', expired: 'Blocked2', denied: 'ErrorBadge'
};

export function statusText(status: IPackageStatus, language: string): string {
  switch (status.kind) {
    case 'pending':
      return status.request && status.request.createdDateTime
        ? format(strings.Status.PendingSince, formatDate(status.request.createdDateTime, language))
        : strings.Status.Pending;
    case 'delivering': return strings.Status.Delivering;
    case 'hasAccess':
      return status.assignment && status.assignment.endDateTime
        ? format(strings.Status.HasAccessUntil, formatDate(status.assignment.endDateTime, language))
        : strings.Status.HasAccess;
    case 'expired':
      return format(strings.Status.Expired, formatDate(status.assignment && (status.assignment.expiredDateTime || status.assignment.endDateTime), language));
    case 'denied': return strings.Status.Denied;
    default: return strings.Status.Available;
  }
}

/** The person's status for a package, in words and an icon; colour only repeats what the words say. */
export const StatusBadge: React.FC<{ status: IPackageStatus }> = ({ status }) => {
  const theme = useTheme();
  const { language } = useServices();
  const color = status.kind === 'hasAccess' ? theme.semanticColors.successIcon
    : status.kind === 'denied' || status.kind === 'expired' ? theme.semanticColors.errorIcon
      : status.kind === 'pending' || status.kind === 'delivering' ? theme.semanticColors.warningIcon
        : theme.semanticColors.bodySubtext;
  return (
    <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 6 }} data-status={status.kind}>
      <Icon iconName={ICONS[status.kind]} styles={{ root: { color } }} aria-hidden />
      <Text variant="small">{statusText(status, language)}</Text>
    </Stack>
  );
};
