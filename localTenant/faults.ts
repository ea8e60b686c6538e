/**
 * Fault injection for reliability tests and benchmarks: latency with jitter, a share of
 * 429 (with Retry-After), a share of 503 (with Retry-After, as Graph throttles with 503 too — docs/graph-notes.md §12),
 * and a share of dropped connections, optionally limited to paths matching a regular expression.
 * Faults never apply to /_dev/. With a `seed`, the same settings give the same sequence of faults, so a failing run
 * under faults can be repeated exactly (the order of requests must be the same too).
 */
import { badRequest } from './errors';
import { isObject, mulberry32 } from './util';

export interface FaultConfig {
  latencyMs?: number;
  jitterMs?: number;
  throttleRate?: number;
  retryAfterS?: number;
  errorRate?: number;
  dropRate?: number;
  path?: string;
  /** A 32-bit integer: faults follow a seeded sequence instead of Math.random. */
  seed?: number;
}

/** The random source for a fault configuration: seeded when it has a seed. */
export function faultRandom(f: FaultConfig): () => number {
  return f.seed === undefined ? Math.random : mulberry32(f.seed);
}

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'throttle'; delayMs: number; retryAfterS: number }
  | { kind: 'error'; delayMs: number; retryAfterS: number }
  | { kind: 'drop'; delayMs: number };

const RATES = ['throttleRate', 'errorRate', 'dropRate'] as const;
const NUMS = ['latencyMs', 'jitterMs', 'retryAfterS'] as const;

/** Validates a POST /_dev/faults body completely before it replaces the current faults. */
export function parseFaults(body: unknown): FaultConfig {
  if (!isObject(body)) throw badRequest('The faults body must be a JSON object.');
  const out: FaultConfig = {};
  for (const [k, v] of Object.entries(body)) {
    if ((RATES as readonly string[]).includes(k)) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw badRequest(`${k} must be a number between 0 and 1.`);
      out[k as (typeof RATES)[number]] = v;
    } else if ((NUMS as readonly string[]).includes(k)) {
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw badRequest(`${k} must be a non-negative number.`);
      out[k as (typeof NUMS)[number]] = v;
    } else if (k === 'seed') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) throw badRequest('seed must be an integer from 0 to 4294967295.');
      out.seed = v;
    } else if (k === 'path') {
      if (typeof v !== 'string') throw badRequest('path must be a regular expression string.');
      try { new RegExp(v); } catch { throw badRequest(`path is not a valid regular expression: ${v}`); }
      out.path = v;
    } else {
      throw badRequest(`Unknown fault setting '${k}'.`);
    }
  }
  return out;
}

export function decideFault(f: FaultConfig, url: string, random: () => number = Math.random): FaultDecision {
  if (url.startsWith('/_dev/') || url === '/_dev') return { kind: 'none', delayMs: 0 };
  if (f.path && !new RegExp(f.path).test(url)) return { kind: 'none', delayMs: 0 };
  const delayMs = Math.max(0, (f.latencyMs ?? 0) + (f.jitterMs ? (random() * 2 - 1) * f.jitterMs : 0));
  const retryAfterS = f.retryAfterS ?? 1;
  const r = random();
  const drop = f.dropRate ?? 0;
  const throttle = f.throttleRate ?? 0;
  const error = f.errorRate ?? 0;
  if (r < drop) return { kind: 'drop', delayMs };
  if (r < drop + throttle) return { kind: 'throttle', delayMs, retryAfterS };
  if (r < drop + throttle + error) return { kind: 'error', delayMs, retryAfterS };
  return { kind: 'none', delayMs };
}
