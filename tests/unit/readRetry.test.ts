import { requestKind, retryAfterMs, RetryingSender } from '../../src/services/readRetry';
import { RetryStatus } from '../../src/services/retryStatus';

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
