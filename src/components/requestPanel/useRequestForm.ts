import * as React from 'react';
import * as strings from 'CommonStrings';
import { IAccessRequest, IPolicyRequirement, IRequestDraft } from '../../core/model/types';
import { FieldErrorCode, IFieldError, questionField, validateDraft } from '../../models/policy';
import { AppError, toAppError } from '../../services/infrastructure/AppError';
import { reportError } from '../../services/infrastructure/reportError';
import { useServices } from '../../context/ServicesContext';
import { errorMessage } from '../format';
import { requestAccess } from '../../services/actions/requestAccess';
import { useOncePerKey } from '../../hooks/useOncePerKey';
import { fieldErrorText } from './panelText';
import { browserPatternWorker, checkPattern, PatternVerdict, patternKey } from '../../models/answerPattern';

export interface IRequestFormOptions {
  packageId: string;
  policies: IPolicyRequirement[];
  onSubmitted: (request: IAccessRequest, policy: IPolicyRequirement) => void;
  /** The person already has the access or a request for it: the panel switches to their status. */
  onConflict: (error: AppError) => void;
  /** Starting justification and answers ("request again"); answers to questions the policy no longer asks are dropped. */
  prefill?: { justification: string; answers: Record<string, string[]> };
}

export interface IRequestForm {
  policy: IPolicyRequirement | undefined;
  draft: IRequestDraft;
  setPolicy: (policyId: string) => void;
  setJustification: (value: string) => void;
  setAnswer: (questionId: string, values: string[]) => void;
  setDate: (field: 'startDate' | 'endDate', value: string | undefined) => void;
  /** Marks a field as visited, so its errors (other than "required") show before submitting. */
  touch: (field: string) => void;
  errorFor: (field: string) => string | undefined;
  /** A note under a field: its answer's format could not be checked here (Graph checks it on submit). */
  noteFor: (field: string) => string | undefined;
  showSummary: boolean;
  submitting: boolean;
  topError: AppError | undefined;
  dismissTopError: () => void;
  submit: () => void;
  /** The form element; fields inside carry `data-field` so errors can find and focus them. */
  formRef: React.RefObject<HTMLFormElement>;
}

const REQUIRED_CODES: FieldErrorCode[] = ['answerRequired', 'justificationRequired', 'policyRequired'];
const CONFLICT_KINDS = ['openRequestExists', 'alreadyAssigned'];

function fieldElements(form: HTMLFormElement | undefined): HTMLElement[] {
  if (!form) return [];
  const found: HTMLElement[] = [];
  const nodes = form.querySelectorAll('[data-field]');
  for (let i = 0; i < nodes.length; i++) found.push(nodes[i] as HTMLElement);
  return found;
}

/** Focuses the first field, in page order, among those named. */
function focusFirst(form: HTMLFormElement | undefined, fields: string[]): void {
  const target = fieldElements(form).filter(el => fields.indexOf(el.getAttribute('data-field') || '') >= 0)[0];
  if (!target) return;
  const focusable = target.querySelector<HTMLElement>('input:not([disabled]), textarea, [tabindex="0"], button');
  (focusable || target).focus();
}

