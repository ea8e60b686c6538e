import { buildTeam, mapTeamAssignment, mapTeamRequest, ITeamAssignment, ITeamRequest } from '../../src/models/team';
import { isEndingSoon } from '../../src/models/myAccess';
import { isRefusal } from '../../src/services/graph/GraphTeamService';
import { fromHttp } from '../../src/services/infrastructure/AppError';

const NOW = new Date('2026-11-26T10:00:00Z');
const DAY = 86400000;
const iso = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();

function assignment(id: string, person: string, pkg: string, endInDays: number | undefined, extra: Partial<ITeamAssignment> = {}): ITeamAssignment {
  return {
    id, state: 'delivered', status: 'Delivered', accessPackageId: `pkg-${pkg}`, accessPackageName: pkg, personName: person,
    startDateTime: iso(-100), endDateTime: endInDays === undefined ? undefined : iso(endInDays), ...extra
  };
}

function request(id: string, person: string, pkg: string, createdDaysAgo: number, state: ITeamRequest['state'] = 'pendingApproval'): ITeamRequest {
  return { id, requestType: 'userAdd', state, status: '', accessPackageId: `pkg-${pkg}`, accessPackageName: pkg, personName: person, createdDateTime: iso(-createdDaysAgo), answers: [] };
}

describe('My team: mapping what Graph answers', () => {
  it('an assignment names its holder from $expand=target (display name, else e-mail, else principal name)', () => {
    const raw = {
      id: 'a1', state: 'delivered', status: 'Delivered', accessPackage: { id: 'p1', displayName: 'Engineering Onboarding' },
      schedule: { startDateTime: '2025-12-06T10:00:00Z', expiration: { type: 'afterDuration', duration: 'P365D' } },
      target: { objectId: 'u1', displayName: 'Alex Wilber', email: 'alexw@contoso.com' }
    };
    const a = mapTeamAssignment(raw as never);
    expect(a).toMatchObject({ id: 'a1', personName: 'Alex Wilber', accessPackageName: 'Engineering Onboarding', endDateTime: '2026-12-06T10:00:00.000Z' });
    expect(mapTeamAssignment({ ...raw, target: { displayName: null, email: 'x@contoso.com' } } as never).personName).toBe('x@contoso.com');
    expect(mapTeamAssignment({ ...raw, target: { principalName: 'y@contoso.com' } } as never).personName).toBe('y@contoso.com');
    expect(mapTeamAssignment({ ...raw, target: null } as never).personName).toBe('');
  });

  it("a request names whom it is for through its assignment's target, else its requestor", () => {
    const raw = {
      id: 'r1', state: 'pendingApproval', status: 'PendingApproval', requestType: 'userAdd', createdDateTime: '2026-11-24T10:00:00Z',
      accessPackage: { id: 'p2', displayName: 'Project Falcon Team' },
      requestor: { objectId: 'm1', displayName: 'Isaiah Langer' },
      assignment: { id: 'a2', target: { objectId: 'u1', displayName: 'Alex Wilber' } }
    };
    expect(mapTeamRequest(raw as never)).toMatchObject({ id: 'r1', personName: 'Alex Wilber', state: 'pendingApproval', accessPackageName: 'Project Falcon Team' });
    expect(mapTeamRequest({ ...raw, assignment: null } as never).personName).toBe('Isaiah Langer');
  });
});

describe('My team: what it shows', () => {
  it("ending soon uses MyAccess's own rule and sorts soonest first; pending sorts longest waiting first; the rest by person", () => {
    const a = [
      assignment('1', 'Alex Wilber', 'Engineering Onboarding', 10),
      assignment('2', 'Alex Wilber', 'Visitors', undefined),
      assignment('3', 'Bea Ortiz', 'Finance', 3),
      assignment('4', 'Aaron Li', 'Sales', 40),
      assignment('5', 'Alex Wilber', 'Old', -2, { state: 'expired', expiredDateTime: iso(-2) })
    ];
    const r = [
      request('r1', 'Alex Wilber', 'Project Falcon Team', 2),
      request('r2', 'Bea Ortiz', 'War Room', 9),
      request('r3', 'Alex Wilber', 'Denied one', 20, 'denied')
    ];
    const model = buildTeam(a, r, NOW, 14, 'en-us');
    expect(model.endingSoon.map(x => `${x.personName}: ${x.packageName}`)).toEqual(['Bea Ortiz: Finance', 'Alex Wilber: Engineering Onboarding']);
    for (const row of model.endingSoon) {
      const source = a.find(x => `a:${x.id}` === row.key)!;
      expect(isEndingSoon(source, NOW, 14)).toBe(true);
    }
    expect(model.pending.map(x => x.packageName)).toEqual(['War Room', 'Project Falcon Team']);
    expect(model.active.map(x => `${x.personName}: ${x.packageName}`)).toEqual(['Aaron Li: Sales', 'Alex Wilber: Visitors']);
  });

  it('the ending-soon window is the web part\'s setting: with 5 days only Finance counts', () => {
    const model = buildTeam([assignment('1', 'Alex', 'Engineering', 10), assignment('3', 'Bea', 'Finance', 3)], [], NOW, 5);
    expect(model.endingSoon.map(x => x.packageName)).toEqual(['Finance']);
    expect(model.active.map(x => x.packageName)).toEqual(['Engineering']);
  });
});

describe('My team: which answers hide the tab', () => {
  it('400 (not a member of the enum), 403, 404 and 501 are refusals; throttling and 5xx are not', () => {
    const err = (status: number) => fromHttp(status, { error: { code: status === 400 ? 'BadRequest' : '', message: 'x' } });
    expect([400, 403, 404, 501].map(s => isRefusal(err(s)))).toEqual([true, true, true, true]);
    expect([429, 500, 503].map(s => isRefusal(err(s)))).toEqual([false, false, false]);
  });
});
