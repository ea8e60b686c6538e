import type {
  AccessPackageAnswerChoice, AccessPackageAssignmentRequestRequirements, AccessPackageMultipleChoiceQuestion,
  AccessPackageTextInputQuestion
} from '@microsoft/microsoft-graph-types';
import {
  IPolicyRequirement, IQuestion, ISchedule, ILocalizedText, IChoice, IRequestDraft, IAnswer
} from '../core/model/types';
import type { PatternVerdict } from './answerPattern';
import { optional, required } from '../core/model/graphShapes';
import { GraphText, readText } from './graphText';

import { parseDuration, addDuration, IDurationParts } from '../core/model/duration';
import { mapSchedule } from './schedule';

/* eslint-disable @rushstack/no-new-null */ // Graph's payloads use null.

// Durations live in ./duration (small, for the AccessPrompt customizer's first script), schedules in ./schedule.
export { mapSchedule, parseDuration, addDuration };
export type { IDurationParts };

export const JUSTIFICATION_MAX_LENGTH = 1000;

/** Picks the text for a language: exact match (`de-DE`), then the primary subtag (`de`), then the default. */
export function localize(text: string, localizations: ILocalizedText[] | undefined, language: string | undefined): string {
  if (!language || !localizations || localizations.length === 0) return text;
  const lang = language.toLowerCase();
  const primary = lang.split('-')[0];
  const exact = localizations.find(l => (l.languageCode || '').toLowerCase() === lang);
  if (exact) return exact.text;
  const partial = localizations.find(l => (l.languageCode || '').toLowerCase().split('-')[0] === primary);
  return partial ? partial.text : text;
}

/**
 * A choice as Graph has documented it: v1.0 `accessPackageAnswerChoice` (`text` string +
 * `localizations`), or the older shape of the v1.0 requirements example (`displayValue` or `text` as
 * `{defaultText, localizedTexts}`).
 */
export type GraphChoice = Omit<AccessPackageAnswerChoice, 'text'> & { text?: GraphText; displayValue?: GraphText };

/**
 * A question as Graph has documented it: the v1.0 `accessPackageTextInputQuestion` /
 * `accessPackageMultipleChoiceQuestion`, or the older `textInputQuestion` / `multipleChoiceQuestion`
 * (text as `{defaultText, localizedTexts}`, `allowsMultipleSelection`) that the v1.0 example still shows.
 */
export type GraphQuestion = Omit<AccessPackageTextInputQuestion & AccessPackageMultipleChoiceQuestion, 'text' | 'choices'> & {
  '@odata.type'?: string;
  text?: GraphText;
  choices?: GraphChoice[] | null;
  allowsMultipleSelection?: boolean | null;
};

/** The requirements element, with its questions in either documented shape. */
export type GraphRequirements = Omit<AccessPackageAssignmentRequestRequirements, 'questions'> & { questions?: GraphQuestion[] | null };

export function mapChoice(c: GraphChoice): IChoice {
  const value = required(c.actualValue, 'accessPackageAnswerChoice', 'actualValue');
  const shown = c.text !== undefined && c.text !== null ? c.text : c.displayValue;
  const { text, localizations } = readText(shown, c.localizations);
  return { value, text: text || value, localizations };
}

/** Maps a Graph question in either documented shape (docs/graph-notes.md §3.3). */
export function mapQuestion(raw: GraphQuestion): IQuestion {
  const type = String(raw['@odata.type'] || '');
  const { text, localizations } = readText(raw.text, raw.localizations);
  const base = {
    id: required(raw.id, 'accessPackageQuestion', 'id'),
    sequence: typeof raw.sequence === 'number' ? raw.sequence : 0,
    isRequired: !!raw.isRequired,
    text,
    localizations
  };
  if (/multiplechoice/i.test(type) || Array.isArray(raw.choices)) {
    return {
      ...base,
      kind: 'choice',
      isMultipleSelectionAllowed: !!(raw.isMultipleSelectionAllowed || raw.allowsMultipleSelection),
      choices: (raw.choices || []).filter(Boolean).map(mapChoice)
    };
  }
  return {
    ...base,
    kind: 'text',
    isSingleLine: raw.isSingleLineQuestion !== false,
    regexPattern: optional(raw.regexPattern)
  };
}

/**
 * One policy the person may request through. Without `policyId` it cannot be submitted (it becomes
 * `assignment.assignmentPolicyId`), so it is rejected rather than offered.
 */
