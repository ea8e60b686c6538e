/**
 * Entity types: the Graph shape each store record is emitted as (docs/graph-notes.md §10; Graph's v1.0 metadata), their
 * declared properties (for $select/$filter validation) and navigations (for $expand). Foreign keys of the
 * fixture (…Id, …Ids, catalogId, approvalStages) never leave the emulator.
 */
import type * as MG from '@microsoft/microsoft-graph-types';
import type {
  FxAccessPackage, FxAssignment, FxCatalog, FxConnectedOrganization, FxPolicy, FxQuestion, FxRequest, FxResource,
  FxResourceRole, FxResourceScope, FxRoleScope, FxApprovalStage, FxUser, Json,
} from './fixture';
import type { EntityDef, Registry } from './odata';
import { connectedOrgOf } from './policy';
import type { Tenant } from './tenant';
import { stableGuid } from './util';
import { directoryTypes } from './shapesDirectory';
import { customExtension, emitCallouts } from './callouts';
import type { FxCustomExtension, FxCustomExtensionStageSetting } from './fixture';

export interface Ctx {
  t: Tenant;
  me?: FxUser;
  /** `Prefer: include-unknown-enum-members` (docs/graph-notes.md §1.2). */
  preferUnknown: boolean;
}

export const asJson = <T>(v: T): Json => v as unknown as Json;

/** Subject shape (CSDL accessPackageSubject; subjectLifecycle is non-nullable and missing from TYPES). */
export function subjectOf(ctx: Ctx, u: FxUser): Json {
  const org = connectedOrgOf(ctx.t.db, u);
  return {
    ...asJson<MG.AccessPackageSubject>({
      id: stableGuid(`subject:${u.id}`), objectId: u.id, displayName: u.displayName, principalName: u.userPrincipalName,
      email: u.mail ?? null, onPremisesSecurityIdentifier: null, subjectType: 'user',
    }),
    subjectLifecycle: org ? 'governed' : 'notDefined',
  };
}

/** Before delivery a request already points at its (future) assignment (assignment($expand=target) works). */
export function assignmentOfRequest(ctx: Ctx, r: FxRequest): FxAssignment {
  const real = r.assignmentId ? ctx.t.idx.assignments.get(r.assignmentId) : undefined;
  if (real) return real;
  return {
    id: r.assignmentId ?? stableGuid(`assignment:${r.id}`), targetId: r.targetId, accessPackageId: r.accessPackageId,
    assignmentPolicyId: r.assignmentPolicyId, state: null as unknown as string, status: null as unknown as string,
    expiredDateTime: null, schedule: r.schedule,
  };
}

function rrsSources(ctx: Ctx, p: FxAccessPackage): FxRoleScope[] {
  return p.resourceRoleScopes.filter((x) => ctx.t.idx.roles.has(x.roleId));
}

/** docs/graph-notes.md §1.2: evolvable members are only sent with the Prefer header. */
export function enumOut(ctx: Ctx, value: string, evolvable: readonly string[]): string {
  return evolvable.includes(value) && !ctx.preferUnknown ? 'unknownFutureValue' : value;
}

const accessPackage: EntityDef<Ctx> = {
  name: 'accessPackage',
  properties: ['id', 'displayName', 'description', 'isHidden', 'createdDateTime', 'modifiedDateTime'],
  emit: (p: FxAccessPackage) => asJson<MG.AccessPackage>({
    id: p.id, displayName: p.displayName, description: p.description ?? null, isHidden: p.isHidden,
    createdDateTime: p.createdDateTime, modifiedDateTime: p.modifiedDateTime,
  }),
  nav: {
    catalog: { type: 'accessPackageCatalog', many: false, get: (p: FxAccessPackage, c: Ctx) => c.t.idx.catalogs.get(p.catalogId) },
    assignmentPolicies: { type: 'accessPackageAssignmentPolicy', many: true, get: (p: FxAccessPackage, c: Ctx) => c.t.idx.policiesByPackage.get(p.id) ?? [] },
    resourceRoleScopes: { type: 'accessPackageResourceRoleScope', many: true, get: (p: FxAccessPackage, c: Ctx) => rrsSources(c, p) },
    accessPackagesIncompatibleWith: { type: 'accessPackage', many: true, get: () => [] },
    incompatibleAccessPackages: { type: 'accessPackage', many: true, get: () => [] },
    incompatibleGroups: { type: 'group', many: true, get: () => [] },
  },
};

