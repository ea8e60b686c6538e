import { captureTeam, captureTeams, FakeTeamService, TEAM_USERS, TeamPerson } from '../component/fakes/team';
import { ID } from '../contoso';

// "My team"'s component fake must answer as GraphTeamService does from the local tenant (on='targetManager',
// metadata only), with the tenant's manager view on and off; otherwise a component test could show what real use never does.
describe("the My team fake against the real service (local tenant)", () => {
  it('team.json is what the real service returns now (else: npx tsx tests/component/fakes/team.ts)', async () => {
    const real = await captureTeams();
    for (const name of Object.keys(TEAM_USERS) as TeamPerson[]) {
      expect({ name, ...await captureTeam(new FakeTeamService(name)) }).toEqual({ name, ...real[name] });
    }
    // What the component tests rely on: Alex's Engineering Onboarding and his pending Falcon request under Isaiah (whose
    // other reports, Henrietta and Lidia, hold Intranet Editors).
    expect(real.isaiah.probe!.assignments.map(a => [a.personName, a.id])).toEqual(expect.arrayContaining([['Alex Wilber', ID.alexEngineeringAssignment]]));
    expect(new Set(real.isaiah.probe!.assignments.map(a => a.personName))).toEqual(new Set(['Alex Wilber', 'Henrietta Mueller', 'Lidia Holloway']));
    expect(real.isaiah.read!.requests.map(r => [r.personName, r.id, r.state])).toEqual([['Alex Wilber', ID.alexFalconRequest, 'pendingApproval']]);
    expect(real.alex).toEqual({ probe: null, read: null });
  });

  it('with the manager view off the real probe finds nothing for anyone, and so does the fake', async () => {
    const real = await captureTeams(false);
    for (const name of Object.keys(TEAM_USERS) as TeamPerson[]) {
      expect(real[name]).toEqual({ probe: null, read: null });
      expect(await captureTeam(new FakeTeamService(name, { managerView: false }))).toEqual(real[name]);
    }
  });
});
