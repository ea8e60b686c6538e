/** Requester read endpoints (docs/graph-notes.md §3.1–§3.3, §3.5, §3.6, §3.8). */
import { SCOPES } from '../auth';
import { forbiddenRole, GraphError, noHttpResource } from '../errors';
import type { FxAccessPackage, FxPolicy, FxQuestion, FxRequest } from '../fixture';
import { adminCatalogs, admittingPolicies } from '../policy';
import { REGISTRY } from '../shapes';
import type { Tenant } from '../tenant';
import {
  checkOn, collection, contextUrl, ctxOf, EM, GraphReq, GraphRes, REQUESTER_READ, requireScopes, Route, single,
} from './common';

const EVOLVABLE_REQUEST_ON = ['targetOrRequestor', 'targetManager', 'requestForOthers', 'targetAgentIdentitySponsorOrOwner'];
const EVOLVABLE_ASSIGNMENT_ON = ['targetManager', 'targetAgentIdentitySponsorOrOwner'];

/**
 * The evolvable members this tenant takes: `targetManager` (metadata only, not documented; docs/graph-notes.md §3.14)
 * only while the manager view is on. Off, it is refused like any value the enum lacks (checkOn's 400).
 */
function evolvable(t: Tenant, members: string[]): string[] {
  return t.managerView ? members : members.filter((m) => m !== 'targetManager');
}

/** Packages the caller may request: at least one policy admits them and lets targets add access (§3.1). */
function allowedRequestor(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  checkOn(req, p.on, ['allowedRequestor'], [], 'accessPackageFilterByCurrentUserOptions');
  requireScopes(req, REQUESTER_READ);
  // Hidden packages stay in the result with isHidden:true; the client decides (docs/graph-notes.md §3.1 [gap]).
  const items = t.db.accessPackages.filter((pkg) => admittingPolicies(t.db, t.idx, pkg.id, req.user).length > 0);
  return collection(t, req, 'accessPackage', items, 'Collection(microsoft.graph.accessPackage)');
}

type LocalizedText = { languageCode?: string; text?: string | null };

/** beta's accessPackageLocalizedContent: what the v1.0 requirements example shows for texts (docs/graph-notes.md §3.3). */
function legacyContent(text: string | null | undefined, localizations: unknown): Record<string, unknown> {
  const list = Array.isArray(localizations) ? (localizations as LocalizedText[]) : [];
  return { defaultText: text ?? null, localizedTexts: list.map((l) => ({ text: l.text ?? null, languageCode: l.languageCode ?? null })) };
}

function legacyQuestion(q: FxQuestion): Record<string, unknown> {
  const choice = /multiplechoice/i.test(q['@odata.type']);
  const base = {
    '@odata.type': choice ? '#microsoft.graph.multipleChoiceQuestion' : '#microsoft.graph.textInputQuestion',
    id: q.id, isRequired: q.isRequired ?? false, isAnswerEditable: q.isAnswerEditable ?? null, sequence: q.sequence ?? 0,
    text: legacyContent(q.text, q.localizations),
  };
  if (!choice) return { ...base, isSingleLineQuestion: q.isSingleLineQuestion ?? true, regexPattern: q.regexPattern ?? null };
  return {
    ...base,
    allowsMultipleSelection: q.isMultipleSelectionAllowed ?? false,
    choices: (q.choices ?? []).map((c) => ({ actualValue: c.actualValue, displayValue: legacyContent(c.text, c.localizations) })),
  };
}

