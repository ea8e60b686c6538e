import * as strings from 'MyAccessWebPartStrings';
import { RequestState, RequestType } from '../../../core/model/types';
import { formatCount } from '../../../components/format';

const DAY_MS = 86400000;

// SPFx's tsconfig libs (ES5) have no Intl.RelativeTimeFormat typings; every browser SPFx supports has it.
type RelativeTimeFormatCtor = new (locale: string, o: { numeric: 'auto' | 'always' }) => { format(value: number, unit: string): string };
const RelativeTimeFormat = (Intl as unknown as { RelativeTimeFormat?: RelativeTimeFormatCtor }).RelativeTimeFormat;

/** "in 10 days", "yesterday", "in 3 months", in the person's language (Intl.RelativeTimeFormat). */
export function relativeDate(iso: string, now: Date, language: string): string {
  const days = Math.round((new Date(iso).getTime() - now.getTime()) / DAY_MS);
  const abs = Math.abs(days);
  let value = days;
  let unit: 'day' | 'month' | 'year' = 'day';
  if (abs >= 730) { value = Math.round(days / 365); unit = 'year'; } else if (abs >= 60) { value = Math.round(days / 30); unit = 'month'; }
  try {
    if (!RelativeTimeFormat) throw new Error('no Intl.RelativeTimeFormat');
    return new RelativeTimeFormat(language, { numeric: 'auto' }).format(value, unit);
  } catch {
    return new Date(iso).toISOString().slice(0, 10);
  }
}

/** The exact moment, in the person's language and their own time zone (the browser's), for tooltips. */
export function exactDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  };
  try {
    return d.toLocaleString(language, options);
  } catch {
    return d.toISOString();
  }
}

/** A calendar date in the person's language and time zone ("January 11, 2026"). */
export function localDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

export function stateText(state: RequestState | string): string {
  switch (state) {
    case 'denied': return strings.Denied;
    case 'canceled': return strings.Canceled;
    case 'delivered': return strings.Delivered;
    case 'deliveryFailed': return strings.DeliveryFailed;
    case 'partiallyDelivered': return strings.DeliveryFailed;
    case 'pendingApproval': return strings.PendingApproval;
    case 'delivering': return strings.Delivering;
    case 'scheduled': return strings.Scheduled;
    default: return strings.Submitted;
  }
}

export function requestTypeText(type: RequestType): string {
  if (type === 'userUpdate') return strings.TypeUpdate;
  if (type === 'userRemove') return strings.TypeRemove;
  return strings.TypeAdd;
}

export function itemCount(count: number, language: string): string {
  return formatCount(strings.ItemCount, count, language);
}
