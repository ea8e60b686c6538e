import { TimelinePipe, getGUID } from '@pnp/core';
import { Queryable } from '@pnp/queryable';
import { RetryStatus } from './RetryStatus';
import { markNetworkFailure } from './AppError';

/**
 * The send step of every PnPjs client (Graph and SharePoint), replacing PnPjs's `BrowserFetchWithRetry`, which
 * gives up after three tries: on a busy tenant that fails exactly when people need it.
 *
 * - Reads (GET, the POSTs that only read, a `$batch` of GETs) are retried on 429, 503, 504 and dropped
 *   connections, waiting `Retry-After` when given and backing off exponentially with jitter when not, until a
 *   total budget (60 s) is spent. Throttled requests inside a `$batch` are sent again in a smaller batch.
 * - Writes are retried on 429 only: Graph did nothing then (docs/graph-notes.md §12). A 5xx or a dropped
 *   connection may have created the object, so it surfaces and the service reads back instead.
 * - Each attempt carries its own `client-request-id`, so support can find it even when no answer came back.
 * - One {@link ThrottleGate} per client (and per page in SharePoint): when any request meets a 429 or 503 with
 *   `Retry-After`, every later request to that origin waits until then before sending, instead of each parallel
 *   worker meeting the throttle again. The latest time wins.
 */

export interface IRetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter. */
  random(): number;
}

export interface IReadRetryOptions {
  /** Total time a read may take, first attempt to last (default 60 s). */
  budgetMs?: number;
  /** First backoff when the service gives no Retry-After (default 1 s), doubled per attempt. */
  baseDelayMs?: number;
  /** Longest single backoff without Retry-After (default 16 s). */
  maxDelayMs?: number;
  /** Attempts for a throttled write (default 4: the first and three retries, as before). */
  writeAttempts?: number;
  /** Injected by tests so they never wait for real time. */
  clock?: Partial<IRetryClock>;
  /** Told when a read starts and stops waiting (the "Microsoft 365 is busy" note). */
  status?: RetryStatus;
  /** Shared by the senders of one client or page (default: the sender's own). */
  gate?: ThrottleGate;
}

export type RequestKind = 'read' | 'write';

const RETRYABLE_READ = [429, 503, 504];
const RETRYABLE_WRITE = [429];
/** POSTs that change nothing: Graph's requirement check and SharePoint's form digest. */
const READ_ONLY_POSTS = [/\/getApplicablePolicyRequirements$/i, /\/_api\/contextinfo$/i];
export const DEFAULT_BUDGET_MS = 60000;

const realClock: IRetryClock = {
  now: () => Date.now(),
  sleep: ms => new Promise<void>(resolve => setTimeout(resolve, ms)),
  random: () => Math.random()
};

interface IBatchRequest { id: string; method?: string; dependsOn?: string[] }
interface IBatchResponse { id: string; status: number; headers?: Record<string, string>; body?: unknown }

function parseJson<T>(text: unknown): T | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Whether a request only reads, so sending it twice is harmless. */
export function requestKind(url: string, init: RequestInit): RequestKind {
  const method = (init.method || 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method !== 'POST') return 'write';
  const path = url.split('?')[0];
  if (READ_ONLY_POSTS.some(re => re.test(path))) return 'read';
  if (/\/\$batch$/i.test(path)) {
    const batch = parseJson<{ requests?: IBatchRequest[] }>(init.body);
    const requests = batch && Array.isArray(batch.requests) ? batch.requests : [];
    return requests.length > 0 && requests.every(r => String(r.method || 'GET').toUpperCase() === 'GET') ? 'read' : 'write';
  }
  return 'write';
}

/** Retry-After in ms (seconds or an HTTP date), undefined when absent or unreadable. */
// eslint-disable-next-line @rushstack/no-new-null -- Headers.get() returns null
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (!isNaN(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).filter(k => k.toLowerCase() === name.toLowerCase())[0];
  return key === undefined ? undefined : headers[key];
}

/** The origin a gate holds (Graph and SharePoint throttle apart); the whole URL when it has none. */
function originOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url);
  return m ? m[0].toLowerCase() : url;
}

/**
 * When each origin may be sent to again: held by a 429 or 503 that gave `Retry-After`, so that the parallel
 * requests of a client or a page wait for the service's time instead of each meeting the throttle. A later hold
 * only ever moves the time forward (the latest Retry-After wins). Times are the senders' clock.
 */
