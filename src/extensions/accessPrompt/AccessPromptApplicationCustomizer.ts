import { BaseApplicationCustomizer, PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import { ThemeProvider } from '@microsoft/sp-component-base';
import { IPromptProperties, promptSettings } from '../../core/model/prompt';
import { fetchTransport } from '../../core/prompt/loadPrompt';
import { runPrompt } from '../../core/prompt/runPrompt';
import { currentPage, IBannerChunk, PromptMount } from '../../core/prompt/PromptMount';
import { onAccessChanged, PROMPT_ORIGIN } from '../../core/accessChanged';
import { graphOrigin } from '../../core/graphOrigin';

export type IAccessPromptApplicationCustomizerProperties = IPromptProperties;

/**
 * The first script on every page where the customizer is active, so it stays small: no React, Fluent UI or
 * PnPjs here. It decides with plain fetch (runPrompt) and loads the banner chunk only when there is
 * something to show. Decides once per page view: on init, again on an in-site navigation to another page, and when
 * a web part changed the person's access.
 */
export default class AccessPromptApplicationCustomizer
  extends BaseApplicationCustomizer<IAccessPromptApplicationCustomizerProperties> {
  private _top: PlaceholderContent | undefined;
  private _mount: PromptMount = new PromptMount(() => this._loadChunk(), () => this._target());
  private _unlisten: (() => void) | undefined;

  // Promise chains rather than async/await in this file: for ES5, TypeScript gives every module that uses
  // async its own __awaiter/__generator helpers, and this is the first script on every page.
  public onInit(): Promise<void> {
    return super.onInit().then(() => {
      this.context.placeholderProvider.changedEvent.add(this, () => this._mount.placeholdersChanged());
      // Decide for this page view first: SharePoint's navigatedEvent is sticky, raised by the runtime for the first
      // page view before the customizers load, so add() below calls the handler at once, for this same page.
      this._start();
      // In-site navigation raises it again: decide once per page view.
      this.context.application.navigatedEvent.add(this, () => {
        if (this._mount.isNewPage(currentPage())) this._start();
      });
      // A web part on the page changed the person's access (a request, an extension): decide again.
      this._unlisten = onAccessChanged(PROMPT_ORIGIN, () => this._start());
    });
  }

  private _target(): HTMLElement | undefined {
    if (!this._top) {
      this._top = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top, {
        onDispose: () => { this._top = undefined; this._mount.lost(); }
      });
    }
    return this._top ? this._top.domElement : undefined;
  }

  private _start(): void {
    const run = this._mount.begin(currentPage());
    const { pageContext } = this.context;
    // The tenant's Graph (national clouds, the local tenant) comes from the page: docs/graph-notes.md §16.
    const legacy = pageContext.legacyPageContext;
    const graph = graphOrigin(legacy ? legacy.msGraphEndpointUrl : undefined);
    const user = pageContext.user.loginName;
    const siteUrl = pageContext.web.absoluteUrl;
    const tokens = this.context.aadTokenProviderFactory.getTokenProvider();
    runPrompt({
      ctx: {
        transport: fetchTransport({
          graphBaseUrl: `${graph}/v1.0`,
          siteUrl,
          graphToken: () => tokens.then(t => t.getToken(graph))
        }),
        person: user,
        siteUrl,
        siteTitle: pageContext.web.title,
        settings: promptSettings(this.properties),
        session: window.sessionStorage,
        local: window.localStorage,
        grantCachePrefix: `accessHub:grants:${pageContext.aadInfo.tenantId}:${user}:`,
        now: () => new Date()
      },
      dismissals: window.localStorage,
      show: view => this._mount.show(run, view),
      hide: () => this._mount.hide(run)
      // Expected, not swallowed: runPrompt catches its own errors (the banner is optional; it logs why it is absent and
      // hides). This only keeps onInit's navigation handler from leaving a promise behind.
    }).catch(() => undefined);
  }

  private _loadChunk(): Promise<IBannerChunk> {
    // The banner chunk: the only way out of src/core/ (the lint rule on this file allows these two import()s only).
    return Promise.all([
      // eslint-disable-next-line import/no-restricted-paths
      import(/* webpackChunkName: 'access-prompt-banner' */ './promptUi'),
      // eslint-disable-next-line import/no-restricted-paths
      import(/* webpackChunkName: 'access-prompt-banner' */ '../../services/createSpfxServices')
    ]).then(([ui, spfx]) => {
      const services = spfx.createSpfxServices(this.context);
      return {
        show: (target, view, onClose) => ui.showPrompt({
          target, view, onClose, services, siteTitle: this.context.pageContext.web.title,
          timeZone: ui.timeZoneOf(this.context.pageContext.legacyPageContext),
          // The chunk reads SharePoint's theme and follows its changes (promptTheme.tsx).
          themeSource: { provider: this.context.serviceScope.consume(ThemeProvider.serviceKey), observer: this }
        }),
        hide: ui.hidePrompt
      };
    });
  }

  protected onDispose(): void {
    if (this._unlisten) this._unlisten();
    // A decision still loading is dropped (begin), a banner on screen unmounted; nothing shown costs nothing.
    this._mount.begin();
    this._mount.hide();
    this._top = undefined;
  }
}
