import type { AccessPackageAssignmentPolicy } from '@microsoft/microsoft-graph-types';
import {
  candidatePolicies, chunk, currentStageIndex, filterApprovals, IApproverStage, IPendingApproval, mapAnswer, mapPendingApproval,
  mapReviewDecision, mapStage, outcomeOf, sortApprovals, stageRules, stageStart
} from '../../src/models/approvals';
import { daysLeft } from '../../src/core/model/time';
import { fromHttp, isMissingPermission } from '../../src/services/infrastructure/AppError';

const stage = (o: Partial<IApproverStage>): IApproverStage => ({ id: 's', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true, ...o });

const policy = (name: string, stages: Array<{ justify: boolean; deny: string }>): AccessPackageAssignmentPolicy => ({
  id: name, displayName: name,
  requestApprovalSettings: { isApprovalRequiredForAdd: true, stages: stages.map(s => ({ isApproverJustificationRequired: s.justify, durationBeforeAutomaticDenial: s.deny })) }
});

describe('stages', () => {
  it('maps a Graph approval stage; a reviewer without a name (null or zero GUID) is nobody', () => {
    expect(mapStage({ id: 'a', displayName: 'Manager', status: 'Completed', reviewResult: 'Approved', assignedToMe: false, justification: 'ok',
      reviewedBy: { id: 'u', displayName: 'Isaiah Langer' }, reviewedDateTime: '2026-01-02T00:00:00Z' }))
      .toEqual({ id: 'a', displayName: 'Manager', status: 'Completed', reviewResult: 'Approved', justification: 'ok', reviewedByName: 'Isaiah Langer',
        reviewedDateTime: '2026-01-02T00:00:00Z', assignedToMe: false });
    expect(mapStage({ id: 'b', status: 'InProgress', reviewResult: 'NotReviewed', reviewedBy: { id: '00000000-0000-0000-0000-000000000000' } }).reviewedByName).toBeUndefined();
  });

  it('finds the stage waiting for me and when it started', () => {
    const stages = [stage({ id: '1', status: 'Completed', reviewResult: 'Approved', reviewedDateTime: '2026-01-03T00:00:00Z', assignedToMe: false }), stage({ id: '2' })];
    expect(currentStageIndex(stages)).toBe(1);
    expect(stageStart(stages, 1, '2026-01-01T00:00:00Z')).toBe('2026-01-03T00:00:00Z');
    expect(stageStart(stages, 0, '2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z');
    expect(currentStageIndex([stage({ status: 'Completed' })])).toBe(-1);
  });
});

describe('stage rules from the package policies', () => {
  const one = policy('controller', [{ justify: true, deny: 'P3D' }]);
  const two = policy('two-stage', [{ justify: false, deny: 'P7D' }, { justify: true, deny: 'P7D' }]);
  const partners = policy('partners', [{ justify: false, deny: 'P14D' }]);

  it('keeps the policies with as many stages as the approval', () => {
    expect(candidatePolicies([one, two, partners], 2).map(p => p.id)).toEqual(['two-stage']);
    expect(candidatePolicies([one, two, partners], 1).map(p => p.id)).toEqual(['controller', 'partners']);
  });

  it('computes the auto-deny time from the stage start, only when every candidate agrees', () => {
    expect(stageRules([one], 0, '2026-01-01T00:00:00Z')).toEqual({ justificationRequired: true, autoDenyAt: '2026-01-04T00:00:00.000Z' });
    expect(stageRules([two], 0, '2026-01-01T00:00:00Z')).toEqual({ justificationRequired: false, autoDenyAt: '2026-01-08T00:00:00.000Z' });
    // two candidate policies with different time-outs: unknown; one of them needs a justification: ask for it
    expect(stageRules([one, partners], 0, '2026-01-01T00:00:00Z')).toEqual({ justificationRequired: true, autoDenyAt: undefined });
    // no policy known: a justification is asked for rather than refused by Graph
    expect(stageRules([], 0, '2026-01-01T00:00:00Z')).toEqual({ justificationRequired: true, autoDenyAt: undefined });
  });

  it('counts whole days left, rounding up, never below zero', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(daysLeft('2026-01-04T00:00:00Z', now)).toBe(3);
    expect(daysLeft('2026-01-02T11:00:00Z', now)).toBe(1);
    expect(daysLeft('2025-12-31T00:00:00Z', now)).toBe(0);
  });
});

