import * as strings from 'CommonStrings';
import { formatCount, formatDate } from '../format';
import type { SuggestionReason } from '../../models/suggestion';

/** Why a package is suggested, in the page's language, with its plural rules and its date format. */
export function reasonText(reason: SuggestionReason, language: string): string {
  if (reason.kind === 'relatedPeople') return formatCount(strings.Suggestions.RelatedPeople, reason.count, language);
  const date = formatDate(reason.lastAssignedDateTime, language);
  return date
    ? formatCount(strings.Suggestions.History, reason.count, language, date)
    : formatCount(strings.Suggestions.HistoryNoDate, reason.count, language);
}
