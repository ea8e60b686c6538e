/**
 * A question's regexPattern is an administrator's: a catastrophic one must not stop the emulator. The pattern runs with
 * a time limit; one it cannot finish accepts the answer (what Graph does then is a gap, docs/graph-notes.md §3.4),
 * while an ordinary pattern still refuses what does not match.
 */
import * as fs from 'fs';
import { DEFAULT_FIXTURE_PATH } from '../../localTenant/index';
import { answer, EM, expectEnvelope, ID, TestTenant, U, userAdd } from './helpers';

const CONTRACT_Q = '728f0e20-9ff5-4485-aaf4-0f4ca15ad59f';

function fixtureWith(pattern: string): unknown {
  const fx = JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_PATH, 'utf8'));
  // Jordan, the Fabrikam guest, without his Falcon access, so he may ask for it through the Fabrikam policy.
  fx.assignments = fx.assignments.filter((a: { targetId: string }) => a.targetId !== ID.jordan);
  fx.assignmentRequests = fx.assignmentRequests.filter((r: { targetId: string }) => r.targetId !== ID.jordan);
  const q = fx.assignmentPolicies.find((p: { id: string }) => p.id === ID.falconFabrikam).questions.find((x: { id: string }) => x.id === CONTRACT_Q);
  q.regexPattern = pattern;
  return fx;
}

function request(value: string): Record<string, unknown> {
  return userAdd(ID.falcon, ID.falconFabrikam, { justification: 'Fabrikam integration work.', answers: [answer(CONTRACT_Q, value)] });
}

describe('regexPattern in the local tenant', () => {
  it('an ordinary pattern refuses an answer that does not follow it and takes one that does', async () => {
    const tt = await TestTenant.start({ fixture: fixtureWith('^FAB-[0-9]{6}$') });
    try {
      expectEnvelope(await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: request('FAB-12') }), 400);
      expect((await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: request('FAB-123456') })).status).toBeLessThan(300);
    } finally {
      await tt.stop();
    }
  });

  it('a catastrophic pattern does not stop the tenant: the answer is taken and the tenant answers the next call', async () => {
    const tt = await TestTenant.start({ fixture: fixtureWith('^(a+)+$') });
    try {
      const posted = await tt.as(U.jordan, 'POST', `${EM}/assignmentRequests`, { body: request(`${'a'.repeat(40)}!`) });
      expect(posted.status).toBeLessThan(300);
      expect((await tt.call('GET', '/_dev/health')).status).toBe(200);
    } finally {
      await tt.stop();
    }
  });
});
