import * as strings from 'CommonStrings';
import { AppError } from '../services/infrastructure/AppError';

/** `format('{0} of {1}', 1, 2)`. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(language: string): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(language);
    } catch {
      rules = new Intl.PluralRules('en'); // a malformed culture name must not break the page
    }
    pluralRules.set(language, rules);
  }
  return rules;
}

/** A count as the language writes it: 1,000 in English, 1.000 in German, 1 000 in French. */
export function formatNumber(n: number, language: string): string {
  try {
    return n.toLocaleString(language);
  } catch {
    return String(n);
  }
}

/**
 * A count in words, with the form the language's plural rules choose: `{0}` is the count, `{1}`… are `args`.
 * `formatCount({ one: '{0} day', other: '{0} days' }, 1, 'en-us')` → "1 day". A missing category falls back
 * to `other`.
 */
export function formatCount(forms: IPluralStrings, count: number, language: string, ...args: Array<string | number>): string {
  const category = rulesFor(language).select(count) as keyof IPluralStrings;
  const template = forms[category] ?? forms.other;
  return format(template, formatNumber(count, language), ...args.map(a => (typeof a === 'number' ? formatNumber(a, language) : a)));
}

export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

/** The localized message for an error; server text is only ever interpolated as plain text. */
export function errorMessage(error: AppError): string {
  const template = strings.Errors[error.kind] || strings.Errors.unknown;
  return format(template, error.message);
}
