import type { IPromptView } from './runPrompt';

// Where the banner lives between decisions: part of the customizer's first script (no React here), shared by
// the customizer and the workbench so both host the banner the same way.

/** The banner chunk, once loaded: renders into and clears a placeholder element. */
export interface IBannerChunk {
  show(target: HTMLElement, view: IPromptView, onClose: () => void): void;
  hide(target: HTMLElement): void;
}

/** The page's address without its fragment: a page view is one address. */
export function currentPage(): string {
  return window.location.href.split('#')[0];
}

/**
 * One page view's banner. `begin()` starts a page view (first load, in-site navigation); a newer page view's
 * decision wins over one still loading. Once the chunk is loaded, closing and hiding take effect at once, and a
 * banner the person closed stays closed for the page view even when the placeholders change.
 */
export class PromptMount {
  private _chunk: IBannerChunk | undefined;
  private _loading: Promise<IBannerChunk> | undefined;
  private _view: IPromptView | undefined;
  private _on: HTMLElement | undefined;
  private _run: number = 0;
  private _page: string | undefined;

  /**
   * @param _load loads the banner chunk (a dynamic import in the host, so the bundler names the chunk)
   * @param _target the top placeholder's element; undefined while the page has none
   */
  public constructor(private _load: () => Promise<IBannerChunk>, private _target: () => HTMLElement | undefined) {}

  /**
   * A new decision, for `page`: forgets the last one's banner (it stays on screen until the new decision).
   * Without a page (dispose), the next navigatedEvent is a new page view whatever the address.
   */
  public begin(page?: string): number {
    this._page = page;
    this._view = undefined;
    return ++this._run;
  }

  /**
   * Whether navigatedEvent starts a page view not decided yet. SharePoint raises it for the first page view too,
   * after the customizer's onInit (which decides already, for hosts that do not), and sometimes twice for one
   * navigation: only another address is a new page view.
   */
  public isNewPage(page: string): boolean {
    return page !== this._page;
  }

  /** Shows this page view's banner, loading the chunk first; an older page view's decision is dropped. */
  public show(run: number, view: IPromptView): Promise<void> {
    if (run !== this._run) return Promise.resolve();
    this._view = view;
    if (!this._loading) {
      // Loaded once per page; a failed load (offline, a new deployment) is tried again by the next decision.
      this._loading = this._load();
      this._loading.catch(() => { this._loading = undefined; });
    }
    return this._loading.then(chunk => {
      this._chunk = chunk;
      if (run === this._run && this._view === view) this._render(true);
    });
  }

  /** The placeholders changed: shows the banner if it has not found its placeholder yet. */
  public placeholdersChanged(): void {
    this._render(false);
  }

  /** The placeholder was disposed: what it showed comes back when placeholders change again. */
  public lost(): void {
    this._on = undefined;
  }

  /** Hides now and for the rest of this page view (nothing to show, dismissed, closed). */
  public hide(run: number = this._run): void {
    if (run !== this._run) return;
    this._view = undefined;
    if (this._on && this._chunk) this._chunk.hide(this._on);
    this._on = undefined;
  }

  /** Whether a banner is on screen (a method, not a getter: ES5 getters cost a defineProperty in the first script). */
  public isShown(): boolean {
    return !!this._on;
  }

  private _render(again: boolean): void {
    const view = this._view;
    const chunk = this._chunk;
    if (!view || !chunk || (this._on && !again)) return;
    const target = this._target();
    if (!target) return;
    if (this._on && this._on !== target) chunk.hide(this._on);
    this._on = target;
    const run = this._run;
    chunk.show(target, view, () => this.hide(run));
  }
}
