import { IAccessPackage, IGrant } from '../core/model/types';
import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadPackageGrants } from '../services/loaders/loadPackageGrants';

/** What one package grants, for the panel's links to delivered access. */
export function usePackageGrants(pkg: IAccessPackage): IAsyncResult<IGrant[]> {
  const services = useServices();
  return useAsync(() => loadPackageGrants(services, pkg), [services, pkg]);
}
