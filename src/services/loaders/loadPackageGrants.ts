import { IAccessPackage, IGrant } from '../../core/model/types';
import { IAccessHubServices } from '../IAccessHubServices';

/** What one package grants (batched and cached by the service like the catalog's). */
export async function loadPackageGrants(services: IAccessHubServices, pkg: IAccessPackage): Promise<IGrant[]> {
  const grants = await services.entitlements.getGrants([pkg]);
  return grants.get(pkg.id) || [];
}
