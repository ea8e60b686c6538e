import * as React from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { RequestPanel } from '../../src/components/requestPanel/RequestPanel';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AppError } from '../../src/services/infrastructure/AppError';
import { MyAccessRoot } from '../../src/webparts/myAccess/components/MyAccessRoot';
import { FakeEntitlementService, FakeSiteAccessService, IFakeTenantState } from './fakes/FakeEntitlementService';
import { persona, PERSONA_NOW } from './fakes/personas';
import { MARKETING_ID } from './fakes/contosoData';
import { ID } from '../contoso';

// Adele as the local tenant answers for her (personas.json): her Intranet Editors request waits on the policy's
// custom extension (docs/graph-notes.md §3.12).
const MY_ACCESS = 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com';
const adele = persona('adele');
const intranet = adele.myAccessRequests.find(r => r.id === ID.adeleIntranetRequest)!;
const marketingOutcome = adele.requirements[MARKETING_ID];
if (!('value' in marketingOutcome)) throw new Error('personas.json: no Marketing policy for Adele');
const marketingPolicy = marketingOutcome.value[0];

function fakeFor(overrides: Partial<IFakeTenantState> = {}): FakeEntitlementService {
  const fake = FakeEntitlementService.forPersona('adele', overrides);
  fake.now = () => PERSONA_NOW;
  return fake;
}

function servicesOf(fake: FakeEntitlementService): IAccessHubServices {
  return { entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us', myAccessUrl: MY_ACCESS, now: () => PERSONA_NOW, pollIntervalMs: 5 };
}

function renderPanel(fake: FakeEntitlementService, packageId: string): ReturnType<typeof userEvent.setup> {
  render(<AppRoot services={servicesOf(fake)}><RequestPanel packageId={packageId} isOpen onDismiss={jest.fn()} onChanged={jest.fn()} /></AppRoot>);
  return userEvent.setup();
}

async function pendingRow(fake: FakeEntitlementService): Promise<HTMLElement> {
  render(<AppRoot services={servicesOf(fake)}><MyAccessRoot properties={{ title: 'My access' }} /></AppRoot>);
  const user = userEvent.setup();
  await act(async () => { await user.click(await screen.findByRole('tab', { name: /Pending/ })); });
  await screen.findAllByText('Intranet Editors');
  return document.querySelector<HTMLElement>('[data-package="Intranet Editors"]')!;
}

const day = (iso: string): string => new Date(iso).toLocaleDateString('en-us', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

describe('a request waiting on an automated step', () => {
  it('MyAccess shows the step and since when (the request was made), and still offers to cancel', async () => {
    expect(intranet.automatedStep).toEqual({ failed: false, since: intranet.createdDateTime });
    const row = await pendingRow(fakeFor());
    expect(within(row).getByText(`Waiting for an automated step since ${day(intranet.createdDateTime!)}`)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Cancel request' })).toBeInTheDocument();
  });

  it('a failed step is a warning, never "waiting"', async () => {
    const failed = { ...intranet, automatedStep: { failed: true } };
    const row = await pendingRow(fakeFor({ requests: adele.myAccessRequests.map(r => (r.id === intranet.id ? failed : r)) }));
    expect(within(row).getByText(/An automated step of this request failed/)).toBeInTheDocument();
    expect(within(row).queryByText(/Waiting for an automated step/)).not.toBeInTheDocument();
  });

  it('without a known start (after approval) it says only that it waits', async () => {
    const later = { ...intranet, state: 'pendingApproval' as const, automatedStep: { failed: false } };
    const row = await pendingRow(fakeFor({ requests: adele.myAccessRequests.map(r => (r.id === intranet.id ? later : r)) }));
    expect(within(row).getByText('Waiting for an automated step')).toBeInTheDocument();
  });

  it("the request panel's status says the same", async () => {
    renderPanel(fakeFor(), ID.intranetEditors);
    expect(await screen.findByText(`Waiting for an automated step since ${day(intranet.createdDateTime!)}`)).toBeInTheDocument();
    expect(screen.getByText('You already have a request for this access waiting.')).toBeInTheDocument();
  });
});

describe('a policy that needs a Verified ID', () => {
  it('hands the package to My Access and never submits it: no form, no POST', async () => {
    const fake = fakeFor({ verifiedIdPolicies: { [MARKETING_ID]: [marketingPolicy.policyId] } });
    renderPanel(fake, MARKETING_ID);
    const link = await screen.findByRole('link', { name: 'Request it in My Access' });
    expect(link).toHaveAttribute('href', `${MY_ACCESS}#/access-packages/${MARKETING_ID}`);
    expect(screen.getByText(/needs a Verified ID credential/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit request' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Business justification/ })).not.toBeInTheDocument();
    expect(fake.calls.filter(c => c === 'getVerifiedIdPolicies')).toHaveLength(1);
    expect(fake.submitCalls).toHaveLength(0);
    expect(fake.calls.filter(c => c === 'submitRequest')).toHaveLength(0);
  });

  it('when the beta read fails the form is offered as before; the refused POST then shows the hand-off instead of an error', async () => {
    const fake = fakeFor({ verifiedIdPolicies: { [MARKETING_ID]: [marketingPolicy.policyId] } });
    fake.failOnce('getVerifiedIdPolicies', new AppError('notFound', 404, 'Request_ResourceNotFound', 'beta is not there'));
    const user = renderPanel(fake, MARKETING_ID);
    await user.type(await screen.findByRole('textbox', { name: /Business justification/ }), 'Spring campaign');
    for (const q of marketingPolicy.questions) {
      if (q.kind === 'text') await user.type(screen.getByRole('textbox', { name: new RegExp(q.text) }), 'Spring');
      else {
        await user.click(screen.getByRole('combobox', { name: new RegExp(q.text) }));
        await user.click((await screen.findAllByRole('option'))[0]);
      }
    }
    await act(async () => { await user.click(screen.getByRole('button', { name: 'Submit request' })); });
    expect(await screen.findByRole('link', { name: 'Request it in My Access' })).toBeInTheDocument();
    expect(fake.submitCalls).toHaveLength(1);
    expect(screen.queryByText(/There is already|could not|went wrong/i)).not.toBeInTheDocument();
  });

  it('a policy without a credential keeps its form', async () => {
    const fake = fakeFor();
    renderPanel(fake, MARKETING_ID);
    expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Request it in My Access' })).not.toBeInTheDocument();
  });
});
