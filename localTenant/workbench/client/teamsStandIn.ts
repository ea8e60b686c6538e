/**
 * A stand-in for what SPFx gives a web part in Teams as `context.sdks.microsoftTeams`: `{ teamsJs }`, with exactly the
 * part of the Teams JS SDK v2 Access Hub uses (src/core/host/host.ts ITeamsJs). Its contract, and how it differs from
 * Teams, is written down in localTenant/workbench/TEAMS.md.
 */
import type { IMicrosoftTeamsSdk, ITeamsContext, TeamsTheme } from '../../../src/core/host/host';
import type { TeamsClientConfig } from '../teams';
import { TEAMS_TABS } from '../../../src/core/host/teamsApp';

export interface TeamsStandIn extends IMicrosoftTeamsSdk {
  /** What the host does when the person switches Teams' theme: the context's theme changes, then the handler is called. */
  setTheme(theme: TeamsTheme): void;
  /** Every URL given to `app.openLink`, in order (tests read it). */
  readonly openedLinks: string[];
}

export interface TeamsStandInOptions {
  config: TeamsClientConfig;
  locale: string;
  user: { id: string; userPrincipalName: string };
  tenantId?: string;
  /** Goes to a workbench address (a Teams deep link to one of the app's tabs). Default: `location.assign`. */
  navigate?: (path: string) => void;
  /** Opens any other address in a new browser tab. Default: `window.open(url, '_blank', 'noopener')`. */
  openWindow?: (url: string) => void;
}

/** The context Teams would give this tab (app.getContext()), from the page's configuration. */
export function teamsContextOf(o: TeamsStandInOptions): ITeamsContext & Record<string, unknown> {
  const c = o.config;
  const ctx: ITeamsContext & Record<string, unknown> = {
    app: { theme: c.theme, host: { name: c.hostName }, locale: o.locale },
    page: { id: c.entityId, subPageId: c.subPageId || '', frameContext: 'content' },
    user: { id: o.user.id, userPrincipalName: o.user.userPrincipalName, tenant: { id: o.tenantId || '' } }
  };
  if (c.kind === 'tab' && c.team && c.channel) {
    ctx.team = { displayName: c.team.displayName, groupId: c.team.groupId, internalId: c.team.internalId };
    ctx.channel = { id: c.channel.id, displayName: c.channel.displayName };
    ctx.sharePointSite = { teamSiteUrl: c.teamSiteUrl || '' };
  }
  return ctx;
}

/**
 * A Teams deep link to one of this app's tabs (`https://teams.microsoft.com/l/entity/<app id>/<entity id>?context=…`)
 * as the workbench address of that tab with its sub-page; undefined for any other address.
 */
export function workbenchPathOfDeepLink(url: string, config: TeamsClientConfig): string | undefined {
  let parsed: URL;
  try { parsed = new URL(url); } catch { return undefined; }
  if (parsed.hostname !== 'teams.microsoft.com') return undefined;
  const m = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(parsed.pathname);
  if (!m || decodeURIComponent(m[1]).toLowerCase() !== config.appId.toLowerCase()) return undefined;
  const entityId = decodeURIComponent(m[2]);
  let subEntityId = '';
  try {
    const context = JSON.parse(parsed.searchParams.get('context') || '{}') as { subEntityId?: unknown };
    if (typeof context.subEntityId === 'string') subEntityId = context.subEntityId;
  } catch { /* no sub-page */ }
  const query = new URLSearchParams(config.routes.keep);
  if (subEntityId) query.set('subPageId', subEntityId);
  if (config.kind === 'tab' && config.routes.tab && entityId === config.entityId) return `${config.routes.tab}?${query.toString()}`;
  if (Object.keys(TEAMS_TABS).some(k => TEAMS_TABS[k as keyof typeof TEAMS_TABS] === entityId)) {
    query.delete('webPart');
    return `${config.routes.personal}${encodeURIComponent(entityId)}?${query.toString()}`;
  }
  return undefined;
}

export function createTeamsStandIn(o: TeamsStandInOptions): TeamsStandIn {
  const ctx = teamsContextOf(o);
  let themeHandler: ((theme: string) => void) | undefined;
  const openedLinks: string[] = [];
  const navigate = o.navigate || ((p: string) => window.location.assign(p));
  const openWindow = o.openWindow || ((u: string) => { window.open(u, '_blank', 'noopener'); });
  return {
    teamsJs: {
      app: {
        // A copy each time, as the SDK's answer is a message from the host.
        getContext: () => Promise.resolve(JSON.parse(JSON.stringify(ctx)) as ITeamsContext),
        // As in Teams, one handler per frame: a later registration replaces the earlier one.
        registerOnThemeChangeHandler: handler => { themeHandler = handler; },
        openLink: deepLink => {
          openedLinks.push(deepLink);
          let parsed: URL | undefined;
          try { parsed = new URL(deepLink); } catch { parsed = undefined; }
          // Teams refuses what is not an absolute http(s) address.
          if (!parsed || !/^https?:$/.test(parsed.protocol)) return Promise.reject(new Error(`openLink: not a link: ${deepLink}`));
          const inApp = workbenchPathOfDeepLink(deepLink, o.config);
          if (inApp) navigate(inApp);
          else openWindow(deepLink);
          return Promise.resolve();
        }
      }
    },
    setTheme: theme => {
      ctx.app.theme = theme;
      if (themeHandler) themeHandler(theme);
    },
    openedLinks
  };
}
