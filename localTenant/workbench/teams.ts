/**
 * The workbench's Teams pages: any web part rendered as Teams would host it, in a Teams-like frame (app bar, the
 * personal app's tabs or a channel's header, a theme switch), with a stand-in for `context.sdks.microsoftTeams`
 * (client/teamsStandIn.ts; its contract is in localTenant/workbench/TEAMS.md).
 *
 *   /_teams/personal/<tab entity id>?as=<upn>&teamsTheme=default|dark|contrast&subPageId=<package id>
 *       the personal app's static tabs (src/core/host/teamsApp.ts TEAMS_TABS): request-access (AccessCatalog),
 *       my-access (MyAccess), approvals (AccessApprovals). pageContext.web is the tenant's home site, as in Teams.
 *   /_teams/tab/<site name>?as=<upn>&teamsTheme=…&webPart=<alias>&subPageId=<package id>
 *       a tab in the General channel of the team whose group owns that site (a site of a group without a team is
 *       not a team tab); pageContext.web is the team's site. Default web part: AccessCatalog.
 *
 * The web parts get their manifests' default properties (preconfiguredEntries), as SPFx gives them in Teams.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonWithComments } from './locPlugin';
import { esc, jsonForScript, personSwitcher, PageAssets, renderNotFound, renderUnknownPerson, renderAccessDenied } from './pages';
import { WorkbenchSite, WorkbenchTenant, WorkbenchUser, findSite, landingPage, siteName } from './tenantView';
import { TEAMS_APP_ID, TEAMS_TABS } from '../../src/core/host/teamsApp';
import type { WorkbenchClientConfig } from './server';

export const TEAMS_SEGMENT = '_teams';
export type TeamsThemeName = 'default' | 'dark' | 'contrast';
const THEMES: ReadonlyArray<{ value: TeamsThemeName; label: string }> = [
  { value: 'default', label: 'Light' }, { value: 'dark', label: 'Dark' }, { value: 'contrast', label: 'High contrast' }
];

/** The personal app's tabs, in the manifest's order: entity id, label and web part. */
export const PERSONAL_TABS: ReadonlyArray<{ entityId: string; label: string; alias: string }> = [
  { entityId: TEAMS_TABS.requestAccess, label: 'Request access', alias: 'AccessCatalog' },
  { entityId: TEAMS_TABS.myAccess, label: 'My access', alias: 'MyAccess' },
  { entityId: TEAMS_TABS.approvals, label: 'Approvals', alias: 'AccessApprovals' }
];

const TEAM_TAB_ALIASES = ['AccessCatalog', 'AccessRequestButton', 'MyAccess', 'AccessApprovals'];

/** What the client's Teams stand-in is built from (`#wb-config`'s `teams`). */
export interface TeamsClientConfig {
  kind: 'personal' | 'tab';
  theme: TeamsThemeName;
  /** `page.id`: the personal tab's entity id, or the team tab's. */
  entityId: string;
  subPageId?: string;
  /** `app.host.name`. */
  hostName: string;
  appId: string;
  team?: { displayName: string; groupId: string; internalId: string; siteName: string };
  channel?: { id: string; displayName: string };
  /** `sharePointSite.teamSiteUrl` (the fixture's URL of the team's site). */
  teamSiteUrl?: string;
  /** Where the stand-in's `app.openLink` sends a Teams deep link to one of this app's tabs (the workbench's routes). */
  routes: { personal: string; tab?: string; keep: Record<string, string> };
}

export interface TeamsPageDeps {
  tenant: WorkbenchTenant;
  repoRoot: string;
  css: string;
  tenantName: string;
  assets: PageAssets;
  origin: string;
  iconsBaseUrl: string;
  language(query: URLSearchParams, user: WorkbenchUser): string;
  title(alias: string, language: string): string;
  defaultPerson(): WorkbenchUser | undefined;
}

interface FixtureGroup { id: string; displayName?: string; resourceProvisioningOptions?: string[] }

/** The team whose group owns the site, when the fixture says the group has a team (`resourceProvisioningOptions`). */
export function teamOfSite(tenant: WorkbenchTenant, site: WorkbenchSite): FixtureGroup | undefined {
  const groupId = (site as { groupId?: string }).groupId;
  const fixture = (tenant as { fixture?: { groups?: FixtureGroup[] } }).fixture;
  if (!groupId || !fixture || !fixture.groups) return undefined;
  const group = fixture.groups.find(g => g.id === groupId);
  return group && (group.resourceProvisioningOptions || []).indexOf('Team') >= 0 ? group : undefined;
}

