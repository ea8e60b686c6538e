/**
 * The workbench client: mounts Access Hub's real root components into the page's web part slots, with PnPjs
 * clients pointed at the local tenant and tokens from `/_dev/token`. Nothing here is a "local" branch of a
 * component: the workbench only supplies clients, as the SPFx web part classes do with `SPFx(context)`.
 *
 * The page sets `window.__ACCESS_HUB_LOCALE__` in an inline script before this module (and the loc modules it
 * imports, which read their strings at import time) runs.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { initializeIcons } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { AppRoot } from '../../../src/components/AppRoot';
import { ComingSoon } from '../../../src/components/ComingSoon';
import { format } from '../../../src/components/format';
import { ROOTS } from '../../../src/webparts/roots';
import { createBrowserClients, TokenSource } from '../../../src/services/graph/createBrowserClients';
import { createServices } from '../../../src/services/createServices';
import { GraphTeamService } from '../../../src/services/graph/GraphTeamService';
import { pageReadsFor } from '../../../src/services/loaders/pageReads';
import { IAccessHubServices } from '../../../src/services/IAccessHubServices';
import { fetchTransport } from '../../../src/core/prompt/loadPrompt';
import { promptSettings } from '../../../src/core/model/prompt';
import { runPrompt } from '../../../src/core/prompt/runPrompt';
import { currentPage, PromptMount } from '../../../src/core/prompt/PromptMount';
import { onAccessChanged, PROMPT_ORIGIN } from '../../../src/core/accessChanged';
import type { WorkbenchClientConfig } from '../server';
import type { IHost } from '../../../src/core/host/host';
import { startTeamsPage } from './teamsPage';
import { TeamsThemeRoot } from '../../../src/components/host/TeamsThemeRoot';
import { themeChoice } from '../themes';
import { workbenchThemes } from './themeVariants';

declare global {
  interface Window {
    __ACCESS_HUB_LOCALE__?: string;
    __ACCESS_HUB_WORKBENCH__?: {
      config: WorkbenchClientConfig;
      /** Forgets the cached token; the next call fetches a new one. */
      resetToken(): void;
      services: IAccessHubServices[];
      mountedAt: number;
    };
  }
}

/** Renews this long before the token's expiry. */
const EXPIRY_MARGIN_MS = 60 * 1000;

/** One token per page: cached until shortly before it expires, one request in flight at a time. */
export function devTokenSource(tokenUrl: string, user: string): TokenSource & { reset(): void } {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user }),
      credentials: 'same-origin'
    });
    if (!response.ok) throw new Error(`POST ${tokenUrl} answered ${response.status}`);
    const body = await response.json() as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error(`POST ${tokenUrl} returned no access_token`);
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    cached = { token: body.access_token, expiresAt: Date.now() + lifetimeMs };
    return body.access_token;
  };
  const source = (async (): Promise<string> => {
    if (cached && Date.now() < cached.expiresAt - EXPIRY_MARGIN_MS) return cached.token;
    if (!inflight) inflight = fetchToken().finally(() => { inflight = undefined; });
    return inflight;
  }) as TokenSource & { reset(): void };
  source.reset = () => { cached = undefined; };
  return source;
}

function readConfig(): WorkbenchClientConfig {
  const element = document.getElementById('wb-config');
  if (!element || !element.textContent) throw new Error('The page has no #wb-config');
  return JSON.parse(element.textContent) as WorkbenchClientConfig;
}

function showFailure(target: Element, message: string): void {
  const note = document.createElement('p');
  note.className = 'wb-failure';
  note.setAttribute('role', 'alert');
  note.textContent = message;
  target.appendChild(note);
}

/**
 * The navigatedEvent of SharePoint's page application (`context.application.navigatedEvent` in the customizer). As
 * SharePoint's runtime does, it is sticky: raised for the first page view before the customizers load, so `add` calls
 * a new handler at once (as tests/mocks/sp/application-base.ts models it).
 */
function navigatedEvent(): { add(handler: () => void): void; raise(): void } {
  const handlers: Array<() => void> = [];
  let raised = false;
  return {
    add: handler => {
      handlers.push(handler);
      if (raised) handler();
    },
    raise: () => {
      raised = true;
      handlers.slice().forEach(h => h());
    }
  };
}

