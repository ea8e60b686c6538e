/** The `held:<n>` scale option: one fixture person with hundreds of assignments of their own (MyAccess at scale). */
import { createTenant } from '../../localTenant';
import { allPages, EM, ID, TestTenant, U } from './helpers';

const SPEC = 'held:300';

describe('scale held:<n>', () => {
  let tt: TestTenant;
  beforeAll(async () => { tt = await TestTenant.start({ scale: SPEC }); });
  afterAll(async () => { await tt.stop(); });

  test('Alex (the default holder) reads his 300 + 1 assignments over four pages, package and policy expanded', async () => {
    const { items, pages, first } = await allPages(tt, U.alex, `${EM}/assignments/filterByCurrentUser(on='target')?$expand=accessPackage,assignmentPolicy`);
    expect(first.body.value).toHaveLength(100);
    expect(pages).toBe(4);
    expect(items).toHaveLength(301);
    expect(new Set(items.map((a) => a.accessPackage.id)).size).toBe(301);
    expect(items.every((a) => a.assignmentPolicy && a.assignmentPolicy.requestorSettings)).toBe(true);
    const now = Date.parse((await tt.call('GET', '/_dev/clock')).body.now);
    const ends = (a: any): number => Date.parse(a.schedule.expiration.endDateTime);
    const endingSoon = items.filter((a) => a.state === 'delivered' && a.schedule.expiration.endDateTime && ends(a) - now <= 14 * 86400000 && ends(a) > now);
    const expired = items.filter((a) => a.state === 'expired');
    const never = items.filter((a) => a.schedule.expiration.type === 'noExpiration');
    // The documented mix (scale.ts holdMany), plus the fixture's Engineering Onboarding that ends in 10 days.
    const ks = Array.from({ length: 300 }, (_, k) => k);
    const isExpired = (k: number): boolean => k % 11 === 5;
    const isNever = (k: number): boolean => !isExpired(k) && k % 7 === 3;
    expect(expired).toHaveLength(ks.filter(isExpired).length);
    expect(never).toHaveLength(ks.filter(isNever).length + 0);
    expect(endingSoon).toHaveLength(ks.filter((k) => k % 10 === 0 && !isExpired(k) && !isNever(k)).length + 1);
    const denied = await allPages(tt, U.alex, `${EM}/assignmentRequests/filterByCurrentUser(on='target')?$filter=state eq 'denied'`);
    expect(denied.items.length).toBe(Math.ceil((300 - 6) / 13));
  });

  test('a held assignment can be removed by its holder like any other', async () => {
    const a = tt.tenant.db.assignments.find((x) => x.targetId === ID.alex && x.state === 'delivered' && x.accessPackageId !== ID.engineering);
    expect(a).toBeDefined();
    const r = await tt.as(U.alex, 'POST', `${EM}/assignmentRequests`, { body: { requestType: 'userRemove', assignment: { id: a!.id } } });
    expect(r.status).toBe(201);
    await tt.settle();
    expect(tt.tenant.db.assignments.find((x) => x.id === a!.id)!.state).toBe('expired');
  });

  test('deterministic, another holder, and an unknown holder fails loudly', () => {
    const x = createTenant({ scale: 'held:50,holder:adelev@contoso.com' });
    const y = createTenant({ scale: 'held:50,holder:adelev@contoso.com' });
    try {
      const mine = (t: typeof x): string[] => t.db.assignments.filter((a) => a.targetId === ID.adele).map((a) => a.id);
      expect(mine(x)).toHaveLength(51);
      expect(mine(x)).toEqual(mine(y));
      expect(x.db.accessPackages.length).toBeGreaterThanOrEqual(9 + 60);
    } finally {
      x.dispose();
      y.dispose();
    }
    expect(() => createTenant({ scale: 'held:5,holder:nobody@contoso.com' })).toThrow(/LOCAL_TENANT_SCALE holder/);
  });
});