/** The request form's state: one draft kept across policy changes, validation, and a submit that runs once. */
export function useRequestForm(o: IRequestFormOptions): IRequestForm {
  const services = useServices();
  const { language, now } = services;
  const [draft, setDraft] = React.useState<IRequestDraft>({
    accessPackageId: o.packageId,
    policyId: o.policies.length === 1 ? o.policies[0].policyId : '',
    justification: (o.prefill && o.prefill.justification) || '',
    answers: (o.prefill && o.prefill.answers) || {}
  });
  const [touched, setTouched] = React.useState<Record<string, boolean>>({});
  const [submitAttempted, setSubmitAttempted] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [topError, setTopError] = React.useState<AppError | undefined>(undefined);
  const [submitting, setSubmitting] = React.useState(false);
  // A second click or Enter while the request is sent sends nothing (the guard sees it before React re-renders);
  // once sent, the form is replaced by the outcome and must never post again.
  const guard = useOncePerKey();
  const sent = React.useRef(false);
  const mounted = React.useRef(true);
  const formRef = React.useRef<HTMLFormElement>(null);
  React.useEffect(() => () => { mounted.current = false; }, []);
  // Focus moves after the render that shows the errors, so assistive tech reads the field with its message.
  const [focusRequest, setFocusRequest] = React.useState<string[] | undefined>(undefined);
  React.useEffect(() => {
    if (focusRequest) focusFirst(formRef.current || undefined, focusRequest);
  }, [focusRequest]);

  const policy = o.policies.filter(p => p.policyId === draft.policyId)[0];
  // Dates typed for a policy that allows them are kept, but never sent with (or validated against) one that doesn't.
  const effective: IRequestDraft = policy && !policy.allowCustomSchedule
    ? { ...draft, startDate: undefined, endDate: undefined }
    : draft;

  // Answers checked against their question's pattern in a worker, with a time budget (answerPattern.ts): each
  // pattern and answer once, a moment after typing stops, and all of them before a submit.
  const [verdicts, setVerdicts] = React.useState<Record<string, PatternVerdict>>({});
  const checks = React.useRef<Record<string, Promise<PatternVerdict>>>({});
  const patterned: Array<{ field: string; pattern: string; value: string }> = [];
  for (const q of policy ? policy.questions : []) {
    const value = ((effective.answers[q.id] || [])[0] || '').trim();
    if (q.kind === 'text' && q.regexPattern && value) patterned.push({ field: questionField(q.id), pattern: q.regexPattern, value });
  }
  const check = (pattern: string, value: string): Promise<PatternVerdict> => {
    const key = patternKey(pattern, value);
    if (!checks.current[key]) {
      checks.current[key] = checkPattern(pattern, value, services.patternWorker || browserPatternWorker).then(verdict => {
        if (mounted.current) setVerdicts(prev => ({ ...prev, [key]: verdict }));
        return verdict;
      });
    }
    return checks.current[key];
  };
  const patternKeys = patterned.map(x => patternKey(x.pattern, x.value)).join('\u0001');
  React.useEffect(() => {
    const timer = setTimeout(() => { for (const x of patterned) check(x.pattern, x.value).catch(() => undefined); }, 300);
    return () => clearTimeout(timer);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- patternKeys names every pattern and answer
  }, [patternKeys]);
  const clientErrors: IFieldError[] = validateDraft(effective, policy, now(), (p, v) => verdicts[patternKey(p, v)]);
  const noteFor = (field: string): string | undefined => {
    const x = patterned.filter(y => y.field === field)[0];
    return x && verdicts[patternKey(x.pattern, x.value)] === 'unchecked' ? strings.Panel.AnswerUnchecked : undefined;
  };

  const clearServerError = (field: string): void => {
    setServerErrors(prev => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  };

  const update = (field: string, change: (d: IRequestDraft) => IRequestDraft): void => {
    setDraft(change);
    clearServerError(field);
  };

  const errorFor = (field: string): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const error = clientErrors.filter(e => e.field === field)[0];
    if (!error) return undefined;
    const visible = submitAttempted || (touched[field] && REQUIRED_CODES.indexOf(error.code) < 0);
    return visible ? fieldErrorText(error, language) : undefined;
  };

  const fieldsWithErrors = clientErrors.map(e => e.field).concat(Object.keys(serverErrors));
  const showSummary = submitAttempted && fieldsWithErrors.some(f => errorFor(f) !== undefined);

  const onFailure = async (e: unknown): Promise<void> => {
    const error = await toAppError(e);
    reportError('RequestPanel.submit', error);
    if (!mounted.current) return;
    setSubmitting(false);
    if (CONFLICT_KINDS.indexOf(error.kind) >= 0) {
      o.onConflict(error);
      return;
    }
    const field = error.field;
    const onPage = !!field && fieldElements(formRef.current || undefined).some(el => el.getAttribute('data-field') === field);
    if (field && onPage) {
      setServerErrors({ [field]: errorMessage(error) });
      setFocusRequest([field]);
    } else {
      setTopError(error);
    }
  };

  const send = (current: IPolicyRequirement, body: IRequestDraft): void => {
    setSubmitting(true);
    setTopError(undefined);
    setServerErrors({});
    guard.run('submit', () => requestAccess(services, body, current).then(request => {
      sent.current = true;
      o.onSubmitted(request, current);
    })).then(undefined, onFailure);
  };

  const checking = React.useRef(false);
  const submit = (): void => {
    if (sent.current || checking.current || guard.isBusy('submit')) return;
    setSubmitAttempted(true);
    // Every answer's pattern is checked (or its budget spent) before deciding; most were checked while typing.
    checking.current = true;
    Promise.all(patterned.map(x => check(x.pattern, x.value).then(v => [patternKey(x.pattern, x.value), v] as [string, PatternVerdict])))
      .then(found => {
        checking.current = false;
        if (!mounted.current) return;
        const known: Record<string, PatternVerdict> = { ...verdicts };
        for (const [key, verdict] of found) known[key] = verdict;
        const errors = validateDraft(effective, policy, now(), (p, v) => known[patternKey(p, v)]);
        if (errors.length > 0 || !policy) {
          setFocusRequest(errors.map(e => e.field));
          return;
        }
        send(policy, effective);
      }, () => { checking.current = false; });
  };

  return {
    policy,
    draft,
    setPolicy: policyId => update('policy', d => ({ ...d, policyId })),
    setJustification: value => update('justification', d => ({ ...d, justification: value })),
    setAnswer: (questionId, values) => update(questionField(questionId), d => ({ ...d, answers: { ...d.answers, [questionId]: values } })),
    setDate: (field, value) => update(field, d => ({ ...d, [field]: value })),
    touch: field => setTouched(prev => (prev[field] ? prev : { ...prev, [field]: true })),
    errorFor,
    noteFor,
    showSummary,
    submitting,
    topError,
    dismissTopError: () => setTopError(undefined),
    submit,
    formRef
  };
}
