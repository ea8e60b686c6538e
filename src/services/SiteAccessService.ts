import { SPFI, SPQueryable, spGet } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/sites';
import { ISiteInfo, SiteAccessLevel } from '../models/types';
import { toAppError } from './errors';
import { ISiteAccessService } from './interfaces';

/* eslint-disable no-bitwise */

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

// SharePoint permission bits (SP.PermissionKind): ViewListItems=1, EditListItems=3, ManagePermissions=25.
function hasBit(high: number, low: number, bit: number): boolean {
  const index = bit - 1;
  return index < 32 ? ((low >>> index) & 1) === 1 : ((high >>> (index - 32)) & 1) === 1;
}

function levelFromPermissions(high: number, low: number): SiteAccessLevel {
  if (hasBit(high, low, 25)) return 'owner';
  if (hasBit(high, low, 3)) return 'member';
  if (hasBit(high, low, 1)) return 'visitor';
  return 'none';
}

export class SharePointSiteAccessService implements ISiteAccessService {
  private _site: Promise<ISiteInfo> | undefined;

  constructor(private readonly _sp: SPFI) {}

  public getSite(): Promise<ISiteInfo> {
    if (!this._site) {
      this._site = (async () => {
        try {
          const [site, web] = await Promise.all([
            this._sp.site.select('GroupId', 'Url')(),
            this._sp.web.select('Title', 'Url')()
          ]);
          const groupId = site.GroupId && site.GroupId !== EMPTY_GUID ? String(site.GroupId) : undefined;
          return { url: String(web.Url || site.Url), title: String(web.Title || ''), groupId };
        } catch (e) {
          throw await toAppError(e);
        }
      })();
      this._site.catch(() => { this._site = undefined; });
    }
    return this._site;
  }

  public async getMyLevel(): Promise<SiteAccessLevel> {
    try {
      const p: { High: string | number; Low: string | number } = await spGet(SPQueryable(this._sp.web, 'effectiveBasePermissions'));
      if (!p) return 'none';
      return levelFromPermissions(Number(p.High), Number(p.Low));
    } catch (e) {
      const err = await toAppError(e);
      if (err.kind === 'forbidden' || err.kind === 'unauthorized') return 'none';
      throw err;
    }
  }
}
