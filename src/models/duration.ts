import type { EntitlementManagementSchedule } from '@microsoft/microsoft-graph-types';
import { ISchedule, ExpirationType } from './types';
import { knownMember, optional } from './graphShapes';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// Apart from policy.ts so that code on every page (the AccessPrompt customizer) can compute ends without the
// request form's validation.

const EXPIRATION_TYPES: ExpirationType[] = ['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'];

export function mapSchedule(raw: EntitlementManagementSchedule | null | undefined): ISchedule {
  const exp = (raw && raw.expiration) || {};
  return {
    startDateTime: optional(raw && raw.startDateTime),
    expirationType: knownMember<ExpirationType>(exp.type, EXPIRATION_TYPES, 'notSpecified'),
    endDateTime: optional(exp.endDateTime),
    duration: optional(exp.duration)
  };
}

const DURATION_RE = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface IDurationParts { years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }

export function parseDuration(iso: string): IDurationParts | undefined {
  const m = DURATION_RE.exec(iso || '');
  if (!m || iso === 'P' || iso === 'PT') return undefined;
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function addDuration(start: Date, iso: string): Date | undefined {
  const p = parseDuration(iso);
  if (!p) return undefined;
  const d = new Date(start.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + p.years, d.getUTCMonth() + p.months, d.getUTCDate() + p.weeks * 7 + p.days);
  d.setTime(d.getTime() + ((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000);
  return d;
}

