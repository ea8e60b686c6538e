/**
 * The fixture format (see fixtures/README.md): Graph v1.0 shapes with foreign keys where Graph has
 * navigations. Loading deep-clones the file, fills missing collections (hostile fixtures) and shifts every
 * dateTime by (now − referenceDateTime) so relative facts ("ends in 10 days") hold whenever the tenant starts.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';

export type Id = string;
export type Json = Record<string, unknown>;

export interface FxUser {
  id: Id; displayName: string; givenName?: string | null; surname?: string | null; userPrincipalName: string;
  mail?: string | null; jobTitle?: string | null; department?: string | null; userType: string;
  accountEnabled?: boolean; preferredLanguage?: string | null; managerId?: Id | null; externalTenantId?: string | null;
  /** The user's sponsors (users or groups), Graph's `user.sponsors` navigation. */
  sponsorIds?: Id[];
  [k: string]: unknown;
}
export interface FxGroup {
  id: Id; displayName: string; description?: string | null; mail?: string | null; mailNickname?: string | null;
  groupTypes?: string[]; securityEnabled?: boolean; mailEnabled?: boolean; visibility?: string | null;
  resourceProvisioningOptions?: string[]; ownerIds: Id[]; memberIds: Id[];
}
export interface FxAppRoleAssignment {
  id: Id; appRoleId: Id; principalId: Id; principalType: string; principalDisplayName: string;
  resourceId: Id; resourceDisplayName: string; createdDateTime: string;
}
export interface FxServicePrincipal {
  id: Id; appId: string; displayName: string; appRoles: Json[]; appRoleAssignments: FxAppRoleAssignment[];
}
export interface FxConnectedOrganization {
  id: Id; displayName: string; description?: string | null; state: string; createdDateTime?: string; modifiedDateTime?: string;
  identitySources: Json[]; internalSponsorIds: Id[]; externalSponsorIds: Id[];
}
export type PermissionLevel = 'Read' | 'Edit' | 'Full Control';
export interface FxSiteRole { id: string; title: string; permissionLevel: PermissionLevel; members: string[] }
export interface FxPage { name: string; title: string; webParts: { alias: string; properties: Json }[] }
export interface FxSite {
  id: Id; url: string; title: string; webTemplate: string; groupId: Id | null; isHubSite: boolean; isHomeSite: boolean;
  roles: FxSiteRole[]; pages: FxPage[];
}
export interface FxCatalog {
  id: Id; displayName: string; description?: string | null; catalogType: string; state: string;
  isExternallyVisible: boolean; createdDateTime: string; modifiedDateTime: string;
  /** Custom extensions (Logic Apps) of the catalog, in Graph's customCalloutExtension shape (docs/graph-notes.md §3.12). */
  customWorkflowExtensions?: FxCustomExtension[];
}
/** `accessPackageAssignmentRequestWorkflowExtension` (a customCalloutExtension). */
export interface FxCustomExtension {
  '@odata.type'?: string; id: Id; displayName: string; description?: string | null; createdDateTime?: string; lastModifiedDateTime?: string;
  endpointConfiguration?: Json | null; authenticationConfiguration?: Json | null;
  /** `timeoutDuration` (ISO duration): "launch and wait" when present (docs/graph-notes.md §3.12). */
  callbackConfiguration?: { timeoutDuration?: string | null; [k: string]: unknown } | null;
}
/** `customExtensionStageSetting`: the extension a policy calls at a stage; the fixture names it by id. */
export interface FxCustomExtensionStageSetting { id: Id; stage: string; customExtensionId: Id }
/**
 * One call of a custom extension for a request: Graph's customExtensionCalloutInstance plus emulator bookkeeping
 * (`stage`, `sentDateTime`, which never leave the emulator).
 */
