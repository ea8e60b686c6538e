import * as strings from 'CommonStrings';
import { IFieldError, describeExpiry } from '../../models/policy';
import { IApprovalStage, IPolicyRequirement } from '../../core/model/types';
import { format, formatCount, formatDate } from '../format';

/** The localized message for one client-side validation error. */
export function fieldErrorText(error: IFieldError, language: string): string {
  if (error.code === 'justificationTooLong') return formatCount(strings.Validation.justificationTooLong, Number(error.detail), language);
  const template = strings.Validation[error.code];
  if (error.code === 'endAfterMax') return format(template, formatDate(error.detail, language));
  return format(template, error.detail || '');
}

/** "Access lasts: 90 days". */
export function expiryText(policy: IPolicyRequirement, language: string): string {
  const expiry = describeExpiry(policy.schedule);
  let value: string;
  switch (expiry.kind) {
    case 'never': value = strings.Panel.LastsNever; break;
    case 'until': value = format(strings.Panel.LastsUntil, formatDate(expiry.date, language)); break;
    case 'days': value = formatCount(strings.Panel.LastsDays, expiry.days, language); break;
    case 'hours': value = formatCount(strings.Panel.LastsHours, expiry.hours, language); break;
    default: value = strings.Panel.LastsUnknown;
  }
  return format(strings.Panel.Lasts, value);
}

/** Who approves, from the policy: Graph gives requestors no approver list, the description says it. */
export function approvalText(policy: IPolicyRequirement): string {
  if (!policy.isApprovalRequired) return strings.Panel.NoApproval;
  return policy.description ? format(strings.Panel.Approval, policy.description) : strings.Panel.ApprovalRequired;
}

export function stageResultText(stage: IApprovalStage): string {
  if (/^approved$/i.test(stage.reviewResult)) return strings.Panel.StageApproved;
  if (/^denied$/i.test(stage.reviewResult)) return strings.Panel.StageDenied;
  return strings.Panel.StageWaiting;
}

/** `YYYY-MM-DD` for the calendar day a date picker returned (local time). */
export function toDayString(date: Date): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local Date a date picker shows for a `YYYY-MM-DD` (or ISO) value. */
export function fromDayString(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