/** The manifests' default properties by alias (what SPFx gives a web part in Teams, which has no page to store any). */
function defaultProperties(repoRoot: string, alias: string): Record<string, unknown> {
  const dir = path.join(repoRoot, 'src', 'webparts');
  for (const sub of fs.readdirSync(dir)) {
    let files: string[] = [];
    try { files = fs.readdirSync(path.join(dir, sub)); } catch { continue; }
    for (const f of files.filter(n => n.endsWith('.manifest.json'))) {
      try {
        const m = parseJsonWithComments(fs.readFileSync(path.join(dir, sub, f), 'utf8')) as {
          alias?: string; preconfiguredEntries?: Array<{ properties?: Record<string, unknown> }>;
        };
        if (m.alias === alias) return (m.preconfiguredEntries && m.preconfiguredEntries[0] && m.preconfiguredEntries[0].properties) || {};
      } catch { /* a manifest being edited */ }
    }
  }
  return {};
}

function themeOf(q: URLSearchParams): TeamsThemeName {
  const t = (q.get('teamsTheme') || '').toLowerCase();
  return t === 'dark' || t === 'contrast' ? t : 'default';
}

function link(pathname: string, q: URLSearchParams, drop: string[] = []): string {
  const keep = new URLSearchParams();
  q.forEach((v, k) => { if (drop.indexOf(k) < 0) keep.set(k, v); });
  const s = keep.toString();
  return s ? `${pathname}?${s}` : pathname;
}

export interface TeamsPageResult { status: number; html: string }

/** Renders `/_teams/…`; `segments` are the decoded path segments (`_teams`, `personal` or `tab`, the id). */
export function renderTeamsRoute(url: URL, segments: string[], d: TeamsPageDeps): TeamsPageResult {
  const notFound = (what: string): TeamsPageResult =>
    ({ status: 404, html: renderNotFound({ tenantName: d.tenantName, path: url.pathname, css: d.css, what }) });
  const kind = segments[1];
  if (segments.length !== 3 || (kind !== 'personal' && kind !== 'tab')) return notFound('No such Teams page: try /_teams/personal/my-access');
  const q = url.searchParams;
  const requested = (q.get('as') || '').trim();
  const user = requested ? d.tenant.findUser(requested) : d.defaultPerson();
  if (!user) {
    return { status: 400, html: renderUnknownPerson({ tenantName: d.tenantName, requested, users: d.tenant.users, path: url.pathname, query: q, css: d.css }) };
  }
  const language = d.language(q, user);
  const theme = themeOf(q);
  const subPageId = (q.get('subPageId') || '').trim() || undefined;
  const keep: Record<string, string> = { as: user.userPrincipalName, teamsTheme: theme };
  if (q.get('lang')) keep.lang = String(q.get('lang'));

  let site: WorkbenchSite | undefined;
  let alias: string;
  let teams: TeamsClientConfig;
  if (kind === 'personal') {
    const tab = PERSONAL_TABS.find(t => t.entityId === segments[2]);
    if (!tab) return notFound(`The personal app has no tab "${segments[2]}"`);
    const landing = landingPage(d.tenant);
    site = landing && landing.site;
    alias = tab.alias;
    teams = { kind, theme, entityId: tab.entityId, subPageId, hostName: 'Teams', appId: TEAMS_APP_ID, routes: { personal: `/${TEAMS_SEGMENT}/personal/`, keep } };
  } else {
    site = findSite(d.tenant, segments[2]);
    if (!site) return notFound('This site does not exist');
    const team = teamOfSite(d.tenant, site);
    if (!team) return notFound(`${site.title} belongs to no team: a Teams tab needs a team's site (e.g. /_teams/tab/falcon)`);
    const wanted = q.get('webPart') || 'AccessCatalog';
    if (TEAM_TAB_ALIASES.indexOf(wanted) < 0) return notFound(`No web part "${wanted}"`);
    alias = wanted;
    const name = siteName(site) || '';
    teams = {
      kind, theme, entityId: `accesshub-${name}`, subPageId, hostName: 'Teams', appId: TEAMS_APP_ID,
      team: { displayName: team.displayName || site.title, groupId: team.id, internalId: `19:${team.id.replace(/-/g, '')}@thread.tacv2`, siteName: name },
      channel: { id: `19:general-${team.id.replace(/-/g, '')}@thread.tacv2`, displayName: 'General' },
      teamSiteUrl: site.url,
      routes: { personal: `/${TEAMS_SEGMENT}/personal/`, tab: `/${TEAMS_SEGMENT}/tab/${encodeURIComponent(name)}`, keep: q.get('webPart') ? { ...keep, webPart: wanted } : keep }
    };
  }
  if (!site || !siteName(site)) return notFound('The tenant has no home site for the personal app');
  if (d.tenant.sitePermissionLevel(siteName(site) || site.url, user.id) === 'none' && kind === 'tab') {
    return {
      status: 403,
      html: renderAccessDenied({ tenantName: d.tenantName, site, user, users: d.tenant.users, language, path: url.pathname, query: q, css: d.css })
    };
  }
  const serverRelative = `/sites/${siteName(site)}`;
  const title = d.title(alias, language);
  const config: WorkbenchClientConfig = {
    siteUrl: d.origin + serverRelative,
    absoluteSiteUrl: site.url,
    siteServerRelativeUrl: serverRelative,
    siteTitle: site.title,
    page: { name: `${TEAMS_SEGMENT}-${kind}`, title },
    user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName },
    language,
    myAccessUrl: (d.tenant.tenantInfo && d.tenant.tenantInfo.myAccessUrl) || '',
    graphBaseUrl: `${d.origin}/v1.0`,
    tokenUrl: '/_dev/token',
    iconsBaseUrl: d.iconsBaseUrl,
    // Application customizers do not run in Teams: no banner, no top placeholder.
    customizer: { alias: '', placeholderId: '', properties: {} },
    webParts: [{ alias, title, properties: defaultProperties(d.repoRoot, alias) }],
    teams
  };
  return { status: 200, html: renderTeamsPage({ url, user, users: d.tenant.users, tenantName: d.tenantName, config, teams, title, alias, css: d.css, assets: d.assets, language }) };
}

