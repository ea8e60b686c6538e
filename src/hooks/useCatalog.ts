import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadCatalog, ICatalogOptions, ICatalogData } from '../services/loadCatalog';

/** The catalog for the current person; `refreshKey` reloads it after they act (their status must be fresh). */
export function useCatalog(options: ICatalogOptions, refreshKey: number): IAsyncResult<ICatalogData> {
  const services = useServices();
  return useAsync(() => loadCatalog(services, options),
    [services, options.scope, options.selectedIds.join(','), options.showOwned, refreshKey]);
}
