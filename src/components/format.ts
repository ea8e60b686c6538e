import * as strings from 'CommonStrings';
import { AppError } from '../services/errors';

/** `format('{0} of {1}', 1, 2)`. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
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