export interface FxCalloutInstance {
  id: Id; customExtensionId: Id; detail: string | null; externalCorrelationId: string | null; status: string;
  stage: string; sentDateTime: string;
}
export interface FxResourceRole { id: Id; displayName: string; description?: string | null; originSystem: string; originId: string }
export interface FxResourceScope {
  id: Id; displayName: string; description?: string | null; originId: string; originSystem: string; isRootScope: boolean;
}
export interface FxResource {
  id: Id; catalogId: Id; displayName: string; description?: string | null; originSystem: string; originId: string;
  createdDateTime: string; modifiedDateTime: string; attributes: Json[]; roles: FxResourceRole[]; scopes: FxResourceScope[];
}
export interface FxRoleScope { id: string; createdDateTime: string; roleId: Id; scopeId: Id }
export interface FxAccessPackage {
  id: Id; catalogId: Id; displayName: string; description?: string | null; isHidden: boolean;
  createdDateTime: string; modifiedDateTime: string; resourceRoleScopes: FxRoleScope[];
}
export interface FxSubjectSet {
  '@odata.type': string; userId?: Id; groupId?: Id; managerLevel?: number; connectedOrganizationId?: Id;
  description?: string | null; [k: string]: unknown;
}
export interface FxApprovalStageSettings {
  durationBeforeAutomaticDenial?: string | null; isApproverJustificationRequired?: boolean; isEscalationEnabled?: boolean;
  durationBeforeEscalation?: string | null; approverInformationVisibility?: string; primaryApprovers: FxSubjectSet[];
  fallbackPrimaryApprovers: FxSubjectSet[]; escalationApprovers: FxSubjectSet[]; fallbackEscalationApprovers: FxSubjectSet[];
}
export interface FxExpiration { type: string; duration?: string | null; endDateTime?: string | null }
export interface FxSchedule { startDateTime: string | null; recurrence?: unknown; expiration: FxExpiration }
export interface FxQuestion {
  '@odata.type': string; id: Id; sequence?: number; isRequired?: boolean; isAnswerEditable?: boolean; text?: string | null;
  localizations?: Json[]; isSingleLineQuestion?: boolean; regexPattern?: string | null;
  isMultipleSelectionAllowed?: boolean; choices?: { actualValue: string; text?: string; localizations?: Json[] }[];
}
export interface FxPolicy {
  id: Id; accessPackageId: Id; catalogId: Id; displayName: string; description?: string | null; allowedTargetScope: string;
  specificAllowedTargets: FxSubjectSet[]; createdDateTime: string; modifiedDateTime: string; expiration: FxExpiration;
  requestorSettings: {
    enableTargetsToSelfAddAccess?: boolean; enableTargetsToSelfUpdateAccess?: boolean; enableTargetsToSelfRemoveAccess?: boolean;
    allowCustomAssignmentSchedule?: boolean; [k: string]: unknown;
  };
  requestApprovalSettings: {
    isApprovalRequiredForAdd?: boolean; isApprovalRequiredForUpdate?: boolean; isRequestorJustificationRequired?: boolean;
    stages: FxApprovalStageSettings[];
  };
  automaticRequestSettings: unknown; notificationSettings: unknown;
  reviewSettings: { isEnabled?: boolean; expirationBehavior?: string; [k: string]: unknown } | null;
  questions: FxQuestion[];
  customExtensionStageSettings?: FxCustomExtensionStageSetting[];
  /** Beta only (docs/graph-notes.md §3.13): the Verified ID credentials a requestor must present. */
  verifiableCredentialSettings?: { credentialTypes: Json[] } | null;
}
export interface FxAssignment {
  id: Id; targetId: Id; accessPackageId: Id; assignmentPolicyId: Id; state: string; status: string;
  expiredDateTime: string | null; schedule: FxSchedule;
}
export interface FxIdentityRef { id: Id; displayName: string }
export interface FxApprovalStage {
  id: Id; displayName: string | null; status: string; reviewResult: string; reviewedBy: FxIdentityRef | null;
  reviewedDateTime: string | null; justification: string; assignedToUserIds: Id[];
  /** Emulator bookkeeping: when the stage became InProgress (drives durationBeforeAutomaticDenial). */
  startedDateTime?: string | null;
}
export interface FxAnswer { '@odata.type'?: string; value: string; displayValue?: string | null; answeredQuestion: Json }
export interface FxRequest {
  id: Id; requestType: string; state: string; status: string; createdDateTime: string; completedDateTime: string | null;
  justification: string | null; requestorId: Id; targetId: Id; accessPackageId: Id; assignmentPolicyId: Id;
  assignmentId: Id | null; schedule: FxSchedule; answers: FxAnswer[]; approvalStages: FxApprovalStage[];
  customExtensionCalloutInstances?: FxCalloutInstance[];
}
export interface FxDecision {
  id: Id; principalId: Id; assignmentId: Id; decision: string; recommendation: string; justification: string;
  insight?: string | null; reviewedById?: Id | null; reviewedDateTime?: string | null;
  appliedDateTime?: string | null; applyResult?: string | null;
}
export interface FxReviewInstance { id: Id; startDateTime: string; endDateTime: string; status: string; decisions: FxDecision[]; stages?: FxReviewStage[] }
/**
 * A stage of a multi-stage review; its reviewers list and record decisions through the stage paths. Each stage has
 * its own decision per reviewed identity (`decisions`, made from the instance's on first use when absent).
 */