const availableAccessPackage: EntityDef<Ctx> = {
  name: 'availableAccessPackage',
  properties: ['id', 'displayName', 'description'],
  emit: (p: FxAccessPackage) => ({ id: p.id, displayName: p.displayName, description: p.description ?? null }),
  nav: { resourceRoleScopes: accessPackage.nav.resourceRoleScopes },
};

const catalog: EntityDef<Ctx> = {
  name: 'accessPackageCatalog',
  properties: ['id', 'displayName', 'description', 'catalogType', 'state', 'isExternallyVisible', 'createdDateTime', 'modifiedDateTime'],
  emit: (c: FxCatalog) => asJson<MG.AccessPackageCatalog>({
    id: c.id, displayName: c.displayName, description: c.description ?? null, catalogType: c.catalogType as MG.AccessPackageCatalogType,
    state: c.state as MG.AccessPackageCatalogState, isExternallyVisible: c.isExternallyVisible, createdDateTime: c.createdDateTime, modifiedDateTime: c.modifiedDateTime,
  }),
  nav: {
    accessPackages: { type: 'accessPackage', many: true, get: (c: FxCatalog, x: Ctx) => x.t.db.accessPackages.filter((p) => p.catalogId === c.id) },
    resources: { type: 'accessPackageResource', many: true, get: (c: FxCatalog, x: Ctx) => x.t.db.resources.filter((r) => r.catalogId === c.id) },
    resourceRoles: { type: 'accessPackageResourceRole', many: true, get: (c: FxCatalog, x: Ctx) => x.t.db.resources.filter((r) => r.catalogId === c.id).flatMap((r) => r.roles) },
    resourceScopes: { type: 'accessPackageResourceScope', many: true, get: (c: FxCatalog, x: Ctx) => x.t.db.resources.filter((r) => r.catalogId === c.id).flatMap((r) => r.scopes) },
    customWorkflowExtensions: { type: 'customCalloutExtension', many: true, get: (c: FxCatalog) => c.customWorkflowExtensions ?? [] },
  },
};

const policy: EntityDef<Ctx> = {
  name: 'accessPackageAssignmentPolicy',
  properties: ['id', 'displayName', 'description', 'allowedTargetScope', 'specificAllowedTargets', 'automaticRequestSettings', 'expiration',
    'notificationSettings', 'requestorSettings', 'requestApprovalSettings', 'reviewSettings', 'createdDateTime', 'modifiedDateTime'],
  emit: (p: FxPolicy) => asJson<MG.AccessPackageAssignmentPolicy>({
    id: p.id, displayName: p.displayName, description: p.description ?? null, allowedTargetScope: p.allowedTargetScope as MG.AllowedTargetScope,
    specificAllowedTargets: p.specificAllowedTargets as MG.SubjectSet[], automaticRequestSettings: (p.automaticRequestSettings ?? null) as MG.AccessPackageAutomaticRequestSettings,
    expiration: p.expiration as MG.ExpirationPattern, notificationSettings: (p.notificationSettings ?? null) as MG.AccessPackageNotificationSettings,
    requestorSettings: p.requestorSettings as MG.AccessPackageAssignmentRequestorSettings,
    requestApprovalSettings: p.requestApprovalSettings as MG.AccessPackageAssignmentApprovalSettings,
    reviewSettings: (p.reviewSettings ?? null) as MG.AccessPackageAssignmentReviewSettings, createdDateTime: p.createdDateTime, modifiedDateTime: p.modifiedDateTime,
  }),
  nav: {
    accessPackage: { type: 'accessPackage', many: false, get: (p: FxPolicy, c: Ctx) => c.t.idx.packages.get(p.accessPackageId) },
    catalog: { type: 'accessPackageCatalog', many: false, get: (p: FxPolicy, c: Ctx) => c.t.idx.catalogs.get(p.catalogId) },
    questions: { type: 'accessPackageQuestion', many: true, get: (p: FxPolicy) => [...p.questions].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)) },
    customExtensionStageSettings: { type: 'customExtensionStageSetting', many: true, get: (p: FxPolicy) => p.customExtensionStageSettings ?? [] },
  },
};

