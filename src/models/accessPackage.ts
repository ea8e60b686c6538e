import type { AccessPackage } from '@microsoft/microsoft-graph-types';
import { IAccessPackage } from '../core/model/types';
import { optional, required } from '../core/model/graphShapes';

/**
 * The one package mapper, for both shapes Graph gives a requester: `accessPackage` (from
 * filterByCurrentUser, with `isHidden` and `modifiedDateTime`) and `availableAccessPackage` (by id:
 * only `id`, `displayName`, `description`). What a shape does not carry stays undefined rather than
 * guessed, so the grant cache is never keyed by an invented version.
 */
export function mapAccessPackage(raw: AccessPackage): IAccessPackage {
  const pkg: IAccessPackage = {
    id: required(raw.id, 'accessPackage', 'id'),
    displayName: raw.displayName || '',
    description: raw.description || ''
  };
  if (typeof raw.isHidden === 'boolean') pkg.isHidden = raw.isHidden;
  const modified = optional(raw.modifiedDateTime);
  if (modified) pkg.modifiedDateTime = modified;
  return pkg;
}
