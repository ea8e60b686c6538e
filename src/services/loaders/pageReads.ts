import { ACCESS_CHANGED_EVENT } from '../../core/accessChanged';

/**
 * One read of each collection per page view, shared by every component on the page that needs it (the catalog, the
 * button, MyAccess, the request panel): one in-flight promise per key and its result for a few seconds, the time a
 * page takes to load its web parts. Each web part builds its own services, so the store is shared by key (the
 * tenant and the person), not by service instance.
 *
 * Forgotten at once when the person's access changes: a write through the services (`forget()`), or any component
 * announcing a change (the window event, which also reaches this bundle from the AccessPrompt's).
 *
 * Hand-written rather than TanStack Query: the sharing needed is one promise per URL across React roots and non-React
 * callers (property panes, loaders), with a window event to drop it; a query client would be a second cache beside the
 * grant cache and add about 11 KB gzipped to every page with a web part (@tanstack/react-query 4.44, the last line for React 17, measured with esbuild --minify).
 */
export interface IPageReads {
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The read under `key` if one is in flight or settled recently, without starting one. */
  peek<T>(key: string): Promise<T> | undefined;
  /** Forgets one read. */
  drop(key: string): void;
  forget(): void;
  /**
   * Directory names of resources (groups, applications) by origin id, known on this page: looked up by one
   * component, or carried by the site's access map. They do not depend on the person's access, so `forget()` keeps
   * them. With them, MyAccess names what the catalog's map already named without asking the directory.
   */
  readonly names: Map<string, string>;
  /** Names being looked up now, by origin id (another component waits for them instead of asking again). */
  readonly nameLookups: Map<string, Promise<void>>;
}

/** How long a settled read serves other components on the page. */
export const PAGE_READ_MAX_AGE_MS = 10000;

class PageReads implements IPageReads {
  private readonly _entries = new Map<string, { at: number; value: Promise<unknown> }>();

  private readonly _settled = new Set<string>();

  public readonly names = new Map<string, string>();

  public readonly nameLookups = new Map<string, Promise<void>>();

  constructor(private readonly _now: () => number, private readonly _maxAgeMs: number) {}

  public peek<T>(key: string): Promise<T> | undefined {
    const hit = this._entries.get(key);
    return hit && (!this._settled.has(key) || this._now() - hit.at < this._maxAgeMs) ? hit.value as Promise<T> : undefined;
  }

  public read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek<T>(key);
    if (hit) return hit;
    const value = load();
    const entry = { at: this._now(), value: value as Promise<unknown> };
    this._entries.set(key, entry);
    this._settled.delete(key);
    value.then(() => {
      if (this._entries.get(key) !== entry) return;
      // Kept from when it settled; with no age at all, only the read in flight is shared.
      entry.at = this._now();
      if (this._maxAgeMs > 0) this._settled.add(key);
      else this._entries.delete(key);
    }, () => {
      // A failed read is not shared: the next component (or a retry) asks again. The caller gets the rejection.
      if (this._entries.get(key) === entry) this._entries.delete(key);
    });
    return value;
  }

  public drop(key: string): void {
    this._entries.delete(key);
    this._settled.delete(key);
  }

  public forget(): void {
    this._entries.clear();
    this._settled.clear();
  }
}

const stores = new Map<string, PageReads>();
let listening = false;

/** The page's store for one tenant and person (`scope`). */
export function pageReadsFor(scope: string, now: () => number = () => Date.now()): IPageReads {
  let store = stores.get(scope);
  if (!store) stores.set(scope, store = new PageReads(now, PAGE_READ_MAX_AGE_MS));
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener(ACCESS_CHANGED_EVENT, forgetPageReads);
  }
  return store;
}

/** Forgets every store's reads: a new page view (a test's next page, an in-site navigation). */
export function forgetPageReads(): void {
  stores.forEach(s => s.forget());
}

/**
 * A store of its own (a service built without the page's): it shares only reads in flight, so two calls at once make
 * one request and a later call always reads again.
 */
export function createPageReads(now: () => number = () => Date.now(), maxAgeMs: number = 0): IPageReads {
  return new PageReads(now, maxAgeMs);
}