export function mapRequirement(raw: GraphRequirements): IPolicyRequirement {
  const policyId = required(raw.policyId, 'accessPackageAssignmentRequestRequirements', 'policyId');
  const questions = (raw.questions || []).filter(Boolean).map(mapQuestion).sort((a, b) => a.sequence - b.sequence);
  return {
    policyId,
    displayName: raw.policyDisplayName || '',
    description: raw.policyDescription || '',
    isApprovalRequired: !!raw.isApprovalRequiredForAdd,
    isApprovalRequiredForUpdate: !!raw.isApprovalRequiredForUpdate,
    isJustificationRequired: !!raw.isRequestorJustificationRequired,
    allowCustomSchedule: !!raw.allowCustomAssignmentSchedule,
    schedule: mapSchedule(raw.schedule),
    questions
  };
}

/** How long access lasts, as a structure the UI localizes. */
export type ExpiryDescription =
  | { kind: 'never' }
  | { kind: 'until'; date: string }
  | { kind: 'days'; days: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'unknown' };

export function describeExpiry(schedule: ISchedule): ExpiryDescription {
  if (schedule.expirationType === 'noExpiration') return { kind: 'never' };
  if (schedule.expirationType === 'afterDateTime' && schedule.endDateTime) return { kind: 'until', date: schedule.endDateTime };
  if (schedule.expirationType === 'afterDuration' && schedule.duration) {
    const p = parseDuration(schedule.duration);
    if (!p) return { kind: 'unknown' };
    const days = p.years * 365 + p.months * 30 + p.weeks * 7 + p.days;
    if (days === 0) return { kind: 'hours', hours: p.hours + Math.round(p.minutes / 60) };
    return { kind: 'days', days };
  }
  return { kind: 'unknown' };
}

/** The latest end date a custom schedule may ask for, given the policy's expiration and a start. */
export function maxEndDate(schedule: ISchedule, start: Date): Date | undefined {
  if (schedule.expirationType === 'afterDateTime' && schedule.endDateTime) return new Date(schedule.endDateTime);
  if (schedule.expirationType === 'afterDuration' && schedule.duration) return addDuration(start, schedule.duration);
  return undefined;
}

export type FieldErrorCode =
  | 'policyRequired' | 'justificationRequired' | 'justificationTooLong' | 'answerRequired' | 'answerPattern'
  | 'answerInvalidChoice' | 'startInPast' | 'endBeforeStart' | 'endAfterMax' | 'dateInvalid' | 'scheduleNotAllowed';

export interface IFieldError { field: string; code: FieldErrorCode; detail?: string }

export const JUSTIFICATION_FIELD = 'justification';
export const START_FIELD = 'startDate';
export const END_FIELD = 'endDate';
export const POLICY_FIELD = 'policy';
export const questionField = (id: string): string => `question:${id}`;

