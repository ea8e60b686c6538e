/**
 * Whether any read of one set of clients is waiting to try again (throttled, 5xx or a dropped connection).
 * The retry behaviour reports here; components subscribe (through `useServiceBusy`) to say that Microsoft 365
 * is busy instead of showing a spinner that looks frozen. No React here: services stay UI-free.
 */
export type Unsubscribe = () => void;

export interface IRetryStatus {
  /** When the oldest read still retrying started (per `now`), undefined when none is waiting. */
  waitingSince(): number | undefined;
  /** The clock `waitingSince` is measured with, so a subscriber computes elapsed time on the same scale. */
  now(): number;
  /** Called whenever a read starts or stops waiting. */
  subscribe(listener: () => void): Unsubscribe;
}

/** How long a read may wait before the person is told (the "a couple of seconds"). */
export const BUSY_AFTER_MS = 2000;

export class RetryStatus implements IRetryStatus {
  private readonly _waits = new Map<number, number>();
  private readonly _listeners = new Set<() => void>();
  private _next = 0;

  constructor(private readonly _now: () => number = () => Date.now()) {}

  public now(): number {
    return this._now();
  }

  /** A read began waiting; it started at `startedAt`. Returns the function that reports it stopped (idempotent). */
  public begin(startedAt: number): () => void {
    const id = this._next++;
    this._waits.set(id, startedAt);
    this._emit();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this._waits.delete(id);
      this._emit();
    };
  }

  public waitingSince(): number | undefined {
    let oldest: number | undefined;
    this._waits.forEach(startedAt => {
      if (oldest === undefined || startedAt < oldest) oldest = startedAt;
    });
    return oldest;
  }

  public subscribe(listener: () => void): Unsubscribe {
    this._listeners.add(listener);
    return () => { this._listeners.delete(listener); };
  }

  private _emit(): void {
    // A copy: a listener may unsubscribe while we notify.
    Array.from(this._listeners).forEach(l => l());
  }
}