export class ThrottleGate {
  private readonly _openAt = new Map<string, number>();

  /** No request to `url`'s origin is sent before `until`. */
  public hold(url: string, until: number): void {
    const key = originOf(url);
    if (until > (this._openAt.get(key) || 0)) this._openAt.set(key, until);
  }

  /** When `url`'s origin opens again (0 or a past time when it is open). */
  public openAt(url: string): number {
    return this._openAt.get(originOf(url)) || 0;
  }
}

function isAbort(e: unknown): boolean {
  return !!e && (e as Error).name === 'AbortError';
}

/** Frees the connection of an answer we will not read. */
function discard(response: Response | undefined): void {
  // Expected: discarding the body of a response we retry; a stream that cannot be cancelled changes nothing.
  if (response && response.body && !response.bodyUsed) response.body.cancel().catch(() => undefined);
}

export class RetryingSender {
  private readonly _clock: IRetryClock;
  private readonly _budgetMs: number;
  private readonly _baseDelayMs: number;
  private readonly _maxDelayMs: number;
  private readonly _writeAttempts: number;
  private readonly _gate: ThrottleGate;

  constructor(private readonly _options: IReadRetryOptions = {}) {
    this._gate = _options.gate || new ThrottleGate();
    this._clock = { ...realClock, ..._options.clock };
    this._budgetMs = _options.budgetMs !== undefined ? _options.budgetMs : DEFAULT_BUDGET_MS;
    this._baseDelayMs = _options.baseDelayMs !== undefined ? _options.baseDelayMs : 1000;
    this._maxDelayMs = _options.maxDelayMs !== undefined ? _options.maxDelayMs : 16000;
    this._writeAttempts = _options.writeAttempts !== undefined ? _options.writeAttempts : 4;
  }

  /** How long to wait before attempt `attempt + 1`: Retry-After plus a little jitter, else backoff with jitter. */
  private _delay(retryAfter: number | undefined, attempt: number): number {
    const r = this._clock.random();
    if (retryAfter !== undefined) return retryAfter + Math.round(r * Math.min(1000, retryAfter * 0.2));
    const ceiling = Math.min(this._maxDelayMs, this._baseDelayMs * Math.pow(2, attempt));
    // "Equal jitter": at least half the backoff, so clients spread out without retrying at once.
    return Math.round(ceiling / 2 + r * ceiling / 2);
  }

  private _fetch(url: string, init: RequestInit): Promise<Response> {
    const headers: Record<string, string> = {};
    if (init.headers instanceof Headers) init.headers.forEach((v, k) => { headers[k] = v; });
    else Object.assign(headers, init.headers as Record<string, string> | undefined);
    const clientRequestId = headerOf(headers, 'client-request-id') || getGUID();
    if (!headerOf(headers, 'client-request-id')) headers['client-request-id'] = clientRequestId;
    return fetch(url, { ...init, headers }).catch((e: unknown) => {
      if (isAbort(e)) throw e;
      // `fetch` itself failed (no answer): the one error that reads as "offline" (AppError.ts). A dropped connection
      // has no request-id either: the client-request-id we sent is what support can look up.
      throw markNetworkFailure(e && typeof e === 'object' ? e : new TypeError(String(e)), clientRequestId);
    });
  }

  /**
   * Waits while the gate holds `url`'s origin (a later hold extends the wait), unless that would outlast the
   * budget: then the request goes now and meets the throttle itself, as it would without a gate.
   */
  private async _passGate(url: string, kind: RequestKind, started: number, beginWait: () => void): Promise<void> {
    for (;;) {
      const wait = this._gate.openAt(url) - this._clock.now();
      if (wait <= 0 || this._clock.now() - started + wait > this._budgetMs) return;
      if (kind === 'read') beginWait();
      await this._clock.sleep(wait);
    }
  }

  /** A 429 or 503 that says when to come back holds the gate until then, for every sender sharing it. */
  private _holdGate(url: string, status: number, retryAfter: number | undefined): void {
    if ((status === 429 || status === 503) && retryAfter !== undefined) this._gate.hold(url, this._clock.now() + retryAfter);
  }

