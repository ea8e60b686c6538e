/** Small helpers shared by the emulator: ISO-8601 durations, deterministic ids, cloning. */
import { createHash } from 'crypto';

const DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && value !== 'P' && value !== 'PT' && DURATION.test(value);
}

/** Adds an ISO-8601 duration; years and months are calendar-based as in .NET's XmlConvert. */
export function addDuration(date: Date, iso: string): Date {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso === 'PT') throw new Error(`Invalid ISO-8601 duration: ${iso}`);
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  const d = new Date(date.getTime());
  if (n(1)) d.setUTCFullYear(d.getUTCFullYear() + n(1));
  if (n(2)) d.setUTCMonth(d.getUTCMonth() + n(2));
  const ms = ((n(3) * 7 + n(4)) * 86400 + n(5) * 3600 + n(6) * 60 + n(7)) * 1000;
  return new Date(d.getTime() + ms);
}

export function durationMs(iso: string, from = new Date(0)): number {
  return addDuration(from, iso).getTime() - from.getTime();
}

/** A GUID derived from a string, so derived ids (subjects, pre-allocated assignments) survive a reset. */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Graph emits dateTimes without milliseconds. */
export function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** mulberry32: a small, well-known 32-bit PRNG, for repeatable synthetic data and fault sequences; never for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
