import { fromHttp, toAppError } from '../../src/services/errors';

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
  it('maps network failures to offline', async () => {
    expect((await toAppError(new TypeError('Failed to fetch'))).kind).toBe('offline');
  });
  it('reads the Graph envelope out of a PnPjs HttpRequestError', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'AccessHubEmulator.NotCancellable', message: 'nope' } }), { status: 400 });
    const err = Object.assign(new Error('x'), { isHttpRequestError: true, status: 400, response });
    const mapped = await toAppError(err);
    expect(mapped.kind).toBe('notCancellable');
    expect(mapped.message).toBe('nope');
  });
});
