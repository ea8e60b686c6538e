/**
 * "My team" (MyAccess's manager view) through the product's own service against the local tenant:
 * `filterByCurrentUser(on='targetManager')`, metadata only, not documented (docs/graph-notes.md §3.14). Isaiah
 * manages Alex: the probe finds Alex's Engineering Onboarding, the read his pending Project Falcon request. Alex
 * manages nobody; with the tenant's switch off, Graph refuses the member and the probe says "no tab" without a throw.
 */
import { LocalTenantHandle } from '../../localTenant';
import { measureFromLog, readLog, servicesFor, startTenant } from './localTenantClient';
import { buildTeam } from '../../src/models/team';
import { ITeamService, TEAM_READS } from '../../src/services/graph/GraphTeamService';
import { ID, U } from '../contoso';

const DAY = 86400000;

async function dev(tenant: LocalTenantHandle, path: string, body: unknown): Promise<Response> {
  return fetch(`${tenant.url}/_dev/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function teamOf(tenant: LocalTenantHandle, user: string): ITeamService {
  const team = servicesFor(tenant, user, 'intranet').team;
  if (!team) throw new Error('createServices built no team service');
  return team;
}

describe('My team against the local tenant', () => {
  let tenant: LocalTenantHandle;
  beforeAll(async () => { tenant = await startTenant(); });
  afterAll(async () => { await tenant.stop(); });
  beforeEach(async () => {
    await dev(tenant, 'reset', {});
    await fetch(`${tenant.url}/_dev/log`, { method: 'DELETE' });
  });

  it("Isaiah: the probe is one request and finds Alex's Engineering Onboarding; the read adds his pending Falcon request", async () => {
    const team = teamOf(tenant, U.isaiah);
    let probe: Awaited<ReturnType<ITeamService['probe']>>;
    const probing = await measureFromLog(tenant, async () => { probe = await team.probe(); });
    // The token comes from /_dev, which the measure leaves out: one Graph request.
    expect(probing.requests).toBe(1);
    expect(probing.paths[0]).toMatch(/assignments\/filterByCurrentUser\(on='targetManager'\)/);
    expect(probe!).toBeDefined();
    // Isaiah's three reports: Alex's Engineering Onboarding, Henrietta's and Lidia's Intranet Editors.
    expect(probe!.assignments.map(a => [a.personName, a.accessPackageName, a.id]).sort()).toEqual([
      ['Alex Wilber', 'Engineering Onboarding', ID.alexEngineeringAssignment],
      ['Henrietta Mueller', 'Intranet Editors', ID.henriettaEditorsAssignment],
      ['Lidia Holloway', 'Intranet Editors', ID.lidiaEditorsAssignment]
    ]);

    let read: Awaited<ReturnType<ITeamService['read']>>;
    const reading = await measureFromLog(tenant, async () => { read = await team.read(probe!); });
    // No further page of assignments: only the requests, one request.
    expect(reading.requests).toBe(1);
    expect(reading.paths[0]).toMatch(/assignmentRequests\/filterByCurrentUser\(on='targetManager'\)/);
    expect(read!.requests.map(r => [r.personName, r.accessPackageName, r.state, r.id]))
      .toEqual([['Alex Wilber', 'Project Falcon Team', 'pendingApproval', ID.alexFalconRequest]]);

    const now = new Date((await (await fetch(`${tenant.url}/_dev/clock`)).json()).now);
    const model = buildTeam(read!.assignments, read!.requests, now, 14, 'en-us');
    expect(model.endingSoon.map(r => `${r.personName}: ${r.packageName}`)).toEqual(['Alex Wilber: Engineering Onboarding']);
    const left = (new Date(model.endingSoon[0].endDateTime!).getTime() - now.getTime()) / DAY;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(14);
    expect(model.pending.map(r => `${r.personName}: ${r.packageName}`)).toEqual(['Alex Wilber: Project Falcon Team']);
    expect(model.active.map(r => `${r.personName}: ${r.packageName}`).sort())
      .toEqual(['Henrietta Mueller: Intranet Editors', 'Lidia Holloway: Intranet Editors']);
  });

  it('sends the evolvable member with Prefer: include-unknown-enum-members and only documented options', async () => {
    // A tenant that requires the header refuses without it (tests/tenant/managerView.test.ts); here the probe answers.
    expect(await teamOf(tenant, U.isaiah).probe()).toBeDefined();
    const served = (await readLog(tenant)).filter(l => /targetManager/.test(decodeURIComponent(l.path)));
    expect(served.map(l => l.status)).toEqual([200]);
    expect(TEAM_READS.assignments).not.toMatch(/\$top|\$select|\$count/);
    expect(TEAM_READS.requests).not.toMatch(/\$top|\$select|\$count/);
  });

  it('Alex manages nobody: Graph answers an empty collection and the probe says no tab', async () => {
    expect(await teamOf(tenant, U.alex).probe()).toBeUndefined();
    const served = (await readLog(tenant)).filter(l => /targetManager/.test(decodeURIComponent(l.path)));
    expect(served.map(l => l.status)).toEqual([200]);
  });

  it('with the switch off Graph answers 400 and the probe says no tab, without throwing', async () => {
    expect((await dev(tenant, 'manager-view', { enabled: false })).status).toBe(200);
    expect(await teamOf(tenant, U.isaiah).probe()).toBeUndefined();
    const served = (await readLog(tenant)).filter(l => /targetManager/.test(decodeURIComponent(l.path)));
    expect(served.map(l => l.status)).toEqual([400]);
  });
});
