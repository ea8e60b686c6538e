/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.
/**
 * Times and days as Access Hub compares and counts them. Graph's timestamps are ISO 8601 strings whose offset and
 * precision vary ("2026-01-01T08:00:00Z", "2026-01-01T09:00:00.0000000+02:00"): compared as strings they order
 * wrong, so they are compared as the instants they name. Small on purpose: the customizer's first script uses it.
 */

const DAY_MS = 86400000;

/** The instant `iso` names, in ms since the epoch; undefined when absent or unreadable. */
export function timeOf(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

function compare(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a - b;
}

/** For sort(): earliest first; an absent or unreadable time last. */
export function earliestFirst(a: string | null | undefined, b: string | null | undefined): number {
  return compare(timeOf(a), timeOf(b));
}

/** For sort(): latest first; an absent or unreadable time last. */
export function latestFirst(a: string | null | undefined, b: string | null | undefined): number {
  const x = timeOf(a);
  const y = timeOf(b);
  return compare(x === undefined ? undefined : -x, y === undefined ? undefined : -y);
}

/**
 * Days left before a deadline (an automatic denial, a review's end): whole days rounded up, never below 0, so
 * "due in 3 hours" is 1 and 0 means due now or already past.
 */
export function daysLeft(deadline: string, now: Date): number {
  const t = timeOf(deadline);
  if (t === undefined) return 0;
  const ms = t - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/**
 * Signed whole days from now to `iso`, rounded up: 1 for "tomorrow at 09:00", negative for the past (-1 for a day
 * or more ago, 0 for earlier today). For "ends in N days" and "ended N days ago".
 */
export function daysFromNow(iso: string, now: Date): number {
  const t = timeOf(iso);
  return t === undefined ? 0 : Math.ceil((t - now.getTime()) / DAY_MS) || 0; // never -0
}
