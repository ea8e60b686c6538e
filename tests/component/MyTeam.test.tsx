/**
 * MyAccess's "My team" tab (a manager's read-only view; Graph's on='targetManager' is metadata only): it shows only
 * when the probe finds the reports' access, its content comes from its own lazy chunk when opened, and a Graph that
 * refuses the member leaves no tab and no error. The fake answers as the real service does from the local tenant
 * (fakes/team.json, checked by tests/service/fakeTeamContract.test.ts).
 */
import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { MyAccessRoot } from '../../src/webparts/myAccess/components/MyAccessRoot';
import { FakeEntitlementService, FakeSiteAccessService } from './fakes/FakeEntitlementService';
import { PERSONA_NOW } from './fakes/personas';
import { FakeTeamService, TeamPerson } from './fakes/team';
import { flushPromises } from './fakes/flush';
import { ID } from '../contoso';

const MY_ACCESS = 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com';

/**
 * `person`'s MyAccess with their team's fake. Isaiah holds and asked for nothing himself in the fixture, so his own
 * lists are empty; Alex's are his captured ones.
 */
function renderFor(person: TeamPerson, team: FakeTeamService | undefined): void {
  const entitlements = person === 'isaiah'
    ? FakeEntitlementService.forPersona('alex', {
      me: { id: ID.isaiah, displayName: 'Isaiah Langer', userPrincipalName: 'isaiahl@contoso.com', mail: 'isaiahl@contoso.com' },
      assignments: [], requests: []
    })
    : FakeEntitlementService.forPersona('alex');
  entitlements.now = () => PERSONA_NOW;
  const services: IAccessHubServices = {
    entitlements, site: new FakeSiteAccessService(), language: 'en-us', myAccessUrl: MY_ACCESS, now: () => PERSONA_NOW, pollIntervalMs: 5, team
  };
  render(<AppRoot services={services}><MyAccessRoot properties={{ title: 'My access' }} /></AppRoot>);
}

describe('MyAccess: My team', () => {
  const logged: string[] = [];
  beforeEach(() => { logged.length = 0; setErrorSink(source => { logged.push(source); }); });
  afterEach(() => setErrorSink(undefined));

  it("Isaiah: a My team tab with Alex's Engineering Onboarding ending in 10 days and his Falcon request waiting, read only", async () => {
    const team = new FakeTeamService('isaiah');
    renderFor('isaiah', team);
    const tab = await screen.findByRole('tab', { name: 'My team' });
    // The probe went out once, with MyAccess's own lists; the read waits for the tab.
    expect(team.probeCalls).toBe(1);
    expect(team.readCalls).toBe(0);
    const user = userEvent.setup();
    await act(async () => { await user.click(tab); });
    const soon = await screen.findByRole('region', { name: 'Ending soon (1)' });
    const alexEng = within(soon).getByText('Engineering Onboarding').closest('li')!;
    expect(alexEng.getAttribute('data-person')).toBe('Alex Wilber');
    expect(within(alexEng).getByText('Ends in 10 days')).toBeInTheDocument();
    const pending = screen.getByRole('region', { name: 'Waiting for approval (1)' });
    const falcon = within(pending).getByText('Project Falcon Team').closest('li')!;
    expect(falcon.getAttribute('data-person')).toBe('Alex Wilber');
    expect(within(falcon).getByText('Waiting since November 24, 2026')).toBeInTheDocument();
    // Henrietta's and Lidia's Intranet Editors run for months: active, not ending soon.
    const others = screen.getByRole('region', { name: 'Other active access (2)' });
    expect(within(others).getAllByText('Intranet Editors').map(e => e.closest('li')!.getAttribute('data-person')).sort())
      .toEqual(['Henrietta Mueller', 'Lidia Holloway']);
    // Read only: no action on any row; one way out, to My Access.
    const view = document.querySelector('[data-team]') as HTMLElement;
    expect(within(view).queryAllByRole('button')).toEqual([]);
    expect(within(view).getByRole('link', { name: 'Manage in My Access' }).getAttribute('href')).toBe(MY_ACCESS);
    expect(team.readCalls).toBe(1);
    expect(logged).toEqual([]);
  });

  it("names from Graph are text, never markup", async () => {
    const team = new FakeTeamService('isaiah');
    const original = team.read.bind(team);
    team.read = async probe => {
      const read = await original(probe);
      return { ...read, requests: read.requests.map(r => ({ ...r, personName: '<img src=x onerror=alert(1)>', accessPackageName: '<b>Falcon</b>' })) };
    };
    renderFor('isaiah', team);
    const user = userEvent.setup();
    await act(async () => { await user.click(await screen.findByRole('tab', { name: 'My team' })); });
    const pending = await screen.findByRole('region', { name: 'Waiting for approval (1)' });
    expect(within(pending).getByText('<b>Falcon</b>')).toBeInTheDocument();
    expect(pending.querySelector('img, b')).toBeNull();
  });

  it('Alex manages nobody: Graph lists nothing and there is no tab', async () => {
    const team = new FakeTeamService('alex');
    renderFor('alex', team);
    await screen.findByRole('tab', { name: /Active/ });
    await flushPromises();
    expect(team.probeCalls).toBe(1);
    expect(screen.queryByRole('tab', { name: 'My team' })).not.toBeInTheDocument();
    expect(logged).toEqual([]);
  });

  it("with Graph's manager view off (400) Isaiah has no tab, nothing shows as an error and nothing is logged", async () => {
    const team = new FakeTeamService('isaiah', { managerView: false });
    renderFor('isaiah', team);
    await screen.findByRole('tab', { name: /Active/ });
    await flushPromises();
    expect(team.probeCalls).toBe(1);
    expect(screen.queryByRole('tab', { name: 'My team' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(team.readCalls).toBe(0);
    expect(logged).toEqual([]);
  });

  it('services without a team service (other hosts): no tab', async () => {
    renderFor('isaiah', undefined);
    await screen.findByRole('tab', { name: /Active/ });
    await flushPromises();
    await waitFor(() => expect(screen.queryByRole('tab', { name: 'My team' })).not.toBeInTheDocument());
  });
});