function dayStart(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * Validates a draft against a policy the way Graph will, so the person sees problems before submitting. A question's
 * `regexPattern` is never run here (it could freeze the page): `verdictOf` gives what the bounded check in a worker
 * found (answerPattern.ts), and only a definite mismatch is an error.
 */
export function validateDraft(draft: IRequestDraft, policy: IPolicyRequirement | undefined, now: Date,
  verdictOf?: (pattern: string, value: string) => PatternVerdict | undefined): IFieldError[] {
  const errors: IFieldError[] = [];
  if (!policy) return [{ field: POLICY_FIELD, code: 'policyRequired' }];
  const justification = draft.justification.trim();
  if (policy.isJustificationRequired && !justification) errors.push({ field: JUSTIFICATION_FIELD, code: 'justificationRequired' });
  if (draft.justification.length > JUSTIFICATION_MAX_LENGTH) errors.push({ field: JUSTIFICATION_FIELD, code: 'justificationTooLong', detail: String(JUSTIFICATION_MAX_LENGTH) });

  for (const q of policy.questions) {
    const values = (draft.answers[q.id] || []).map(v => v.trim()).filter(v => v.length > 0);
    const field = questionField(q.id);
    if (values.length === 0) {
      if (q.isRequired) errors.push({ field, code: 'answerRequired' });
      continue;
    }
    if (q.kind === 'text' && q.regexPattern && verdictOf && verdictOf(q.regexPattern, values[0]) === 'mismatch') {
      errors.push({ field, code: 'answerPattern', detail: q.regexPattern });
    }
    if (q.kind === 'choice') {
      const allowed = new Set(q.choices.map(c => c.value));
      if (values.some(v => !allowed.has(v)) || (!q.isMultipleSelectionAllowed && values.length > 1)) {
        errors.push({ field, code: 'answerInvalidChoice' });
      }
    }
  }

  if (draft.startDate || draft.endDate) {
    if (!policy.allowCustomSchedule) {
      errors.push({ field: START_FIELD, code: 'scheduleNotAllowed' });
    } else {
      const start = draft.startDate ? new Date(draft.startDate) : now;
      const end = draft.endDate ? new Date(draft.endDate) : undefined;
      if (isNaN(start.getTime())) errors.push({ field: START_FIELD, code: 'dateInvalid' });
      else if (dayStart(start) < dayStart(now)) errors.push({ field: START_FIELD, code: 'startInPast' });
      if (end && isNaN(end.getTime())) errors.push({ field: END_FIELD, code: 'dateInvalid' });
      else if (end && !isNaN(start.getTime())) {
        const max = maxEndDate(policy.schedule, start);
        if (end.getTime() <= start.getTime()) errors.push({ field: END_FIELD, code: 'endBeforeStart' });
        else if (max && dayStart(end) > dayStart(max)) errors.push({ field: END_FIELD, code: 'endAfterMax', detail: max.toISOString() });
      }
    }
  }
  return errors;
}

export function buildAnswers(draft: IRequestDraft, policy: IPolicyRequirement, language?: string): IAnswer[] {
  const answers: IAnswer[] = [];
  for (const q of policy.questions) {
    const values = (draft.answers[q.id] || []).map(v => v.trim()).filter(Boolean);
    for (const value of values) {
      const choice = q.kind === 'choice' ? q.choices.find(c => c.value === value) : undefined;
      answers.push({
        questionId: q.id,
        questionKind: q.kind,
        value,
        displayValue: choice ? localize(choice.text, choice.localizations, language) : value
      });
    }
  }
  return answers;
}

/** The `POST assignmentRequests` body for a userAdd (docs/graph-notes.md §3.4). */
export function buildAddRequestBody(draft: IRequestDraft, policy: IPolicyRequirement, targetId: string, language?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    requestType: 'userAdd',
    assignment: { targetId, assignmentPolicyId: policy.policyId, accessPackageId: draft.accessPackageId },
    justification: draft.justification.trim(),
    answers: buildAnswers(draft, policy, language).map(a => ({
      '@odata.type': '#microsoft.graph.accessPackageAnswerString',
      value: a.value,
      displayValue: a.displayValue,
      answeredQuestion: {
        '@odata.type': a.questionKind === 'choice'
          ? '#microsoft.graph.accessPackageMultipleChoiceQuestion'
          : '#microsoft.graph.accessPackageTextInputQuestion',
        id: a.questionId
      }
    }))
  };
  if (policy.allowCustomSchedule && (draft.startDate || draft.endDate)) {
    const start = draft.startDate ? new Date(draft.startDate) : new Date();
    body.schedule = {
      startDateTime: start.toISOString(),
      expiration: draft.endDate
        ? { type: 'afterDateTime', endDateTime: new Date(draft.endDate).toISOString() }
        : { type: 'notSpecified' }
    };
  }
  return body;
}

/**
 * The order the panel lists policies in when several apply: the ones without approval first (the
 * quickest way in), then by name. No policy is preselected; the person chooses (docs/graph-notes.md §3.3).
 */
export function sortPolicies(policies: IPolicyRequirement[]): IPolicyRequirement[] {
  return policies.slice().sort((a, b) => Number(a.isApprovalRequired) - Number(b.isApprovalRequired) || a.displayName.localeCompare(b.displayName));
}

/**
 * The policies beta's getApplicablePolicyRequirements marks with a `verifiableCredentialRequirementStatus`
 * (`verifiableCredentialRequired`, `…Retrieved` or `…Verified`, docs/graph-notes.md §3.13): any of them means the policy
 * asks for a credential, which a v1.0 request cannot carry. PnPjs unwraps `value`, so this is the collection.
 */
export function verifiedIdPolicies(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw as Array<{ policyId?: unknown; verifiableCredentialRequirementStatus?: unknown } | null> : [];
  return list
    .filter(r => !!r && typeof r.policyId === 'string' && !!r.verifiableCredentialRequirementStatus && typeof r.verifiableCredentialRequirementStatus === 'object')
    .map(r => (r as { policyId: string }).policyId);
}
