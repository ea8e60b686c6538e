// Apart from policy.ts so that code on every page (the AccessPrompt customizer) can compute ends without the
// request form's validation. Mapping a schedule (mapSchedule) is in ./schedule, which that code does not need.

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