  /** Sends with the rules above; `started` carries a batch's budget into the retry of its throttled part. */
  public async send(url: string, init: RequestInit, started: number = this._clock.now()): Promise<Response> {
    const kind = requestKind(url, init);
    const retryable = kind === 'read' ? RETRYABLE_READ : RETRYABLE_WRITE;
    let endWait: (() => void) | undefined;
    const beginWait = (): void => {
      if (!endWait && this._options.status) endWait = this._options.status.begin(started);
    };
    try {
      for (let attempt = 0; ; attempt++) {
        await this._passGate(url, kind, started, beginWait);
        if (init.signal && init.signal.aborted) throw new DOMException('aborted', 'AbortError');
        let response: Response | undefined;
        let error: unknown;
        try {
          response = await this._fetch(url, init);
        } catch (e) {
          if (isAbort(e) || kind === 'write') throw e;
          error = e;
        }
        if (response && retryable.indexOf(response.status) < 0) {
          return kind === 'read' && response.ok && /\/\$batch$/i.test(url.split('?')[0])
            ? await this._retryInsideBatch(url, init, response, started)
            : response;
        }
        const retryAfter = response ? retryAfterMs(response.headers.get('Retry-After'), this._clock.now()) : undefined;
        if (response) this._holdGate(url, response.status, retryAfter);
        const wait = this._delay(retryAfter, attempt);
        const outOfTries = kind === 'write' && attempt + 1 >= this._writeAttempts;
        if (outOfTries || this._clock.now() - started + wait > this._budgetMs) {
          if (response) return response;
          throw error;
        }
        discard(response);
        if (kind === 'read') beginWait();
        await this._clock.sleep(wait);
      }
    } finally {
      if (endWait) endWait();
    }
  }

  /**
   * Graph answers a `$batch` with 200 even when some requests inside were throttled (each has its own status
   * and Retry-After). Those are sent again, alone in a smaller batch, within the same budget; the answer the
   * caller sees is the merged one, so one throttled package does not read as "contents unknown".
   */
  private async _retryInsideBatch(url: string, init: RequestInit, response: Response, started: number): Promise<Response> {
    const request = parseJson<{ requests: IBatchRequest[] }>(init.body);
    const text = await response.text();
    const answer = parseJson<{ responses?: IBatchResponse[] }>(text);
    const rebuilt = (body: string): Response => {
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.delete('content-encoding');
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    };
    if (!request || !answer || !Array.isArray(answer.responses) || request.requests.some(r => r.dependsOn && r.dependsOn.length)) {
      return rebuilt(text);
    }
    const merged = answer.responses.slice();
    let endWait: (() => void) | undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        const failed = merged.filter(r => RETRYABLE_READ.indexOf(r.status) >= 0);
        if (failed.length === 0) break;
        const afters = failed.map(r => {
          const after = retryAfterMs(headerOf(r.headers, 'Retry-After'), this._clock.now());
          this._holdGate(url, r.status, after);
          return after;
        }).filter((ms): ms is number => ms !== undefined);
        const wait = this._delay(afters.length ? Math.max(...afters) : undefined, attempt);
        if (this._clock.now() - started + wait > this._budgetMs) break;
        if (!endWait && this._options.status) endWait = this._options.status.begin(started);
        await this._clock.sleep(wait);
        const ids = failed.map(r => r.id);
        const again = request.requests.filter(r => ids.indexOf(r.id) >= 0);
        let retried: Response;
        try {
          retried = await this.send(url, { ...init, body: JSON.stringify({ requests: again }) }, started);
        } catch {
          break; // the retry itself could not be sent within the budget: keep the answers we have
        }
        const next = retried.ok ? parseJson<{ responses?: IBatchResponse[] }>(await retried.text()) : undefined;
        if (!next || !Array.isArray(next.responses)) { discard(retried); break; }
        for (const r of next.responses) {
          const i = merged.map(m => m.id).indexOf(r.id);
          if (i >= 0) merged[i] = r;
        }
      }
    } finally {
      if (endWait) endWait();
    }
    return rebuilt(JSON.stringify({ ...answer, responses: merged }));
  }
}

/**
 * The PnPjs behaviour: `graphfi().using(GraphBrowser(...), RetryReads({ status }))`. It replaces the send
 * step, so it must come after the behaviour that set PnPjs's own (GraphBrowser, SPBrowser, SPFx).
 */
export function RetryReads(options: IReadRetryOptions = {}): TimelinePipe<Queryable> {
  const sender = new RetryingSender(options);
  return (instance: Queryable) => {
    instance.on.send.replace(async function (url: URL, init: RequestInit): Promise<Response> {
      return sender.send(url.toString(), init);
    });
    return instance;
  };
}
