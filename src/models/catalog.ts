import { IAccessPackage, IGrant, IPackageStatus, IAccessRequest, IAssignment, ISiteInfo, SiteAccessLevel } from '../core/model/types';
import { packageStatus } from './status';
import { grantLabel, packagesForSite } from './grants';

export type CatalogScope = 'currentSite' | 'all' | 'selected';
export type CatalogSort = 'name' | 'status';

export interface ICatalogEntry {
  pkg: IAccessPackage;
  grants: IGrant[];
  grantsKnown: boolean;
  status: IPackageStatus;
  /** What the package gives on the current site, when the catalog knows the site. */
  siteLevel: SiteAccessLevel;
}

export interface ICatalogInput {
  packages: IAccessPackage[];
  grants: Map<string, IGrant[]>;
  assignments: IAssignment[];
  requests: IAccessRequest[];
  scope: CatalogScope;
  site?: ISiteInfo;
  selectedIds?: string[];
  showOwned: boolean;
  now: Date;
}

/**
 * The packages a catalog may show before it knows what they grant: never hidden ones, and for scope
 * `selected` only the chosen ones. Loading asks for the grants of these alone.
 */
export function catalogCandidates(packages: IAccessPackage[], scope: CatalogScope, selectedIds: string[] = []): IAccessPackage[] {
  const selected = scope === 'selected' ? new Set(selectedIds.map(id => id.toLowerCase())) : undefined;
  return packages.filter(p => !p.isHidden && (!selected || selected.has(p.id.toLowerCase())));
}

/**
 * The entries a catalog shows. Hidden packages never appear (they are reached by a button or a deep
 * link), nor do packages the person may not request (they are not in the allowedRequestor list).
 */
export function buildCatalog(input: ICatalogInput): ICatalogEntry[] {
  const entries: ICatalogEntry[] = [];
  const candidates = catalogCandidates(input.packages, input.scope, input.selectedIds);
  // "Packages for this site" is one function, shared with the AccessPrompt customizer.
  const onSite = new Map<string, SiteAccessLevel>();
  if (input.site) {
    const withGrants = candidates.map(pkg => ({ id: pkg.id, grants: input.grants.get(pkg.id) || [] }));
    for (const { pkg, siteLevel } of packagesForSite(withGrants, input.site)) onSite.set(pkg.id, siteLevel);
  }
  for (const pkg of candidates) {
    const grants = input.grants.get(pkg.id);
    const siteLevel: SiteAccessLevel = onSite.get(pkg.id) || 'none';
    if (input.scope === 'currentSite' && siteLevel === 'none') continue;
    const status = packageStatus(pkg.id, input.assignments, input.requests, input.now);
    if (!input.showOwned && status.kind === 'hasAccess') continue;
    entries.push({ pkg, grants: grants || [], grantsKnown: !!grants, status, siteLevel });
  }
  return entries;
}

/** Search over name, description and what each package grants; every word must match. */
/** Each entry's searchable text, lower-cased once (entries are immutable: a new catalog makes new entries). */
const HAYSTACKS = new WeakMap<ICatalogEntry, string>();

function haystackOf(e: ICatalogEntry): string {
  let text = HAYSTACKS.get(e);
  if (text === undefined) {
    text = [e.pkg.displayName, e.pkg.description, ...e.grants.map(grantLabel)].join('\n').toLowerCase();
    HAYSTACKS.set(e, text);
  }
  return text;
}

/** The entries whose name, description or grants contain every word of `query`, in the order given. */
export function searchCatalog(entries: ICatalogEntry[], query: string): ICatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter(e => {
    const haystack = haystackOf(e);
    return words.every(w => haystack.indexOf(w) >= 0);
  });
}

const STATUS_ORDER: Record<string, number> = { pending: 0, delivering: 1, available: 2, denied: 3, expired: 4, hasAccess: 5 };

export function sortCatalog(entries: ICatalogEntry[], sort: CatalogSort, language?: string): ICatalogEntry[] {
  // One collator for the whole sort: localeCompare with a locale builds one per comparison (slow over thousands).
  const collator = new Intl.Collator(language);
  const byName = (a: ICatalogEntry, b: ICatalogEntry): number => collator.compare(a.pkg.displayName, b.pkg.displayName);
  return entries.slice().sort(sort === 'status'
    ? (a, b) => (STATUS_ORDER[a.status.kind] - STATUS_ORDER[b.status.kind]) || byName(a, b)
    : byName);
}