const question: EntityDef<Ctx> = {
  name: 'accessPackageQuestion',
  properties: ['id', 'sequence', 'isRequired', 'isAnswerEditable', 'text', 'localizations', 'isSingleLineQuestion', 'regexPattern', 'isMultipleSelectionAllowed', 'choices'],
  emit: (q: FxQuestion) => ({ ...q }),
  nav: {},
};

const resource: EntityDef<Ctx> = {
  name: 'accessPackageResource',
  properties: ['id', 'displayName', 'description', 'originSystem', 'originId', 'createdDateTime', 'modifiedDateTime', 'attributes'],
  emit: (r: FxResource, c: Ctx) => asJson<MG.AccessPackageResource>({
    id: r.id, displayName: c.t.quirks.docExampleNulls && r.originSystem === 'AadApplication' ? null : r.displayName, description: r.description ?? null, originSystem: r.originSystem, originId: r.originId,
    createdDateTime: r.createdDateTime, modifiedDateTime: r.modifiedDateTime, attributes: r.attributes as MG.AccessPackageResourceAttribute[],
  }),
  nav: {
    roles: { type: 'accessPackageResourceRole', many: true, get: (r: FxResource) => r.roles },
    scopes: { type: 'accessPackageResourceScope', many: true, get: (r: FxResource) => r.scopes },
    environment: { type: 'entity', many: false, get: () => null },
  },
};

const role: EntityDef<Ctx> = {
  name: 'accessPackageResourceRole',
  properties: ['id', 'displayName', 'description', 'originSystem', 'originId'],
  emit: (r: FxResourceRole) => asJson<MG.AccessPackageResourceRole>({
    id: r.id, displayName: r.displayName, description: r.description ?? null, originSystem: r.originSystem, originId: r.originId,
  }),
  nav: { resource: { type: 'accessPackageResource', many: false, get: (r: FxResourceRole, c: Ctx) => c.t.idx.roles.get(r.id)?.resource } },
};

const scope: EntityDef<Ctx> = {
  name: 'accessPackageResourceScope',
  properties: ['id', 'displayName', 'description', 'originId', 'originSystem', 'isRootScope'],
  emit: (s: FxResourceScope) => asJson<MG.AccessPackageResourceScope>({
    id: s.id, displayName: s.displayName, description: s.description ?? null, originId: s.originId, originSystem: s.originSystem, isRootScope: s.isRootScope,
  }),
  nav: { resource: { type: 'accessPackageResource', many: false, get: (s: FxResourceScope, c: Ctx) => c.t.idx.scopes.get(s.id)?.resource } },
};

const roleScope: EntityDef<Ctx> = {
  name: 'accessPackageResourceRoleScope',
  properties: ['id', 'createdDateTime'],
  emit: (x: FxRoleScope) => asJson<MG.AccessPackageResourceRoleScope>({ id: x.id, createdDateTime: x.createdDateTime }),
  nav: {
    role: { type: 'accessPackageResourceRole', many: false, get: (x: FxRoleScope, c: Ctx) => c.t.idx.roles.get(x.roleId)?.role },
    scope: { type: 'accessPackageResourceScope', many: false, get: (x: FxRoleScope, c: Ctx) => c.t.idx.scopes.get(x.scopeId)?.scope },
  },
};

