import { SPFI, SPQueryable, spGet } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/sites';
import { ISiteInfo, SiteAccessLevel } from '../../core/model/types';
import { toAppError } from '../infrastructure/AppError';
import { ISiteAccessService } from '../IAccessHubServices';
import { createPageReads, IPageReads } from '../loaders/pageReads';

import { levelFromPermissions } from '../../core/prompt/levelFromPermissions';

export { levelFromPermissions };


const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

export class SharePointSiteAccessService implements ISiteAccessService {
  private _site: Promise<ISiteInfo> | undefined;
  private readonly _reads: IPageReads;

  /** `pageReads`: the page's shared reads (pageReads.ts), so the catalog and the button read the site once. */
  constructor(private readonly _sp: SPFI, pageReads?: IPageReads) {
    this._reads = pageReads || createPageReads();
  }

  public getSite(): Promise<ISiteInfo> {
    if (!this._site) {
      this._site = this._reads.read(`site:${this._sp.web.toUrl()}`, async () => {
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
      });
      // Not swallowed: callers get the rejection from the returned promise; this branch only drops the failed cache entry.
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
