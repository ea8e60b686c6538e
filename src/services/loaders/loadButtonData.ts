import { IAccessPackage, IPackageStatus } from '../../core/model/types';
import { packageStatus } from '../../models/status';
import { IAccessHubServices } from '../IAccessHubServices';
import { loadMyStatus } from './loadMyStatus';
import { loadPackageGrants } from './loadPackageGrants';
import { toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';

export interface IButtonData {
  pkg: IAccessPackage;
  status: IPackageStatus;
  /** Where the granted access lives, for a person who has it (the first grant with a page). */
  url?: string;
}

/** The request button's package and the person's status for it; a missing package fails as notFound. */
export async function loadButtonData(services: IAccessHubServices, packageId: string): Promise<IButtonData> {
  const { entitlements } = services;
  const [pkg, mine] = await Promise.all([entitlements.getAvailablePackage(packageId), loadMyStatus(entitlements)]);
  const status = packageStatus(packageId, mine.assignments, mine.requests, services.now());
  let url: string | undefined;
  if (status.kind === 'hasAccess') {
    // The link is a convenience: without it the button opens the panel, which says the person has access.
    // Unexpected failures are still logged.
    const grants = await loadPackageGrants(services, pkg).catch(async (e: unknown) => {
      reportError('AccessRequestButton', await toAppError(e));
      return [];
    });
    const withUrl = grants.filter(g => !!g.url)[0];
    url = withUrl ? withUrl.url : undefined;
  }
  return { pkg, status, url };
}
