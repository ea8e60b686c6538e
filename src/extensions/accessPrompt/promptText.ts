import * as strings from 'AccessPromptApplicationCustomizerStrings';
import { PromptBanner } from '../../core/model/prompt';
import { format, formatCount } from '../../components/format';

export type { PromptBanner };

const DAY_MS = 86400000;

/** SharePoint's regional settings on the page (`legacyPageContext`): Windows time zone data, UTC = local + Bias. */
export interface ITimeZoneData { Bias?: number; DaylightBias?: number }

/**
 * The person's time zone, the one date policy of the banner and MyAccess: SharePoint's regional settings where the
 * page has them (the person's own, else the site's), else the browser's (undefined). The settings give a Windows
 * offset, not an IANA zone: when the browser is at that offset (standard or daylight) its own zone is used, with its
 * daylight saving rules; otherwise the standard offset (`Etc/GMT+8` for Bias 480), or the browser's when the offset
 * is not whole hours.
 */
export function timeZoneOf(legacy: { userTimeZoneData?: ITimeZoneData; webTimeZoneData?: ITimeZoneData } | undefined, at: Date = new Date()): string | undefined {
  const zone = legacy && (legacy.userTimeZoneData || legacy.webTimeZoneData);
  const bias = zone && zone.Bias;
  if (typeof bias !== 'number' || !zone) return undefined;
  const browser = at.getTimezoneOffset();
  if (browser === bias || browser === bias + (zone.DaylightBias || 0) || bias % 60) return undefined;
  return bias ? `Etc/GMT${bias > 0 ? '+' : '-'}${Math.abs(bias) / 60}` : 'UTC';
}

/** A calendar date in the person's language and time zone ("December 15"; with the year when it is not this year's). */
export function dateText(iso: string, language: string, timeZone: string | undefined, now: Date = new Date()): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', timeZone };
  try {
    if (d.toLocaleDateString('en', { year: 'numeric', timeZone }) !== now.toLocaleDateString('en', { year: 'numeric', timeZone })) options.year = 'numeric';
    return d.toLocaleDateString(language, options);
  } catch {
    return iso.slice(0, 10);
  }
}

/** The banner's sentence, in the page's language; when access ends: in how many days, and on which date (MyAccess's rounding). */
export function bannerText(banner: PromptBanner, siteTitle: string, language: string, now: Date = new Date(), timeZone?: string): string {
  switch (banner.kind) {
    case 'expiring': {
      const days = Math.round((new Date(banner.endDateTime).getTime() - now.getTime()) / DAY_MS);
      const date = dateText(banner.endDateTime, language, timeZone, now);
      return days > 0
        ? formatCount(strings.Expiring, days, language, siteTitle, banner.packageName, date)
        : format(strings.ExpiringToday, siteTitle, banner.packageName, date);
    }
    case 'pending':
      return banner.approver ? format(strings.Pending, banner.packageName, banner.approver) : format(strings.PendingNoApprover, banner.packageName);
    default:
      if (banner.level === 'visitor') return format(banner.target === 'owner' ? strings.OfferVisitorOwner : strings.OfferVisitorMember, banner.packageName);
      if (banner.level === 'member') return format(strings.OfferMemberOwner, banner.packageName);
      return format(strings.OfferNone, banner.packageName);
  }
}
