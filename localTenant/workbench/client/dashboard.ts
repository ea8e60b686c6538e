/**
 * The workbench's Viva Connections card host: renders the AccessCard on `/_dashboard` as a dashboard does. The card's
 * logic is the ACE's own (AccessCardController, the same services as the web parts); its card views go through SPFx's
 * own `PrimaryTextCardView` helper and the host's conversion (cardHost.ts) to Adaptive Cards, rendered with the
 * `adaptivecards` renderer SharePoint's host uses; the quick view's template is bound with `adaptivecards-templating`
 * (by the workbench server: ../dashboard.ts EXPAND_PATH says why).
 * Selecting a card opens its quick view in a side panel; Action.Submit / Action.Execute go to the card's onAction.
 */
import * as AC from 'adaptivecards';
import { getTheme } from '@fluentui/react';
// The helper itself, from the package's ES modules (its index needs SharePoint's runtime).
import { PrimaryTextCardView } from '@microsoft/sp-adaptive-card-extension-base/lib/views/card/parameters/GenericTemplates';
import * as cardStrings from 'AccessCardAdaptiveCardExtensionStrings';
import { AccessCardController } from '../../../src/adaptiveCardExtensions/accessCard/logic/AccessCardController';
import { cardSelection } from '../../../src/adaptiveCardExtensions/accessCard/logic/cardModel';
import { createBrowserClients, TokenSource } from '../../../src/services/graph/createBrowserClients';
import { createServices } from '../../../src/services/createServices';
import { GraphCardService } from '../../../src/services/graph/GraphCardService';
import { cardViewToAdaptiveCard, CardSize, hostConfigJson, QUICK_VIEW_SUBMIT, renderMarkdown } from './cardHost';
import type { WorkbenchClientConfig } from '../server';

/** The server's template binding (../dashboard.ts EXPAND_PATH; a constant here: that module is Node's). */
const EXPAND_PATH = '/_dashboard/expand';

const SIZES: CardSize[] = ['Medium', 'Large'];

function hostConfig(): AC.HostConfig {
  const t = getTheme();
  return new AC.HostConfig(hostConfigJson({
    primary: t.palette.themePrimary, text: t.palette.neutralPrimary, subtleText: t.palette.neutralSecondary, background: t.palette.white,
    good: '#107C10', warning: '#835B00', attention: t.semanticColors.errorText
  }));
}

