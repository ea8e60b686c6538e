import * as strings from 'AccessPromptApplicationCustomizerStrings';
import { PromptBanner } from '../../models/prompt';
import { format, formatDate } from '../../components/format';

export type { PromptBanner };

/** The banner's sentence, in the page's language. */
export function bannerText(banner: PromptBanner, siteTitle: string, language: string): string {
  switch (banner.kind) {
    case 'expiring':
      return format(strings.Expiring, siteTitle, banner.packageName, formatDate(banner.endDateTime, language));
    case 'pending':
      return banner.approver ? format(strings.Pending, banner.packageName, banner.approver) : format(strings.PendingNoApprover, banner.packageName);
    default:
      if (banner.level === 'visitor') return format(banner.target === 'owner' ? strings.OfferVisitorOwner : strings.OfferVisitorMember, banner.packageName);
      if (banner.level === 'member') return format(strings.OfferMemberOwner, banner.packageName);
      return format(strings.OfferNone, banner.packageName);
  }
}
