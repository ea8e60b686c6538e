/** Records the requests a piece of work makes through fetch, and the longest chain of them that had to wait for each other. */
export interface ISpan {
  start: number; end: number; url: string; method: string;
  /** A `$batch`'s requests, as `METHOD url` (relative, decoded). */
  batched?: string[];
}

function batchedRequests(url: string, init: RequestInit | undefined): string[] | undefined {
  if (!/\/\$batch(\?|$)/.test(url) || !init || typeof init.body !== 'string') return undefined;
  try {
    const body = JSON.parse(init.body) as { requests?: Array<{ method: string; url: string }> };
    return (body.requests || []).map(r => `${r.method} ${decodeURIComponent(r.url)}`);
  } catch {
    return undefined;
  }
}

export function roundTrips(list: ISpan[]): number {
  const sorted = list.slice().sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((s, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j].end <= s.start) best = Math.max(best, depth[j]);
    depth[i] = best + 1;
  });
  return Math.max(0, ...depth);
}

/** Runs `work` with fetch wrapped; token requests to /_dev are not counted (a real page has its token already). */
export async function recordRequests<T>(work: () => Promise<T>): Promise<{ value: T; spans: ISpan[] }> {
  const real = globalThis.fetch;
  const spans: ISpan[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const start = performance.now();
    const res = await real(input, init);
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    if (!/\/_dev\//.test(url)) spans.push({ start, end: performance.now(), url, method: (init && init.method) || 'GET', batched: batchedRequests(url, init) });
    return res;
  }) as typeof fetch;
  try {
    return { value: await work(), spans };
  } finally {
    globalThis.fetch = real;
  }
}
