/** Directory (user, group) and access review entity types (docs/graph-notes.md §5; CSDL). */
import type * as MG from '@microsoft/microsoft-graph-types';
import type { FxAccessReview, FxDecision, FxGroup, FxReviewInstance, FxReviewStage, FxServicePrincipal, FxUser, Json } from './fixture';
import type { EntityDef } from './odata';
import type { Ctx } from './shapes';
import { ZERO_GUID } from './util';

const asJson = <T>(v: T): Json => v as unknown as Json;

/** What GET /users/{id} returns without $select (Graph v1.0 default property set). */
export const USER_DEFAULT_SELECT = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation',
  'preferredLanguage', 'surname', 'userPrincipalName', 'id'];

const user: EntityDef<Ctx> = {
  name: 'user',
  properties: ['id', 'displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'userType',
    'accountEnabled', 'preferredLanguage', 'businessPhones', 'mobilePhone', 'officeLocation', 'companyName', 'mailNickname'],
  emit: (u: FxUser) => asJson<MG.User>({
    id: u.id, displayName: u.displayName, givenName: u.givenName ?? null, surname: u.surname ?? null, userPrincipalName: u.userPrincipalName,
    mail: u.mail ?? null, jobTitle: u.jobTitle ?? null, department: u.department ?? null, userType: u.userType,
    accountEnabled: u.accountEnabled ?? true, preferredLanguage: u.preferredLanguage ?? null, businessPhones: [], mobilePhone: null,
    officeLocation: null, companyName: null, mailNickname: String(u.userPrincipalName).split('@')[0],
  }),
  nav: {
    manager: { type: 'user', many: false, get: (u: FxUser, c: Ctx) => (u.managerId ? c.t.idx.users.get(u.managerId) : undefined) },
    directReports: { type: 'user', many: true, get: (u: FxUser, c: Ctx) => c.t.db.users.filter((x) => x.managerId === u.id) },
    memberOf: { type: 'group', many: true, get: (u: FxUser, c: Ctx) => c.t.db.groups.filter((g) => g.memberIds.includes(u.id)) },
  },
};

const group: EntityDef<Ctx> = {
  name: 'group',
  properties: ['id', 'displayName', 'description', 'mail', 'mailNickname', 'groupTypes', 'securityEnabled', 'mailEnabled', 'visibility', 'resourceProvisioningOptions'],
  emit: (g: FxGroup) => asJson<MG.Group & { resourceProvisioningOptions: string[] }>({
    id: g.id, displayName: g.displayName, description: g.description ?? null, mail: g.mail ?? null, mailNickname: g.mailNickname ?? null,
    groupTypes: g.groupTypes ?? [], securityEnabled: g.securityEnabled ?? false, mailEnabled: g.mailEnabled ?? false,
    visibility: g.visibility ?? null, resourceProvisioningOptions: g.resourceProvisioningOptions ?? [],
  }),
  nav: {
    members: { type: 'user', many: true, get: (g: FxGroup, c: Ctx) => g.memberIds.map((id) => c.t.idx.users.get(id)).filter(Boolean) },
    owners: { type: 'user', many: true, get: (g: FxGroup, c: Ctx) => g.ownerIds.map((id) => c.t.idx.users.get(id)).filter(Boolean) },
  },
};

/** Only what the product reads of a service principal: it names app-role grants (docs/graph-notes.md §1.3). */
const servicePrincipal: EntityDef<Ctx> = {
  name: 'servicePrincipal',
  properties: ['id', 'appId', 'displayName', 'appRoles'],
  emit: (sp: FxServicePrincipal) => asJson<MG.ServicePrincipal>({
    id: sp.id, appId: sp.appId, displayName: sp.displayName, appRoles: sp.appRoles as unknown as MG.AppRole[],
  }),
  nav: {},
};

function scopeOf(rv: FxAccessReview): Json {
  return {
    '@odata.type': '#microsoft.graph.accessReviewQueryScope',
    query: `/identityGovernance/entitlementManagement/accessPackageAssignments?$filter=(accessPackageId eq '${rv.accessPackageId}' and assignmentState eq 'Delivered')`,
    queryType: 'MicrosoftGraph', queryRoot: null,
  };
}
const reviewersOf = (rv: FxAccessReview): Json[] => rv.reviewerIds.map((id) => ({ query: `/users/${id}`, queryType: 'MicrosoftGraph', queryRoot: null }));

const definition: EntityDef<Ctx> = {
  name: 'accessReviewScheduleDefinition',
  properties: ['id', 'displayName', 'createdDateTime', 'lastModifiedDateTime', 'status', 'descriptionForAdmins', 'descriptionForReviewers',
    'createdBy', 'scope', 'instanceEnumerationScope', 'reviewers', 'fallbackReviewers', 'backupReviewers', 'settings', 'additionalNotificationRecipients', 'stageSettings'],
  emit: (rv: FxAccessReview) => ({
    id: rv.id, displayName: rv.displayName, createdDateTime: rv.createdDateTime, lastModifiedDateTime: rv.createdDateTime, status: rv.status,
    descriptionForAdmins: null, descriptionForReviewers: rv.descriptionForReviewers ?? null, createdBy: null, scope: scopeOf(rv),
    instanceEnumerationScope: null, reviewers: reviewersOf(rv), fallbackReviewers: [], backupReviewers: [],
    settings: { mailNotificationsEnabled: true, reminderNotificationsEnabled: true, justificationRequiredOnApproval: false,
      defaultDecisionEnabled: false, defaultDecision: 'None', instanceDurationInDays: 14, autoApplyDecisionsEnabled: false,
      recommendationsEnabled: false, recurrence: null, applyActions: [], ...rv.settings },
    additionalNotificationRecipients: [], stageSettings: [],
  }),
  nav: {
    instances: { type: 'accessReviewInstance', many: true, get: (rv: FxAccessReview) => rv.instances.map((inst) => ({ rv, inst })) },
  },
};