describe('joining an approval with its request', () => {
  it('takes who, what, why and the answers (question in the approver language) and the stage rules', () => {
    const a = mapPendingApproval(
      { id: 'r1', stages: [{ id: 's1', displayName: 'Manager', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }] },
      {
        id: 'r1', requestType: 'userAdd', createdDateTime: '2026-01-01T00:00:00Z', justification: 'For the campaign',
        answers: [{ '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'EMEA', displayValue: 'Europe',
          answeredQuestion: { id: 'q', text: 'Region', localizations: [{ languageCode: 'de', text: 'Region (de)' }] } } as never],
        schedule: { startDateTime: '2026-01-05T00:00:00Z', expiration: { type: 'afterDateTime', endDateTime: '2026-03-01T00:00:00Z' } },
        requestor: { objectId: 'u1', displayName: 'Adele Vance', principalName: 'adelev@contoso.com' },
        accessPackage: { id: 'p1', displayName: 'Marketing', description: 'Campaigns', assignmentPolicies: [policy('mgr', [{ justify: false, deny: 'P14D' }])],
          resourceRoleScopes: [{ role: { displayName: 'Member', originSystem: 'AadGroup', originId: 'Member_g1', resource: { displayName: 'Marketing Team' } }, scope: { originId: 'g1', originSystem: 'AadGroup' } }] }
      } as never,
      undefined, 'de-de');
    expect(a).toEqual(expect.objectContaining({
      id: 'r1', justification: 'For the campaign', packageId: 'p1', packageName: 'Marketing', policyName: 'mgr', stageIndex: 0,
      justificationRequired: false, autoDenyAt: '2026-01-15T00:00:00.000Z', startDateTime: '2026-01-05T00:00:00Z', endDateTime: '2026-03-01T00:00:00Z',
      answers: [{ question: 'Region (de)', answer: 'Europe' }],
      requestor: { id: 'u1', displayName: 'Adele Vance', principalName: 'adelev@contoso.com' }
    }));
    expect(a.grants.map(g => g.resourceName)).toEqual(['Marketing Team']);
  });

  it('falls back to the answer value and the default question text', () => {
    expect(mapAnswer({ answeredQuestion: { text: 'Contract' }, value: 'FAB-123456' } as never, 'fr-fr')).toEqual({ question: 'Contract', answer: 'FAB-123456' });
  });
});

const row = (id: string, o: Partial<IPendingApproval>): IPendingApproval => ({
  id, requestType: 'userAdd', justification: '', answers: [], packageId: 'p', packageName: 'Pkg', packageDescription: '',
  requestor: { id: id, displayName: id }, stages: [stage({})], stageIndex: 0, justificationRequired: false, grants: [], ...o
});

describe('order, filter, bulk', () => {
  const list = [
    row('a', { createdDateTime: '2026-01-03', autoDenyAt: '2026-01-20' }),
    row('b', { createdDateTime: '2026-01-01', autoDenyAt: '2026-01-30' }),
    row('c', { createdDateTime: '2026-01-02', packageId: 'q', packageName: 'Finance Reports', requestor: { id: 'c', displayName: 'Grady Archie', principalName: 'gradya@contoso.com' } })
  ];

  it('sorts oldest first, or by the soonest automatic denial', () => {
    expect(sortApprovals(list, 'oldest').map(a => a.id)).toEqual(['b', 'c', 'a']);
    expect(sortApprovals(list, 'urgent').map(a => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by package and searches person and package words', () => {
    expect(filterApprovals(list, 'q', '').map(a => a.id)).toEqual(['c']);
    expect(filterApprovals(list, undefined, 'grady finance').map(a => a.id)).toEqual(['c']);
    expect(filterApprovals(list, undefined, 'gradya@').map(a => a.id)).toEqual(['c']);
    expect(filterApprovals(list, undefined, 'nobody')).toEqual([]);
  });

  it('splits 100 decisions into 5 batches of 20, 101 into 6', () => {
    const ids = Array.from({ length: 101 }, (_, i) => i);
    expect(chunk(ids.slice(0, 100), 20).map(c => c.length)).toEqual([20, 20, 20, 20, 20]);
    expect(chunk(ids, 20).map(c => c.length)).toEqual([20, 20, 20, 20, 20, 1]);
    expect(chunk([], 20)).toEqual([]);
    expect(() => chunk(ids, 0)).toThrow();
  });

  it('says what an approval did: next stage, approved or denied', () => {
    const twoStages = { stages: [stage({}), stage({ status: 'Initializing' })], stageIndex: 0 };
    expect(outcomeOf(true, twoStages)).toBe('nextStage');
    expect(outcomeOf(true, { ...twoStages, stageIndex: 1 })).toBe('approved');
    expect(outcomeOf(false, twoStages)).toBe('denied');
  });
});

describe('review decisions', () => {
  it('maps who, what, the recommendation and its reason', () => {
    const d = mapReviewDecision({
      id: 'd1', decision: 'NotReviewed', recommendation: 'Deny', justification: '',
      principal: { '@odata.type': '#microsoft.graph.userIdentity', id: 'u', displayName: 'Lynne Robbins' } as never,
      resource: { displayName: 'Finance Reports (read)' }, insights: [{ description: 'No sign-in in 90 days' }]
    }, { definitionId: 'def', instanceId: 'inst', reviewName: 'Quarterly', dueDateTime: '2026-01-12T00:00:00Z', justificationRequired: true });
    expect(d).toEqual(expect.objectContaining({
      id: 'd1', principalName: 'Lynne Robbins', resourceName: 'Finance Reports (read)', recommendation: 'Deny',
      recommendationReason: 'No sign-in in 90 days', decision: 'NotReviewed', definitionId: 'def', instanceId: 'inst', stageId: undefined
    }));
  });
});

describe('missing Graph permission', () => {
  it("is Graph's Authorization_RequestDenied 403, not a missing role (UnAuthorized) nor another status", () => {
    expect(isMissingPermission(fromHttp(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } }))).toBe(true);
    expect(isMissingPermission(fromHttp(403, { error: { code: 'UnAuthorized', message: 'The caller is not authorized.' } }))).toBe(false);
    expect(isMissingPermission(fromHttp(401, { error: { code: 'Authorization_RequestDenied', message: 'x' } }))).toBe(false);
  });
});
