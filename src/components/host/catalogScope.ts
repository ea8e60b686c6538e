import type { CatalogScope } from '../../models/catalog';
import type { IHost } from '../../core/host/host';

/**
 * What a catalog shows where it runs. "This site" is the page's site (`pageContext.web`): on a SharePoint page that
 * page's site, in a team's tab the team's site (SPFx sets `pageContext.web` to it there). A personal app in Teams,
 * Outlook or the Microsoft 365 app belongs to no site, so "this site" there means the whole tenant's catalog.
 */
export function catalogScopeFor(configured: CatalogScope, host: IHost): CatalogScope {
  return host.kind === 'teamsPersonal' && configured === 'currentSite' ? 'all' : configured;
}
