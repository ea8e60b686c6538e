/**
 * The OData query options Graph's v1.0 documentation gives for each endpoint the local tenant serves: the one table
 * of what is documented, enforced by the router (strict, the default) and cited by docs/graph-notes.md §17.
 *
 * What counts as documented for an endpoint:
 * - the options its API page names (its "Optional query parameters" section, its text, its examples);
 * - `$expand` of a relationship that the returned type's resource page marks "Supports `$expand`", and of the
 *   relationships the API page itself names; a nested expansion only through relationships so marked at each hop;
 * - `$filter` where the returned type's resource page marks properties "Supports `$filter`".
 * `$skiptoken` is always accepted: it only ever comes from the service's own `@odata.nextLink`.
 * Nested options inside an allowed `$expand` may only be `$select` and an allowed nested `$expand`.
 *
 * Strict (the default; `--strict`) answers anything else with 400 in Graph's envelope, worded as the ASP.NET OData
 * services behind entitlement management and access reviews word it (and as the directory words it for users and
 * groups). Lenient (`lenient: true`, `--lenient`) honours every option the emulator can evaluate.
 */
import { GraphError } from '../errors';
import { ExpandItem, optionsFromParams } from '../odata';
import { AR, EM } from './common';

export type QueryOption = 'select' | 'expand' | 'filter' | 'orderby' | 'top' | 'skip' | 'count' | 'search';

export interface DocumentedOptions {
  /** The Graph v1.0 page that documents the endpoint. */
  doc: string;
  /** Options other than `$expand` that the documentation gives. */
  options: QueryOption[];
  /** Expandable paths (`a`, `a/b` for a nested `$expand`); `$expand` is documented when this is non-empty. */
  expand?: string[];
}

const API = (page: string): string => `https://learn.microsoft.com/en-us/graph/api/${page}?view=graph-rest-1.0`;

/** Request relationships marked "Supports $expand" (accessPackageAssignmentRequest), and those of its assignment. */
const REQUEST_EXPAND = ['accessPackage', 'assignment', 'requestor', 'assignment/accessPackage', 'assignment/target', 'assignment/assignmentPolicy'];
/** Assignment relationships marked "Supports $expand" (accessPackageAssignment). */
const ASSIGNMENT_EXPAND = ['accessPackage', 'target', 'assignmentPolicy'];
const DIRECTORY_LIST: QueryOption[] = ['select', 'filter', 'orderby', 'top', 'count', 'search'];
const DECISIONS: DocumentedOptions = {
  doc: API('accessreviewinstancedecisionitem-filterbycurrentuser'), options: ['select', 'filter', 'orderby', 'skip', 'top'],
};

