import * as React from 'react';
import { DefaultButton, Stack, Text, useTheme, mergeStyleSets } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { ICatalogEntry } from '../models/catalog';
import { grantLabel } from '../models/grants';
import { StatusBadge } from './StatusBadge';
import { formatCount } from './format';
import { useServices } from '../context/ServicesContext';

export interface IPackageCardProps {
  entry: ICatalogEntry;
  layout: 'list' | 'cards';
  onOpen: (entry: ICatalogEntry) => void;
}

const MAX_GRANTS = 4;

function actionLabel(entry: ICatalogEntry): string {
  switch (entry.status.kind) {
    case 'pending': case 'delivering': return strings.Status.ViewRequest;
    case 'hasAccess': return strings.Status.ViewDetails;
    case 'expired': case 'denied': return strings.Status.RequestAgain;
    default: return strings.Status.Request;
  }
}

/** One package: name, description, what it grants, the person's status and the one action that fits. */
export const PackageCard: React.FC<IPackageCardProps> = ({ entry, layout, onOpen }) => {
  const theme = useTheme();
  const { language } = useServices();
  const classes = React.useMemo(() => mergeStyleSets({
    root: {
      padding: 12,
      border: `1px solid ${theme.semanticColors.bodyDivider}`,
      borderRadius: 4,
      background: theme.semanticColors.bodyBackground,
      boxSizing: 'border-box',
      height: layout === 'cards' ? 260 : undefined,
      overflow: 'hidden'
    },
    grants: { margin: 0, paddingLeft: 18, color: theme.semanticColors.bodyText }
  }), [theme, layout]);
  const { pkg, grants } = entry;
  const shown = grants.slice(0, MAX_GRANTS);
  const headingId = `pkg-${pkg.id}`;
  const canRequest = entry.status.kind === 'available' || entry.status.kind === 'expired' || entry.status.kind === 'denied';
  return (
    <article className={classes.root} aria-labelledby={headingId} data-package-id={pkg.id}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text id={headingId} variant="mediumPlus" as="h3" styles={{ root: { margin: 0, fontWeight: 600 } }}>{pkg.displayName}</Text>
        <Text variant="small" block>{pkg.description || strings.Common.NoDescription}</Text>
        {entry.grantsKnown ? (
          grants.length > 0 && (
            <div>
              <Text variant="small" block styles={{ root: { fontWeight: 600 } }}>{strings.Grants.Heading}</Text>
              <ul className={classes.grants}>
                {shown.map(g => <li key={g.id}><Text variant="small">{grantLabel(g)}</Text></li>)}
                {grants.length > MAX_GRANTS && <li><Text variant="small">{formatCount(strings.Grants.More, grants.length - MAX_GRANTS, language)}</Text></li>}
              </ul>
            </div>
          )
        ) : <Text variant="small">{strings.Grants.Unknown}</Text>}
        <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
          <StatusBadge status={entry.status} />
          {/* One button whose look follows the status (primary when it requests): the same element stays in the page
              when the status changes, so the focus the panel gives back after a request is still on it. */}
          <DefaultButton primary={canRequest} text={actionLabel(entry)} onClick={() => onOpen(entry)} ariaDescription={pkg.displayName} />
        </Stack>
      </Stack>
    </article>
  );
};