export interface InstanceSrc { rv: FxAccessReview; inst: FxReviewInstance }
export interface DecisionSrc extends InstanceSrc { d: FxDecision }

const instance: EntityDef<Ctx> = {
  name: 'accessReviewInstance',
  properties: ['id', 'startDateTime', 'endDateTime', 'status', 'scope', 'reviewers', 'fallbackReviewers', 'errors'],
  emit: ({ rv, inst }: InstanceSrc) => ({
    id: inst.id, startDateTime: inst.startDateTime, endDateTime: inst.endDateTime, status: inst.status,
    scope: scopeOf(rv), reviewers: reviewersOf(rv), fallbackReviewers: [], errors: [],
  }),
  nav: {
    decisions: { type: 'accessReviewInstanceDecisionItem', many: true, get: ({ rv, inst }: InstanceSrc) => inst.decisions.map((d) => ({ rv, inst, d })) },
    stages: { type: 'accessReviewStage', many: true, get: ({ rv, inst }: InstanceSrc) => (inst.stages ?? []).map((s) => ({ rv, inst, s })) },
    definition: { type: 'accessReviewScheduleDefinition', many: false, get: ({ rv }: InstanceSrc) => rv },
  },
};

export interface StageSrc extends InstanceSrc { s: FxReviewStage }

const reviewStage: EntityDef<Ctx> = {
  name: 'accessReviewStage',
  properties: ['id', 'startDateTime', 'endDateTime', 'status', 'reviewers', 'fallbackReviewers'],
  emit: ({ s }: StageSrc) => asJson<MG.AccessReviewStage>({
    id: s.id, startDateTime: s.startDateTime, endDateTime: s.endDateTime, status: s.status,
    reviewers: s.reviewerIds.map((id) => ({ query: `/users/${id}`, queryType: 'MicrosoftGraph', queryRoot: null })), fallbackReviewers: [],
  }),
  nav: {},
};

const identityOf = (c: Ctx, id: string | null | undefined): Json => {
  const u = id ? c.t.idx.users.get(id) : undefined;
  // Unreviewed decisions carry an all-zero identity, as Graph does.
  return u ? { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName } : { id: ZERO_GUID, displayName: '', userPrincipalName: '' };
};

const decision: EntityDef<Ctx> = {
  name: 'accessReviewInstanceDecisionItem',
  properties: ['id', 'accessReviewId', 'reviewedDateTime', 'decision', 'justification', 'appliedDateTime', 'applyResult', 'recommendation',
    'principalLink', 'resourceLink', 'resource', 'reviewedBy', 'appliedBy', 'principal', 'target'],
  emit: ({ rv, inst, d }: DecisionSrc, c: Ctx) => {
    const u = c.t.idx.users.get(d.principalId);
    const pkg = c.t.idx.packages.get(rv.accessPackageId);
    return asJson<MG.AccessReviewInstanceDecisionItem & { target: Json }>({
      id: d.id, accessReviewId: inst.id, reviewedDateTime: d.reviewedDateTime ?? null, decision: d.decision, justification: d.justification ?? '',
      appliedDateTime: d.appliedDateTime ?? null, applyResult: d.applyResult ?? 'New', recommendation: d.recommendation,
      principalLink: `https://graph.microsoft.com/v1.0/users/${d.principalId}`,
      resourceLink: `https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/${rv.accessPackageId}`,
      resource: c.t.quirks.docExampleNulls ? null : { '@odata.type': '#microsoft.graph.accessReviewInstanceDecisionItemAccessPackageAssignmentPolicyResource',
        id: rv.accessPackageId, displayName: pkg?.displayName ?? null, type: 'accessPackage' } as MG.AccessReviewInstanceDecisionItemResource,
      reviewedBy: identityOf(c, d.reviewedById) as MG.UserIdentity, appliedBy: identityOf(c, d.appliedDateTime ? rv.reviewerIds[0] : null) as MG.UserIdentity,
      principal: { '@odata.type': '#microsoft.graph.userIdentity', id: d.principalId, displayName: u?.displayName ?? null, userPrincipalName: u?.userPrincipalName ?? null } as MG.Identity,
      target: { '@odata.type': '#microsoft.graph.accessReviewInstanceDecisionItemUserTarget', userId: d.principalId,
        userDisplayName: u?.displayName ?? null, userPrincipalName: u?.userPrincipalName ?? null },
    });
  },
  nav: {
    // The fixture's free-text insight becomes a governanceInsight (CSDL `insights` navigation, $expand=insights).
    insights: { type: 'governanceInsight', many: true, get: ({ inst, d }: DecisionSrc) => (d.insight ? [{ inst, d }] : []) },
  },
};

const insight: EntityDef<Ctx> = {
  name: 'governanceInsight',
  properties: ['id', 'insightCreatedDateTime', 'lastSignInDateTime', 'description'],
  emit: ({ inst, d }: DecisionSrc) => ({
    '@odata.type': '#microsoft.graph.userSignInInsight', id: `${d.id}_signin`, insightCreatedDateTime: inst.startDateTime,
    lastSignInDateTime: null, description: d.insight ?? null,
  }),
  nav: {},
};

export const directoryTypes = {
  user, group, servicePrincipal, accessReviewScheduleDefinition: definition, accessReviewInstance: instance,
  accessReviewInstanceDecisionItem: decision, governanceInsight: insight, accessReviewStage: reviewStage,
};
