import { createOncePerKey } from '../../src/services/actions/oncePerKey';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('oncePerKey: the one guard against double submission', () => {
  it('a double click sends once: the second call gets the same promise and does not start the work', async () => {
    const guard = createOncePerKey();
    const sent = deferred<string>();
    let sends = 0;
    const submit = (): Promise<string> => guard('submit:p1', () => { sends++; return sent.promise; });
    const first = submit();
    const second = submit();
    expect(second).toBe(first);
    expect(sends).toBe(1);
    expect(guard.isRunning('submit:p1')).toBe(true);
    sent.resolve('r1');
    expect(await first).toBe('r1');
    expect(guard.isRunning('submit:p1')).toBe(false);
  });

  it('other keys run side by side; once settled, the key may run again', async () => {
    const guard = createOncePerKey();
    let sends = 0;
    const work = (): Promise<number> => Promise.resolve(++sends);
    const [a, b] = await Promise.all([guard('decide:a', work), guard('decide:b', work)]);
    expect([a, b]).toEqual([1, 2]);
    expect(await guard('decide:a', work)).toBe(3);
  });

  it('a failure frees the key and reaches every caller; a work that throws at once rejects', async () => {
    const guard = createOncePerKey();
    const sent = deferred<void>();
    const first = guard('cancel', () => sent.promise);
    const second = guard('cancel', () => Promise.resolve());
    sent.reject(new Error('409'));
    await expect(first).rejects.toThrow('409');
    await expect(second).rejects.toThrow('409');
    expect(guard.isRunning('cancel')).toBe(false);
    await expect(guard('cancel', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(guard.isRunning('cancel')).toBe(false);
  });

  it('guards are independent of each other (one per component)', () => {
    const one = createOncePerKey();
    const two = createOncePerKey();
    let sends = 0;
    const never = (): Promise<void> => { sends++; return new Promise<void>(() => undefined); };
    void one('extend', never);
    void two('extend', never);
    expect(sends).toBe(2);
  });
});
