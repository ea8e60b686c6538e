import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AccessApprovalsRoot, IAccessApprovalsProperties } from '../../src/webparts/accessApprovals/components/AccessApprovalsRoot';
import { IPendingApproval, IReviewDecision } from '../../src/models/approvals';
import { AppError } from '../../src/services/infrastructure/AppError';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { FakeEntitlementService } from './fakes/FakeEntitlementService';
import { FakeApprovalService } from './fakes/FakeApprovalService';
import { approver } from './fakes/approvers';
import { PERSONA_NOW } from './fakes/personas';
import { ID } from '../contoso';

// Rows start from what GraphApprovalService returns from the local tenant at PERSONA_NOW (approvers.json, checked by
// tests/service/fakeApprovalContract.test.ts): Grady's Finance request waits for Diego (justification required,
// denied automatically in 2 days), Alex's two-stage Falcon request waits for Isaiah, Diego reviews Megan and Lynne.
const NOW = PERSONA_NOW;
const diego = approver('diego');
const grady: IPendingApproval = diego.pending[0];
const falcon: IPendingApproval = approver('isaiah').pending[0];

/**
 * Not in the fixture: a third approver's row, Adele's request for Marketing Campaign Contributors with one stage.
 * Derived from Alex's captured Falcon row with the id, package, requestor and stages overridden.
 */
const adele: IPendingApproval = {
  ...falcon, id: '7d0c3a52-0000-4000-8000-00000000ade1', packageId: ID.contributors, packageName: 'Marketing Campaign Contributors',
  requestor: { id: ID.adele, displayName: 'Adele Vance' }, stages: [falcon.stages[0]]
};

