import type { AccessPackageAssignmentPolicy } from '@microsoft/microsoft-graph-types';
import { approversShown, IStageApprovers, stageApprovers } from '../../src/models/approvers';
import { loadApprovalInfo } from '../../src/services/loaders/loadApprovalInfo';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { FakeEntitlementService, FakeSiteAccessService } from '../component/fakes/FakeEntitlementService';
import { IMyRequest } from '../../src/models/myAccess';
import { AppError } from '../../src/services/infrastructure/AppError';
import { setErrorSink } from '../../src/services/infrastructure/reportError';

const PATTI = { id: 'db44db06-350d-43a3-aca7-20166b4e3c51', displayName: 'Patti Fernandez', userPrincipalName: 'pattif@contoso.com' };
const MEGAN = { id: 'a6d1b45e-e5e6-479f-a880-3a5e0dde4cae', displayName: 'Megan Bowen', userPrincipalName: 'meganb@contoso.com' };

function policyWith(stages: object[]): AccessPackageAssignmentPolicy {
  return { id: 'p1', requestApprovalSettings: { stages } } as AccessPackageAssignmentPolicy;
}

describe('stageApprovers: who approves each stage, from an expanded policy', () => {
  it('reads the subject sets and the visibility of each stage, in order', () => {
    const policy = policyWith([
      { approverInformationVisibility: 'visible', primaryApprovers: [{ '@odata.type': '#microsoft.graph.targetUserSponsors' }] },
      { approverInformationVisibility: 'notVisible', primaryApprovers: [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 1 }] },
      { primaryApprovers: [{ '@odata.type': '#microsoft.graph.singleUser', userId: 'x' }, { '@odata.type': '#microsoft.graph.internalSponsors' }] }
    ]);
    expect(stageApprovers(policy)).toEqual([
      { visibility: 'visible', kinds: ['sponsor'] },
      { visibility: 'notVisible', kinds: ['manager'] },
      // A stage without the property (older payloads) is the default.
      { visibility: 'default', kinds: ['other', 'other'] }
    ]);
  });

  it('is undefined when the policy was not expanded, and no stages when no approval is needed', () => {
    expect(stageApprovers(undefined)).toBeUndefined();
    expect(stageApprovers(null)).toBeUndefined();
    expect(stageApprovers({ id: 'p2', requestApprovalSettings: null } as AccessPackageAssignmentPolicy)).toEqual([]);
  });

  it('only notVisible hides approvers; default and visible show them', () => {
    expect(approversShown({ visibility: 'notVisible', kinds: ['sponsor'] })).toBe(false);
    expect(approversShown({ visibility: 'visible', kinds: ['sponsor'] })).toBe(true);
    expect(approversShown({ visibility: 'default', kinds: ['manager'] })).toBe(true);
    expect(approversShown(undefined)).toBe(true);
  });
});

describe('loadApprovalInfo: naming sponsors and managers, or saying the approver is not shown', () => {
  function services(fake: FakeEntitlementService): IAccessHubServices {
    return { entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us', myAccessUrl: '', now: () => new Date(), pollIntervalMs: 1 };
  }
  const sponsorStage = (visibility: string): IStageApprovers[] => [{ visibility, kinds: ['sponsor'] }];

  it('visible sponsor stage: reads /me/sponsors and names them, not the manager', async () => {
    const fake = new FakeEntitlementService({ me: PATTI, sponsors: [PATTI], manager: MEGAN });
    const info = await loadApprovalInfo(services(fake), 'r1', 'anything', false, sponsorStage('visible'));
    expect(info).toMatchObject({ sponsors: [PATTI], manager: undefined });
    expect(info.hidden).toBeFalsy();
    expect(fake.calls.filter(c => c === 'getSponsors')).toHaveLength(1);
    expect(fake.calls).not.toContain('getManager');
  });

  it('notVisible: nobody is named and neither manager nor sponsors are read, whatever the description says', async () => {
    const fake = new FakeEntitlementService({ me: PATTI, sponsors: [PATTI], manager: MEGAN });
    const info = await loadApprovalInfo(services(fake), 'r1', 'Your sponsor approves, then your manager.', false, sponsorStage('notVisible'));
    expect(info).toMatchObject({ hidden: true, manager: undefined });
    expect(info.sponsors).toBeUndefined();
    expect(fake.calls).not.toContain('getSponsors');
    expect(fake.calls).not.toContain('getManager');
  });

  it('the stage waiting now decides: a manager stage first, a hidden sponsor stage second', async () => {
    const fake = new FakeEntitlementService({
      me: PATTI, sponsors: [PATTI], manager: MEGAN,
      approvals: { r1: { id: 'r1', stages: [
        { id: 's1', status: 'Completed', reviewResult: 'Approved', assignedToMe: false },
        { id: 's2', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: false }
      ] } }
    });
    const stages: IStageApprovers[] = [{ visibility: 'default', kinds: ['manager'] }, { visibility: 'notVisible', kinds: ['sponsor'] }];
    expect(await loadApprovalInfo(services(fake), 'r1', '', true, stages)).toMatchObject({ hidden: true, manager: undefined });
    fake.state.approvals.r1.stages[0].status = 'InProgress';
    fake.state.approvals.r1.stages[0].reviewResult = 'NotReviewed';
    expect(await loadApprovalInfo(services(fake), 'r1', '', true, stages)).toMatchObject({ manager: MEGAN, sponsors: [] });
  });

  it('without stages from the caller, finds the request among mine (its expanded policy)', async () => {
    const fake = new FakeEntitlementService({
      me: PATTI, sponsors: [PATTI, MEGAN],
      requests: [{ id: 'r9', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', answers: [], approvers: sponsorStage('default') } as IMyRequest]
    });
    const info = await loadApprovalInfo(services(fake), 'r9', '', false);
    expect(info.sponsors).toEqual([PATTI, MEGAN]);
    expect(fake.calls).toContain('listMyAccessRequests');
  });

  it('before the policy can be read, the description decides: "sponsor" names the sponsors, "manager" the manager', async () => {
    const fake = new FakeEntitlementService({ me: PATTI, sponsors: [PATTI], manager: MEGAN });
    expect(await loadApprovalInfo(services(fake), 'none', 'For engineers of Fabrikam; your sponsor approves.', false))
      .toMatchObject({ sponsors: [PATTI], manager: undefined });
    expect(await loadApprovalInfo(services(fake), 'none', 'Your manager approves.', false)).toMatchObject({ sponsors: [], manager: MEGAN });
    expect(await loadApprovalInfo(services(fake), 'none', 'The project lead approves.', false)).toMatchObject({ sponsors: [], manager: undefined });
  });

  it('a failing sponsors read leaves the names out without an error bar (the description still says who approves)', async () => {
    const fake = new FakeEntitlementService({ me: PATTI, sponsors: [PATTI] });
    fake.failOnce('getSponsors', new AppError('server', 503, 'ServiceUnavailable', 'busy'));
    const reported: string[] = [];
    setErrorSink(source => { reported.push(source); });
    try {
      const info = await loadApprovalInfo(services(fake), 'r1', '', false, sponsorStage('visible'));
      expect(info).toMatchObject({ sponsors: [], error: undefined });
      expect(reported).toEqual(['ApprovalStages']);
    } finally {
      setErrorSink(undefined);
    }
  });
});
