// Every Graph → model mapper, replayed against the shapes Microsoft documents for v1.0 (the docs'
// response examples, including their older names) and odd-but-real ones: missing optional properties,
// nulls, unknown members of evolvable enums. Example values are abridged from the Graph v1.0 docs.
import { mapAccessPackage } from '../../src/models/accessPackage';
import { mapUser } from '../../src/models/user';
import { GraphShapeError } from '../../src/core/model/graphShapes';
import { GraphQuestion, GraphRequirements, mapChoice, mapQuestion, mapRequirement, mapSchedule, buildAddRequestBody } from '../../src/models/policy';
import { GraphAssignment, GraphRequest, mapApproval, mapAssignment, mapRequest } from '../../src/models/status';
import { grantLabel, mapRoleScope, unnamedResources } from '../../src/models/grants';
import { IChoiceQuestion, ITextQuestion } from '../../src/core/model/types';
import type {
  AccessPackageAssignmentPolicy, AccessPackageResourceRoleScope, Approval, EntitlementManagementSchedule, SubjectSet
} from '@microsoft/microsoft-graph-types';
import { mapPendingApproval, mapReviewDecision } from '../../src/models/approvals';
import { isOpenRequest, packageStatus } from '../../src/models/status';
import { buildMyAccess } from '../../src/models/myAccess';

describe('mapAccessPackage (accessPackage and availableAccessPackage)', () => {
  it('maps the filterByCurrentUser example and keeps modifiedDateTime, the grant cache version', () => {
    expect(mapAccessPackage({
      id: 'd378b3b7-b42a-445a-8780-2841194f777e', displayName: 'Sales and Marketing', description: 'Sales and Marketing',
      isHidden: false, createdDateTime: '2021-01-26T22:30:57.37Z', modifiedDateTime: '2021-01-26T22:30:57.37Z'
    })).toEqual({
      id: 'd378b3b7-b42a-445a-8780-2841194f777e', displayName: 'Sales and Marketing', description: 'Sales and Marketing',
      isHidden: false, modifiedDateTime: '2021-01-26T22:30:57.37Z'
    });
  });

  it('maps availableAccessPackage ({id, displayName, description}) without inventing isHidden or a version', () => {
    const p = mapAccessPackage({ id: 'a1', displayName: 'Falcon War Room', description: 'Shared by link only.' });
    expect(p).toEqual({ id: 'a1', displayName: 'Falcon War Room', description: 'Shared by link only.' });
    expect('isHidden' in p).toBe(false);
    expect('modifiedDateTime' in p).toBe(false);
  });

  it('reads nulls as empty text and rejects a package without id', () => {
    expect(mapAccessPackage({ id: 'a2', displayName: null, description: null, isHidden: null, modifiedDateTime: null }))
      .toEqual({ id: 'a2', displayName: '', description: '' });
    expect(() => mapAccessPackage({ displayName: 'No id' })).toThrow(GraphShapeError);
    expect(() => mapAccessPackage({ displayName: 'No id' })).toThrow(/accessPackage without id/);
  });
});

describe('mapUser (/me, /me/manager)', () => {
  it('maps the documented user and drops null mail and language', () => {
    expect(mapUser({ id: 'u1', displayName: 'Megan Bowen', userPrincipalName: 'MeganB@contoso.com', mail: null, preferredLanguage: null }))
      .toEqual({ id: 'u1', displayName: 'Megan Bowen', userPrincipalName: 'MeganB@contoso.com', mail: undefined, preferredLanguage: undefined });
  });
  it('falls back to the UPN for a missing name and rejects a user without id', () => {
    expect(mapUser({ id: 'u2', userPrincipalName: 'guest@fabrikam.com' }).displayName).toBe('guest@fabrikam.com');
    expect(() => mapUser({ displayName: 'x' })).toThrow(GraphShapeError);
  });
});