const reviewOf = (name: string): IReviewDecision => {
  const found = diego.reviews.filter(r => r.principalName === name)[0];
  if (!found) throw new Error(`approvers.json: no review decision for ${name}`);
  return found;
};
const meganDecision = reviewOf('Megan Bowen');

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
    expect(fake.decideCalls).toEqual([{ approvalId: grady.id, stageId: grady.stages[0].id, decision: 'Approve', justification: 'Budget planning' }]);
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
    fake.decidedElsewhere.add(falcon.id);
    await user.click(within(row).getByRole('button', { name: 'Deny' }));
    await screen.findByText("Another approver decided Alex Wilber's request for Project Falcon Team first. It has left your list.");
    expect(screen.queryByRole('listitem', { name: 'Alex Wilber requested Project Falcon Team' })).toBeNull();
  });

  it('an unexpected decision error shows on its row and is logged once; a 409 is expected and not logged', async () => {
    const logged: Array<[string, string]> = [];
    setErrorSink((source, error) => { logged.push([source, error.code]); });
    try {
      const fake = FakeApprovalService.forApprover('isaiah');
      const failing = fake.decide.bind(fake);
      let calls = 0;
      fake.decide = async input => {
        if (++calls === 1) throw new AppError('server', 500, 'InternalServerError', 'Something broke.');
        return failing(input);
      };
      const user = renderWith(fake);
      const row = await rowOf('Alex Wilber requested Project Falcon Team');
      await user.click(within(row).getByRole('button', { name: 'Approve' }));
      expect(await screen.findByText(/The service had a problem/)).toBeInTheDocument();
      expect(logged).toEqual([['AccessApprovals.decide', 'InternalServerError']]);
      fake.decidedElsewhere.add(falcon.id);
      await user.click(within(await rowOf('Alex Wilber requested Project Falcon Team')).getByRole('button', { name: 'Approve' }));
      await screen.findByText("Another approver decided Alex Wilber's request for Project Falcon Team first. It has left your list.");
      expect(logged).toHaveLength(1);
    } finally {
      setErrorSink(undefined);
    }
  });

  it('bulk: one justification for all, refused while a selected stage needs one; each row reports its own outcome', async () => {
    const fake = new FakeApprovalService([grady, falcon, adele]);
    const user = renderWith(fake);
    await rowOf('Adele Vance requested Marketing Campaign Contributors');
    await user.click(screen.getByRole('checkbox', { name: 'Select all 3 requests shown' }));
    expect(screen.getByText('3 requests selected')).toBeInTheDocument();
    fake.decidedElsewhere.add(adele.id);
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(fake.decideManyCalls).toHaveLength(0);
    expect(await screen.findByText(/This stage requires a justification from you/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Justification for all selected requests/ }), 'Quarter start');
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    await screen.findByText('Approved: Grady Archie for Finance Reports (read).');
    expect(fake.decideManyCalls).toHaveLength(1);
    expect(fake.decideManyCalls[0].map(i => i.approvalId).sort()).toEqual([adele.id, falcon.id, grady.id].sort());
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
    const fake = new FakeApprovalService([], [meganDecision]);
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
    const fake = FakeApprovalService.forApprover('diego');
    fake.pending = [];
    const user = renderWith(fake);
    const lynne = await screen.findByRole('listitem', { name: 'Lynne Robbins' });
    expect(within(lynne).getByText('Recommended: deny — No sign-in to the Finance site in 90 days')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept all recommendations' }));
    await screen.findByText('The recommendations were recorded.');
    expect(fake.acceptCalls).toEqual([`${ID.review}/${ID.reviewInstance}`]);
    expect(await within(await screen.findByRole('listitem', { name: 'Lynne Robbins' })).findByText('Your decision: deny')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Megan Bowen' })).getByText('Your decision: approve')).toBeInTheDocument();
  });

  it('a review approval needs the justification the review requires', async () => {
    const fake = new FakeApprovalService([], [meganDecision]);
    const user = renderWith(fake);
    const megan = await screen.findByRole('listitem', { name: 'Megan Bowen' });
    await user.click(within(megan).getByRole('button', { name: 'Approve' }));
    expect(await within(megan).findByText('This review requires a justification to approve.')).toBeInTheDocument();
    expect(fake.reviews[0].decision).toBe('NotReviewed');
    await user.click(within(megan).getByRole('button', { name: "Don't know" }));
    await within(megan).findByText("Your decision: don't know");
  });

  it('leaves access reviews out when the property is off', async () => {
    const fake = FakeApprovalService.forApprover('diego');
    renderWith(fake, { includeAccessReviews: false, title: 'My approvals' });
    await rowOf('Grady Archie requested Finance Reports (read)');
    expect(screen.getByRole('heading', { name: 'My approvals' })).toBeInTheDocument();
    expect(screen.queryByText('Access reviews')).toBeNull();
    expect(fake.reviewListCalls).toBe(0);
  });

  it('"Select all … shown" selects the rows shown, and a bulk decision sends only rows still shown', async () => {
    // More rows than one page: copies of the derived row above, ids and requestors overridden.
    const many = Array.from({ length: 7 }, (_, i) => ({ ...adele, id: `s${i}`, createdDateTime: `2025-12-0${i + 1}T00:00:00Z`, requestor: { id: `u${i}`, displayName: `Person ${i}` } }));
    const fake = new FakeApprovalService(many);
    const user = renderWith(fake, { pageSize: 5, includeAccessReviews: false });
    await rowOf('Person 0 requested Marketing Campaign Contributors');
    await user.click(screen.getByRole('checkbox', { name: 'Select all 5 requests shown' }));
    expect(screen.getByText('5 requests selected')).toBeInTheDocument();
    // The search leaves one of the selected rows on screen: only that one is decided.
    await user.type(screen.getByRole('searchbox'), 'Person 3');
    expect(screen.getByText('1 request selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));
    await screen.findByText('1 decision recorded.');
    expect(fake.decideManyCalls.map(call => call.map(i => i.approvalId))).toEqual([['s3']]);
  });

  it('shows a page of requests, then more', async () => {
    // More rows than the fixture has: copies of the derived row above, ids and requestors overridden.
    const many = Array.from({ length: 7 }, (_, i) => ({ ...adele, id: `r${i}`, createdDateTime: `2025-12-0${i + 1}T00:00:00Z`, requestor: { id: `u${i}`, displayName: `Person ${i}` } }));
    const user = renderWith(new FakeApprovalService(many), { pageSize: 5, includeAccessReviews: false });
    await rowOf('Person 0 requested Marketing Campaign Contributors');
    expect(screen.getAllByRole('listitem', { name: / requested / })).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(screen.getAllByRole('listitem', { name: / requested / })).toHaveLength(7);
  });
});

describe('AccessApprovals: stages Graph answers without a name (its documentation examples)', () => {
  it('says "Stage 1 of 1", never "Stage 1 of 1: ", and an earlier stage without "()"', async () => {
    const unnamed: IPendingApproval = { ...grady, stages: grady.stages.map(s => ({ ...s, displayName: undefined })) };
    const second: IPendingApproval = {
      ...falcon, stageIndex: 1,
      stages: [{ ...falcon.stages[0], displayName: undefined, status: 'Completed', reviewResult: 'Approved', reviewedByName: 'Isaiah Langer', assignedToMe: false },
        { ...falcon.stages[1], displayName: undefined, status: 'InProgress', assignedToMe: true }]
    };
    renderWith(new FakeApprovalService([unnamed, second]));
    const row = await rowOf('Grady Archie requested Finance Reports (read)');
    expect(within(row).getByText('Stage 1 of 1')).toBeInTheDocument();
    expect(row.textContent).not.toMatch(/Stage 1 of 1:/);
    const falconRow = await rowOf(`${falcon.requestor.displayName} requested ${falcon.packageName}`);
    expect(within(falconRow).getByText('Stage 2 of 2')).toBeInTheDocument();
    expect(within(falconRow).getByText('Stage 1: approved by Isaiah Langer')).toBeInTheDocument();
    expect(falconRow.textContent).not.toMatch(/\(\)|Stage 2 of 2:/);
  });
});
