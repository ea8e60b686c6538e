/**
 * Fault injection with a seed: the same settings and the same requests give the same faults, so a failing run under
 * throttling can be repeated exactly; without a seed, runs differ. Bad seeds are refused.
 */
import { TestTenant, U } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });

/** The statuses of 40 sequential reads of /me under `faults`. */
async function statuses(faults: Record<string, unknown>): Promise<number[]> {
  expect((await tt.call('POST', '/_dev/faults', { body: faults })).status).toBe(200);
  const out: number[] = [];
  for (let i = 0; i < 40; i++) out.push((await tt.as(U.adele, 'GET', '/v1.0/me?$select=id')).status);
  await tt.call('POST', '/_dev/faults', { body: {} });
  return out;
}

describe('/_dev/faults with a seed', () => {
  it('repeats the same sequence of faults for the same seed, and another for another seed', async () => {
    const settings = { throttleRate: 0.3, errorRate: 0.2, retryAfterS: 1 };
    const first = await statuses({ ...settings, seed: 42 });
    const again = await statuses({ ...settings, seed: 42 });
    const other = await statuses({ ...settings, seed: 7 });
    expect(first.filter(s => s !== 200).length).toBeGreaterThan(5);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });

  it('GET shows the seed it follows; a bad seed is refused and the faults stay as they were', async () => {
    await tt.call('POST', '/_dev/faults', { body: { throttleRate: 0.1, seed: 3 } });
    expect((await tt.call('GET', '/_dev/faults')).body).toEqual({ throttleRate: 0.1, seed: 3 });
    for (const seed of [-1, 1.5, '3', 2 ** 33]) {
      const r = await tt.call('POST', '/_dev/faults', { body: { seed } });
      expect({ seed, status: r.status }).toEqual({ seed, status: 400 });
    }
    expect((await tt.call('GET', '/_dev/faults')).body).toEqual({ throttleRate: 0.1, seed: 3 });
    await tt.call('POST', '/_dev/faults', { body: {} });
  });
});
