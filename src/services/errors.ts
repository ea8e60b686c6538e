/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * One error type for every HTTP failure, mapped once here. Components show the localized message for
 * `kind` (CommonStrings.Errors[kind]); `field` ties a validation error to the input that caused it.
 */
export type AppErrorKind =
  | 'unauthorized' | 'forbidden' | 'notFound' | 'throttled' | 'conflict' | 'offline' | 'validation'
  | 'alreadyAssigned' | 'openRequestExists' | 'notAllowed' | 'notCancellable' | 'noLicense' | 'server' | 'unknown';

export class AppError extends Error {
  public readonly isAppError = true;
  constructor(
    public readonly kind: AppErrorKind,
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly field?: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return !!e && (e as AppError).isAppError === true;
}

/**
 * Entitlement management publishes no business-rule error codes (docs/graph-notes.md §11.4): the local
 * tenant uses obviously fake ones. We branch on the HTTP status plus this small allow-list, matched on
 * the code's last segment so a real code with the same name would map too.
 */
const CODE_KINDS: Array<[RegExp, AppErrorKind]> = [
  [/AlreadyAssigned$/i, 'alreadyAssigned'],
  [/ExistingOpenRequest$/i, 'openRequestExists'],
  [/PolicyNotAllowed$|RequestorNotAllowed$/i, 'notAllowed'],
  [/NotCancellable$|RequestCannotBeCancelled$/i, 'notCancellable'],
  [/AssignmentNotFound$|AssignmentNotActive$/i, 'notFound'],
  [/NoLicense$/i, 'noLicense'],
  [/JustificationRequired$|AnswerRequired$|AnswerInvalid$|Schedule\w*$|InvalidRequest$|BadRequest$|InvalidFilter$/i, 'validation']
];

const FIELD_BY_CODE: Array<[RegExp, (message: string) => string | undefined]> = [
  [/ApproverJustificationRequired$/i, () => 'approverJustification'],
  [/JustificationRequired$/i, () => 'justification'],
  [/Answer(Required|Invalid)$/i, m => {
    const id = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(m);
    return id ? `question:${id[1].toLowerCase()}` : undefined;
  }],
  [/Schedule\w*$/i, () => 'endDate']
];

function kindForStatus(status: number): AppErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 400 || status === 422) return 'validation';
  if (status >= 500) return 'server';
  return 'unknown';
}

export interface IGraphErrorBody { error?: { code?: string; message?: string } }

// eslint-disable-next-line @rushstack/no-new-null -- Headers.get() returns null
export function fromHttp(status: number, body: IGraphErrorBody | undefined, retryAfter?: string | null): AppError {
  const code = (body && body.error && body.error.code) || '';
  const message = (body && body.error && body.error.message) || `HTTP ${status}`;
  let kind = kindForStatus(status);
  for (const [re, k] of CODE_KINDS) {
    if (code && re.test(code)) { kind = k; break; }
  }
  if (status === 403 && kind === 'validation') kind = 'forbidden';
  let field: string | undefined;
  for (const [re, f] of FIELD_BY_CODE) {
    if (code && re.test(code)) { field = f(message); break; }
  }
  const retry = retryAfter ? parseInt(retryAfter, 10) : undefined;
  return new AppError(kind, status, code, message, field, retry !== undefined && !isNaN(retry) ? retry : undefined);
}

function parseBody(text: string): IGraphErrorBody | undefined {
  try {
    const parsed = JSON.parse(text);
    // SharePoint's verbose error: {"odata.error":{"code","message":{"value"}}}
    const sp = parsed && parsed['odata.error'];
    if (sp) return { error: { code: sp.code, message: sp.message && (sp.message.value || sp.message) } };
    return parsed;
  } catch {
    return undefined;
  }
}

/** Maps anything thrown by PnPjs or fetch into an AppError. */
export async function toAppError(e: unknown): Promise<AppError> {
  if (isAppError(e)) return e;
  const err = e as any;
  if (err && err.isHttpRequestError && err.response) {
    let text = '';
    try { text = await err.response.clone().text(); } catch { /* body already read: the message still has it */ }
    if (!text && typeof err.message === 'string') text = err.message.split('::> ').slice(1).join('::> ');
    return fromHttp(err.status, parseBody(text), err.response.headers && err.response.headers.get('Retry-After'));
  }
  if (err && (err.name === 'TypeError' || /fetch|network|Retry count exceeded/i.test(String(err.message)))) {
    return new AppError('offline', 0, '', String(err.message || 'network error'));
  }
  if (err && err.name === 'AbortError') return new AppError('offline', 0, 'aborted', 'aborted');
  return new AppError('unknown', 0, '', String((err && err.message) || err));
}