export function startDashboard(config: WorkbenchClientConfig, getToken: TokenSource): void {
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = renderMarkdown(text);
    result.didProcess = true;
  };
  const config0 = hostConfig();
  const services = createServices({
    clients: createBrowserClients(config.graphBaseUrl, config.siteUrl, getToken),
    language: config.language,
    myAccessUrl: config.myAccessUrl,
    cacheKey: config.user.userPrincipalName,
    storage: window.localStorage,
    card: clients => new GraphCardService(clients.graph)
  });
  let quickViewCard: AC.AdaptiveCard | undefined;
  /** Renders of the quick view in order: an older binding that answers late is dropped. */
  let quickViewRender = 0;
  let panel: { root: HTMLElement; opener: HTMLElement | undefined } | undefined;

  const controller = new AccessCardController({
    services,
    cacheKey: `${config.graphBaseUrl}|${config.user.userPrincipalName}`,
    storage: window.localStorage,
    onChange: () => { renderCards(); renderQuickView(); }
  });

  const render = (json: unknown, onAction: (a: AC.Action) => void): HTMLElement => {
    const card = new AC.AdaptiveCard();
    card.hostConfig = config0;
    card.onExecuteAction = onAction;
    card.parse(json);
    const element = card.render();
    if (!element) throw new Error('The Adaptive Card did not render');
    // The renderer leaves out `alt` when an Image's altText is empty: such an image is decorative (the card bar icon).
    element.querySelectorAll('img:not([alt])').forEach(img => img.setAttribute('alt', ''));
    (element as HTMLElement & { __card?: AC.AdaptiveCard }).__card = card;
    return element;
  };

  /** An action of the card view or the quick view, as SPFx hands it to onAction. */
  const dispatch = (action: AC.Action, from: HTMLElement | undefined): void => {
    if (action instanceof AC.OpenUrlAction) {
      if (action.url) window.open(action.url, '_blank', 'noopener,noreferrer');
      return;
    }
    if (!(action instanceof AC.SubmitAction) && !(action instanceof AC.ExecuteAction)) return;
    const data = (action.data || {}) as Record<string, unknown>;
    if (typeof data[QUICK_VIEW_SUBMIT] === 'string') {
      openQuickView(from);
      return;
    }
    controller.onAction({
      type: action instanceof AC.ExecuteAction ? 'Execute' : 'Submit', verb: action instanceof AC.ExecuteAction ? action.verb : undefined, data
    }).catch((e: unknown) => console.error('AccessCard action', e));
  };

  function renderCards(): void {
    for (const size of SIZES) {
      const slot = document.querySelector<HTMLElement>(`.wb-ace[data-size="${size}"]`);
      if (!slot) continue;
      const params = PrimaryTextCardView(controller.cardView(size));
      const element = render(cardViewToAdaptiveCard(params, size, cardSelection()), a => dispatch(a, slot));
      slot.replaceChildren(element);
      slot.setAttribute('aria-busy', String(controller.kind === 'loading'));
      slot.setAttribute('data-kind', controller.kind);
      slot.setAttribute('data-from-cache', String(controller.fromCache));
    }
  }

  function closeQuickView(): void {
    if (!panel) return;
    const { root, opener } = panel;
    root.replaceChildren();
    panel = undefined;
    quickViewCard = undefined;
    controller.topic = undefined;
    document.documentElement.removeAttribute('data-quick-view');
    const target = opener && opener.querySelector<HTMLElement>('[role="button"], button');
    if (target) target.focus();
  }

  function openQuickView(from: HTMLElement | undefined): void {
    const root = document.getElementById('wb-quickview-root');
    if (!root) return;
    panel = { root, opener: from };
    root.innerHTML = `<div class="wb-quickview-backdrop" data-close></div>
<div class="wb-quickview" role="dialog" aria-modal="true" aria-labelledby="wb-qv-title" data-testid="quick-view">
<div class="wb-quickview-header"><h2 id="wb-qv-title" tabindex="-1"></h2><button type="button" class="wb-quickview-close" lang="en" aria-label="Close" data-close>&times;</button></div>
<div class="wb-quickview-body"></div>
</div>`;
    (root.querySelector('#wb-qv-title') as HTMLElement).textContent = cardStrings.CardTitle;
    root.querySelectorAll('[data-close]').forEach(el => el.addEventListener('click', closeQuickView));
    root.addEventListener('keydown', e => { if ((e as KeyboardEvent).key === 'Escape') closeQuickView(); });
    document.documentElement.setAttribute('data-quick-view', 'open');
    // As SharePoint's onBeforeAction for a QuickView action: the card reads what its quick view needs.
    controller.openQuickView().catch((e: unknown) => console.error('AccessCard quick view', e));
    renderQuickView();
    (root.querySelector('#wb-qv-title') as HTMLElement).focus();
  }

  async function expand(template: unknown, data: unknown): Promise<unknown> {
    const response = await fetch(EXPAND_PATH, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ template, data }), credentials: 'same-origin'
    });
    const body = await response.json() as { card?: unknown; error?: string };
    if (!response.ok || !body.card) throw new Error(`template binding failed: ${body.error || response.status}`);
    return body.card;
  }

  function renderQuickView(): void {
    if (!panel) return;
    // What the inputs hold now is kept before they are rendered again (typed while a decision was being sent).
    if (quickViewCard) {
      const typed: Record<string, unknown> = {};
      for (const input of quickViewCard.getAllInputs()) if (input.id) typed[input.id] = input.value;
      controller.keepDrafts(typed);
    }
    const { template, data } = controller.quickView();
    const n = ++quickViewRender;
    expand(template, data).then(card => {
      if (!panel || n !== quickViewRender) return;
      const body = panel.root.querySelector<HTMLElement>('.wb-quickview-body');
      if (!body) return;
      if (quickViewCard) {
        // Typed between this render's start and now.
        const typed: Record<string, unknown> = {};
        for (const input of quickViewCard.getAllInputs()) if (input.id) typed[input.id] = input.value;
        controller.keepDrafts(typed);
      }
      const active = document.activeElement as HTMLElement | null;
      const focusedInput = active && body.contains(active) && active.id ? active.id : undefined;
      const element = render(card, a => dispatch(a, undefined));
      quickViewCard = (element as HTMLElement & { __card?: AC.AdaptiveCard }).__card;
      body.replaceChildren(element);
      body.setAttribute('aria-busy', String(!!controller.quick.approvalsLoading));
      const refocus = focusedInput ? document.getElementById(focusedInput) : undefined;
      if (refocus) refocus.focus();
      else if (active && !document.body.contains(active)) (panel.root.querySelector('#wb-qv-title') as HTMLElement).focus();
    }, (e: unknown) => console.error('AccessCard quick view', e));
  }

  renderCards();
  controller.start(renderCards).then(() => {
    renderCards();
    document.documentElement.setAttribute('data-wb-ready', 'true');
  }, (e: unknown) => console.error('AccessCard', e));
}