export interface FxReviewStage { id: Id; startDateTime: string; endDateTime: string; status: string; reviewerIds: Id[]; decisions?: FxDecision[] }
export interface FxAccessReview {
  id: Id; displayName: string; status: string; descriptionForReviewers?: string | null; accessPackageId: Id;
  createdDateTime: string; settings: Json; reviewerIds: Id[]; instances: FxReviewInstance[];
}
export interface FxTenantInfo { id: Id; displayName: string; defaultDomain: string; initialDomain?: string; sharePointUrl: string; myAccessUrl?: string }

export interface Fixture {
  referenceDateTime: string;
  tenant: FxTenantInfo;
  roles: { identityGovernanceAdministrators: Id[]; catalogOwners: Record<Id, Id[]> };
  users: FxUser[];
  groups: FxGroup[];
  servicePrincipals: FxServicePrincipal[];
  connectedOrganizations: FxConnectedOrganization[];
  sites: FxSite[];
  catalogs: FxCatalog[];
  resources: FxResource[];
  accessPackages: FxAccessPackage[];
  assignmentPolicies: FxPolicy[];
  assignments: FxAssignment[];
  assignmentRequests: FxRequest[];
  accessReviews: FxAccessReview[];
}

export const DEFAULT_FIXTURE_PATH = path.resolve(__dirname, 'fixtures', 'contoso.json');
export const FIXTURE_SCHEMA_PATH = path.resolve(__dirname, 'fixtures', 'fixture.schema.json');

const COLLECTIONS = [
  'users', 'groups', 'servicePrincipals', 'connectedOrganizations', 'sites', 'catalogs', 'resources', 'accessPackages',
  'assignmentPolicies', 'assignments', 'assignmentRequests', 'accessReviews',
] as const;

export class FixtureError extends Error {}

