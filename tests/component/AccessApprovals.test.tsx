import * as React from 'react';
import { render, screen, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/interfaces';
import { AccessApprovalsRoot, IAccessApprovalsProperties } from '../../src/webparts/accessApprovals/components/AccessApprovalsRoot';
import { IPendingApproval, IReviewDecision } from '../../src/models/approvals';
import { AppError } from '../../src/services/errors';
import { FakeEntitlementService } from './fakes/FakeEntitlementService';
import { FakeApprovalService } from './fakes/FakeApprovalService';

const NOW = new Date('2026-01-01T12:00:00Z');

const grady: IPendingApproval = {
  id: 'req-grady', requestType: 'userAdd', createdDateTime: '2025-12-31T00:00:00Z', justification: 'Need the quarterly numbers to plan the platform budget.',
  answers: [], startDateTime: '2025-12-31T00:00:00Z', packageId: 'pkg-finance', packageName: 'Finance Reports (read)', packageDescription: 'Read access to finance reporting.',
  policyName: 'Employees (controller approval)', requestor: { id: 'u-grady', displayName: 'Grady Archie', jobTitle: 'Contract Developer', department: 'Engineering' },
  stages: [{ id: 'st-1', displayName: 'Finance Controller', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true }], stageIndex: 0,
  justificationRequired: true, autoDenyAt: '2026-01-03T00:00:00Z',
  grants: [{ id: 'g', kind: 'groupMember', originSystem: 'AadGroup', resourceName: 'Finance Reports Readers', roleName: 'Member', resourceOriginId: 'g', roleOriginId: 'Member' }]
};

const falcon: IPendingApproval = {
  ...grady, id: 'req-alex', packageId: 'pkg-falcon', packageName: 'Project Falcon Team', justification: 'Joining Falcon.', policyName: undefined,
  requestor: { id: 'u-alex', displayName: 'Alex Wilber', managerName: 'Isaiah Langer' }, justificationRequired: false, autoDenyAt: undefined,
  stages: [
    { id: 'st-a1', displayName: 'Manager', status: 'InProgress', reviewResult: 'NotReviewed', assignedToMe: true },
    { id: 'st-a2', displayName: 'Project Falcon Lead', status: 'Initializing', reviewResult: 'NotReviewed', assignedToMe: false }
  ]
};

const adele: IPendingApproval = { ...falcon, id: 'req-adele', packageId: 'pkg-mkt', packageName: 'Marketing Campaign Contributors', requestor: { id: 'u-adele', displayName: 'Adele Vance' },
  stages: [falcon.stages[0]] };

const review = (id: string, name: string, recommendation: string, reason?: string): IReviewDecision => ({
  id, definitionId: 'def', instanceId: 'inst', reviewName: 'Finance Reports (read): quarterly review', principalId: `u-${id}`, principalName: name,
  resourceName: 'Finance Reports (read)', decision: 'NotReviewed', recommendation, recommendationReason: reason, justification: '',
  dueDateTime: '2026-01-12T00:00:00Z', justificationRequired: true
});

function renderWith(fake: FakeApprovalService, properties: IAccessApprovalsProperties = {}): ReturnType<typeof userEvent.setup> {
  const services: IAccessHubServices = {
    entitlements: FakeEntitlementService.forPersona('adele'), site: { getSite: async () => undefined as never, getMyLevel: async () => 'none' },
    language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => NOW, approvals: fake
  };
  render(<AppRoot services={services}><AccessApprovalsRoot properties={properties} /></AppRoot>);
  return userEvent.setup({ delay: null });
}

const rowOf = async (name: string): Promise<HTMLElement> => screen.findByRole('listitem', { name });

describe('AccessApprovals', () => {
  it("shows who asks, for what, why, the stage, the time left and what it grants", async () => {
    renderWith(new FakeApprovalService([grady]));
    const row = await rowOf('Grady Archie requested Finance Reports (read)');
    for (const text of ['Contract Developer, Engineering', 'Need the quarterly numbers to plan the platform budget.', 'Policy: Employees (controller approval)',
      'Stage 1 of 1: Finance Controller', 'Denied automatically in 2 days', 'Finance Reports Readers — Member']) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByText('1 request waits for your decision')).toBeInTheDocument();
  });

  it('refuses to approve without the justification the stage requires, then approves with one', async () => {
    const fake = new FakeApprovalService([grady]);
    const user = renderWith(fake);
    const row = await rowOf('Grady Archie requested Finance Reports (read)');
    expect(within(row).getByText('Your justification (required at this stage)')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Approve' }));
    expect(await within(row).findByText(/This stage requires a justification from you/)).toBeInTheDocument();
    expect(fake.decideCalls).toHaveLength(0);
    await user.type(within(row).getByRole('textbox'), 'Budget planning');
    await user.click(within(row).getByRole('button', { name: 'Approve' }));
    await screen.findByText('Approved: Grady Archie for Finance Reports (read).');
    expect(fake.decideCalls).toEqual([{ approvalId: 'req-grady', stageId: 'st-1', decision: 'Approve', justification: 'Budget planning' }]);
    expect(screen.queryByRole('listitem', { name: 'Grady Archie requested Finance Reports (read)' })).toBeNull();
    expect(screen.getByText('No request is waiting for your decision.')).toBeInTheDocument();
  });

  it('says a stage-1 approval moved the request on to the next stage', async () => {
    const user = renderWith(new FakeApprovalService([falcon]));
    const row = await rowOf('Alex Wilber requested Project Falcon Team');
    expect(within(row).getByText('Manager: Isaiah Langer')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Approve' }));
    await screen.findByText('Approved: Alex Wilber for Project Falcon Team moved on to stage 2 of 2.');
  });

  it('a 409 says another approver decided first and takes the row out', async () => {
    const fake = new FakeApprovalService([falcon]);
    const user = renderWith(fake);
    const row = await rowOf('Alex Wilber requested Project Falcon Team');
    fake.decidedElsewhere.add('req-alex');
    await user.click(within(row).getByRole('button', { name: 'Deny' }));
    await screen.findByText("Another approver decided Alex Wilber's request for Project Falcon Team first. It has left your list.");
    expect(screen.queryByRole('listitem', { name: 'Alex Wilber requested Project Falcon Team' })).toBeNull();
  });

  it('bulk: one justification for all, refused while a selected stage needs one; each row reports its own outcome', async () => {
    const fake = new FakeApprovalService([grady, falcon, adele]);
    const user = renderWith(fake);
    await rowOf('Adele Vance requested Marketing Campaign Contributors');
    await user.click(screen.getByRole('checkbox', { name: 'Select all 3 requests shown' }));
    expect(screen.getByText('3 requests selected')).toBeInTheDocument();
    fake.decidedElsewhere.add('req-adele');
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(fake.decideManyCalls).toHaveLength(0);
    expect(await screen.findByText(/This stage requires a justification from you/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Justification for all selected requests/ }), 'Quarter start');
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    await screen.findByText('Approved: Grady Archie for Finance Reports (read).');
    expect(fake.decideManyCalls).toHaveLength(1);
    expect(fake.decideManyCalls[0].map(i => i.approvalId).sort()).toEqual(['req-adele', 'req-alex', 'req-grady']);
    expect(screen.getByText('Approved: Alex Wilber for Project Falcon Team moved on to stage 2 of 2.')).toBeInTheDocument();
    expect(screen.getByText("Another approver decided Adele Vance's request for Marketing Campaign Contributors first. It has left your list.")).toBeInTheDocument();
    expect(screen.getByText('2 decisions recorded.')).toBeInTheDocument();
  });

  it('filters by package and searches by person', async () => {
    const user = renderWith(new FakeApprovalService([grady, falcon, adele]));
    await rowOf('Grady Archie requested Finance Reports (read)');
    await user.type(screen.getByRole('searchbox'), 'adele');
    expect(screen.getAllByRole('listitem', { name: / requested / }).map(li => li.getAttribute('aria-label'))).toEqual(['Adele Vance requested Marketing Campaign Contributors']);
  });

  it('names the permission an admin must approve when Graph refuses the scope, and the reviews still load', async () => {
    const fake = new FakeApprovalService([], [review('megan', 'Megan Bowen', 'Approve')]);
    fake.listError = new AppError('forbidden', 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    renderWith(fake);
    await screen.findByText(/EntitlementManagement\.ReadWrite\.All/);
    expect(screen.getByText(/API access page/)).toBeInTheDocument();
    await screen.findByText('Recommended: approve');
  });

  it('a 403 for a missing role is not mistaken for the missing permission', async () => {
    const fake = new FakeApprovalService([]);
    fake.listError = new AppError('forbidden', 403, 'UnAuthorized', 'The caller is not authorized.');
    renderWith(fake, { includeAccessReviews: false });
    await screen.findByText("You don't have permission to do this.");
    expect(screen.queryByText(/EntitlementManagement\.ReadWrite\.All/)).toBeNull();
  });

  it('access reviews: recommendation and reason, accept all recommendations records both', async () => {
    const fake = new FakeApprovalService([], [review('megan', 'Megan Bowen', 'Approve'), review('lynne', 'Lynne Robbins', 'Deny', 'No sign-in to the Finance site in 90 days')]);
    const user = renderWith(fake);
    const lynne = await screen.findByRole('listitem', { name: 'Lynne Robbins' });
    expect(within(lynne).getByText('Recommended: deny — No sign-in to the Finance site in 90 days')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept all recommendations' }));
    await screen.findByText('The recommendations were recorded.');
    expect(fake.acceptCalls).toEqual(['def/inst']);
    expect(await within(await screen.findByRole('listitem', { name: 'Lynne Robbins' })).findByText('Your decision: deny')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Megan Bowen' })).getByText('Your decision: approve')).toBeInTheDocument();
  });

  it('a review approval needs the justification the review requires', async () => {
    const fake = new FakeApprovalService([], [review('megan', 'Megan Bowen', 'Approve')]);
    const user = renderWith(fake);
    const megan = await screen.findByRole('listitem', { name: 'Megan Bowen' });
    await user.click(within(megan).getByRole('button', { name: 'Approve' }));
    expect(await within(megan).findByText('This review requires a justification to approve.')).toBeInTheDocument();
    expect(fake.reviews[0].decision).toBe('NotReviewed');
    await user.click(within(megan).getByRole('button', { name: "Don't know" }));
    await within(megan).findByText("Your decision: don't know");
  });

  it('leaves access reviews out when the property is off', async () => {
    const fake = new FakeApprovalService([grady], [review('megan', 'Megan Bowen', 'Approve')]);
    renderWith(fake, { includeAccessReviews: false, title: 'My approvals' });
    await rowOf('Grady Archie requested Finance Reports (read)');
    expect(screen.getByRole('heading', { name: 'My approvals' })).toBeInTheDocument();
    expect(screen.queryByText('Access reviews')).toBeNull();
    expect(fake.reviewListCalls).toBe(0);
  });

  it('shows a page of requests, then more', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...adele, id: `r${i}`, createdDateTime: `2025-12-0${i + 1}T00:00:00Z`, requestor: { id: `u${i}`, displayName: `Person ${i}` } }));
    const user = renderWith(new FakeApprovalService(many), { pageSize: 5, includeAccessReviews: false });
    await rowOf('Person 0 requested Marketing Campaign Contributors');
    expect(screen.getAllByRole('listitem', { name: / requested / })).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(screen.getAllByRole('listitem', { name: / requested / })).toHaveLength(7);
    await act(async () => { await new Promise(r => setTimeout(r, 10)); });
  });
});