/** Keyed by `METHOD route pattern`, as the routes in this folder spell them. */
export const DOCUMENTED_QUERY_OPTIONS: Record<string, DocumentedOptions> = {
  // ---- Requester (docs/graph-notes.md §3)
  // "None documented": the page names no query option at all.
  [`GET ${EM}/accessPackages/filterByCurrentUser(on)`]: { doc: API('accesspackage-filterbycurrentuser'), options: [] },
  [`GET ${EM}/availableAccessPackages/{id}`]: { doc: 'https://learn.microsoft.com/en-us/graph/api/resources/availableaccesspackage?view=graph-rest-1.0', options: [] },
  [`GET ${EM}/availableAccessPackages/{id}/resourceRoleScopes`]: {
    doc: API('availableaccesspackage-list-resourcerolescopes'), options: ['select', 'filter', 'top'], expand: ['role', 'scope'],
  },
  // The page names none; the resource page marks accessPackage, assignment, requestor expandable and state,
  // createdDateTime filterable.
  [`GET ${EM}/assignmentRequests/filterByCurrentUser(on)`]: {
    doc: API('accesspackageassignmentrequest-filterbycurrentuser'), options: ['filter'], expand: REQUEST_EXPAND,
  },
  // "$expand … accessPackage, requestor and assignment", example `$expand=assignment($expand=target)`.
  [`GET ${EM}/assignmentRequests/{id}`]: { doc: API('accesspackageassignmentrequest-get'), options: [], expand: REQUEST_EXPAND },
  // The page documents @odata.nextLink paging only; the resource page marks accessPackage, target and
  // assignmentPolicy expandable and state, accessPackage/id, target/objectId, assignmentPolicy/id filterable.
  [`GET ${EM}/assignments/filterByCurrentUser(on)`]: {
    doc: API('accesspackageassignment-filterbycurrentuser'), options: ['filter'], expand: ASSIGNMENT_EXPAND,
  },

  // Its examples use `$expand=accessPackage`; the page names no other option (§3.9).
  [`GET ${EM}/accessPackageSuggestions/filterByCurrentUser(on)`]: {
    doc: API('accesspackagesuggestions-filterbycurrentuser'), options: [], expand: ['accessPackage'],
  },

  // ---- Approver (§4)
  [`GET ${EM}/accessPackageAssignmentApprovals`]: { doc: API('approval-filterbycurrentuser'), options: [] },
  // "supports the OData query parameters for paging through a large result set".
  [`GET ${EM}/accessPackageAssignmentApprovals/filterByCurrentUser(on)`]: { doc: API('approval-filterbycurrentuser'), options: ['top', 'skip'] },
  // The example shows `stages` inline; no option is documented.
  [`GET ${EM}/accessPackageAssignmentApprovals/{id}`]: { doc: API('approval-get'), options: [] },
  [`GET ${EM}/accessPackageAssignmentApprovals/{id}/stages`]: { doc: API('approval-list-stages'), options: [] },
  [`GET ${EM}/accessPackageAssignmentApprovals/{id}/stages/{stageId}`]: { doc: API('approvalstage-get'), options: [] },

  // ---- Admin / property pane (§6)
  [`GET ${EM}/accessPackages`]: { doc: API('entitlementmanagement-list-accesspackages'), options: ['select', 'filter'] },
  [`GET ${EM}/accessPackages/{id}`]: {
    doc: API('accesspackage-get'), options: ['select'],
    expand: ['assignmentPolicies', 'resourceRoleScopes', 'resourceRoleScopes/role', 'resourceRoleScopes/scope'],
  },
  [`GET ${EM}/accessPackages/{id}/resourceRoleScopes`]: {
    doc: API('accesspackage-list-resourcerolescopes'), options: ['select', 'filter'], expand: ['role', 'scope'],
  },
  [`GET ${EM}/accessPackages/{id}/assignmentPolicies`]: { doc: API('accesspackage-list-assignmentpolicies'), options: [] },
  [`GET ${EM}/catalogs`]: { doc: API('entitlementmanagement-list-catalogs'), options: ['select', 'filter'], expand: ['accessPackages'] },
  [`GET ${EM}/catalogs/{id}`]: { doc: API('accesspackagecatalog-get'), options: ['select'] },
  [`GET ${EM}/catalogs/{id}/resources`]: {
    doc: API('accesspackagecatalog-list-resources'), options: ['filter'], expand: ['roles', 'scopes', 'environment'],
  },
  [`GET ${EM}/catalogs/{id}/resourceRoles`]: { doc: API('accesspackagecatalog-list-resourceroles'), options: ['filter'], expand: ['resource'] },
  [`GET ${EM}/catalogs/{id}/accessPackages`]: { doc: API('accesspackagecatalog-list-accesspackages'), options: [] },
  [`GET ${EM}/assignmentPolicies`]: { doc: API('entitlementmanagement-list-assignmentpolicies'), options: ['select', 'filter'], expand: ['accessPackage', 'catalog'] },
  [`GET ${EM}/assignmentPolicies/{id}`]: { doc: API('accesspackageassignmentpolicy-get'), options: ['select'], expand: ['accessPackage', 'catalog', 'customExtensionStageSettings', 'customExtensionStageSettings/customExtension'] },
  [`GET ${EM}/assignments`]: { doc: API('entitlementmanagement-list-assignments'), options: ['select', 'filter'], expand: ASSIGNMENT_EXPAND },
  [`GET ${EM}/assignmentRequests`]: { doc: API('entitlementmanagement-list-assignmentrequests'), options: ['filter'], expand: REQUEST_EXPAND },
  [`GET ${EM}/connectedOrganizations`]: { doc: API('entitlementmanagement-list-connectedorganizations'), options: ['select', 'filter'] },

  // ---- Access reviews (§5)
  [`GET ${AR}/definitions/filterByCurrentUser(on)`]: {
    doc: API('accessreviewscheduledefinition-filterbycurrentuser'), options: ['select', 'filter', 'orderby', 'skip', 'top'],
  },
  [`GET ${AR}/definitions/{defId}`]: { doc: API('accessreviewscheduledefinition-get'), options: ['select'] },
  // "include both the $top query parameter with a page size of at most 100, and the $skip=0 query parameter".
  [`GET ${AR}/definitions/{defId}/instances/filterByCurrentUser(on)`]: { doc: API('accessreviewinstance-filterbycurrentuser'), options: ['top', 'skip'] },
  [`GET ${AR}/definitions/{defId}/instances/{instId}`]: { doc: API('accessreviewinstance-get'), options: ['select'] },
  [`GET ${AR}/definitions/{defId}/instances/{instId}/decisions/filterByCurrentUser(on)`]: DECISIONS,
  [`GET ${AR}/definitions/{defId}/instances/{instId}/decisions/{id}`]: { doc: API('accessreviewinstancedecisionitem-get'), options: ['select'] },
  [`GET ${AR}/definitions/{defId}/instances/{instId}/stages`]: { doc: API('accessreviewinstance-list-stages'), options: ['select', 'filter'] },
  [`GET ${AR}/definitions/{defId}/instances/{instId}/stages/{stageId}/decisions/filterByCurrentUser(on)`]: DECISIONS,

  // ---- Directory
  ['GET me']: { doc: API('user-get'), options: ['select'], expand: ['manager'] },
  ['GET users/{id}']: { doc: API('user-get'), options: ['select'], expand: ['manager'] },
  ['GET me/manager']: { doc: API('user-list-manager'), options: ['select'] },
  ['GET users/{id}/manager']: { doc: API('user-list-manager'), options: ['select'] },
  // The page also names $expand, with an example only for `users/{id}?$expand=sponsors`: the list itself takes $select here.
  ['GET me/sponsors']: { doc: API('user-list-sponsors'), options: ['select'] },
  ['GET users/{id}/sponsors']: { doc: API('user-list-sponsors'), options: ['select'] },
  ['GET users']: { doc: API('user-list'), options: DIRECTORY_LIST, expand: ['manager'] },
  ['GET users/{id}/directReports']: { doc: API('user-list-directreports'), options: DIRECTORY_LIST },
  ['GET groups']: { doc: API('group-list'), options: DIRECTORY_LIST },
  ['GET groups/{id}']: { doc: API('group-get'), options: ['select'] },
  ['GET groups/{id}/members']: { doc: API('group-list-members'), options: DIRECTORY_LIST },
  ['GET groups/{id}/owners']: { doc: API('group-list-owners'), options: DIRECTORY_LIST },
  ['GET servicePrincipals/{id}']: { doc: API('serviceprincipal-get'), options: ['select'] },
  ['GET servicePrincipals/{id}/appRoleAssignedTo']: { doc: API('serviceprincipal-list-approleassignedto'), options: DIRECTORY_LIST },
};

