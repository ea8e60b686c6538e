/**
 * Validation of request bodies (docs/graph-notes.md §3.4). Everything here is pure: it throws before anything is mutated.
 */
import * as vm from 'vm';
import { badRequest, businessError, EmulatorErrorKey } from '../errors';
import type { FxAnswer, FxPolicy, FxQuestion, FxSchedule } from '../fixture';
import type { Tenant } from '../tenant';
import { addDuration, isDuration, isObject } from '../util';
import { policySchedule } from '../workflow';

export const fail = (t: Tenant, key: EmulatorErrorKey, message: string): Error => businessError(key, message, t.errorCodes);

const ANSWER_TYPE = '#microsoft.graph.accessPackageAnswerString';

/** How long the emulator lets one pattern run; a catastrophic pattern must not stop the whole tenant. */
const PATTERN_BUDGET_MS = 100;

/**
 * Whether an answer follows a question's pattern. It runs in a V8 context with a time limit, so a catastrophic pattern
 * (`(a+)+$`) cannot freeze the emulator. What Graph does with a pattern it cannot evaluate in time is not documented
 * (**gap**, docs/graph-notes.md §3.4): the emulator accepts the answer, as it does a pattern that does not compile.
 */
function answerMatches(pattern: string, value: string): boolean {
  try {
    return vm.runInNewContext('new RegExp(p).test(v)', { p: pattern, v: value }, { timeout: PATTERN_BUDGET_MS }) === true;
  } catch {
    return true;
  }
}

/** Checks answers against the policy's questions and returns them in stored (Graph) shape. */
export function validateAnswers(t: Tenant, p: FxPolicy, raw: unknown, opts: { requireAll: boolean; previous?: FxAnswer[] }): FxAnswer[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) throw badRequest("The property 'answers' must be a collection.");
  const list = (raw ?? []) as unknown[];
  const byId = new Map<string, FxQuestion>(p.questions.map((q) => [q.id, q]));
  const out: FxAnswer[] = [];
  const seen = new Set<string>();
  for (const a of list) {
    if (!isObject(a) || !isObject(a.answeredQuestion) || typeof a.answeredQuestion.id !== 'string') {
      throw badRequest('Each answer needs an answeredQuestion with an id.');
    }
    if (a['@odata.type'] !== undefined && a['@odata.type'] !== ANSWER_TYPE) {
      throw badRequest(`Answer type '${String(a['@odata.type'])}' is not supported; v1.0 defines only ${ANSWER_TYPE}.`);
    }
    if (a.value !== undefined && a.value !== null && typeof a.value !== 'string') throw badRequest("An answer's 'value' must be a string.");
    if (a.displayValue !== undefined && a.displayValue !== null && typeof a.displayValue !== 'string') throw badRequest("An answer's 'displayValue' must be a string.");
    const qid = a.answeredQuestion.id;
    const q = byId.get(qid);
    if (!q) throw fail(t, 'AnswerInvalid', `Question '${qid}' is not a question of policy '${p.id}'.`);
    if (seen.has(qid)) throw fail(t, 'AnswerInvalid', `Question '${qid}' is answered more than once.`);
    seen.add(qid);
    const value = typeof a.value === 'string' ? a.value : '';
    let display = typeof a.displayValue === 'string' ? a.displayValue : value;
    if (value.trim() === '') {
      if (q.isRequired) throw fail(t, 'AnswerRequired', `Question '${qid}' requires an answer.`);
    } else if (/MultipleChoice/i.test(q['@odata.type'])) {
      const choice = (q.choices ?? []).find((c) => c.actualValue === value);
      if (!choice) throw fail(t, 'AnswerInvalid', `The answer to question '${qid}' is not one of its choices.`);
      display = typeof a.displayValue === 'string' ? a.displayValue : choice.text ?? value;
    } else if (q.regexPattern && !answerMatches(q.regexPattern, value)) {
      throw fail(t, 'AnswerInvalid', `The answer to question '${qid}' does not match the required format.`);
    }
    const prev = opts.previous?.find((x) => x.answeredQuestion.id === qid);
    if (prev && q.isAnswerEditable === false && prev.value !== value) {
      throw fail(t, 'AnswerInvalid', `The answer to question '${qid}' cannot be changed.`);
    }
    out.push({ '@odata.type': ANSWER_TYPE, value, displayValue: display, answeredQuestion: { '@odata.type': q['@odata.type'], id: qid } });
  }
  if (opts.requireAll) {
    for (const q of p.questions) {
      if (q.isRequired && !out.some((x) => x.answeredQuestion.id === q.id && x.value.trim() !== '')) {
        throw fail(t, 'AnswerRequired', `Question '${q.id}' requires an answer.`);
      }
    }
  }
  if (opts.previous) {
    // An update keeps answers it does not change.
    for (const prev of opts.previous) if (!out.some((x) => x.answeredQuestion.id === prev.answeredQuestion.id)) out.push(prev);
  }
  return out;
}

