import { correlationIdOf, fromHttp, markNetworkFailure, toAppError } from '../../src/services/infrastructure/AppError';
import { reportError, setErrorSink } from '../../src/services/infrastructure/reportError';
import { RetryingSender } from '../../src/services/infrastructure/readRetry';

describe('error mapping', () => {
  it('maps statuses to kinds', () => {
    expect(fromHttp(401, undefined).kind).toBe('unauthorized');
    expect(fromHttp(403, { error: { code: 'UnAuthorized', message: 'x' } }).kind).toBe('forbidden');
    expect(fromHttp(404, { error: { code: '', message: 'No HTTP resource' } }).kind).toBe('notFound');
    expect(fromHttp(409, undefined).kind).toBe('conflict');
    expect(fromHttp(503, undefined).kind).toBe('server');
    const throttled = fromHttp(429, undefined, '7');
    expect(throttled.kind).toBe('throttled');
    expect(throttled.retryAfterSeconds).toBe(7);
  });
  it('maps the business-rule codes and ties them to the field they name', () => {
    expect(fromHttp(400, { error: { code: 'AccessHubEmulator.ExistingOpenRequest', message: 'open' } }).kind).toBe('openRequestExists');
    expect(fromHttp(400, { error: { code: 'AccessHubEmulator.AlreadyAssigned', message: 'x' } }).kind).toBe('alreadyAssigned');
    expect(fromHttp(403, { error: { code: 'NoLicense', message: 'x' } }).kind).toBe('noLicense');
    const answer = fromHttp(400, { error: { code: 'AccessHubEmulator.AnswerInvalid', message: 'Answer to question 1F8CE48B-166B-4c66-adda-91d5e44dd9d7 does not match' } });
    expect(answer.kind).toBe('validation');
    expect(answer.field).toBe('question:1f8ce48b-166b-4c66-adda-91d5e44dd9d7');
    expect(fromHttp(400, { error: { code: 'AccessHubEmulator.JustificationRequired', message: 'x' } }).field).toBe('justification');
  });
  it('maps network failures (fetch itself failing, marked by the transport) to offline', async () => {
    expect((await toAppError(markNetworkFailure(new TypeError('Failed to fetch')))).kind).toBe('offline');
  });
  it('reads the Graph envelope out of a PnPjs HttpRequestError', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'AccessHubEmulator.NotCancellable', message: 'nope' } }), { status: 400 });
    const err = Object.assign(new Error('x'), { isHttpRequestError: true, status: 400, response });
    const mapped = await toAppError(err);
    expect(mapped.kind).toBe('notCancellable');
    expect(mapped.message).toBe('nope');
  });
});

describe('correlation ids and throttling by 503', () => {
  it('503 or 504 with Retry-After is throttling (Graph throttles with them too); without it a server error', () => {
    expect(fromHttp(503, undefined, '2').kind).toBe('throttled');
    expect(fromHttp(504, undefined, '2').kind).toBe('throttled');
    expect(fromHttp(504, undefined).kind).toBe('server');
  });

  it('takes the request-id header first, then the error body, then the client-request-id', async () => {
    const body = { error: { code: 'InternalServerError', message: 'x', innerError: { 'request-id': 'body-rid', 'client-request-id': 'body-crid' } } };
    const withHeaders = new Response(JSON.stringify(body), { status: 500, headers: { 'request-id': 'header-rid', 'client-request-id': 'header-crid' } });
    const err = (response: Response): Error => Object.assign(new Error('x'), { isHttpRequestError: true, status: response.status, response });
    expect((await toAppError(err(withHeaders))).correlationId).toBe('header-rid');
    // A browser hides headers CORS does not expose: the body still has the ids.
    expect((await toAppError(err(new Response(JSON.stringify(body), { status: 500 })))).correlationId).toBe('body-rid');
    expect(correlationIdOf(new Headers({ 'client-request-id': 'only-crid' }))).toBe('only-crid');
    expect(correlationIdOf(new Headers(), { error: { innererror: { 'client-request-id': 'lower' } } })).toBe('lower');
    expect(correlationIdOf(new Headers())).toBeUndefined();
  });

  it('a dropped connection keeps the client-request-id we sent', async () => {
    const dropped = markNetworkFailure(new TypeError('fetch failed'), 'sent-id');
    const mapped = await toAppError(dropped);
    expect(mapped.kind).toBe('offline');
    expect(mapped.correlationId).toBe('sent-id');
  });
});

describe('errors that tell the truth', () => {
  const realFetch = global.fetch;
  afterEach(() => { global.fetch = realFetch; setErrorSink(undefined); });

  it('a TypeError thrown by our own code is a bug: unknown, not offline, and logged once however many layers map it', async () => {
    const logged: string[] = [];
    setErrorSink((source, _error, text) => { logged.push(`${source}: ${text}`); });
    let bug: unknown;
    try {
      (undefined as unknown as { id: string }).id.toLowerCase();
    } catch (e) {
      bug = e;
    }
    const first = await toAppError(bug);
    expect(first.kind).toBe('unknown');
    expect(first.message).toMatch(/^TypeError: /);
    expect(await toAppError(bug)).toBe(first);
    expect(reportError('a', first)).toBe(true);
    expect(reportError('b', await toAppError(bug))).toBe(false);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^a: unknown .*TypeError/);
    // A message that merely mentions fetch or the network is no network failure either.
    expect((await toAppError(new TypeError("Cannot read properties of undefined (reading 'fetch')"))).kind).toBe('unknown');
    expect((await toAppError(new Error('network settings are invalid'))).kind).toBe('unknown');
  });

  it('offline only when fetch itself fails in the transport, with the client-request-id it sent', async () => {
    global.fetch = jest.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    const sender = new RetryingSender({ clock: { now: () => 0, sleep: async () => undefined, random: () => 0 }, writeAttempts: 1 });
    const thrown = await sender.send('https://graph.microsoft.com/v1.0/x', { method: 'PATCH', headers: { 'client-request-id': 'crid-1' } })
      .then(() => undefined, (e: unknown) => e);
    const mapped = await toAppError(thrown);
    expect(mapped.kind).toBe('offline');
    expect(mapped.correlationId).toBe('crid-1');
  });
});