function main(): void {
  const config = readConfig();
  if (!window.__ACCESS_HUB_LOCALE__) window.__ACCESS_HUB_LOCALE__ = config.language;
  initializeIcons(config.iconsBaseUrl, { disableWarnings: true });
  // `?section=` / `?theme=` (themes.ts): web parts get their section's variant theme, the banner the site's theme.
  const themes = workbenchThemes(themeChoice(new URLSearchParams(window.location.search)));

  const getToken = devTokenSource(config.tokenUrl, config.user.userPrincipalName);
  if (config.dashboard) {
    // The Viva Connections dashboard (dashboard.ts): the AccessCard's host instead of web part slots.
    import('./dashboard').then(m => m.startDashboard(config, getToken)).catch((e: unknown) => {
      showFailure(document.getElementById('wb-main') || document.body, `The dashboard failed to start: ${e instanceof Error ? e.message : String(e)}`);
    });
    return;
  }
  const allServices: IAccessHubServices[] = [];
  // Each root gets its own clients and services, as each SPFx web part builds its own from its context.
  const servicesForRoot = (): IAccessHubServices => {
    const clients = createBrowserClients(config.graphBaseUrl, config.siteUrl, getToken);
    const services = createServices({
      clients,
      language: config.language,
      myAccessUrl: config.myAccessUrl,
      cacheKey: config.user.userPrincipalName,
      storage: window.localStorage,
      // As in SPFx (createSpfxServices): every root on the page reads the person's lists and the site once.
      pageReads: pageReadsFor(`${config.graphBaseUrl}|${config.user.userPrincipalName}`),
      // As the web parts' createWebPartUi: MyAccess's "My team" reads.
      team: c => new GraphTeamService(c.graph)
    });
    allServices.push(services);
    return services;
  };

  // A page's aliases and properties are JSON from the fixture: a root is looked up by whatever alias the page names,
  // and reads its own properties type from what the page stores, as SPFx does with serialized properties.
  const rootFor = (alias: string): React.ComponentType<{ properties: unknown }> | undefined =>
    (ROOTS as unknown as Record<string, React.ComponentType<{ properties: unknown }> | undefined>)[alias];

  // The AccessPrompt customizer's top placeholder, mounted as SPFx mounts it: a plain-fetch decision first,
  // then the banner chunk through dynamic import() only when there is something to show.
  const top = document.getElementById(config.customizer.placeholderId);
  if (top && config.customizer.alias === 'AccessPrompt') {
    // The same PromptMount the customizer uses; data-prompt tells tests and people what was decided.
    const mount = new PromptMount(async () => {
      const ui = await import('../../../src/extensions/accessPrompt/promptUi');
      const services = servicesForRoot();
      return {
        show: (target, view, onClose) => ui.showPrompt({ target, view, onClose, services, siteTitle: config.siteTitle, theme: themes.banner }),
        hide: ui.hidePrompt
      };
    }, () => top);
    const start = (): void => {
      const run = mount.begin(currentPage());
      runPrompt({
        ctx: {
          transport: fetchTransport({ graphBaseUrl: config.graphBaseUrl, siteUrl: config.siteUrl, graphToken: getToken, spToken: getToken }),
          person: config.user.userPrincipalName,
          siteUrl: config.absoluteSiteUrl,
          siteTitle: config.siteTitle,
          settings: promptSettings(config.customizer.properties),
          session: window.sessionStorage,
          local: window.localStorage,
          grantCachePrefix: `accessHub:grants:${config.user.userPrincipalName}:`,
          now: () => new Date()
        },
        dismissals: window.localStorage,
        show: async view => {
          await mount.show(run, view);
          top.setAttribute('data-prompt', view.banner.kind);
        },
        hide: () => {
          top.setAttribute('data-prompt', 'none');
          mount.hide(run);
        }
      }).catch((e: unknown) => {
        // The banner never blocks the page; a failure is still worth a line in the console.
        console.warn('AccessPrompt:', e);
      });
    };
    // The page application raised navigatedEvent for this first page view before the customizer loads. (Every
    // navigation in the workbench loads a new page, so there is no in-site navigation to raise it again for.)
    const navigated = navigatedEvent();
    navigated.raise();
    // The customizer's onInit: decide, then subscribe (add hears the sticky event at once, for this same page).
    start();
    navigated.add(() => {
      if (mount.isNewPage(currentPage())) start();
    });
    // As the customizer does: a web part on the page changed the person's access, so decide again.
    onAccessChanged(PROMPT_ORIGIN, start);
  } else if (top) {
    const note = document.createElement('div');
    note.className = 'wb-slim-note';
    note.setAttribute('role', 'note');
    note.textContent = format(strings.Placeholder.Coming, config.customizer.alias);
    top.appendChild(note);
  }

  // A Teams page (../teams.ts) hosts the web parts with a Teams JS SDK stand-in; a site page is a SharePoint page.
  const mountAll = (host?: IHost): void => {
    config.webParts.forEach((webPart, index) => {
      const target = document.getElementById(`wb-webpart-${index}`);
      if (!target) return;
      try {
        const Root = rootFor(webPart.alias);
        const content = Root
          ? React.createElement(Root, { properties: webPart.properties })
          : React.createElement(ComingSoon, { name: webPart.alias });
        ReactDOM.render(React.createElement(AppRoot, { services: servicesForRoot(), theme: themes.webParts, host, teamsRoot: TeamsThemeRoot }, content), target);
      } catch (e) {
        showFailure(target, `${webPart.alias} failed to mount: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

    window.__ACCESS_HUB_WORKBENCH__ = { config, resetToken: getToken.reset, services: allServices, mountedAt: performance.now() };
    document.documentElement.setAttribute('data-wb-ready', 'true');
  };
  if (!config.teams) mountAll();
  else startTeamsPage(config).then(mountAll, (e: unknown) => showFailure(document.getElementById('wb-main') || document.body, `Teams host failed: ${String(e)}`));
}

try {
  main();
} catch (e) {
  showFailure(document.getElementById('wb-main') || document.body, `The workbench failed to start: ${e instanceof Error ? e.message : String(e)}`);
  throw e;
}
