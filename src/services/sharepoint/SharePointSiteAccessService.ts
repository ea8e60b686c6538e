import { SPFI, SPQueryable, spGet, spPost } from '@pnp/sp';
import { TextParse } from '@pnp/queryable';
// `sp.web` (its URL, and the base of every read here); the site collection is read by path beside it, without
// @pnp/sp/sites, whose Site type went unused.
import '@pnp/sp/webs';
import { ISiteInfo, SiteAccessLevel } from '../../core/model/types';
import type { ISiteAccessMap } from '../../core/model/siteAccessMap';
// The site's access map, shared by every Access Hub component on the site (README, "A site's access map").
import { SITE_MAP_FILE, SITE_MAP_FOLDER } from '../../core/siteMapFile';
import type { ISharedAnswer } from '../../core/pageSharedReads';
import { bannerRead } from '../infrastructure/bannerReads';
import { toAppError } from '../infrastructure/AppError';
import { ISiteAccessService } from '../IAccessHubServices';
import { createPageReads, IPageReads } from '../loaders/pageReads';

import { levelFromPermissions } from '../../core/prompt/levelFromPermissions';

export { levelFromPermissions };


const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** A visitor's copy of the site's map is used for a day; a newer one is read beside it and used on the next view. */
const SITE_MAP_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A kept answer younger than this is not read again beside (a newly published map reaches a catalog within the hour). */
const SITE_MAP_RECHECK_MS = 60 * 60 * 1000;

/** SharePoint REST quotes a path in single quotes: a quote inside is doubled. */
const quoted = (value: string): string => encodeURIComponent(value.replace(/'/g, "''"));

export class SharePointSiteAccessService implements ISiteAccessService {
  private _site: Promise<ISiteInfo> | undefined;
  private readonly _reads: IPageReads;

  /** `pageReads`: the page's shared reads (pageReads.ts), so the catalog and the button read the site once. */
  constructor(private readonly _sp: SPFI, pageReads?: IPageReads, private readonly _storage?: Storage, private readonly _now: () => number = () => Date.now()) {
    this._reads = pageReads || createPageReads();
  }

  /** `https://contoso.sharepoint.com/sites/marketing`: the web the clients were built for. */
  private _webBase(): string {
    return this._sp.web.toUrl().replace(/\/_api\/web\/?$/i, '').replace(/\/+$/, '');
  }

  /**
   * The AccessPrompt's answer to the same read on this page, when it made it a moment ago (pageSharedReads.ts), else
   * `read()`. A failed or unreadable shared answer is not trusted: the web part reads itself.
   */
  private _fromPage<T>(url: string, read: () => Promise<T>, notFound?: () => T): Promise<T> {
    const shared = bannerRead(url, this._now());
    if (!shared) return read();
    return shared.then((a: ISharedAnswer) => {
      if (a.status < 300 && a.body !== undefined) return a.body as T;
      if (a.status === 404 && notFound) return notFound();
      return read();
    }, read);
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
    const kept = this._keptMap();
    if (kept && this._now() - kept.at < SITE_MAP_RECHECK_MS) return Promise.resolve(kept.text);
    const fresh = this._reads.read(`siteMap:${this._sp.web.toUrl()}`, () => this._readSiteMap());
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

  /** What an earlier view found (a map's text, or that there was none) and when, for a day. */
  private _keptMap(): { text: string | undefined; at: number } | undefined {
    try {
      const raw = this._storage && this._storage.getItem(this._mapKey());
      if (!raw) return undefined;
      const entry = JSON.parse(raw) as { at: number; text: string | null };
      if (typeof entry.at !== 'number' || this._now() - entry.at > SITE_MAP_MAX_AGE_MS) return undefined;
      return { text: typeof entry.text === 'string' ? entry.text : undefined, at: entry.at };
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
    const method = `getFileByServerRelativeUrl('${quoted(url)}')/$value`;
    const NONE = {};
    try {
      const found = await this._fromPage<unknown>(`${this._webBase()}/_api/web/${method}`,
        () => spGet(SPQueryable(this._sp.web, method).using(TextParse())), () => NONE);
      const text = found === NONE ? undefined : typeof found === 'string' ? found : JSON.stringify(found);
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
          const site = await this._fromPage<{ GroupId?: string; Url?: string }>(`${this._webBase()}/_api/site?$select=GroupId,Url`,
            () => spGet(SPQueryable([this._sp.web, this._webBase()], '_api/site').select('GroupId', 'Url')));
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
