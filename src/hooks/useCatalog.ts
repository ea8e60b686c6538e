import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadCatalog, ICatalogOptions, ICatalogData } from '../services/loaders/loadCatalog';

export type { ICatalogOptions, ICatalogData };

/** The catalog for the current person; `reload` reads it again after they act (their status must be fresh). */
export function useCatalog(options: ICatalogOptions): IAsyncResult<ICatalogData> {
  const services = useServices();
  const { scope, showOwned } = options;
  // The property pane hands a new array on every render: reload when its contents change, not its identity.
  const selectedKey = options.selectedIds.join(',');
  return useAsync(() => loadCatalog(services, { scope, showOwned, selectedIds: selectedKey ? selectedKey.split(',') : [] }),
    [services, scope, selectedKey, showOwned]);
}
