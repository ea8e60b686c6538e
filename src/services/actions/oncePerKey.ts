// The one guard against double submission: a second click (or Enter) while a write runs must not send it again.

export type OncePerKey = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * A guard with its own table of writes in flight. While `work` for `key` runs, calling again with the same key
 * returns the same promise and does not start `work` again; once it settles the key is free.
 */
export function createOncePerKey(): OncePerKey & { isRunning(key: string): boolean } {
  const running = new Map<string, Promise<unknown>>();
  const guard = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const existing = running.get(key);
    if (existing) return existing as Promise<T>;
    let started: Promise<T>;
    try {
      started = work();
    } catch (e) {
      started = Promise.reject(e);
    }
    const tracked: Promise<T> = started.then(
      value => { running.delete(key); return value; },
      (e: unknown) => { running.delete(key); throw e; }
    );
    running.set(key, tracked);
    return tracked;
  };
  return Object.assign(guard, { isRunning: (key: string) => running.has(key) });
}

/** The page's shared guard, for writes outside a component (a component uses its own, useOncePerKey). */
export const oncePerKey = createOncePerKey();