function date(v: unknown, name: string): Date | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw badRequest(`'${name}' must be an ISO 8601 dateTime.`);
  return new Date(v);
}

const TOLERANCE_MS = 5 * 60_000;

/**
 * A requested schedule: only where the policy has allowCustomAssignmentSchedule, and within the policy's
 * expiration (afterDuration: start + duration; afterDateTime: its end). Returns the stored schedule.
 */
export function validateSchedule(t: Tenant, p: FxPolicy, raw: unknown, now: Date): FxSchedule {
  const none: FxSchedule = { startDateTime: now.toISOString(), recurrence: null, expiration: { type: 'notSpecified', duration: null, endDateTime: null } };
  if (raw === undefined || raw === null) return none;
  if (!isObject(raw)) throw badRequest("The property 'schedule' must be an object.");
  const start = date(raw.startDateTime, 'schedule.startDateTime');
  const expRaw = raw.expiration;
  if (expRaw !== undefined && expRaw !== null && !isObject(expRaw)) throw badRequest("'schedule.expiration' must be an object.");
  const exp = (expRaw ?? {}) as Record<string, unknown>;
  const type = exp.type ?? 'notSpecified';
  if (typeof type !== 'string' || !['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'].includes(type)) {
    throw badRequest(`'${String(type)}' is not a valid expirationPatternType.`);
  }
  const endGiven = date(exp.endDateTime, 'schedule.expiration.endDateTime');
  if (exp.duration !== undefined && exp.duration !== null && !isDuration(exp.duration)) throw badRequest("'schedule.expiration.duration' must be an ISO 8601 duration.");
  const custom = !!start || type !== 'notSpecified';
  if (!custom) return none;
  if (!p.requestorSettings.allowCustomAssignmentSchedule) {
    throw fail(t, 'ScheduleNotAllowed', `Policy '${p.id}' does not allow a custom assignment schedule.`);
  }
  const s = start ?? now;
  if (s.getTime() < now.getTime() - TOLERANCE_MS) throw fail(t, 'ScheduleOutOfRange', 'The schedule cannot start in the past.');
  let end: Date | null = null;
  if (type === 'afterDateTime') {
    if (!endGiven) throw badRequest("'schedule.expiration.endDateTime' is required for afterDateTime.");
    end = endGiven;
  } else if (type === 'afterDuration') {
    if (!isDuration(exp.duration)) throw badRequest("'schedule.expiration.duration' is required for afterDuration.");
    end = addDuration(s, exp.duration);
  }
  if (type === 'notSpecified') return policySchedule(p, s); // only a start was asked for
  if (end && end.getTime() <= s.getTime()) throw fail(t, 'ScheduleOutOfRange', 'The schedule must end after it starts.');
  const pe = p.expiration;
  const max = pe.type === 'afterDuration' && isDuration(pe.duration) ? addDuration(s, pe.duration)
    : pe.type === 'afterDateTime' && pe.endDateTime ? new Date(pe.endDateTime) : null;
  if (max && (!end || end.getTime() > max.getTime() + TOLERANCE_MS)) {
    throw fail(t, 'ScheduleOutOfRange', `The schedule must end by ${max.toISOString()} (policy '${p.id}' expiration).`);
  }
  return {
    startDateTime: s.toISOString(), recurrence: null,
    expiration: { type, duration: type === 'afterDuration' ? (exp.duration as string) : null, endDateTime: end ? end.toISOString() : null },
  };
}

export function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}