export function readFixtureFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new FixtureError(`Cannot read fixture ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FixtureError(`Fixture ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

let validator: Ajv.ValidateFunction | undefined;

/** Where an ajv 6 error points, as `users[3].userPrincipalName` (the top level is `(fixture)`). */
function errorPath(e: Ajv.ErrorObject): string {
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  let where = e.dataPath.replace(/^\./, '');
  const child = e.keyword === 'required' ? params.missingProperty : e.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  if (child !== undefined) where = where ? `${where}.${child}` : child;
  return where || '(fixture)';
}

function errorText(e: Ajv.ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return 'is not a fixture field';
  if (e.keyword === 'enum') return `should be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
  return e.message || e.keyword;
}

/**
 * Checks a fixture against fixtures/fixture.schema.json; throws a FixtureError naming the path of each bad field
 * (the first five), e.g. `users[3].userPrincipalName should be string`.
 */
export function validateFixture(raw: unknown): void {
  if (!validator) validator = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(FIXTURE_SCHEMA_PATH, 'utf8')));
  if (validator(raw)) return;
  const errors = validator.errors || [];
  const lines = errors.slice(0, 5).map(e => `${errorPath(e)} ${errorText(e)}`);
  if (errors.length > 5) lines.push(`… and ${errors.length - 5} more`);
  throw new FixtureError(`Fixture does not match localTenant/fixtures/fixture.schema.json:\n  ${lines.join('\n  ')}`);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Shifts every ISO dateTime (and recurrence dates) in place; durations are left alone (fixtures README). */
function shiftDates(node: unknown, deltaMs: number, key = ''): unknown {
  if (typeof node === 'string') {
    if (DATE_TIME.test(node)) return new Date(Date.parse(node) + deltaMs).toISOString().replace(/\.000Z$/, 'Z');
    // recurrence ranges carry plain dates (startDate/endDate); shift them by whole days.
    if (DATE_ONLY.test(node) && /date$/i.test(key)) {
      return new Date(Date.parse(node + 'T00:00:00Z') + deltaMs).toISOString().slice(0, 10);
    }
    return node;
  }
  if (Array.isArray(node)) return node.map((v) => shiftDates(v, deltaMs, key));
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) out[k] = k === 'referenceDateTime' ? v : shiftDates(v, deltaMs, k);
    return out;
  }
  return node;
}

/** Validates against the schema, fills defaults and shifts dates; never mutates `raw`. */
export function prepareFixture(raw: unknown, now: Date): Fixture {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FixtureError('Fixture must be a JSON object');
  validateFixture(raw);
  const src = raw as Json;
  const ref = typeof src.referenceDateTime === 'string' ? Date.parse(src.referenceDateTime) : NaN;
  // Whole seconds keep shifted values tidy (Graph emits dateTimes without fractions).
  const delta = Number.isFinite(ref) ? Math.round((now.getTime() - ref) / 1000) * 1000 : 0;
  const fx = shiftDates(JSON.parse(JSON.stringify(src)), delta) as Json;
  for (const c of COLLECTIONS) {
    if (fx[c] === undefined || fx[c] === null) fx[c] = [];
    if (!Array.isArray(fx[c])) throw new FixtureError(`Fixture field "${c}" must be an array`);
    for (const item of fx[c] as unknown[]) {
      if (!item || typeof item !== 'object' || typeof (item as Json).id !== 'string') {
        throw new FixtureError(`Every item of "${c}" must be an object with a string id`);
      }
    }
  }
  const roles = (fx.roles as Json | undefined) ?? {};
  fx.roles = {
    identityGovernanceAdministrators: Array.isArray(roles.identityGovernanceAdministrators) ? roles.identityGovernanceAdministrators : [],
    catalogOwners: roles.catalogOwners && typeof roles.catalogOwners === 'object' ? roles.catalogOwners : {},
  };
  fx.tenant = {
    id: '00000000-0000-0000-0000-000000000001', displayName: 'Tenant', defaultDomain: 'contoso.com',
    sharePointUrl: 'https://contoso.sharepoint.com', ...((fx.tenant as Json | undefined) ?? {}),
  };
  fx.referenceDateTime = typeof src.referenceDateTime === 'string' ? src.referenceDateTime : now.toISOString();
  const f = fx as unknown as Fixture;
  // Fill nested defaults the logic relies on, so a sparse fixture cannot crash a handler later.
  for (const g of f.groups) { g.memberIds = arr(g.memberIds); g.ownerIds = arr(g.ownerIds); }
  for (const u of f.users) u.sponsorIds = arr(u.sponsorIds);
  for (const sp of f.servicePrincipals) { sp.appRoles = arr(sp.appRoles); sp.appRoleAssignments = arr(sp.appRoleAssignments); }
  for (const o of f.connectedOrganizations) {
    o.identitySources = arr(o.identitySources); o.internalSponsorIds = arr(o.internalSponsorIds); o.externalSponsorIds = arr(o.externalSponsorIds);
  }
  for (const s of f.sites) { s.roles = arr(s.roles); s.pages = arr(s.pages); for (const r of s.roles) r.members = arr(r.members); }
  for (const r of f.resources) { r.roles = arr(r.roles); r.scopes = arr(r.scopes); r.attributes = arr(r.attributes); }
  for (const p of f.accessPackages) { p.resourceRoleScopes = arr(p.resourceRoleScopes); p.isHidden = !!p.isHidden; }
  for (const p of f.assignmentPolicies) {
    p.specificAllowedTargets = arr(p.specificAllowedTargets);
    p.questions = arr(p.questions);
    p.requestorSettings = p.requestorSettings ?? {};
    p.requestApprovalSettings = p.requestApprovalSettings ?? { stages: [] };
    p.requestApprovalSettings.stages = arr(p.requestApprovalSettings.stages);
    for (const st of p.requestApprovalSettings.stages) {
      st.primaryApprovers = arr(st.primaryApprovers); st.fallbackPrimaryApprovers = arr(st.fallbackPrimaryApprovers);
      st.escalationApprovers = arr(st.escalationApprovers); st.fallbackEscalationApprovers = arr(st.fallbackEscalationApprovers);
    }
    p.expiration = p.expiration ?? { type: 'noExpiration', duration: null, endDateTime: null };
    p.customExtensionStageSettings = arr(p.customExtensionStageSettings);
  }
  for (const c of f.catalogs) c.customWorkflowExtensions = arr(c.customWorkflowExtensions);
  for (const a of f.assignments) a.schedule = normSchedule(a.schedule);
  for (const r of f.assignmentRequests) {
    r.schedule = normSchedule(r.schedule);
    r.answers = arr(r.answers);
    r.approvalStages = arr(r.approvalStages);
    r.customExtensionCalloutInstances = arr(r.customExtensionCalloutInstances);
    for (const s of r.approvalStages) s.assignedToUserIds = arr(s.assignedToUserIds);
  }
  for (const rv of f.accessReviews) {
    rv.reviewerIds = arr(rv.reviewerIds); rv.instances = arr(rv.instances); rv.settings = rv.settings ?? {};
    for (const i of rv.instances) i.decisions = arr(i.decisions);
  }
  return f;
}

function arr<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

function normSchedule(s: FxSchedule | undefined | null): FxSchedule {
  const exp = s?.expiration ?? { type: 'notSpecified' };
  return {
    startDateTime: s?.startDateTime ?? null,
    recurrence: s?.recurrence ?? null,
    expiration: { type: exp.type ?? 'notSpecified', duration: exp.duration ?? null, endDateTime: exp.endDateTime ?? null },
  };
}
