/**
 * The host model (src/core/host/host.ts) against the workbench's Teams JS SDK stand-in
 * (localTenant/workbench/client/teamsStandIn.ts), whose answers have the shapes of Teams' own `app.getContext()`.
 */
import { sharePointHost, sharePointPackageLink, IMicrosoftTeamsSdk, ITeamsContext } from '../../src/core/host/host';
import { createHost, forgetHosts } from '../../src/core/host/createHost';
import { teamsPackageLink, teamsTheme } from '../../src/core/host/teamsHost';
import { TEAMS_APP_ID, TEAMS_TABS } from '../../src/core/host/teamsApp';
import { catalogScopeFor } from '../../src/components/host/catalogScope';
import { createTeamsStandIn, workbenchPathOfDeepLink } from '../../localTenant/workbench/client/teamsStandIn';
import type { TeamsClientConfig } from '../../localTenant/workbench/teams';

const PACKAGE = '099fb9dd-9974-4665-a422-272fbeda57f7';
const ALEX = { id: '20fe5c9b-7689-40ba-a9c0-a4e525467693', userPrincipalName: 'alexw@contoso.com' };

function personal(tab: string = TEAMS_TABS.myAccess, extra: Partial<TeamsClientConfig> = {}): TeamsClientConfig {
  return {
    kind: 'personal', theme: 'dark', entityId: tab, hostName: 'Teams', appId: TEAMS_APP_ID,
    routes: { personal: '/_teams/personal/', keep: { as: ALEX.userPrincipalName, teamsTheme: 'dark' } }, ...extra
  };
}

function teamTab(extra: Partial<TeamsClientConfig> = {}): TeamsClientConfig {
  return {
    kind: 'tab', theme: 'default', entityId: 'accesshub-falcon', hostName: 'TeamsModern', appId: TEAMS_APP_ID,
    team: { displayName: 'Project Falcon', groupId: '049b2cf7-ac7c-4d8a-a8f6-376844cfd9a5', internalId: '19:falcon@thread.tacv2', siteName: 'falcon' },
    channel: { id: '19:general-falcon@thread.tacv2', displayName: 'General' },
    teamSiteUrl: 'https://contoso.sharepoint.com/sites/falcon',
    routes: { personal: '/_teams/personal/', tab: '/_teams/tab/falcon', keep: { as: 'pattif@contoso.com', teamsTheme: 'default' } }, ...extra
  };
}

function standIn(config: TeamsClientConfig): { sdk: ReturnType<typeof createTeamsStandIn>; navigated: string[]; opened: string[] } {
  const navigated: string[] = [];
  const opened: string[] = [];
  const sdk = createTeamsStandIn({ config, locale: 'en-us', user: ALEX, navigate: p => navigated.push(p), openWindow: u => opened.push(u) });
  return { sdk, navigated, opened };
}

/** Lets the stand-in's promises (openLink) settle. */
const settle = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 0));

beforeEach(() => forgetHosts());

describe('a SharePoint page (no Teams SDK)', () => {
  it('is a SharePoint page in the default theme whose theme never changes through Teams', async () => {
    const host = await createHost(undefined, { pageUrl: () => 'https://contoso.sharepoint.com/sites/intranet/SitePages/Home.aspx' });
    expect(host).toMatchObject({ kind: 'sharePoint', inTeams: false, hostName: 'SharePoint', theme: 'default' });
    expect(host.subPageId).toBeUndefined();
    expect(host.packageLink(PACKAGE)).toBe(`https://contoso.sharepoint.com/sites/intranet/SitePages/Home.aspx?accessPackageId=${PACKAGE}`);
    const heard: string[] = [];
    host.onThemeChange(t => heard.push(t))();
    expect(heard).toEqual([]);
  });

  it('shares the ?accessPackageId= link of the page it is on, keeping its other parameters and dropping the hash', () => {
    expect(sharePointPackageLink('https://contoso.sharepoint.com/sites/intranet/SitePages/Home.aspx', PACKAGE))
      .toBe(`https://contoso.sharepoint.com/sites/intranet/SitePages/Home.aspx?accessPackageId=${PACKAGE}`);
    expect(sharePointPackageLink('https://contoso.sharepoint.com/sites/x/SitePages/A.aspx?as=alexw%40contoso.com&accessPackageId=old#top', PACKAGE))
      .toBe(`https://contoso.sharepoint.com/sites/x/SitePages/A.aspx?as=alexw%40contoso.com&accessPackageId=${PACKAGE}`);
  });

  it('opens links in a new browser tab', () => {
    const opened: string[] = [];
    sharePointHost({ openWindow: u => opened.push(u) }).openLink('https://myaccess.microsoft.com/@contoso');
    expect(opened).toEqual(['https://myaccess.microsoft.com/@contoso']);
  });
});