const OPTION_NAMES: Record<QueryOption, string> = {
  select: 'Select', expand: 'Expand', filter: 'Filter', orderby: 'OrderBy', top: 'Top', skip: 'Skip', count: 'Count', search: 'Search',
};

function refuse(pattern: string, message: string, entry?: DocumentedOptions): GraphError {
  const hint = ` (local tenant, strict: not documented for this endpoint${entry ? `, see ${entry.doc}` : ''}; a lenient tenant accepts it)`;
  // The directory answers as Azure AD Graph did; entitlement management and access reviews as ASP.NET OData does.
  if (!pattern.toLowerCase().startsWith('identitygovernance')) return new GraphError(400, 'Request_BadRequest', message + hint);
  return new GraphError(400, 'BadRequest', `The query specified in the URI is not valid. ${message}${hint}`);
}

function expandPaths(items: ExpandItem[], prefix: string, pattern: string, allowed: Set<string>, entry: DocumentedOptions): void {
  for (const e of items) {
    const path = `${prefix}${e.name}`;
    const known = [...allowed].find((a) => a.toLowerCase() === path.toLowerCase());
    if (!known) throw refuse(pattern, `The property '${e.name}' cannot be used in the $expand query option.`, entry);
    const o = e.options;
    const nested = (Object.keys(o) as Array<keyof typeof o>).filter((k) => o[k] !== undefined && k !== 'select' && k !== 'expand');
    if (nested.length) throw refuse(pattern, `Query option '${OPTION_NAMES[nested[0] as QueryOption] ?? nested[0]}' is not allowed inside $expand=${e.name}.`, entry);
    if (o.expand) expandPaths(o.expand, `${known}/`, pattern, allowed, entry);
  }
}

/** Throws a 400 in Graph's envelope when the request carries a query option its endpoint does not document. */
export function checkDocumentedOptions(method: string, pattern: string, params: URLSearchParams): void {
  const q = optionsFromParams(params);
  const used = (Object.keys(OPTION_NAMES) as QueryOption[]).filter((k) => q[k as keyof typeof q] !== undefined);
  if (used.length === 0) return;
  const entry = DOCUMENTED_QUERY_OPTIONS[`${method} ${pattern}`];
  for (const k of used) {
    if (k === 'expand') continue;
    if (!entry || !entry.options.includes(k)) throw refuse(pattern, `Query option '${OPTION_NAMES[k]}' is not allowed.`, entry);
  }
  if (q.expand) {
    if (!entry?.expand?.length) throw refuse(pattern, "Query option 'Expand' is not allowed.", entry);
    expandPaths(q.expand, '', pattern, new Set(entry.expand), entry);
  }
}
