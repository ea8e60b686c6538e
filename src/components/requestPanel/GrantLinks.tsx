import * as React from 'react';
import { Link, Stack, Text } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IAccessPackage, IGrant } from '../../models/types';
import { useServices } from '../../context/ServicesContext';
import { format } from '../format';

export interface IGrantLinksProps {
  pkg: IAccessPackage;
}

type GrantsState = { status: 'loading' } | { status: 'done'; grants: IGrant[] } | { status: 'failed' };

/** Links to what the package grants that has a page of its own (SharePoint sites). */
export const GrantLinks: React.FC<IGrantLinksProps> = ({ pkg }) => {
  const { entitlements } = useServices();
  const [state, setState] = React.useState<GrantsState>({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    entitlements.getGrants([pkg]).then(
      map => { if (current) setState({ status: 'done', grants: map.get(pkg.id) || [] }); },
      () => { if (current) setState({ status: 'failed' }); }
    );
    return () => { current = false; };
  }, [entitlements, pkg]);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') return <Text variant="small" block>{strings.Grants.Unknown}</Text>;

  const seen: Record<string, boolean> = {};
  const linked = state.grants.filter(g => {
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
