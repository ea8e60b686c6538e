import { IHost, IHostEnvironment, ITeamsContext, ITeamsJs, TeamsTheme, defaultOpenWindow } from './host';
import { TEAMS_APP_ID, TEAMS_TABS } from './teamsApp';

/**
 * A Teams deep link to a tab of Access Hub's app with a sub-page (the package id): Teams opens the tab and gives the
 * web part `page.subPageId`. A channel tab's link names its channel, as Teams' own "Copy link to tab" does.
 */
export function teamsPackageLink(entityId: string, packageId: string, channelId?: string): string {
  const context: { subEntityId: string; channelId?: string } = { subEntityId: packageId };
  if (channelId) context.channelId = channelId;
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(TEAMS_APP_ID)}/${encodeURIComponent(entityId)}?context=${encodeURIComponent(JSON.stringify(context))}`;
}

export function teamsTheme(value: string | undefined): TeamsTheme {
  const v = String(value || '').toLowerCase();
  return v === 'dark' || v === 'contrast' ? v : 'default';
}

/** The host in Teams (Outlook, the Microsoft 365 app): loaded by createHost only there, so SharePoint pages never download it. */
export async function teamsHost(teams: ITeamsJs, env: IHostEnvironment): Promise<IHost> {
  const openWindow = env.openWindow || defaultOpenWindow;
  let ctx: ITeamsContext | undefined;
  try {
    ctx = await teams.app.getContext();
  } catch {
    ctx = undefined;
  }
  const app = (ctx && ctx.app) || {};
  const page = (ctx && ctx.page) || {};
  const inTeamOrChat = !!(ctx && (ctx.channel || ctx.team || ctx.chat));
  const listeners: Array<(theme: TeamsTheme) => void> = [];
  const host: IHost = {
    kind: inTeamOrChat ? 'teamsTab' : 'teamsPersonal',
    inTeams: true,
    hostName: (app.host && app.host.name) || 'Teams',
    theme: teamsTheme(app.theme),
    onThemeChange: handler => {
      listeners.push(handler);
      return () => {
        const i = listeners.indexOf(handler);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    entityId: page.id || undefined,
    subPageId: (page.subPageId || '').trim() || undefined,
    teamSiteUrl: (ctx && ctx.sharePointSite && ctx.sharePointSite.teamSiteUrl) || undefined,
    teamName: (ctx && ctx.team && ctx.team.displayName) || undefined,
    channelName: (ctx && ctx.channel && ctx.channel.displayName) || undefined,
    openLink: url => {
      // Teams opens a deep link in Teams and any other address in the browser; a host that refuses gets a new tab.
      teams.app.openLink(url).catch(() => openWindow(url));
    },
    packageLink: packageId => inTeamOrChat && page.id
      ? teamsPackageLink(page.id, packageId, ctx && ctx.channel && ctx.channel.id)
      // The personal app's catalog is its "Request access" tab, whichever tab shares the link.
      : teamsPackageLink(TEAMS_TABS.requestAccess, packageId)
  };
  teams.app.registerOnThemeChangeHandler(value => {
    const theme = teamsTheme(value);
    host.theme = theme;
    listeners.slice().forEach(l => l(theme));
  });
  return host;
}