const request: EntityDef<Ctx> = {
  name: 'accessPackageAssignmentRequest',
  properties: ['id', 'requestType', 'state', 'status', 'createdDateTime', 'completedDateTime', 'justification', 'schedule', 'answers', 'customExtensionCalloutInstances'],
  emit: (r: FxRequest, c: Ctx) => asJson<MG.AccessPackageAssignmentRequest>({
    id: r.id, requestType: enumOut(c, r.requestType, ['approverRemove']) as MG.AccessPackageRequestType, state: r.state as MG.AccessPackageRequestState,
    status: r.status, createdDateTime: r.createdDateTime, completedDateTime: r.completedDateTime, justification: r.justification,
    schedule: r.schedule as MG.EntitlementManagementSchedule, answers: r.answers as MG.AccessPackageAnswer[],
    customExtensionCalloutInstances: emitCallouts(r) as MG.CustomExtensionCalloutInstance[],
  }),
  nav: {
    accessPackage: { type: 'accessPackage', many: false, get: (r: FxRequest, c: Ctx) => c.t.idx.packages.get(r.accessPackageId) },
    assignment: { type: 'accessPackageAssignment', many: false, get: (r: FxRequest, c: Ctx) => assignmentOfRequest(c, r) },
    requestor: { type: 'accessPackageSubject', many: false, get: (r: FxRequest, c: Ctx) => c.t.idx.users.get(r.requestorId) },
  },
};

const assignment: EntityDef<Ctx> = {
  name: 'accessPackageAssignment',
  properties: ['id', 'state', 'status', 'expiredDateTime', 'schedule', 'customExtensionCalloutInstances'],
  emit: (a: FxAssignment) => asJson<MG.AccessPackageAssignment>({
    id: a.id, state: a.state as MG.AccessPackageAssignmentState, status: a.status, expiredDateTime: a.expiredDateTime,
    schedule: a.schedule as MG.EntitlementManagementSchedule, customExtensionCalloutInstances: [],
  }),
  nav: {
    accessPackage: { type: 'accessPackage', many: false, get: (a: FxAssignment, c: Ctx) => c.t.idx.packages.get(a.accessPackageId) },
    assignmentPolicy: { type: 'accessPackageAssignmentPolicy', many: false, get: (a: FxAssignment, c: Ctx) => c.t.idx.policies.get(a.assignmentPolicyId) },
    target: { type: 'accessPackageSubject', many: false, get: (a: FxAssignment, c: Ctx) => c.t.idx.users.get(a.targetId) },
  },
};

const subject: EntityDef<Ctx> = {
  name: 'accessPackageSubject',
  properties: ['id', 'objectId', 'displayName', 'principalName', 'email', 'onPremisesSecurityIdentifier', 'subjectType', 'subjectLifecycle'],
  emit: (u: FxUser, c: Ctx) => subjectOf(c, u),
  nav: { connectedOrganization: { type: 'connectedOrganization', many: false, get: (u: FxUser, c: Ctx) => connectedOrgOf(c.t.db, u) } },
};

const connectedOrganization: EntityDef<Ctx> = {
  name: 'connectedOrganization',
  properties: ['id', 'displayName', 'description', 'state', 'createdDateTime', 'modifiedDateTime', 'identitySources'],
  emit: (o: FxConnectedOrganization) => ({
    id: o.id, displayName: o.displayName, description: o.description ?? null, state: o.state,
    createdDateTime: o.createdDateTime ?? null, modifiedDateTime: o.modifiedDateTime ?? null, identitySources: o.identitySources,
  }),
  nav: {
    internalSponsors: { type: 'user', many: true, get: (o: FxConnectedOrganization, c: Ctx) => o.internalSponsorIds.map((id) => c.t.idx.users.get(id)).filter(Boolean) },
    externalSponsors: { type: 'user', many: true, get: (o: FxConnectedOrganization, c: Ctx) => o.externalSponsorIds.map((id) => c.t.idx.users.get(id)).filter(Boolean) },
  },
};

/** A requestor (or target) never approves their own request (docs/graph-notes.md §9.3). */
export function isSelf(r: FxRequest, userId: string | undefined): boolean {
  return !!userId && (r.requestorId === userId || r.targetId === userId);
}

export interface StageSrc { r: FxRequest; s: FxApprovalStage }

