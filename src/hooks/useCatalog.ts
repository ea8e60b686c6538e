import * as React from 'react';
import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadCatalog, ICatalogOptions, ICatalogData } from '../services/loaders/loadCatalog';

export type { ICatalogOptions, ICatalogData };

/**
 * The catalog for the current person; `reload` reads it again after they act (their status must be fresh).
 * A catalog from the site's access map shows at once and is replaced when its background check settles.
 */
export function useCatalog(options: ICatalogOptions): IAsyncResult<ICatalogData> {
  const services = useServices();
  const { scope, showOwned, accessMap } = options;
  // The property pane hands a new array on every render: reload when its contents change, not its identity.
  const selectedKey = options.selectedIds.join(',');
  const mapKey = accessMap === undefined ? '' : typeof accessMap === 'string' ? accessMap : JSON.stringify(accessMap);
  const result = useAsync(() => loadCatalog(services, { scope, showOwned, accessMap, progressive: true, selectedIds: selectedKey ? selectedKey.split(',') : [] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [services, scope, selectedKey, showOwned, mapKey]);
  const [checked, setChecked] = React.useState<{ from: ICatalogData; value: ICatalogData } | undefined>(undefined);
  const first = result.state.status === 'success' ? result.state.value : undefined;
  React.useEffect(() => {
    if (!first || !first.later) return;
    let current = true;
    // Not swallowed: the background check failing leaves the map's catalog as it is (loadCatalog says why).
    first.later().then(value => { if (current) setChecked({ from: first, value }); }, () => undefined);
    return () => { current = false; };
  }, [first]);
  if (first && checked && checked.from === first) return { state: { status: 'success', value: checked.value }, reload: result.reload };
  return result;
}
