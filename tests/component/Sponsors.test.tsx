import * as React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { RequestPanel } from '../../src/components/requestPanel/RequestPanel';
import { MyAccessRoot } from '../../src/webparts/myAccess/components/MyAccessRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { IMyRequest } from '../../src/models/myAccess';
import { IStageApprovers } from '../../src/models/approvers';
import { FakeEntitlementService, FakeSiteAccessService, IFakeTenantState } from './fakes/FakeEntitlementService';
import { persona, PERSONA_NOW } from './fakes/personas';
import { ID } from '../contoso';

// Jordan Miller, the Fabrikam guest, as the local tenant answers for him (personas.json): his sponsor is Patti Fernandez
// and the Fabrikam partners policy of Project Falcon names his sponsors as approvers, visible to requesters.

const SPONSOR_LINE = 'Your sponsor, Patti Fernandez, approves.';
const HIDDEN_LINE = 'The approver isn\'t shown for this request.';
const notVisible: Record<string, IStageApprovers[]> = { [ID.falconFabrikam]: [{ visibility: 'notVisible', kinds: ['sponsor'] }] };

function services(fake: FakeEntitlementService): IAccessHubServices {
  return {
    entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us',
    myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => PERSONA_NOW, pollIntervalMs: 5
  };
}

/** Jordan after his Falcon access ended (the scenario of tests/e2e/sponsors.spec.ts): he may request it again. */
function jordan(overrides: Partial<IFakeTenantState> = {}): FakeEntitlementService {
  const fake = FakeEntitlementService.forPersona('jordan', { assignments: [], requests: [], ...overrides });
  fake.now = () => PERSONA_NOW;
  return fake;
}

async function requestFalcon(fake: FakeEntitlementService): Promise<HTMLElement> {
  const user = userEvent.setup();
  render(<AppRoot services={services(fake)}><RequestPanel packageId={ID.falcon} isOpen onDismiss={jest.fn()} onChanged={jest.fn()} /></AppRoot>);
  await user.type(await screen.findByRole('textbox', { name: /Business justification/ }), 'Fabrikam integration work package 4.');
  await user.type(screen.getByRole('textbox', { name: /Fabrikam contract number/ }), 'FAB-123456');
  await act(async () => { await user.click(screen.getByRole('button', { name: 'Submit request' })); });
  await screen.findByText('Your request was sent and is waiting for approval.');
  return screen.getByRole('dialog');
}

describe('RequestPanel: sponsors as approvers', () => {
  it('after Jordan asks for Project Falcon, names his sponsor from his request\'s policy', async () => {
    const fake = jordan();
    const panel = await requestFalcon(fake);
    expect(await within(panel).findByText(SPONSOR_LINE)).toBeInTheDocument();
    expect(fake.calls.filter(c => c === 'getSponsors')).toHaveLength(1);
    expect(fake.calls).not.toContain('getManager');
  });

  it('where the policy hides approvers (notVisible), says so and names nobody, without reading his sponsors', async () => {
    const fake = jordan({ approversByPolicy: notVisible });
    const panel = await requestFalcon(fake);
    expect(await within(panel).findByText(HIDDEN_LINE)).toBeInTheDocument();
    expect(within(panel).queryByText(/Patti Fernandez/)).not.toBeInTheDocument();
    expect(fake.calls).not.toContain('getSponsors');
  });

  it('when the request\'s policy can\'t be read, the policy description ("your sponsor approves") still names him', async () => {
    // Graph refused the nested policy expand: my requests come without their policy.
    const fake = jordan({ approversByPolicy: {} });
    const panel = await requestFalcon(fake);
    expect(await within(panel).findByText(SPONSOR_LINE)).toBeInTheDocument();
  });

  it('names two sponsors in one line', async () => {
    const fake = jordan();
    fake.state.sponsors.push({ id: ID.lee, displayName: 'Lee Gu', userPrincipalName: 'leeg@contoso.com' });
    const panel = await requestFalcon(fake);
    expect(await within(panel).findByText('Your sponsors approve: Patti Fernandez, Lee Gu.')).toBeInTheDocument();
  });
});

describe('MyAccess: sponsors as approvers', () => {
  /** Jordan's pending Falcon request, its policy as captured with his Falcon assignment. */
  function pending(approvers: IStageApprovers[] | undefined): IMyRequest {
    const falcon = persona('jordan').myAccessAssignments.filter(a => a.accessPackageId === ID.falcon)[0];
    return {
      id: 'r-jordan-falcon', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', createdDateTime: '2026-11-20T00:00:00Z',
      accessPackageId: ID.falcon, accessPackageName: 'Project Falcon Team', answers: [], policy: falcon.policy, approvers
    };
  }

  async function renderRow(request: IMyRequest): Promise<{ fake: FakeEntitlementService; row: HTMLElement }> {
    const fake = jordan({ requests: [request] });
    render(<AppRoot services={services(fake)}><MyAccessRoot properties={{ title: 'My access' }} /></AppRoot>);
    const user = userEvent.setup();
    const tab = await screen.findByRole('tab', { name: /Pending/ });
    await act(async () => { await user.click(tab); });
    await screen.findAllByText('Project Falcon Team');
    const row = document.querySelector<HTMLElement>('[data-package="Project Falcon Team"]');
    if (!row) throw new Error('no Falcon row');
    return { fake, row };
  }

  it('names Jordan\'s sponsor on his pending request', async () => {
    const { row } = await renderRow(pending([{ visibility: 'visible', kinds: ['sponsor'] }]));
    expect(await within(row).findByText(SPONSOR_LINE)).toBeInTheDocument();
  });

  it('names his sponsor on the extension he asks for (the Fabrikam policy needs approval to extend)', async () => {
    // Jordan as the local tenant answers for him: his Falcon access is active.
    const fake = FakeEntitlementService.forPersona('jordan');
    fake.now = () => PERSONA_NOW;
    render(<AppRoot services={services(fake)}><MyAccessRoot properties={{ title: 'My access' }} /></AppRoot>);
    const user = userEvent.setup();
    await screen.findAllByText('Project Falcon Team');
    const row = (): HTMLElement => document.querySelector<HTMLElement>('[data-package="Project Falcon Team"]')!;
    await act(async () => { await user.click(within(row()).getByRole('button', { name: 'Extend' })); });
    await act(async () => { await user.type(within(row()).getByRole('textbox', { name: /Business justification/ }), 'Contract extended.'); });
    await act(async () => { await user.click(within(row()).getByRole('button', { name: 'Extend now' })); });
    expect(await within(row()).findByText(SPONSOR_LINE)).toBeInTheDocument();
    expect(fake.changeCalls.map(c => c.type)).toEqual(['userUpdate']);
  });

  it('says the approver is not shown where the policy hides them', async () => {
    const { fake, row } = await renderRow(pending(notVisible[ID.falconFabrikam]));
    expect(await within(row).findByText(HIDDEN_LINE)).toBeInTheDocument();
    expect(within(row).queryByText(/Patti Fernandez/)).not.toBeInTheDocument();
    expect(fake.calls).not.toContain('getSponsors');
  });
});
