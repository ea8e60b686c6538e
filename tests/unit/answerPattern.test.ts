import { checkPattern, IPatternWorker, patternKey } from '../../src/models/answerPattern';
import { inProcessPatternWorker, IWorkerLog, silentPatternWorker } from '../component/fakes/patternWorker';

describe('checkPattern: a policy pattern checked in a worker within a time budget', () => {
  it('matches the whole answer, as Graph does', async () => {
    const log: IWorkerLog = { made: 0, terminated: 0 };
    const worker = inProcessPatternWorker(log);
    expect(await checkPattern('FAB-[0-9]{6}', 'FAB-123456', worker)).toBe('match');
    expect(await checkPattern('FAB-[0-9]{6}', 'xFAB-123456', worker)).toBe('mismatch');
    expect(await checkPattern('FAB-[0-9]{6}', 'FAB-1234567', worker)).toBe('mismatch');
    // One worker per check, always stopped.
    expect(log).toEqual({ made: 3, terminated: 3 });
  });

  it('an invalid pattern is unchecked, never an error: Graph decides', async () => {
    expect(await checkPattern('FAB-[0-9', 'FAB-1', inProcessPatternWorker())).toBe('unchecked');
  });

  it('a worker that does not answer within the budget is stopped, and the answer is unchecked', async () => {
    const log: IWorkerLog = { made: 0, terminated: 0 };
    expect(await checkPattern('(a+)+$', `${'a'.repeat(40)}!`, silentPatternWorker(log), 20)).toBe('unchecked');
    expect(log).toEqual({ made: 1, terminated: 1 });
  });

  it('no worker (a browser policy forbids it) or a worker that fails: unchecked', async () => {
    expect(await checkPattern('a', 'a', () => undefined)).toBe('unchecked');
    const failing: IPatternWorker = {
      onmessage: null, onerror: null,
      postMessage(): void { throw new Error('DataCloneError'); },
      terminate(): void { /* nothing */ }
    };
    expect(await checkPattern('a', 'a', () => failing)).toBe('unchecked');
    const erroring: IPatternWorker = {
      onmessage: null, onerror: null,
      postMessage(): void { setTimeout(() => erroring.onerror && erroring.onerror(new Error('script error')), 0); },
      terminate(): void { /* nothing */ }
    };
    expect(await checkPattern('a', 'a', () => erroring)).toBe('unchecked');
  });

  it('a worker that answers something else is not taken at its word', async () => {
    const odd: IPatternWorker = {
      onmessage: null, onerror: null,
      postMessage(): void { setTimeout(() => odd.onmessage && odd.onmessage({ data: 'yes' }), 0); },
      terminate(): void { /* nothing */ }
    };
    expect(await checkPattern('a', 'a', () => odd)).toBe('unchecked');
  });

  it('keys pattern and answer together', () => {
    expect(patternKey('a', 'b')).not.toBe(patternKey('ab', ''));
  });
});
