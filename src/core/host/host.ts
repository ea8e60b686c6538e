
/**
 * Where Access Hub's web parts run: a SharePoint page, or Microsoft Teams (a personal app or a team's tab; Outlook and
 * the Microsoft 365 app host the same personal app through the same Teams JS SDK). Built from what SPFx gives a web
 * part as `context.sdks.microsoftTeams` (undefined on a SharePoint page): its `teamsJs` is the Teams JS SDK v2 that
 * SPFx itself loaded. It is typed here structurally, with only what we call, so no second copy is ever bundled.
 *
 * - https://learn.microsoft.com/sharepoint/dev/spfx/build-for-teams-overview
 * - https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app
 * - https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */

/** The Teams theme (`app.theme`): anything else a host may say is treated as 'default'. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** `app.getContext()`'s answer, as much of it as we read. */
export interface ITeamsContext {
  app: { theme?: string; host?: { name?: string }; locale?: string };
  page: { id?: string; subPageId?: string; frameContext?: string };
  sharePointSite?: { teamSiteUrl?: string };
  team?: { displayName?: string; groupId?: string; internalId?: string };
  channel?: { id?: string; displayName?: string };
  chat?: { id?: string };
}

/** The subset of the Teams JS SDK v2 (`@microsoft/teams-js`) Access Hub uses: `app.getContext`, the theme handler, `app.openLink`. */
export interface ITeamsJs {
  app: {
    getContext(): Promise<ITeamsContext>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    openLink(deepLink: string): Promise<void>;
  };
}

/** SPFx's `context.sdks.microsoftTeams` (https://learn.microsoft.com/javascript/api/sp-component-base/microsoftteams). */
export interface IMicrosoftTeamsSdk {
  teamsJs: ITeamsJs;
}

/** Where the web part is: a SharePoint page, a Teams personal app (static tab) or a tab in a team, chat or meeting. */
export type HostKind = 'sharePoint' | 'teamsPersonal' | 'teamsTab';

export interface IHost {
  kind: HostKind;
  /** True in Teams (and Outlook, the Microsoft 365 app). */
  inTeams: boolean;
  /** `app.host.name` (Teams, TeamsModern, Outlook, Office…); 'SharePoint' on a SharePoint page. */
  hostName: string;
  /** The Teams theme now; 'default' on a SharePoint page (its theme comes from SharePoint). */
  theme: TeamsTheme;
  /** Calls `handler` with each theme the host changes to; returns how to stop. Never called on a SharePoint page. */
  onThemeChange(handler: (theme: TeamsTheme) => void): () => void;
  /** The tab's entity id (`page.id`): a personal tab's id (teamsApp.ts TEAMS_TABS), a team tab's own. */
  entityId?: string;
  /** The deep link's sub-page (`page.subPageId`): in Teams, a package id to open, since `?accessPackageId=` never arrives. */
  subPageId?: string;
  /** In a team's tab: the team's SharePoint site (`sharePointSite.teamSiteUrl`), the team's and the channel's names. */
  teamSiteUrl?: string;
  teamName?: string;
  channelName?: string;
  /** Opens a link outside the web part: in Teams through `app.openLink` (never in the tab's frame), else in a new tab. */
  openLink(url: string): void;
  /** The link to share for a package: `?accessPackageId=` on this page, or a Teams deep link to the tab in Teams. */
  packageLink(packageId: string): string;
}

export interface IHostEnvironment {
  /** The page's address, for the SharePoint deep link (default: `window.location.href`). */
  pageUrl?: () => string;
  /** Opens a URL in a new browser tab (default: `window.open(url, '_blank', 'noopener')`). */
  openWindow?: (url: string) => void;
}

const PARAM = 'accessPackageId';

function defaultPageUrl(): string {
  return typeof window === 'undefined' ? '' : window.location.href;
}

export function defaultOpenWindow(url: string): void {
  if (typeof window !== 'undefined') window.open(url, '_blank', 'noopener');
}

/** `?accessPackageId=<id>` on a page's address (its hash and an earlier id dropped). */
export function sharePointPackageLink(pageUrl: string, packageId: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.searchParams.set(PARAM, packageId);
  return url.toString();
}

/** A SharePoint page's host: no Teams theme, `?accessPackageId=` links, links in a new tab. */
export function sharePointHost(env: IHostEnvironment = {}): IHost {
  const pageUrl = env.pageUrl || defaultPageUrl;
  const openWindow = env.openWindow || defaultOpenWindow;
  return {
    kind: 'sharePoint',
    inTeams: false,
    hostName: 'SharePoint',
    theme: 'default',
    onThemeChange: () => () => undefined,
    openLink: url => openWindow(url),
    packageLink: packageId => sharePointPackageLink(pageUrl(), packageId)
  };
}