function requirements(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  requireScopes(req, REQUESTER_READ);
  if (!t.idx.packages.has(p.id)) throw new GraphError(404, 'ResourceNotFound', `Access package '${p.id}' was not found.`);
  const ctx = ctxOf(t, req);
  const value = admittingPolicies(t.db, t.idx, p.id, req.user).map((pol) => ({
    policyId: pol.id, policyDisplayName: pol.displayName, policyDescription: pol.description ?? null,
    isApprovalRequiredForAdd: !!pol.requestApprovalSettings.isApprovalRequiredForAdd,
    isApprovalRequiredForUpdate: !!pol.requestApprovalSettings.isApprovalRequiredForUpdate,
    isRequestorJustificationRequired: !!pol.requestApprovalSettings.isRequestorJustificationRequired,
    allowCustomAssignmentSchedule: !!pol.requestorSettings.allowCustomAssignmentSchedule,
    schedule: { startDateTime: null, recurrence: null, expiration: pol.expiration },
    // CSDL question shape (accessPackageTextInputQuestion / accessPackageMultipleChoiceQuestion), docs/graph-notes.md §3.3;
    // the doc example's older shape when the tenant is switched to it.
    questions: [...pol.questions].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)).map((q) => (t.quirks.legacyQuestionShape
      ? legacyQuestion(q) : REGISTRY.accessPackageQuestion.emit(q as never, ctx))),
    ...(req.beta ? betaRequirements(t, pol) : {}),
  }));
  return { status: 200, body: { '@odata.context': contextUrl(req, 'Collection(microsoft.graph.accessPackageAssignmentRequestRequirements)'), value } };
}

/**
 * The one /beta route the emulator answers (docs/graph-notes.md §3.13): beta's requirements add
 * verifiableCredentialRequirementStatus (learn.microsoft.com/graph/api/resources/verifiablecredentialrequired?view=graph-rest-beta)
 * and name some members differently; v1.0's members stay beside them. The presentation URL is a stand-in.
 */
function betaRequirements(t: Tenant, pol: FxPolicy): Record<string, unknown> {
  const needs = (pol.verifiableCredentialSettings?.credentialTypes ?? []).length > 0;
  return {
    isApprovalRequired: !!pol.requestApprovalSettings.isApprovalRequiredForAdd,
    isApprovalRequiredForExtension: !!pol.requestApprovalSettings.isApprovalRequiredForUpdate,
    isCustomAssignmentScheduleAllowed: !!pol.requestorSettings.allowCustomAssignmentSchedule,
    existingAnswers: [],
    verifiableCredentialRequirementStatus: needs ? {
      '@odata.type': '#microsoft.graph.verifiableCredentialRequired',
      expiryDateTime: new Date(t.now().getTime() + 10 * 60_000).toISOString(),
      url: `openid-vc://?request_uri=https://verifiedid.did.msidentity.com/v1.0/${t.tenantInfo.id}/verifiableCredentials/presentationRequests/${pol.id}`,
    } : null,
  };
}

/** A package is "available" to the caller when a policy admits them; hidden ones too (isHidden only hides browsing). */
function availablePackage(t: Tenant, req: GraphReq, id: string): FxAccessPackage {
  const pkg = t.idx.packages.get(id);
  if (!pkg || admittingPolicies(t.db, t.idx, id, req.user).length === 0) {
    throw noHttpResource(`${req.origin}${req.path}`);
  }
  return pkg;
}

function isApproverOf(r: FxRequest, userId: string): boolean {
  return r.approvalStages.some((s) => s.assignedToUserIds.includes(userId)) && r.requestorId !== userId && r.targetId !== userId;
}

/** Requests waiting for the caller's decision (current stage only; never their own). */
export function pendingForApprover(t: Tenant, userId: string): FxRequest[] {
  return t.db.assignmentRequests.filter((r) => {
    if (r.state !== 'pendingApproval' || r.requestorId === userId || r.targetId === userId) return false;
    const s = r.approvalStages.find((x) => x.status === 'InProgress');
    return !!s && s.assignedToUserIds.includes(userId);
  });
}

function requestsFilter(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  const on = checkOn(req, p.on, ['target', 'createdBy', 'approver'], evolvable(t, EVOLVABLE_REQUEST_ON), 'accessPackageAssignmentRequestFilterByCurrentUserOptions');
  requireScopes(req, REQUESTER_READ);
  const me = req.user.id;
  const reports = new Set(t.db.users.filter((u) => u.managerId === me).map((u) => u.id));
  const all = t.db.assignmentRequests;
  const items =
    on === 'target' ? all.filter((r) => r.targetId === me)
    : on === 'createdBy' ? all.filter((r) => r.requestorId === me)
    : on === 'approver' ? pendingForApprover(t, me)
    : on === 'targetOrRequestor' ? all.filter((r) => r.targetId === me || r.requestorId === me)
    : on === 'targetManager' ? all.filter((r) => reports.has(r.targetId))
    : on === 'requestForOthers' ? all.filter((r) => r.requestorId === me && r.targetId !== me)
    : [];
  return collection(t, req, 'accessPackageAssignmentRequest', items, 'Collection(microsoft.graph.accessPackageAssignmentRequest)');
}