const approvalStage: EntityDef<Ctx> = {
  name: 'approvalStage',
  properties: ['id', 'displayName', 'status', 'reviewResult', 'assignedToMe', 'justification', 'reviewedBy', 'reviewedDateTime'],
  emit: ({ r, s }: StageSrc, c: Ctx) => asJson<MG.ApprovalStage>({
    id: s.id, displayName: c.t.quirks.docExampleNulls ? null : s.displayName, status: s.status, reviewResult: s.reviewResult,
    assignedToMe: !!c.me && s.assignedToUserIds.includes(c.me.id) && !isSelf(r, c.me.id),
    justification: s.justification ?? '', reviewedBy: s.reviewedBy ? { id: s.reviewedBy.id, displayName: s.reviewedBy.displayName } : null,
    reviewedDateTime: s.reviewedDateTime,
  }),
  nav: {},
};

const approval: EntityDef<Ctx> = {
  name: 'approval',
  properties: ['id'],
  emit: (r: FxRequest, c: Ctx) => (c.t.quirks.approvalListInlineStages
    ? { id: r.id, stages: r.approvalStages.map((s) => approvalStage.emit({ r, s } as never, c)) }
    : { id: r.id }),
  nav: { stages: { type: 'approvalStage', many: true, get: (r: FxRequest) => r.approvalStages.map((s) => ({ r, s })) } },
};

/** accessPackageSuggestion (docs/graph-notes.md §3.9); built by graph/suggestions.ts. */
const suggestion: EntityDef<Ctx> = {
  name: 'accessPackageSuggestion',
  properties: ['id', 'reasons'],
  emit: (s: { pkg: FxAccessPackage; reasons: Json[] }) => ({ id: s.pkg.id, reasons: s.reasons }),
  nav: { accessPackage: { type: 'availableAccessPackage', many: false, get: (s: { pkg: FxAccessPackage }) => s.pkg } },
};

/** docs/graph-notes.md §3.12: the extension a policy calls at a stage, and the extension (a customCalloutExtension). */
const stageSetting: EntityDef<Ctx> = {
  name: 'customExtensionStageSetting',
  properties: ['id', 'stage'],
  emit: (x: FxCustomExtensionStageSetting) => ({ id: x.id, stage: x.stage }),
  nav: { customExtension: { type: 'customCalloutExtension', many: false, get: (x: FxCustomExtensionStageSetting, c: Ctx) => customExtension(c.t, x.customExtensionId) } },
};

const calloutExtension: EntityDef<Ctx> = {
  name: 'customCalloutExtension',
  properties: ['id', 'displayName', 'description', 'createdDateTime', 'lastModifiedDateTime', 'endpointConfiguration', 'authenticationConfiguration', 'callbackConfiguration'],
  emit: (x: FxCustomExtension) => ({
    '@odata.type': x['@odata.type'] ?? '#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension', id: x.id, displayName: x.displayName,
    description: x.description ?? null, createdDateTime: x.createdDateTime ?? null, lastModifiedDateTime: x.lastModifiedDateTime ?? null,
    endpointConfiguration: x.endpointConfiguration ?? null, authenticationConfiguration: x.authenticationConfiguration ?? null,
    callbackConfiguration: x.callbackConfiguration ?? null,
  }),
  nav: {},
};

export const entity = { entity: { name: 'entity', properties: ['id'], emit: (x: Json) => ({ ...x }), nav: {} } as EntityDef<Ctx> };

export const REGISTRY: Registry<Ctx> = {
  ...entity,
  accessPackage, availableAccessPackage, accessPackageCatalog: catalog, accessPackageAssignmentPolicy: policy,
  accessPackageQuestion: question, accessPackageResource: resource, accessPackageResourceRole: role,
  accessPackageResourceScope: scope, accessPackageResourceRoleScope: roleScope, accessPackageAssignmentRequest: request,
  accessPackageAssignment: assignment, accessPackageSubject: subject, connectedOrganization, approval, approvalStage,
  accessPackageSuggestion: suggestion,
  customExtensionStageSetting: stageSetting, customCalloutExtension: calloutExtension,
  ...directoryTypes,
};