describe('the Teams personal app', () => {
  it('reads where it is from app.getContext(): the personal tab, its theme, the host app, no team', async () => {
    const { sdk } = standIn(personal(TEAMS_TABS.myAccess, { hostName: 'Outlook' }));
    const ctx = await sdk.teamsJs.app.getContext();
    expect(ctx).toMatchObject({ app: { theme: 'dark', host: { name: 'Outlook' } }, page: { id: 'my-access', frameContext: 'content', subPageId: '' } });
    expect((ctx as ITeamsContext).team).toBeUndefined();
    const host = await createHost(sdk);
    expect(host).toMatchObject({ kind: 'teamsPersonal', inTeams: true, hostName: 'Outlook', theme: 'dark', entityId: 'my-access', subPageId: undefined });
    expect(host.teamSiteUrl).toBeUndefined();
  });

  it('gives the deep link\'s sub-page (a package to open), trimmed', async () => {
    const host = await createHost(standIn(personal(TEAMS_TABS.requestAccess, { subPageId: ` ${PACKAGE} ` })).sdk);
    expect(host.subPageId).toBe(PACKAGE);
  });

  it('follows Teams\' theme changes (one SDK handler, every listener told) until a listener stops', async () => {
    const { sdk } = standIn(personal());
    const host = await createHost(sdk);
    // A second web part's createHost with the same SDK gets the same host: the SDK keeps one handler per frame.
    expect(await createHost(sdk)).toBe(host);
    const a: string[] = [];
    const b: string[] = [];
    host.onThemeChange(t => a.push(t));
    const stopB = host.onThemeChange(t => b.push(t));
    sdk.setTheme('contrast');
    stopB();
    sdk.setTheme('default');
    expect(a).toEqual(['contrast', 'default']);
    expect(b).toEqual(['contrast']);
    expect(host.theme).toBe('default');
    expect((await sdk.teamsJs.app.getContext()).app.theme).toBe('default');
  });

  it('shares a package as a Teams deep link to the Request access tab, which opens that tab with the package as sub-page', async () => {
    const { sdk, navigated } = standIn(personal(TEAMS_TABS.myAccess));
    const host = await createHost(sdk);
    const link = host.packageLink(PACKAGE);
    expect(link).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/request-access?context=${encodeURIComponent(JSON.stringify({ subEntityId: PACKAGE }))}`);
    const url = new URL(link);
    expect(JSON.parse(url.searchParams.get('context') || '')).toEqual({ subEntityId: PACKAGE });
    // Followed in Teams (the stand-in maps Teams' tabs to the workbench's routes), it lands on the tab with the sub-page.
    host.openLink(link);
    await settle();
    expect(navigated).toEqual([`/_teams/personal/request-access?as=alexw%40contoso.com&teamsTheme=dark&subPageId=${PACKAGE}`]);
    expect(sdk.openedLinks).toEqual([link]);
  });

  it('opens other addresses through app.openLink, in the browser, never in the tab', async () => {
    const { sdk, navigated, opened } = standIn(personal());
    const host = await createHost(sdk);
    host.openLink('https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/x');
    await settle();
    expect(sdk.openedLinks).toEqual(['https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/x']);
    expect(opened).toEqual(['https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/x']);
    expect(navigated).toEqual([]);
  });

  it('falls back to a new browser tab when the host refuses the link', async () => {
    const opened: string[] = [];
    const refusing: IMicrosoftTeamsSdk = {
      teamsJs: {
        app: {
          getContext: async () => ({ app: { theme: 'default', host: { name: 'Office' } }, page: { id: 'my-access' } }),
          registerOnThemeChangeHandler: () => undefined,
          openLink: async () => { throw new Error('not supported in this host'); }
        }
      }
    };
    const host = await createHost(refusing, { openWindow: u => opened.push(u) });
    host.openLink('https://contoso.sharepoint.com/sites/engineering');
    await settle();
    expect(opened).toEqual(['https://contoso.sharepoint.com/sites/engineering']);
  });

  it('makes the tenant\'s whole catalog of "this site" (a personal app has no site)', async () => {
    const host = await createHost(standIn(personal(TEAMS_TABS.requestAccess)).sdk);
    expect(catalogScopeFor('currentSite', host)).toBe('all');
    expect(catalogScopeFor('selected', host)).toBe('selected');
    expect(catalogScopeFor('currentSite', sharePointHost())).toBe('currentSite');
  });
});

describe('a tab in a team\'s channel', () => {
  it('knows its team, channel and the team\'s site, and keeps "this site" (the team\'s)', async () => {
    const { sdk } = standIn(teamTab());
    const host = await createHost(sdk);
    expect(host).toMatchObject({
      kind: 'teamsTab', hostName: 'TeamsModern', theme: 'default', entityId: 'accesshub-falcon',
      teamSiteUrl: 'https://contoso.sharepoint.com/sites/falcon', teamName: 'Project Falcon', channelName: 'General'
    });
    expect(catalogScopeFor('currentSite', host)).toBe('currentSite');
  });

  it('shares a package as a deep link to this tab in this channel, which opens the tab with the sub-page', async () => {
    const { sdk, navigated } = standIn(teamTab());
    const host = await createHost(sdk);
    const link = host.packageLink(PACKAGE);
    expect(link.startsWith(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/accesshub-falcon?context=`)).toBe(true);
    expect(JSON.parse(new URL(link).searchParams.get('context') || '')).toEqual({ subEntityId: PACKAGE, channelId: '19:general-falcon@thread.tacv2' });
    host.openLink(link);
    await settle();
    expect(navigated).toEqual([`/_teams/tab/falcon?as=pattif%40contoso.com&teamsTheme=default&subPageId=${PACKAGE}`]);
  });

  it('treats a deep link to another app or no Teams address as an ordinary link', () => {
    expect(workbenchPathOfDeepLink(teamsPackageLink('my-access', PACKAGE).replace(TEAMS_APP_ID, '00000000-0000-0000-0000-000000000000'), teamTab())).toBeUndefined();
    expect(workbenchPathOfDeepLink('https://contoso.sharepoint.com/sites/falcon', teamTab())).toBeUndefined();
    expect(workbenchPathOfDeepLink(teamsPackageLink('unknown-tab', PACKAGE), teamTab())).toBeUndefined();
  });
});

describe('Teams themes', () => {
  it('are default, dark and contrast; anything else a host says is the default', () => {
    expect(['default', 'dark', 'contrast', 'DARK', 'highContrast', undefined].map(teamsTheme)).toEqual(['default', 'dark', 'contrast', 'dark', 'default', 'default']);
  });
});
