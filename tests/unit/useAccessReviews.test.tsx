/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { ServicesProvider } from '../../src/context/ServicesContext';
import { useAccessReviews } from '../../src/hooks/useAccessApprovals';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { IApprovalService } from '../../src/services/graph/GraphApprovalService';
import { IReviewDecision } from '../../src/models/approvals';

const row = (reviewName: string): IReviewDecision => ({
  id: reviewName, definitionId: 'd', instanceId: 'i', reviewName, principalId: 'p', principalName: 'Megan Bowen', resourceName: reviewName,
  decision: 'NotReviewed', recommendation: 'Approve', justification: '', justificationRequired: false
});

function Reviews(): JSX.Element {
  const { state } = useAccessReviews(true);
  return <p>{state.status === 'success' ? state.value.map(d => d.reviewName).join(', ') || 'none' : state.status}</p>;
}

it('a load from the review cache that learns of a new review afterwards reads again; the list stays on screen meanwhile', async () => {
  const told: Array<(() => void) | undefined> = [];
  let answers = [[row('Quarterly')], [row('Quarterly'), row('New review')]];
  const approvals = {
    listReviewDecisions: jest.fn(async (onNewReviews?: () => void) => {
      told.push(onNewReviews);
      const [next, ...rest] = answers;
      answers = rest.length ? rest : [next];
      return next;
    })
  } as unknown as IApprovalService;
  const services = { approvals } as unknown as IAccessHubServices;
  const view = render(<ServicesProvider value={services}><Reviews /></ServicesProvider>);
  expect(await screen.findByText('Quarterly')).toBeTruthy();
  expect(approvals.listReviewDecisions).toHaveBeenCalledTimes(1);

  // The service's background refresh found a review the answer lacked.
  act(() => { (told[0] as () => void)(); });
  expect(screen.queryByText('loading')).toBeNull();
  expect(await screen.findByText('New review, Quarterly')).toBeTruthy();
  expect(approvals.listReviewDecisions).toHaveBeenCalledTimes(2);

  // After the web part is gone, a late refresh reads nothing.
  view.unmount();
  (told[1] as () => void)();
  await act(async () => { await Promise.resolve(); });
  expect(approvals.listReviewDecisions).toHaveBeenCalledTimes(2);
});
