/**
 * The workbench's server-rendered pages: plain HTML templates. Every value that comes from the fixture, the
 * URL or a person is escaped with `esc` (text and attributes) or `jsonForScript` (the client configuration).
 */
import {
  WorkbenchPage, WorkbenchSite, WorkbenchTenant, WorkbenchUser, SitePermissionLevel, landingPage, pagePath, siteName
} from './tenantView';
import { themeChrome } from './themes';

export const APP_NAME = 'SharePoint';
export const WORKBENCH_NAME = 'Access Hub local workbench';
export const DEFAULT_PERSON = 'adelev@contoso.com';
export const CUSTOMIZER_ALIAS = 'AccessPrompt';
export const TOP_PLACEHOLDER_ID = 'accesshub-top-placeholder';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export function esc(value: unknown): string {
  return String(value === undefined || value === null ? '' : value).replace(/[&<>"'`]/g, c => HTML_ESCAPES[c]);
}

/** JSON safe inside `<script type="application/json">`: no `<`, `>`, `&` or line separators survive literally. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function initials(name: string): string {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map(w => Array.from(w)[0] || '').join('').toUpperCase() || '?';
}

/** A stable hue per string, for the avatar and site logo colours. */
function hue(value: string): number {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (h * 31 + value.charCodeAt(i)) % 360;
  return h;
}

function withQuery(path: string, params: URLSearchParams): string {
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

function asLink(path: string, upn: string, keep?: URLSearchParams): string {
  const params = new URLSearchParams(keep ? keep.toString() : '');
  params.set('as', upn);
  return withQuery(path, params);
}

export interface PageAssets {
  /** Extra `<head>` markup: module preloads, stylesheets. */
  head: string;
  /** The app module scripts, placed at the end of `<body>`. */
  scripts: string;
}

export interface LayoutOptions {
  lang: string;
  title: string;
  css: string;
  body: string;
  head?: string;
  scripts?: string;
  bodyClass?: string;
}

export function layout(o: LayoutOptions): string {
  return `<!DOCTYPE html>
<html lang="${esc(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="icon" href="data:,">
<style>${o.css}</style>
${o.head || ''}
</head>
<body class="${esc(o.bodyClass || '')}">
<a class="wb-skip" href="#wb-main">Skip to main content</a>
${o.body}
${o.scripts || ''}
</body>
</html>
`;
}

export interface SuiteBarOptions {
  tenantName: string;
  user?: WorkbenchUser;
  users?: readonly WorkbenchUser[];
  /** The path the switcher navigates to (the current page). */
  path?: string;
  /** The current query; the switcher keeps every parameter but `as`. */
  query?: URLSearchParams;
}

/** A progressive person switcher: a GET form that submits on change (and with a button when scripts are off). */
export function personSwitcher(o: SuiteBarOptions): string {
  if (!o.users || !o.path) return '';
  const current = o.user ? o.user.id : '';
  const options = o.users.map(u =>
    `<option value="${esc(u.userPrincipalName)}"${u.id === current ? ' selected' : ''}>${esc(u.displayName)}${u.userType === 'Guest' ? ' (guest)' : ''}</option>`
  ).join('');
  const hidden: string[] = [];
  if (o.query) {
    o.query.forEach((value, key) => {
      if (key !== 'as') hidden.push(`<input type="hidden" name="${esc(key)}" value="${esc(value)}">`);
    });
  }
  return `<form class="wb-switcher" method="get" action="${esc(o.path)}">
<label for="wb-person">Signed in as</label>
<select id="wb-person" name="as">${o.user ? '' : '<option value="" selected>Choose a person</option>'}${options}</select>
${hidden.join('')}
<noscript><button type="submit">Switch</button></noscript>
</form>
<script>(function(){var s=document.getElementById('wb-person');if(s){s.addEventListener('change',function(){if(s.value){s.form.submit();}});}})();</script>`;
}

export function suiteBar(o: SuiteBarOptions): string {
  const me = o.user
    ? `<span class="wb-me"><span class="wb-avatar" aria-hidden="true" style="background:hsl(${hue(o.user.id)},45%,30%)">${esc(initials(o.user.displayName))}</span><span class="wb-me-name" data-testid="wb-me">${esc(o.user.displayName)}</span></span>`
    : '';
  return `<header class="wb-suitebar" role="banner" lang="en">
<div class="wb-suitebar-left">
<a class="wb-waffle" href="/" title="All sites and people" aria-label="All sites and people"><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span></a>
<a class="wb-appname" href="/">${esc(APP_NAME)}</a>
<span class="wb-tenant">${esc(o.tenantName)}</span>
<span class="wb-badge" title="Pages rendered by the local tenant with Access Hub's web parts">${esc(WORKBENCH_NAME)}</span>
</div>
<div class="wb-suitebar-right">
${personSwitcher(o)}
${me}
</div>
</header>`;
}

function siteHeader(site: WorkbenchSite, current: WorkbenchPage | undefined, query: URLSearchParams): string {
  const name = siteName(site) || '';
  const keep = new URLSearchParams();
  const as = query.get('as');
  if (as) keep.set('as', as);
  const lang = query.get('lang');
  if (lang) keep.set('lang', lang);
  const nav = (site.pages || []).map(p => {
    const isCurrent = current && p.name === current.name;
    return `<li><a href="${esc(withQuery(pagePath(site, p), keep))}"${isCurrent ? ' aria-current="page"' : ''}>${esc(p.title || p.name)}</a></li>`;
  }).join('');
  return `<div class="wb-siteheader" role="region" aria-label="${esc(site.title)}">
<div class="wb-container wb-siteheader-inner">
<span class="wb-sitelogo" aria-hidden="true" style="background:hsl(${hue(name)},55%,36%)">${esc(initials(site.title))}</span>
<div class="wb-sitetitles">
<a class="wb-sitetitle" href="${esc(withQuery(pagePath(site, site.pages[0] || { name: 'Home.aspx', title: '', webParts: [] }), keep))}">${esc(site.title)}</a>
<nav aria-label="Site navigation"><ul class="wb-sitenav">${nav}</ul></nav>
</div>
</div>
</div>`;
}

export interface SitePageModel {
  tenantName: string;
  site: WorkbenchSite;
  page: WorkbenchPage;
  user: WorkbenchUser;
  users: readonly WorkbenchUser[];
  language: string;
  path: string;
  query: URLSearchParams;
  /** The client configuration, serialized into `#wb-config`. */
  config: unknown;
  /** The accessible name of a web part slot, e.g. "Access catalog". */
  webPartTitle: (alias: string) => string;
  assets: PageAssets;
  css: string;
  /** Fluent's icon fonts, served locally. Fluent's Segoe UI faces are off (`fontBaseUrl: ''`): no CDN requests. */
  iconsBaseUrl: string;
  /**
   * SharePoint's own runtime boots the page (runtime/runtimeHost.ts): the top placeholder is SharePoint's
   * `data-sp-placeholder="Top"`, and there is no workbench client configuration.
   */
  spfxRuntime?: boolean;
  /** Page editing (SharePoint's command bar): shown only to people with Edit or Full Control on the site. */
  edit?: PageEditModel;
}

export interface PageEditModel {
  /** The page in edit mode (`?edit=1`): web parts have "Edit web part", the bar has Republish and Discard. */
  editing: boolean;
  /** Where "Edit" goes (the same page with `edit=1`, under SharePoint's runtime). */
  editUrl: string;
  /** Where "Discard changes" goes (the page in read mode). */
  viewUrl: string;
}

/** SharePoint's page command bar, reduced to editing: "Edit" in read mode; "Republish" and "Discard changes" in edit mode. */
function commandBar(edit: PageEditModel | undefined): string {
  if (!edit) return '';
  const inner = edit.editing
    ? `<span class="wb-editing" data-testid="wb-editing">Editing</span>
<button type="button" id="wb-save" class="wb-command wb-command-primary" disabled title="Save the page's web parts and publish them">Republish</button>
<a class="wb-command" href="${esc(edit.viewUrl)}">Discard changes</a>
<span id="wb-edit-status" role="status" class="wb-muted"></span>`
    : `<a class="wb-command" id="wb-edit" href="${esc(edit.editUrl)}" title="Edit this page's web parts">Edit</a>`;
  return `<div class="wb-container wb-commandbar" role="toolbar" aria-label="Page">${inner}</div>`;
}

/** A SharePoint-like page: suite bar, top placeholder, page title and one slot per web part, in page order. */
export function renderSitePage(m: SitePageModel): string {
  const slots = m.page.webParts.map((wp, i) =>
    `<section class="wb-webpart" data-alias="${esc(wp.alias)}" data-index="${i}" aria-label="${esc(m.webPartTitle(wp.alias))}">
<div class="wb-webpart-root" id="wb-webpart-${i}"></div>
</section>`).join('\n');
  // The section background and site theme switch (themes.ts): `?section=` and `?theme=`.
  const themes = themeChrome(m.query, m.path);
  const body = `${suiteBar({ tenantName: m.tenantName, user: m.user, users: m.users, path: m.path, query: m.query })}
<div id="${TOP_PLACEHOLDER_ID}" class="wb-top-placeholder" data-alias="${CUSTOMIZER_ALIAS}"${m.spfxRuntime ? ' data-sp-placeholder="Top"' : ''}></div>
${siteHeader(m.site, m.page, m.query)}
${commandBar(m.edit)}
${themes.controls}
<main id="wb-main" class="wb-container wb-canvas${m.edit && m.edit.editing ? ' wb-canvas-editing' : ''}">
<h1 class="wb-pagetitle">${esc(m.page.title || m.page.name)}</h1>
${slots || '<p class="wb-empty">This page has no web parts.</p>'}
</main>
${m.spfxRuntime ? '<div data-sp-placeholder="Bottom"></div>' : `<script type="application/json" id="wb-config">${jsonForScript(m.config)}</script>`}
<script>window.__ACCESS_HUB_LOCALE__=${jsonForScript(m.language)};window.FabricConfig={fontBaseUrl:'',iconBaseUrl:${jsonForScript(m.iconsBaseUrl)}};</script>`;
  return layout({
    lang: m.language,
    title: `${m.page.title || m.page.name} - ${m.site.title}`,
    css: `${m.css}\n${themes.css}`,
    head: m.assets.head,
    body,
    scripts: m.assets.scripts,
    bodyClass: themes.bodyClass
  });
}

export interface AccessDeniedModel {
  tenantName: string;
  site: WorkbenchSite;
  user: WorkbenchUser;
  users: readonly WorkbenchUser[];
  language: string;
  path: string;
  query: URLSearchParams;
  css: string;
}

/** What SharePoint shows a person without read access: no web parts, no customizer. */
export function renderAccessDenied(m: AccessDeniedModel): string {
  const body = `${suiteBar({ tenantName: m.tenantName, user: m.user, users: m.users, path: m.path, query: m.query })}
<main id="wb-main" class="wb-container wb-message" data-testid="wb-access-denied">
<svg class="wb-message-icon" aria-hidden="true" viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3"><rect x="9" y="21" width="30" height="22" rx="3"/><path d="M16 21v-6a8 8 0 0 1 16 0v6"/><circle cx="24" cy="32" r="2.5" fill="currentColor"/></svg>
<h1>You need access to this site</h1>
<p><strong>${esc(m.user.displayName)}</strong> (${esc(m.user.userPrincipalName)}) cannot open <strong>${esc(m.site.title)}</strong>.</p>
<p>In SharePoint this person would ask the site owner for access, or request an access package that grants it. Choose another person above, or go back to <a href="/">all sites and people</a>.</p>
</main>`;
  return layout({ lang: m.language, title: `Access required - ${m.site.title}`, css: m.css, body, bodyClass: 'wb-denied' });
}

export interface UnknownPersonModel {
  tenantName: string;
  requested: string;
  users: readonly WorkbenchUser[];
  path: string;
  query: URLSearchParams;
  css: string;
}

export function renderUnknownPerson(m: UnknownPersonModel): string {
  const list = m.users.map(u =>
    `<li><a href="${esc(asLink(m.path, u.userPrincipalName, m.query))}">${esc(u.displayName)}</a> <span class="wb-muted">${esc(u.userPrincipalName)}</span></li>`
  ).join('');
  const body = `${suiteBar({ tenantName: m.tenantName })}
<main id="wb-main" class="wb-container wb-message" data-testid="wb-unknown-person">
<h1>There is nobody called &ldquo;${esc(m.requested)}&rdquo; in this tenant</h1>
<p>Open this page as one of these people:</p>
<ul class="wb-people-list">${list}</ul>
</main>`;
  return layout({ lang: 'en', title: 'Unknown person', css: m.css, body });
}

export function renderNotFound(o: { tenantName: string; path: string; css: string; what?: string }): string {
  const body = `${suiteBar({ tenantName: o.tenantName })}
<main id="wb-main" class="wb-container wb-message" data-testid="wb-not-found">
<h1>${esc(o.what || 'This page does not exist')}</h1>
<p>Nothing in this tenant lives at <code>${esc(o.path)}</code>.</p>
<p><a href="/">See all sites and pages</a></p>
</main>`;
  return layout({ lang: 'en', title: 'Not found', css: o.css, body });
}

/**
 * While the workbench starts: a proper page that reloads itself as soon as `/_dev/health` says a reload renders the
 * web parts (and, without scripts, every two seconds).
 */
export function renderStarting(o: { css: string }): string {
  const body = `<main id="wb-main" class="wb-container wb-message" data-testid="wb-starting" aria-busy="true">
<h1>The local workbench is starting</h1>
<p role="status">Preparing the web parts. This page reloads by itself when they are ready.</p>
</main>`;
  const script = `<script>(function(){function poll(){fetch('/_dev/health',{cache:'no-store'}).then(function(r){if(r.status===200){location.reload();}else{setTimeout(poll,300);}},function(){setTimeout(poll,1000);});}setTimeout(poll,300);})();</script>`;
  return layout({
    lang: 'en', title: 'Starting - local workbench', css: o.css, body, head: '<noscript><meta http-equiv="refresh" content="2"></noscript>', scripts: script
  });
}

const LEVEL_TEXT: Record<SitePermissionLevel, string> = { 'none': 'No access', 'Read': 'Read', 'Edit': 'Edit', 'Full Control': 'Full Control' };

/** `/`: the sites and their pages, and every person with a link to try the intranet as them. */
export function renderIndex(o: { tenant: WorkbenchTenant; css: string; origin: string; runtime?: 'vite' | 'spfx'; /** More sections (HTML), e.g. the Teams pages. */ more?: string }): string {
  const t = o.tenant;
  const sites = t.sites.filter(s => siteName(s));
  const siteItems = sites.map(s => {
    const pages = (s.pages || []).map(p => {
      const parts = p.webParts.map(w => w.alias).join(', ');
      const other = o.runtime === 'spfx' ? 'vite' : 'spfx';
      const otherLabel = other === 'spfx' ? `SharePoint's runtime` : 'Vite workbench';
      return `<li><a href="${esc(pagePath(s, p))}">${esc(p.title || p.name)}</a> <span class="wb-muted">${esc(p.name)}${parts ? ` &middot; ${esc(parts)}` : ''}</span> <a class="wb-muted" href="${esc(`${pagePath(s, p)}?runtime=${other}`)}">(${esc(otherLabel)})</a></li>`;
    }).join('');
    return `<li class="wb-card">
<h3>${esc(s.title)}</h3>
<p class="wb-muted">${esc(s.url)} &rarr; <code>/sites/${esc(siteName(s))}</code></p>
<ul>${pages || '<li class="wb-muted">No pages</li>'}</ul>
</li>`;
  }).join('');
  const landing = landingPage(t);
  const header = sites.map(s => `<th scope="col">${esc(s.title)}</th>`).join('');
  const rows = t.users.map(u => {
    const cells = sites.map(s => {
      const level = t.sitePermissionLevel(siteName(s) || s.url, u.id);
      const home = s.pages && s.pages[0];
      const text = LEVEL_TEXT[level] || String(level);
      return home
        ? `<td class="wb-level-${level === 'none' ? 'none' : 'ok'}"><a href="${esc(asLink(pagePath(s, home), u.userPrincipalName))}" aria-label="${esc(`${s.title} as ${u.displayName}: ${text}`)}">${esc(text)}</a></td>`
        : `<td>${esc(text)}</td>`;
    }).join('');
    const about = [u.jobTitle, u.department].filter(Boolean).join(', ');
    const name = landing
      ? `<a href="${esc(asLink(pagePath(landing.site, landing.page), u.userPrincipalName))}">${esc(u.displayName)}</a>`
      : esc(u.displayName);
    return `<tr>
<th scope="row">${name}${u.userType === 'Guest' ? ' <span class="wb-tag">guest</span>' : ''}<div class="wb-muted">${esc(u.userPrincipalName)}</div></th>
<td>${esc(about)}</td><td>${esc((u.preferredLanguage || '').toLowerCase())}</td>${cells}
</tr>`;
  }).join('');
  const body = `${suiteBar({ tenantName: t.tenantInfo.displayName || 'Tenant' })}
<main id="wb-main" class="wb-container wb-index">
<h1>${esc(t.tenantInfo.displayName || 'Local tenant')} intranet</h1>
<p>Every page below renders Access Hub's real web parts against the local tenant at <code>${esc(o.origin)}</code>. Add <code>?as=&lt;userPrincipalName&gt;</code> to open a page as someone else, or <code>&amp;lang=de-de</code> for another language.</p>
<p>Two runtimes serve the pages: the <strong>Vite workbench</strong> (fast, reloads on change; <code>?runtime=vite</code>) and <strong>SharePoint's own SPFx runtime</strong> with the packaged <code>.sppkg</code> (<code>?runtime=spfx</code>; needs HTTPS: <code>npm start -- --runtime spfx</code>). This server's default: <strong>${o.runtime === 'spfx' ? `SharePoint's runtime` : 'Vite workbench'}</strong>.</p>
<h2>Viva Connections dashboard</h2>
<p>The AccessCard (an Adaptive Card Extension) in both sizes, rendered with the Adaptive Cards renderer SharePoint's card host uses: <a href="/_dashboard?as=diegos@contoso.com">Diego's dashboard</a> (a request waits for him), <a href="/_dashboard?as=alexw@contoso.com">Alex's</a> (access ending soon), <a href="/_dashboard?as=gradya@contoso.com">Grady's</a> (his pending request). Any person: <code>/_dashboard?as=&lt;userPrincipalName&gt;</code>.</p>
<h2>Sites and pages</h2>
<ul class="wb-cards">${siteItems || '<li class="wb-muted">This tenant has no sites.</li>'}</ul>
${o.more || ''}
<h2>People worth trying</h2>
<div class="wb-table-wrap">
<table class="wb-people">
<thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Language</th>${header}</tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
<h2>Developer endpoints</h2>
<ul>
<li><code>GET /_dev/health</code>, <code>GET /_dev/log</code></li>
<li><code>POST /_dev/token</code> <code>{"user": "&lt;upn or id&gt;"}</code>, <code>POST /_dev/reset</code>, <code>POST /_dev/clock</code>, <code>POST /_dev/faults</code></li>
<li>Graph under <code>/v1.0/</code>, SharePoint REST under <code>/sites/&lt;name&gt;/_api/</code></li>
</ul>
</main>`;
  return layout({ lang: 'en', title: `${WORKBENCH_NAME}`, css: o.css, body });
}
