import * as React from 'react';
import { Link, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IGrant } from '../../core/model/types';
import { usePackageGrants } from '../../hooks/usePackageGrants';
import { format } from '../format';

export interface IGrantLinksProps {
  pkg: IAccessPackage;
}

/** Links to what the package grants that has a page of its own (SharePoint sites). */
export const GrantLinks: React.FC<IGrantLinksProps> = ({ pkg }) => {
  const { state } = usePackageGrants(pkg);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <Text variant="small" block>{strings.Grants.Unknown}</Text>;

  const seen: Record<string, boolean> = {};
  const linked = state.value.filter((g: IGrant) => {
    if (!g.url || seen[g.url.toLowerCase()]) return false;
    seen[g.url.toLowerCase()] = true;
    return true;
  });
  if (linked.length === 0) return null;
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {linked.map(g => (
        <Link key={g.id} href={g.url} target="_blank" rel="noopener noreferrer">
          {format(strings.Panel.DeliveredLink, g.resourceName)}
        </Link>
      ))}
    </Stack>
  );
};
