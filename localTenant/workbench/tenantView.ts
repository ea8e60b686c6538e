/**
 * The little of the local tenant the workbench needs. Typed structurally so the real `Tenant` from
 * `startLocalTenant` and a stand-in built from a fixture both fit.
 */
export type SitePermissionLevel = 'none' | 'Read' | 'Edit' | 'Full Control';

export interface WorkbenchUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  preferredLanguage?: string | null;
  userType?: string;
  jobTitle?: string | null;
  department?: string | null;
}

export interface WorkbenchWebPart {
  alias: string;
  properties: unknown;
}

export interface WorkbenchPage {
  name: string;
  title: string;
  webParts: WorkbenchWebPart[];
}

export interface WorkbenchSite {
  url: string;
  title: string;
  isHomeSite?: boolean;
  pages: WorkbenchPage[];
}

export interface WorkbenchTenantInfo {
  displayName?: string;
  myAccessUrl?: string;
  sharePointUrl?: string;
}

export interface WorkbenchTenant {
  readonly users: readonly WorkbenchUser[];
  readonly sites: readonly WorkbenchSite[];
  readonly tenantInfo: WorkbenchTenantInfo;
  findUser(upnOrId: string): WorkbenchUser | undefined;
  sitePermissionLevel(siteNameOrUrl: string, userId: string): SitePermissionLevel;
}

/** `https://contoso.sharepoint.com/sites/marketing` → `marketing`; undefined for a URL that is not a `/sites/x` site. */
export function siteName(site: WorkbenchSite): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(site.url).pathname;
  } catch {
    return undefined;
  }
  const m = /^\/(?:sites|teams)\/([^/]+)\/?$/i.exec(pathname);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export function findSite(tenant: WorkbenchTenant, name: string): WorkbenchSite | undefined {
  const wanted = name.toLowerCase();
  return tenant.sites.find(s => (siteName(s) || '').toLowerCase() === wanted);
}

export function findPage(site: WorkbenchSite, pageName: string): WorkbenchPage | undefined {
  const wanted = pageName.toLowerCase();
  return (site.pages || []).find(p => String(p.name).toLowerCase() === wanted);
}

/** The local path of a site page, e.g. `/sites/marketing/SitePages/Home.aspx`. */
export function pagePath(site: WorkbenchSite, page: WorkbenchPage): string {
  return `/sites/${encodeURIComponent(siteName(site) || '')}/SitePages/${encodeURIComponent(page.name)}`;
}

/** The home site's first page (else the first site with a page): where "try as" links go. */
export function landingPage(tenant: WorkbenchTenant): { site: WorkbenchSite; page: WorkbenchPage } | undefined {
  const withPages = tenant.sites.filter(s => siteName(s) && s.pages && s.pages.length > 0);
  const site = withPages.find(s => s.isHomeSite) || withPages[0];
  return site ? { site, page: site.pages[0] } : undefined;
}
