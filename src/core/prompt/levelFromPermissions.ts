import { SiteAccessLevel } from '../model/types';

/* eslint-disable no-bitwise */

// Kept apart from SiteAccessService (PnPjs) so the customizer's first script can read a level without PnPjs.

// SharePoint permission bits (SP.PermissionKind): ViewListItems=1, EditListItems=3, ManagePermissions=25.
function hasBit(high: number, low: number, bit: number): boolean {
  const index = bit - 1;
  return index < 32 ? ((low >>> index) & 1) === 1 : ((high >>> (index - 32)) & 1) === 1;
}

export function levelFromPermissions(high: number, low: number): SiteAccessLevel {
  if (hasBit(high, low, 25)) return 'owner';
  if (hasBit(high, low, 3)) return 'member';
  if (hasBit(high, low, 1)) return 'visitor';
  return 'none';
}