describe('mapRequirement / mapQuestion / mapChoice (getApplicablePolicyRequirements)', () => {
  // The v1.0 example: a beta-era textInputQuestion with text as {defaultText, localizedTexts}.
  const docExample: GraphRequirements = {
    policyId: 'd6322c23-04d6-eb11-b22b-c8d9d21f4e9a', policyDisplayName: 'Initial Policy', policyDescription: 'Initial Policy',
    isApprovalRequiredForAdd: false, isApprovalRequiredForUpdate: false, isRequestorJustificationRequired: false,
    allowCustomAssignmentSchedule: true,
    schedule: { startDateTime: null, expiration: { endDateTime: null, duration: null, type: 'notSpecified' } },
    questions: [{
      '@odata.type': '#microsoft.graph.textInputQuestion', id: '7aaa18c1-8e4f-4f2c-ab46-d5d16e4ab5ae', isRequired: false,
      isAnswerEditable: null, sequence: 0, isSingleLineQuestion: true, text: { defaultText: 'Enter your phone number', localizedTexts: [] }
    }]
  };

  it('maps the documented example', () => {
    const r = mapRequirement(docExample);
    expect(r).toMatchObject({ policyId: 'd6322c23-04d6-eb11-b22b-c8d9d21f4e9a', displayName: 'Initial Policy', allowCustomSchedule: true, isApprovalRequired: false });
    expect(r.schedule).toEqual({ startDateTime: undefined, expirationType: 'notSpecified', endDateTime: undefined, duration: undefined });
    const q = r.questions[0] as ITextQuestion;
    expect(q).toMatchObject({ kind: 'text', text: 'Enter your phone number', isSingleLine: true, localizations: [], sequence: 0 });
  });

  it('rejects requirements without policyId (the shortened example) instead of submitting "undefined"', () => {
    const bare = { '@odata.type': 'microsoft.graph.accessPackageAssignmentRequestRequirements' } as GraphRequirements;
    expect(() => mapRequirement(bare)).toThrow(GraphShapeError);
    expect(() => mapRequirement(bare)).toThrow(/without policyId/);
    expect(() => mapRequirement({ ...docExample, policyId: null })).toThrow(/policyId/);
  });

  it('reads a policy with no requirements (false and null values, as the docs describe)', () => {
    const r = mapRequirement({ policyId: 'p', policyDisplayName: null, policyDescription: null, isApprovalRequiredForAdd: null,
      isRequestorJustificationRequired: null, allowCustomAssignmentSchedule: null, schedule: null, questions: null });
    expect(r).toMatchObject({ displayName: '', description: '', isApprovalRequired: false, questions: [], schedule: { expirationType: 'notSpecified' } });
  });

  const legacyChoice: GraphQuestion = {
    '@odata.type': '#microsoft.graph.multipleChoiceQuestion', id: 'q2', sequence: 2, isRequired: true,
    text: { defaultText: 'Region', localizedTexts: [{ languageCode: 'de', text: 'Region (de)' }] },
    allowsMultipleSelection: true,
    choices: [
      { actualValue: 'emea', displayValue: { defaultText: 'Europe', localizedTexts: [{ languageCode: 'de', text: 'Europa' }] } },
      { actualValue: 'apac', displayValue: { defaultText: 'Asia', localizedTexts: null } }
    ]
  };

  it('maps the older multiple-choice shape: choice displayValue objects become words, never "[object Object]"', () => {
    const q = mapQuestion(legacyChoice) as IChoiceQuestion;
    expect(q.kind).toBe('choice');
    expect(q.isMultipleSelectionAllowed).toBe(true);
    expect(q.text).toBe('Region');
    expect(q.localizations).toEqual([{ languageCode: 'de', text: 'Region (de)' }]);
    expect(q.choices).toEqual([
      { value: 'emea', text: 'Europe', localizations: [{ languageCode: 'de', text: 'Europa' }] },
      { value: 'apac', text: 'Asia', localizations: [] }
    ]);
    const policy = mapRequirement({ policyId: 'p', questions: [legacyChoice] });
    const body = buildAddRequestBody({ accessPackageId: 'pkg', policyId: 'p', justification: '', answers: { q2: ['emea'] } }, policy, 'me', 'de-de');
    expect(JSON.stringify(body)).not.toContain('[object Object]');
    expect(body.answers).toEqual([expect.objectContaining({ value: 'emea', displayValue: 'Europa' })]);
  });

  it('maps the v1.0 CSDL shapes (strings plus localizations)', () => {
    const q = mapQuestion({
      '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: 'q3', sequence: 1, isRequired: false, text: 'Team',
      localizations: [{ languageCode: 'fr-FR', text: 'Équipe' }], isMultipleSelectionAllowed: false,
      choices: [{ actualValue: 'a', text: 'Alpha', localizations: [{ languageCode: 'fr', text: 'Alpha (fr)' }] }]
    }) as IChoiceQuestion;
    expect(q).toMatchObject({ kind: 'choice', text: 'Team', isMultipleSelectionAllowed: false });
    expect(q.choices[0]).toEqual({ value: 'a', text: 'Alpha', localizations: [{ languageCode: 'fr', text: 'Alpha (fr)' }] });
    const t = mapQuestion({ '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'q4', text: 'Contract', regexPattern: null, isSingleLineQuestion: false }) as ITextQuestion;
    expect(t).toMatchObject({ kind: 'text', isSingleLine: false, regexPattern: undefined, sequence: 0, isRequired: false });
  });

  it('shows a choice without any text by its value, and rejects a choice without actualValue or a question without id', () => {
    expect(mapChoice({ actualValue: 'x', text: null })).toEqual({ value: 'x', text: 'x', localizations: [] });
    expect(() => mapChoice({ text: 'No value' })).toThrow(/actualValue/);
    expect(() => mapQuestion({ text: 'No id' })).toThrow(/accessPackageQuestion without id/);
  });

  it('reads an unknown expiration type as notSpecified', () => {
    const odd = { expiration: { type: 'afterSomethingNew' } } as unknown as EntitlementManagementSchedule; // an evolvable enum member this version does not know
    expect(mapSchedule(odd).expirationType).toBe('notSpecified');
    expect(mapSchedule({ expiration: { type: 'afterDuration', duration: 'P30D' } })).toMatchObject({ expirationType: 'afterDuration', duration: 'P30D' });
  });
});

describe('mapRequest (assignmentRequests)', () => {
  it('maps the list example, with its beta-era completedDate', () => {
    const doc = {
      id: '7999249e-249e-7999-9e24-99799e249979', requestType: 'userAdd', state: 'delivered', status: 'Delivered',
      createdDateTime: '2019-10-25T22:55:11.623Z', completedDate: '2019-10-26T22:55:11.623Z', schedule: {}
    } as GraphRequest;
    const r = mapRequest(doc);
    expect(r).toMatchObject({ id: doc.id, requestType: 'userAdd', state: 'delivered', completedDateTime: '2019-10-26T22:55:11.623Z', answers: [] });
    expect(r.accessPackageId).toBeUndefined();
  });

  it('reads the package from the expanded assignment, and an unknown state as unknownFutureValue, never as open', () => {
    const r = mapRequest({ id: 'r', state: 'expiredSomehow', assignment: { id: 'a', accessPackageId: 'pkg' }, answers: null } as unknown as GraphRequest);
    expect(r).toMatchObject({ state: 'unknownFutureValue', accessPackageId: 'pkg', assignmentId: 'a', answers: [] });
  });

  it('maps answers of both question kinds, and rejects a request without id', () => {
    const r = mapRequest({ id: 'r', answers: [
      { value: 'emea', displayValue: 'EMEA', answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: 'q' } },
      { value: 'FAB-1', displayValue: null, answeredQuestion: null }
    ] });
    expect(r.answers).toEqual([
      { questionId: 'q', questionKind: 'choice', value: 'emea', displayValue: 'EMEA' },
      { questionId: '', questionKind: 'text', value: 'FAB-1', displayValue: 'FAB-1' }
    ]);
    expect(() => mapRequest({ state: 'submitted' })).toThrow(GraphShapeError);
  });
});

describe('mapAssignment (assignments)', () => {
  it('maps the documented example, whose expiredDateTime is the string "null"', () => {
    const doc: GraphAssignment = {
      id: '42d6b7f8-7e02-4d3e-a0c8-9c1e3c5d4a11', state: 'delivered', status: 'Delivered', expiredDateTime: 'null',
      schedule: { startDateTime: '2026-01-01T00:00:00Z', expiration: { type: 'afterDuration', duration: 'P10D', endDateTime: null } },
      accessPackage: { id: 'pkg', displayName: 'Sales' }, assignmentPolicy: { id: 'pol' }
    };
    expect(mapAssignment(doc)).toEqual({
      id: doc.id, state: 'delivered', status: 'Delivered', accessPackageId: 'pkg', accessPackageName: 'Sales', assignmentPolicyId: 'pol',
      startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-01-11T00:00:00.000Z', expiredDateTime: undefined
    });
  });

  it('reads the package id property when the package is not expanded, and rejects an assignment that names no package', () => {
    expect(mapAssignment({ id: 'a', accessPackageId: 'pkg', assignmentPolicyId: 'pol', schedule: null }))
      .toMatchObject({ accessPackageId: 'pkg', assignmentPolicyId: 'pol', endDateTime: undefined, state: '' });
    expect(() => mapAssignment({ id: 'a', state: 'delivered' })).toThrow(/accessPackage\.id/);
  });
});

describe('mapApproval (accessPackageAssignmentApprovals)', () => {
  it('maps the documented example and nulls', () => {
    const doc: Approval = { id: 'ap', stages: [
      { id: 's1', displayName: null, reviewedDateTime: '2021-02-10T23:56:38.883Z', reviewResult: 'Approved', status: 'Completed', assignedToMe: false,
        justification: 'OK', reviewedBy: { id: 'u', displayName: 'Megan Bowen' } },
      { id: 's2', reviewResult: null, status: 'InProgress', reviewedBy: null, assignedToMe: null }
    ] };
    const a = mapApproval(doc);
    expect(a.stages[0]).toEqual({ id: 's1', displayName: undefined, status: 'Completed', reviewResult: 'Approved', justification: 'OK',
      reviewedByName: 'Megan Bowen', reviewedDateTime: '2021-02-10T23:56:38.883Z', assignedToMe: false });
    expect(a.stages[1]).toMatchObject({ reviewResult: 'NotReviewed', reviewedByName: undefined, assignedToMe: false });
    expect(mapApproval({ id: 'ap', stages: null }).stages).toEqual([]);
  });
});

describe('mapRoleScope (resourceRoleScopes with $expand=role,scope)', () => {
  // The documented expand: no resource object, so the group is known only by its id.
  const groupScope: AccessPackageResourceRoleScope = {
    id: 'r1_s1',
    role: { id: 'r1', displayName: 'Member', originSystem: 'AadGroup', originId: 'Member_b11e98fb-0ea7-4352-ad9d-eef73fffa7a7' },
    scope: { id: 's1', displayName: 'Root', originSystem: 'AadGroup', originId: 'b11e98fb-0ea7-4352-ad9d-eef73fffa7a7', isRootScope: true }
  };
  const appScope: AccessPackageResourceRoleScope = {
    id: 'r2_s2',
    role: { id: 'r2', displayName: 'Marketing User', originSystem: 'AadApplication', originId: 'role-id' },
    scope: { id: 's2', displayName: 'Root', originSystem: 'AadApplication', originId: 'eb72544a-118b-4493-a62f-999bf1d71fe2', isRootScope: true }
  };

  it('asks for the names of groups and apps the payload does not name, once each', () => {
    expect(unnamedResources([groupScope, appScope, groupScope])).toEqual([
      { kind: 'group', id: 'b11e98fb-0ea7-4352-ad9d-eef73fffa7a7' }, { kind: 'servicePrincipal', id: 'eb72544a-118b-4493-a62f-999bf1d71fe2' }
    ]);
    const named = { ...groupScope, role: { ...groupScope.role, resource: { displayName: 'Marketing Team' } } };
    expect(unnamedResources([named])).toEqual([]);
  });

  it('names the resource from the looked-up names: "Marketing Team — Member", not its id', () => {
    const names = new Map([['b11e98fb-0ea7-4352-ad9d-eef73fffa7a7', 'Marketing Team'], ['eb72544a-118b-4493-a62f-999bf1d71fe2', 'Salesforce']]);
    expect(grantLabel(mapRoleScope(groupScope, names))).toBe('Marketing Team — Member');
    expect(grantLabel(mapRoleScope(appScope, names))).toBe('Salesforce — Marketing User');
    // Without a name the id is what is left: the grant is still right, only less readable.
    expect(grantLabel(mapRoleScope(groupScope))).toBe('b11e98fb-0ea7-4352-ad9d-eef73fffa7a7 — Member');
  });

  it('survives nulls and an unknown origin system', () => {
    const g = mapRoleScope({ role: null, scope: { id: 's', originSystem: 'SomethingNew', originId: 'x' } });
    expect(g).toMatchObject({ id: '_s', kind: 'other', originSystem: 'SomethingNew', resourceOriginId: 'x' });
  });
});

// Shapes from Graph's own documentation examples that the product rendered wrong (replayed by other people).
describe('documentation-example shapes (nulls, older names, other casing)', () => {
  const reviewCtx = {
    definitionId: 'def', instanceId: 'inst', reviewName: 'Finance Reports (read): quarterly review', justificationRequired: false
  };

  it('names a review decision whose resource is null, or left out under $select, by the review: never "access to " and nothing', () => {
    const doc = {
      id: 'e6cafba0-cbf0-4748-8868-0810c7f4cc06', decision: 'NotReviewed', recommendation: 'Approve', justification: '',
      principal: { '@odata.type': '#microsoft.graph.userIdentity', id: 'u', displayName: 'Christie Cline', userPrincipalName: 'christiec@contoso.com' },
      resource: null
    };
    expect(mapReviewDecision(doc, reviewCtx).resourceName).toBe('Finance Reports (read): quarterly review');
    const selected: Record<string, unknown> = { ...doc };
    delete selected.resource;
    expect(mapReviewDecision(selected, reviewCtx).resourceName).toBe('Finance Reports (read): quarterly review');
    expect(mapReviewDecision({ ...doc, resource: { id: 'pkg', displayName: 'Finance Reports (read)' } }, reviewCtx).resourceName).toBe('Finance Reports (read)');
  });

  it('names an approval stage whose displayName is null by its policy\'s approvers, when the policy is known', () => {
    const controllerPolicy: AccessPackageAssignmentPolicy = {
      id: 'pol', displayName: 'Employees (controller approval)', requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: [
        { isApproverJustificationRequired: true, primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'd', description: 'Finance Controller' } as SubjectSet] }
      ] }
    };
    const approval: Approval = { id: 'r1', stages: [{ id: 's1', displayName: null, status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }] };
    const request = { id: 'r1', requestType: 'userAdd' as const, accessPackage: { id: 'p', displayName: 'Finance Reports (read)', assignmentPolicies: [controllerPolicy] } };
    expect(mapPendingApproval(approval, request, undefined, 'en-us').stages[0].displayName).toBe('Finance Controller');
    // No policy to ask (or two that fit): no name rather than an invented one; the row then says "Stage 1 of 1".
    const unknown = { ...request, accessPackage: { ...request.accessPackage, assignmentPolicies: [] } };
    expect(mapPendingApproval(approval, unknown, undefined, 'en-us').stages[0].displayName).toBeUndefined();
  });

  it('reads requestState/requestStatus when state/status are missing: a just-submitted request counts as open', () => {
    const r = mapRequest({ id: 'r', requestType: 'userAdd', requestState: 'submitted', requestStatus: 'Accepted', accessPackage: { id: 'pkg' } } as GraphRequest);
    expect(r).toMatchObject({ state: 'submitted', status: 'Accepted' });
    expect(isOpenRequest(r)).toBe(true);
    expect(packageStatus('pkg', [], [r], new Date('2026-01-01T00:00:00Z')).kind).toBe('pending');
    // state wins when both are there.
    expect(mapRequest({ id: 'r', state: 'delivered', requestState: 'submitted' } as GraphRequest).state).toBe('delivered');
  });

  it('reads requestType UserAdd/AdminAdd as userAdd/adminAdd, so the product\'s comparisons hold; an unknown type is kept as sent', () => {
    expect(mapRequest({ id: 'r', requestType: 'UserAdd' } as unknown as GraphRequest).requestType).toBe('userAdd');
    expect(mapRequest({ id: 'r', requestType: 'AdminAdd' } as unknown as GraphRequest).requestType).toBe('adminAdd');
    expect(mapRequest({ id: 'r', requestType: 'somethingNew' } as unknown as GraphRequest).requestType).toBe('somethingNew');
    const open = mapRequest({ id: 'r', requestType: 'UserAdd', state: 'PendingApproval', accessPackage: { id: 'pkg' } } as unknown as GraphRequest);
    expect(open.state).toBe('pendingApproval');
    expect(buildMyAccess([], [{ ...open, policy: undefined }], new Date('2026-01-01T00:00:00Z'), 14).rows.map(row => row.kind)).toEqual(['pending']);
    const approval: Approval = { id: 'r1', stages: [{ id: 's1', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }] };
    expect(mapPendingApproval(approval, { id: 'r1', requestType: 'UserAdd' as never }, undefined, 'en-us').requestType).toBe('userAdd');
  });

  it('names an app role whose resource has no name from the looked-up names in AccessApprovals, not by its id', () => {
    const app = 'a7c1f9a2-6f0f-4a3e-9d5b-1f4a2c3b4d5e';
    const scopes = [{ id: 'rs', role: { displayName: 'Marketing User', originSystem: 'AadApplication', originId: 'role-1', resource: { displayName: null } },
      scope: { originId: app, originSystem: 'AadApplication', isRootScope: true } }] as AccessPackageResourceRoleScope[];
    const approval: Approval = { id: 'r1', stages: [{ id: 's1', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }] };
    const request = { id: 'r1', accessPackage: { id: 'p', resourceRoleScopes: scopes } };
    expect(mapPendingApproval(approval, request, undefined, 'en-us').grants.map(grantLabel)).toEqual([`${app} — Marketing User`]);
    const names = new Map([[app, 'Salesforce']]);
    expect(mapPendingApproval(approval, request, undefined, 'en-us', names).grants.map(grantLabel)).toEqual(['Salesforce — Marketing User']);
  });
});
