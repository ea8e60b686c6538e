import type { PatternVerdict } from '../../src/models/answerPattern';
import { GraphRequirements, localize, mapRequirement, validateDraft, buildAddRequestBody, describeExpiry, maxEndDate, addDuration, questionField } from '../../src/models/policy';
import { IRequestDraft } from '../../src/core/model/types';

const rawRequirement: GraphRequirements = {
  policyId: 'p1', policyDisplayName: 'Employees', policyDescription: 'Your manager approves.',
  isApprovalRequiredForAdd: true, isApprovalRequiredForUpdate: true, isRequestorJustificationRequired: true,
  allowCustomAssignmentSchedule: true,
  schedule: { startDateTime: null, expiration: { type: 'afterDuration', duration: 'P90D', endDateTime: null } },
  questions: [
    { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: 'q2', sequence: 2, isRequired: true, text: 'Region',
      localizations: [{ languageCode: 'de', text: 'Region (de)' }], isMultipleSelectionAllowed: false,
      choices: [{ actualValue: 'emea', text: 'Europe', localizations: [{ languageCode: 'de', text: 'Europa' }] }, { actualValue: 'apac', text: 'Asia', localizations: [] }] },
    { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'q1', sequence: 1, isRequired: true, text: 'Contract number',
      localizations: [{ languageCode: 'fr-FR', text: 'Numéro de contrat' }], isSingleLineQuestion: true, regexPattern: 'FAB-\\d{6}' }
  ]
};
const policy = mapRequirement(rawRequirement);
const now = new Date('2026-03-01T10:00:00Z');
const draft = (over: Partial<IRequestDraft> = {}): IRequestDraft => ({
  accessPackageId: 'pkg', policyId: 'p1', justification: 'Need it', answers: { q1: ['FAB-123456'], q2: ['emea'] }, ...over
});

describe('questions', () => {
  it('sorts questions by sequence and maps both kinds', () => {
    expect(policy.questions.map(q => q.id)).toEqual(['q1', 'q2']);
    expect(policy.questions[0].kind).toBe('text');
    expect(policy.questions[1].kind).toBe('choice');
  });

  it('accepts the legacy question shape of the v1.0 doc example', () => {
    const legacy = mapRequirement({ ...rawRequirement, questions: [{ '@odata.type': '#microsoft.graph.textInputQuestion', id: 'x', sequence: 1, isRequired: false,
      text: { defaultText: 'Why?', localizedTexts: [{ languageCode: 'de', text: 'Warum?' }] } }] });
    expect(legacy.questions[0].text).toBe('Why?');
    expect(localize(legacy.questions[0].text, legacy.questions[0].localizations, 'de-de')).toBe('Warum?');
  });

  it('localizes by exact tag, then primary subtag, then falls back to the default text', () => {
    const q = policy.questions[0];
    expect(localize(q.text, q.localizations, 'fr-fr')).toBe('Numéro de contrat');
    expect(localize(q.text, q.localizations, 'fr')).toBe('Numéro de contrat');
    expect(localize(q.text, q.localizations, 'de-de')).toBe('Contract number');
    expect(localize(policy.questions[1].text, policy.questions[1].localizations, 'de-DE')).toBe('Region (de)');
  });
});

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(draft(), policy, now)).toEqual([]);
  });
  it('requires a policy', () => {
    expect(validateDraft(draft(), undefined, now)[0].code).toBe('policyRequired');
  });
  it('requires justification when the policy says so', () => {
    expect(validateDraft(draft({ justification: '   ' }), policy, now)).toEqual([{ field: 'justification', code: 'justificationRequired' }]);
  });
  it('requires required answers; a pattern is an error only where the worker found a mismatch', () => {
    const seen: Array<[string, string]> = [];
    const mismatch = (p: string, v: string): PatternVerdict => { seen.push([p, v]); return 'mismatch'; };
    const errors = validateDraft(draft({ answers: { q1: ['FAB-12345x'], q2: [] } }), policy, now, mismatch);
    expect(errors).toEqual([
      { field: questionField('q1'), code: 'answerPattern', detail: 'FAB-\\d{6}' },
      { field: questionField('q2'), code: 'answerRequired' }
    ]);
    expect(seen).toEqual([['FAB-\\d{6}', 'FAB-12345x']]);
    // Unchecked (the budget ran out), not yet checked, or no checker: no error; Graph judges on submit.
    expect(validateDraft(draft({ answers: { q1: ['FAB-12345x'], q2: ['emea'] } }), policy, now, () => 'unchecked')).toEqual([]);
    expect(validateDraft(draft({ answers: { q1: ['FAB-12345x'], q2: ['emea'] } }), policy, now, () => undefined)).toEqual([]);
    expect(validateDraft(draft({ answers: { q1: ['FAB-12345x'], q2: ['emea'] } }), policy, now)).toEqual([]);
    expect(validateDraft(draft({ answers: { q1: ['FAB-123456'], q2: ['emea'] } }), policy, now, () => 'match')).toEqual([]);
  });
  it('rejects choices that are not offered and several choices for a single-choice question', () => {
    expect(validateDraft(draft({ answers: { q1: ['FAB-123456'], q2: ['mars'] } }), policy, now)[0].code).toBe('answerInvalidChoice');
    expect(validateDraft(draft({ answers: { q1: ['FAB-123456'], q2: ['emea', 'apac'] } }), policy, now)[0].code).toBe('answerInvalidChoice');
  });
  it('bounds custom dates by the policy expiration', () => {
    expect(validateDraft(draft({ startDate: '2026-02-01' }), policy, now)[0].code).toBe('startInPast');
    expect(validateDraft(draft({ startDate: '2026-03-10', endDate: '2026-03-05' }), policy, now)[0].code).toBe('endBeforeStart');
    const tooLate = validateDraft(draft({ startDate: '2026-03-10', endDate: '2026-07-01' }), policy, now);
    expect(tooLate[0].code).toBe('endAfterMax');
    expect(validateDraft(draft({ startDate: '2026-03-10', endDate: '2026-06-08' }), policy, now)).toEqual([]);
  });
  it('refuses dates when the policy does not allow a custom schedule', () => {
    const fixed = { ...policy, allowCustomSchedule: false };
    expect(validateDraft(draft({ endDate: '2026-04-01' }), fixed, now)[0].code).toBe('scheduleNotAllowed');
  });
});