/** The workbench index's section: the personal app's tabs and each team's tab, in each theme. */
export function teamsIndexSection(tenant: WorkbenchTenant): string {
  const themes = (p: string): string => THEMES.map(t => `<a href="${esc(`${p}?teamsTheme=${t.value}`)}">${esc(t.label)}</a>`).join(' &middot; ');
  const tabs = PERSONAL_TABS.map(t => `<li>${esc(t.label)} <span class="wb-muted">(${esc(t.alias)})</span>: ${themes(`/${TEAMS_SEGMENT}/personal/${t.entityId}`)}</li>`).join('');
  const teams = tenant.sites.filter(s => siteName(s) && teamOfSite(tenant, s))
    .map(s => `<li>${esc(s.title)} <span class="wb-muted">(General channel, AccessCatalog)</span>: ${themes(`/${TEAMS_SEGMENT}/tab/${encodeURIComponent(siteName(s) || '')}`)}</li>`).join('');
  return `<h2>Microsoft Teams</h2>
<p>The web parts as Teams hosts them, with a stand-in for the Teams JS SDK (<code>localTenant/workbench/TEAMS.md</code>). Add <code>&amp;as=&lt;upn&gt;</code> and <code>&amp;subPageId=&lt;package id&gt;</code> (a Teams deep link's sub-page).</p>
<h3>Personal app</h3><ul>${tabs}</ul>
<h3>Team tabs</h3><ul>${teams || '<li class="wb-muted">No site of this tenant belongs to a team.</li>'}</ul>`;
}

interface TeamsPageModel {
  url: URL;
  user: WorkbenchUser;
  users: readonly WorkbenchUser[];
  tenantName: string;
  config: WorkbenchClientConfig;
  teams: TeamsClientConfig;
  title: string;
  alias: string;
  css: string;
  assets: PageAssets;
  language: string;
}

