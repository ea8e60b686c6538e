import { SPFI, SPQueryable, spGet, spPost } from '@pnp/sp';
import { TextParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/sites';
import { ISiteInfo, SiteAccessLevel } from '../../core/model/types';
import type { ISiteAccessMap } from '../../core/model/siteAccessMap';
// The site's access map, shared by every Access Hub component on the site (README, "A site's access map").
import { SITE_MAP_FILE, SITE_MAP_FOLDER } from '../../core/siteMapFile';
import { toAppError } from '../infrastructure/AppError';
import { ISiteAccessService } from '../IAccessHubServices';
import { createPageReads, IPageReads } from '../loaders/pageReads';

import { levelFromPermissions } from '../../core/prompt/levelFromPermissions';

export { levelFromPermissions };


const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** A visitor's copy of the site's map is used for a day; a newer one is read beside it and used on the next view. */
const SITE_MAP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** SharePoint REST quotes a path in single quotes: a quote inside is doubled. */
const quoted = (value: string): string => encodeURIComponent(value.replace(/'/g, "''"));

export class SharePointSiteAccessService implements ISiteAccessService {
  private _site: Promise<ISiteInfo> | undefined;
  private readonly _reads: IPageReads;

  /** `pageReads`: the page's shared reads (pageReads.ts), so the catalog and the button read the site once. */
  constructor(private readonly _sp: SPFI, pageReads?: IPageReads, private readonly _storage?: Storage, private readonly _now: () => number = () => Date.now()) {
    this._reads = pageReads || createPageReads();
  }

  /** `/sites/marketing`: the web's server-relative path, from the URL the clients were built for. */
  private _sitePath(): string {
    return new URL(this._sp.web.toUrl()).pathname.replace(/\/_api\/web\/?$/i, '').replace(/\/+$/, '');
  }

  private _mapKey(): string {
    return `accessHub:siteMap:${this._sp.web.toUrl().toLowerCase()}`;
  }

  /**
   * The site's shared access map as stored (text; the caller checks it with readAccessMap), undefined when the site
   * has none or the person may not read it. What an earlier view found (the map, or that there is none) is answered
   * at once for a day, and the file is read again beside it for the next view, so a page does not wait for this read.
   */
  public getSiteAccessMap(): Promise<string | undefined> {
    const fresh = this._reads.read(`siteMap:${this._sp.web.toUrl()}`, () => this._readSiteMap());
    const kept = this._keptMap();
    if (kept) {
      // Not swallowed: the copy answers this view; a failed refresh only means the copy stays until it is a day old.
      fresh.catch(() => undefined);
      return Promise.resolve(kept.text);
    }
    return fresh;
  }

  public keptSiteAccessMap(): { text: string | undefined } | undefined {
    return this._keptMap();
  }

  /** What an earlier view found (a map's text, or that there was none), for a day. */
  private _keptMap(): { text: string | undefined } | undefined {
    try {
      const raw = this._storage && this._storage.getItem(this._mapKey());
      if (!raw) return undefined;
      const entry = JSON.parse(raw) as { at: number; text: string | null };
      if (typeof entry.at !== 'number' || this._now() - entry.at > SITE_MAP_MAX_AGE_MS) return undefined;
      return { text: typeof entry.text === 'string' ? entry.text : undefined };
    } catch {
      return undefined;
    }
  }

  private _keep(text: string | undefined): void {
    try {
      if (this._storage) this._storage.setItem(this._mapKey(), JSON.stringify({ at: this._now(), text: text === undefined ? null : text }));
    } catch {
      // Storage full or blocked: the next view reads the file again.
    }
  }

  private async _readSiteMap(): Promise<string | undefined> {
    const url = `${this._sitePath()}/${SITE_MAP_FOLDER}/${SITE_MAP_FILE}`;
    try {
      const text: string = await spGet(SPQueryable(this._sp.web, `getFileByServerRelativeUrl('${quoted(url)}')/$value`).using(TextParse()));
      this._keep(text);
      return text;
    } catch (e) {
      const err = await toAppError(e);
      // No map on this site, or one this person may not read: the catalog reads every package instead.
      if (err.kind === 'notFound' || err.kind === 'forbidden') {
        this._keep(undefined);
        return undefined;
      }
      throw err;
    }
  }

  /** Publishes a map for every component on the site (Edit permission on the site; a visitor gets `forbidden`). */
  public async saveSiteAccessMap(map: ISiteAccessMap): Promise<void> {
    const folder = `${this._sitePath()}/${SITE_MAP_FOLDER}`;
    const text = JSON.stringify(map);
    try {
      await spPost(SPQueryable(this._sp.web, `getFolderByServerRelativeUrl('${quoted(folder)}')/Files/add(url='${quoted(SITE_MAP_FILE)}',overwrite=true)`), { body: text });
    } catch (e) {
      throw await toAppError(e);
    }
    this._keep(text);
  }

  public getSite(): Promise<ISiteInfo> {
    if (!this._site) {
      this._site = this._reads.read(`site:${this._sp.web.toUrl()}`, async () => {
        try {
          // One read: Entitlement Management grants roles on site collections, so the site collection's URL is what
          // packages name (a subsite's page is about its site collection), and its group is what Teams grants.
          const site = await this._sp.site.select('GroupId', 'Url')();
          const groupId = site.GroupId && site.GroupId !== EMPTY_GUID ? String(site.GroupId) : undefined;
          return { url: String(site.Url), groupId };
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