describe('request body', () => {
  it('builds the documented userAdd body with answer strings and display values', () => {
    const body = buildAddRequestBody(draft(), policy, 'me', 'de-de') as any;
    expect(body.requestType).toBe('userAdd');
    expect(body.assignment).toEqual({ targetId: 'me', assignmentPolicyId: 'p1', accessPackageId: 'pkg' });
    expect(body.answers).toEqual([
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'FAB-123456', displayValue: 'FAB-123456',
        answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageTextInputQuestion', id: 'q1' } },
      { '@odata.type': '#microsoft.graph.accessPackageAnswerString', value: 'emea', displayValue: 'Europa',
        answeredQuestion: { '@odata.type': '#microsoft.graph.accessPackageMultipleChoiceQuestion', id: 'q2' } }
    ]);
    expect(body.schedule).toBeUndefined();
  });
  it('adds a schedule only when dates were chosen and the policy allows it', () => {
    const body = buildAddRequestBody(draft({ startDate: '2026-03-10', endDate: '2026-04-10' }), policy, 'me') as any;
    expect(body.schedule.expiration).toEqual({ type: 'afterDateTime', endDateTime: '2026-04-10T00:00:00.000Z' });
  });
});

describe('expiry', () => {
  it('describes each expiration type', () => {
    expect(describeExpiry({ expirationType: 'noExpiration' })).toEqual({ kind: 'never' });
    expect(describeExpiry({ expirationType: 'afterDuration', duration: 'P90D' })).toEqual({ kind: 'days', days: 90 });
    expect(describeExpiry({ expirationType: 'afterDuration', duration: 'PT8H' })).toEqual({ kind: 'hours', hours: 8 });
    expect(describeExpiry({ expirationType: 'afterDateTime', endDateTime: '2026-06-30T00:00:00Z' })).toEqual({ kind: 'until', date: '2026-06-30T00:00:00Z' });
  });
  it('adds ISO durations', () => {
    expect(addDuration(new Date('2026-01-31T00:00:00Z'), 'P1D')!.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(addDuration(new Date('2026-01-01T00:00:00Z'), 'PT8H')!.toISOString()).toBe('2026-01-01T08:00:00.000Z');
    expect(addDuration(new Date(), 'nonsense')).toBeUndefined();
    expect(maxEndDate({ expirationType: 'noExpiration' }, now)).toBeUndefined();
  });
});
