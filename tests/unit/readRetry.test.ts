import { requestKind, retryAfterMs, RetryingSender, ThrottleGate } from '../../src/services/infrastructure/readRetry';
import { RetryStatus } from '../../src/services/infrastructure/RetryStatus';

describe('which requests are reads', () => {
  const base = 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement';
  it('GETs and the POSTs that only read', () => {
    expect(requestKind(`${base}/assignments/filterByCurrentUser(on='target')`, { method: 'GET' })).toBe('read');
    expect(requestKind(`${base}/accessPackages/x/getApplicablePolicyRequirements`, { method: 'POST' })).toBe('read');
    expect(requestKind('https://contoso.sharepoint.com/sites/x/_api/contextinfo', { method: 'POST' })).toBe('read');
  });
  it('a $batch is a read only when every request in it is a GET', () => {
    const batch = (methods: string[]): RequestInit => ({ method: 'POST', body: JSON.stringify({ requests: methods.map((method, i) => ({ id: String(i + 1), method, url: '/me' })) }) });
    expect(requestKind('https://graph.microsoft.com/v1.0/$batch', batch(['GET', 'GET']))).toBe('read');
    expect(requestKind('https://graph.microsoft.com/v1.0/$batch', batch(['GET', 'POST']))).toBe('write');
    expect(requestKind('https://graph.microsoft.com/v1.0/$batch', { method: 'POST', body: 'not json' })).toBe('write');
  });
  it('everything else writes', () => {
    expect(requestKind(`${base}/assignmentRequests`, { method: 'POST' })).toBe('write');
    expect(requestKind(`${base}/assignmentRequests/x/cancel`, { method: 'POST' })).toBe('write');
    expect(requestKind(`${base}/x`, { method: 'PATCH' })).toBe('write');
    expect(requestKind(`${base}/x`, { method: 'DELETE' })).toBe('write');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, ignores nonsense', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs('0', 0)).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the retry status', () => {
  it('reports the oldest waiting read until every one has stopped, once per stop', () => {
    const status = new RetryStatus(() => 0);
    const seen: Array<number | undefined> = [];
    const unsubscribe = status.subscribe(() => seen.push(status.waitingSince()));
    const endA = status.begin(100);
    const endB = status.begin(50);
    endB();
    endB();
    endA();
    unsubscribe();
    status.begin(7);
    expect(seen).toEqual([100, 50, 100, undefined]);
  });
});

describe('RetryingSender against a scripted fetch', () => {
  const realFetch = global.fetch;
  afterEach(() => { global.fetch = realFetch; });

  function script(statuses: Array<number | 'drop'>): jest.Mock {
    const queue = statuses.slice();
    const mock = jest.fn(async () => {
      const next = queue.shift();
      if (next === 'drop') throw new TypeError('fetch failed');
      return new Response('{}', { status: next === undefined ? 200 : next, headers: next === 429 ? { 'Retry-After': '2' } : {} });
    });
    global.fetch = mock as unknown as typeof fetch;
    return mock;
  }

  const clock = (): { now: () => number; sleep: (ms: number) => Promise<void>; random: () => number; slept: number[] } => {
    let t = 0;
    const slept: number[] = [];
    return { now: () => t, sleep: async (ms: number) => { slept.push(ms); t += ms; }, random: () => 0, slept };
  };

  it('a read: retried through throttling, errors and drops; a new client-request-id each attempt', async () => {
    const fetchMock = script([429, 503, 'drop', 504]);
    const c = clock();
    const response = await new RetryingSender({ clock: c }).send('https://graph.microsoft.com/v1.0/me', { method: 'GET', headers: {} });
    expect(response.status).toBe(200);
    expect(fetchMock).toHaveBeenCalledTimes(5);
    expect(c.slept).toEqual([2000, 1000, 2000, 4000]);
    const ids = fetchMock.mock.calls.map(call => ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)['client-request-id']);
    expect(new Set(ids).size).toBe(5);
  });

  it('a write: 503 and drops surface at once, 429 is retried', async () => {
    let fetchMock = script([503]);
    const write = { method: 'POST', headers: {}, body: '{}' };
    const url = 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentRequests';
    expect((await new RetryingSender({ clock: clock() }).send(url, write)).status).toBe(503);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock = script(['drop']);
    await expect(new RetryingSender({ clock: clock() }).send(url, write)).rejects.toThrow('fetch failed');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock = script([429, 429]);
    expect((await new RetryingSender({ clock: clock() }).send(url, write)).status).toBe(200);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});

describe('one throttle gate for the senders of a client', () => {
  const realFetch = global.fetch;
  afterEach(() => { global.fetch = realFetch; });

  /** A clock that only moves when the test says so; sleepers wake when it passes their time. */
  function manualClock(): { now: () => number; sleep: (ms: number) => Promise<void>; random: () => number; advance: (ms: number) => Promise<void> } {
    let t = 0;
    let sleepers: Array<{ at: number; wake: () => void }> = [];
    return {
      now: () => t,
      sleep: (ms: number) => new Promise<void>(wake => { sleepers.push({ at: t + ms, wake }); }),
      random: () => 0,
      advance: async (ms: number) => {
        t += ms;
        const due = sleepers.filter(s => s.at <= t);
        sleepers = sleepers.filter(s => s.at > t);
        due.forEach(s => s.wake());
        await settled();
      }
    };
  }

  /** Lets every promise that can run, run (no time passes on the fake clock). */
  async function settled(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve));
  }

  /** A service that throttles while `throttled()` says so, with the given Retry-After, and counts what it is sent. */
  function service(throttled: (url: string) => string | undefined): { sent: string[] } {
    const sent: string[] = [];
    global.fetch = (async (url: string) => {
      sent.push(url);
      const after = throttled(url);
      return after === undefined ? new Response('{}', { status: 200 }) : new Response('{}', { status: 429, headers: { 'Retry-After': after } });
    }) as unknown as typeof fetch;
    return { sent };
  }

  const graph = (n: number): string => `https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/${n}`;
  const GET = (): RequestInit => ({ method: 'GET', headers: {} });

  it('after one 429 with Retry-After: 2, parallel reads send nothing until the gate opens, then each once', async () => {
    const clock = manualClock();
    const { sent } = service(() => (clock.now() < 2000 ? '2' : undefined));
    const sender = new RetryingSender({ clock });
    const first = sender.send(graph(0), GET());
    await settled();
    expect(sent).toHaveLength(1);
    const workers = [1, 2, 3, 4, 5].map(n => sender.send(graph(n), GET()));
    await settled();
    expect(sent).toHaveLength(1); // before the gate: 6, each worker meeting the 429 again
    await clock.advance(1999);
    expect(sent).toHaveLength(1);
    await clock.advance(1);
    const answers = await Promise.all([first, ...workers]);
    expect(answers.map(r => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(sent).toHaveLength(7); // the throttled read twice, every other read once
  });

  it('the latest Retry-After wins; another origin is not held', async () => {
    const clock = manualClock();
    let afters = ['2', '5'];
    const { sent } = service(url => (/graph/.test(url) && afters.length ? afters.shift() : undefined));
    const sender = new RetryingSender({ clock });
    const a = sender.send(graph(0), GET());
    await settled();
    const b = sender.send(graph(1), GET()); // a's 429 holds Graph until 2000
    await settled();
    expect(sent).toHaveLength(1);
    const sharepoint = await sender.send('https://contoso.sharepoint.com/sites/marketing/_api/web', GET());
    expect(sharepoint.status).toBe(200);
    expect(sent).toHaveLength(2);
    await clock.advance(2000); // a and b go; a meets Retry-After: 5, which holds both until 7000
    expect(sent.filter(u => /graph/.test(u))).toHaveLength(3);
    afters = [];
    const c = sender.send(graph(2), GET());
    await settled();
    expect(sent.filter(u => /graph/.test(u))).toHaveLength(3);
    await clock.advance(4999);
    expect(sent.filter(u => /graph/.test(u))).toHaveLength(3);
    await clock.advance(1);
    expect((await Promise.all([a, b, c])).map(r => r.status)).toEqual([200, 200, 200]);
    expect(sent.filter(u => /graph/.test(u))).toHaveLength(5);
  });

  it('senders given one gate share it (a page); a hold past the budget does not stop a request', async () => {
    const clock = manualClock();
    const { sent } = service(url => (/\/0$/.test(url) && clock.now() < 2000 ? '2' : undefined));
    const gate = new ThrottleGate();
    const one = new RetryingSender({ clock, gate });
    const two = new RetryingSender({ clock, gate });
    const a = one.send(graph(0), GET());
    await settled();
    const b = two.send(graph(1), GET());
    await settled();
    expect(sent).toHaveLength(1);
    await clock.advance(2000);
    expect((await Promise.all([a, b])).map(r => r.status)).toEqual([200, 200]);
    expect(sent).toHaveLength(3);

    gate.hold(graph(0), clock.now() + 120000);
    const late = await new RetryingSender({ clock, gate, budgetMs: 60000 }).send(graph(3), GET());
    expect(late.status).toBe(200);
    expect(sent).toHaveLength(4);
  });
});