function requestById(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  // [gap] docs/graph-notes.md §2.3: documented with Read.All only; the emulator also accepts SubjectAccess for one's own request.
  requireScopes(req, REQUESTER_READ);
  const r = t.idx.requests.get(p.id);
  if (!r) throw new GraphError(404, 'ResourceNotFound', `Request '${p.id}' was not found.`);
  const me = req.user.id;
  if (r.requestorId !== me && r.targetId !== me && !isApproverOf(r, me)) {
    const cats = adminCatalogs(t.db, me);
    const catalogId = t.idx.packages.get(r.accessPackageId)?.catalogId ?? '';
    if (!cats || !(req.scopes.has(SCOPES.ReadAll) || req.scopes.has(SCOPES.ReadWriteAll)) || (cats !== 'all' && !cats.has(catalogId))) throw forbiddenRole();
  }
  return single(t, req, 'accessPackageAssignmentRequest', r, `${EM}/assignmentRequests`);
}

function assignmentsFilter(t: Tenant, req: GraphReq, p: Record<string, string>): GraphRes {
  const on = checkOn(req, p.on, ['target', 'createdBy'], evolvable(t, EVOLVABLE_ASSIGNMENT_ON), 'accessPackageAssignmentFilterByCurrentUserOptions');
  requireScopes(req, REQUESTER_READ);
  const me = req.user.id;
  let items = t.db.assignments;
  if (on === 'target') items = items.filter((a) => a.targetId === me);
  else if (on === 'createdBy') {
    const mine = new Set(t.db.assignmentRequests.filter((r) => r.requestorId === me && r.requestType === 'userAdd').map((r) => r.assignmentId));
    items = items.filter((a) => mine.has(a.id));
  } else if (on === 'targetManager') {
    const reports = new Set(t.db.users.filter((u) => u.managerId === me).map((u) => u.id));
    items = items.filter((a) => reports.has(a.targetId));
  } else items = [];
  return collection(t, req, 'accessPackageAssignment', items, 'Collection(microsoft.graph.accessPackageAssignment)');
}

export const requesterRoutes: Route[] = [
  { method: 'GET', pattern: `${EM}/accessPackages/filterByCurrentUser(on)`, handler: allowedRequestor },
  { method: 'POST', pattern: `${EM}/accessPackages/{id}/getApplicablePolicyRequirements`, handler: requirements },
  {
    method: 'GET', pattern: `${EM}/availableAccessPackages/{id}`,
    handler: (t, req, p) => { requireScopes(req, REQUESTER_READ); return single(t, req, 'availableAccessPackage', availablePackage(t, req, p.id), `${EM}/availableAccessPackages`); },
  },
  {
    method: 'GET', pattern: `${EM}/availableAccessPackages/{id}/resourceRoleScopes`,
    handler: (t, req, p) => {
      requireScopes(req, REQUESTER_READ);
      const pkg = availablePackage(t, req, p.id);
      const expand = req.params.get('$expand') ?? '';
      if (t.quirks.rejectNestedRoleExpand && /role\s*\(/.test(expand)) {
        throw new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: The nested $expand in '${expand}' is not supported.`);
      }
      const items = pkg.resourceRoleScopes.filter((x) => t.idx.roles.has(x.roleId));
      return collection(t, req, 'accessPackageResourceRoleScope', items, `${EM}/availableAccessPackages('${pkg.id}')/resourceRoleScopes`);
    },
  },
  { method: 'GET', pattern: `${EM}/assignmentRequests/filterByCurrentUser(on)`, handler: requestsFilter },
  { method: 'GET', pattern: `${EM}/assignmentRequests/{id}`, handler: requestById },
  { method: 'GET', pattern: `${EM}/assignments/filterByCurrentUser(on)`, handler: assignmentsFilter },
];