function appBar(): string {
  const items = [['Activity', 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6z'], ['Chat', 'M4 5h16v11H9l-5 4z'], ['Teams', 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 19c0-3 3-5 6-5s6 2 6 5zm12 0c0-2 1-4 2-5 3 0 6 2 6 5z'], ['Calendar', 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5']];
  const icons = items.map(([label, d]) =>
    `<li><span class="tm-appbar-item" title="${esc(label)} (not part of the workbench)"><svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6"><path d="${d}"/></svg><span>${esc(label)}</span></span></li>`).join('');
  return `<nav class="tm-appbar" aria-label="Teams app bar"><ul>${icons}
<li><a class="tm-appbar-item tm-appbar-current" href="#wb-main" aria-current="page"><span class="tm-appicon" aria-hidden="true">AH</span><span>Access Hub</span></a></li></ul></nav>`;
}

function themeSwitch(m: TeamsPageModel): string {
  const options = THEMES.map(t => `<option value="${t.value}"${t.value === m.teams.theme ? ' selected' : ''}>${esc(t.label)}</option>`).join('');
  const hidden: string[] = [];
  m.url.searchParams.forEach((v, k) => { if (k !== 'teamsTheme') hidden.push(`<input type="hidden" name="${esc(k)}" value="${esc(v)}">`); });
  // Without scripts a GET reloads the page in that theme; with them, the Teams stand-in raises its theme change handler.
  return `<form class="tm-theme" method="get" action="${esc(m.url.pathname)}">
<label for="tm-theme">Teams theme</label>
<select id="tm-theme" name="teamsTheme">${options}</select>${hidden.join('')}
<noscript><button type="submit">Apply</button></noscript>
</form>`;
}

function header(m: TeamsPageModel): string {
  const q = m.url.searchParams;
  if (m.teams.kind === 'personal') {
    const tabs = PERSONAL_TABS.map(t => {
      const current = t.entityId === m.teams.entityId;
      return `<li><a href="${esc(link(`/${TEAMS_SEGMENT}/personal/${encodeURIComponent(t.entityId)}`, q, ['subPageId']))}"${current ? ' aria-current="page"' : ''}>${esc(t.label)}</a></li>`;
    }).join('');
    return `<div class="tm-header" data-testid="tm-header" role="region" aria-label="Access Hub app header">
<span class="tm-header-icon" aria-hidden="true">AH</span>
<h1 class="tm-header-title">Access Hub</h1>
<nav aria-label="Access Hub tabs"><ul class="tm-tabs">${tabs}</ul></nav>
${themeSwitch(m)}
</div>`;
  }
  const team = m.teams.team as NonNullable<TeamsClientConfig['team']>;
  const channel = m.teams.channel as NonNullable<TeamsClientConfig['channel']>;
  return `<div class="tm-header" data-testid="tm-header" role="region" aria-label="${esc(`${channel.displayName} channel header`)}">
<span class="tm-header-icon tm-team-icon" aria-hidden="true">${esc(team.displayName.split(/\s+/).map(w => w[0] || '').join('').slice(0, 2).toUpperCase())}</span>
<h1 class="tm-header-title"><span class="tm-channel">${esc(channel.displayName)}</span> <span class="tm-team">${esc(team.displayName)}</span></h1>
<nav aria-label="Channel tabs"><ul class="tm-tabs"><li><span class="tm-tab-static">Posts</span></li><li><span class="tm-tab-static">Files</span></li><li><a href="${esc(link(m.url.pathname, q, ['subPageId']))}" aria-current="page">${esc(m.title)}</a></li></ul></nav>
${themeSwitch(m)}
</div>`;
}

export function renderTeamsPage(m: TeamsPageModel): string {
  const body = `<div class="tm-frame" data-teams-theme="${esc(m.teams.theme)}" data-teams-kind="${esc(m.teams.kind)}">
<div class="tm-topbar" role="banner">
<span class="tm-brand">Microsoft Teams <span class="tm-muted">(${esc(m.tenantName)}, Access Hub local workbench)</span></span>
<a class="tm-home" href="/">All sites and people</a>
${personSwitcher({ tenantName: m.tenantName, user: m.user, users: m.users, path: m.url.pathname, query: m.url.searchParams })}
</div>
<div class="tm-body">
${appBar()}
<div class="tm-app">
${header(m)}
<main id="wb-main" class="tm-content">
<section class="wb-webpart tm-webpart" data-alias="${esc(m.alias)}" data-index="0" aria-label="${esc(m.title)}">
<div class="wb-webpart-root" id="wb-webpart-0"></div>
</section>
</main>
</div>
</div>
</div>
<script type="application/json" id="wb-config">${jsonForScript(m.config)}</script>
<script>window.__ACCESS_HUB_LOCALE__=${jsonForScript(m.language)};window.FabricConfig={fontBaseUrl:'',iconBaseUrl:${jsonForScript(m.config.iconsBaseUrl)}};</script>`;
  return `<!DOCTYPE html>
<html lang="${esc(m.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${m.title} - Access Hub - Microsoft Teams`)}</title>
<link rel="icon" href="data:,">
<style>${m.css}${TEAMS_CSS}</style>
${m.assets.head}
</head>
<body class="tm-page">
<a class="wb-skip" href="#wb-main">Skip to main content</a>
${body}
${m.assets.scripts}
</body>
</html>
`;
}

/** Teams' frame in its three themes (the web part's own colours come from src/components/host/teamsThemes.ts). */
const TEAMS_CSS = `
body.tm-page{margin:0;background:var(--tm-bg);}
.tm-frame{--tm-bg:#f5f5f5;--tm-bar:#ebebeb;--tm-top:#ebebeb;--tm-text:#242424;--tm-sub:#616161;--tm-brand:#5b5fc7;--tm-line:#e0e0e0;--tm-content:#ffffff;--tm-accent-text:#ffffff;
  display:flex;flex-direction:column;height:100vh;background:var(--tm-bg);color:var(--tm-text);font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;}
.tm-frame[data-teams-theme="dark"]{--tm-bg:#1f1f1f;--tm-bar:#141414;--tm-top:#0a0a0a;--tm-text:#ffffff;--tm-sub:#d6d6d6;--tm-brand:#7f85f5;--tm-line:#3d3d3d;--tm-content:#1f1f1f;--tm-accent-text:#000000;}
.tm-frame[data-teams-theme="contrast"]{--tm-bg:#000000;--tm-bar:#000000;--tm-top:#000000;--tm-text:#ffffff;--tm-sub:#ffffff;--tm-brand:#ffff01;--tm-line:#ffffff;--tm-content:#000000;--tm-accent-text:#000000;}
.tm-topbar{display:flex;align-items:center;gap:16px;padding:6px 16px;background:var(--tm-top);border-bottom:1px solid var(--tm-line);font-size:13px;}
.tm-topbar .wb-switcher label{color:var(--tm-text);}
.tm-topbar select,.tm-theme select{background:var(--tm-content);color:var(--tm-text);border:1px solid var(--tm-sub);border-radius:4px;padding:2px 4px;}
.tm-brand{font-weight:600;margin-right:auto;}
.tm-muted{font-weight:400;color:var(--tm-sub);}
.tm-home{color:var(--tm-text);}
.tm-body{display:flex;flex:1;min-height:0;}
.tm-appbar{width:68px;background:var(--tm-bar);border-right:1px solid var(--tm-line);flex:none;}
.tm-appbar ul{list-style:none;margin:0;padding:4px 0;}
.tm-appbar-item{display:flex;flex-direction:column;align-items:center;gap:2px;padding:8px 0;font-size:10px;color:var(--tm-sub);text-decoration:none;}
.tm-appbar-item svg{width:22px;height:22px;}
.tm-appbar-current{color:var(--tm-brand);box-shadow:inset 3px 0 0 var(--tm-brand);font-weight:600;}
.tm-appicon,.tm-header-icon{display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;border-radius:4px;background:var(--tm-brand);color:var(--tm-accent-text);font-size:11px;font-weight:700;}
.tm-app{flex:1;display:flex;flex-direction:column;min-width:0;}
.tm-header{display:flex;align-items:center;gap:12px;padding:0 20px;min-height:48px;background:var(--tm-content);border-bottom:1px solid var(--tm-line);flex-wrap:wrap;}
.tm-header-icon{width:32px;height:32px;font-size:13px;}
.tm-header-title{font-size:18px;font-weight:700;margin:0;}
.tm-team{font-size:13px;font-weight:400;color:var(--tm-sub);}
.tm-tabs{display:flex;gap:4px;list-style:none;margin:0;padding:0;}
.tm-tabs a,.tm-tab-static{display:inline-block;padding:13px 10px 11px;color:var(--tm-sub);text-decoration:none;font-size:14px;border-bottom:3px solid transparent;}
.tm-tabs a:hover{color:var(--tm-text);}
.tm-tabs a[aria-current="page"]{color:var(--tm-text);font-weight:600;border-bottom-color:var(--tm-brand);}
.tm-theme{margin-left:auto;display:flex;align-items:center;gap:6px;font-size:13px;}
.tm-content{flex:1;overflow:auto;background:var(--tm-content);--accesshub-tab-height:100%;}
.tm-content .tm-webpart{height:100%;margin:0;padding:0;border:0;background:none;box-shadow:none;}
.tm-content .wb-webpart-root{height:100%;}
.tm-frame a:focus-visible,.tm-frame select:focus-visible{outline:2px solid var(--tm-brand);outline-offset:1px;}
`;
