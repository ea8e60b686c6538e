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
    public readonly retryAfterSeconds?: number,
    /** Graph's `request-id` (else our `client-request-id`): what support looks the request up by. */
    public readonly correlationId?: string
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

interface IInnerError { 'request-id'?: string; 'client-request-id'?: string }
export interface IGraphErrorBody { error?: { code?: string; message?: string; innerError?: IInnerError; innererror?: IInnerError } }

/** The ids Graph gives a failed request, from its headers or, when CORS hides them, its error body. */
// eslint-disable-next-line @rushstack/no-new-null -- Headers.get() returns null
export function correlationIdOf(headers: { get(name: string): string | null } | undefined, body?: IGraphErrorBody): string | undefined {
  const inner = body && body.error ? body.error.innerError || body.error.innererror : undefined;
  const candidates = [
    headers && headers.get('request-id'),
    inner && inner['request-id'],
    headers && headers.get('client-request-id'),
    inner && inner['client-request-id']
  ];
  return candidates.filter((c): c is string => typeof c === 'string' && c.length > 0)[0];
}

// eslint-disable-next-line @rushstack/no-new-null -- Headers.get() returns null
export function fromHttp(status: number, body: IGraphErrorBody | undefined, retryAfter?: string | null, correlationId?: string): AppError {
  const code = (body && body.error && body.error.code) || '';
  const message = (body && body.error && body.error.message) || `HTTP ${status}`;
  let kind = kindForStatus(status);
  for (const [re, k] of CODE_KINDS) {
    if (code && re.test(code)) { kind = k; break; }
  }
  if (status === 403 && kind === 'validation') kind = 'forbidden';
  // Graph throttles with 503/504 plus Retry-After too (docs/graph-notes.md §12): to the person that is "busy".
  if ((status === 503 || status === 504) && retryAfter) kind = 'throttled';
  let field: string | undefined;
  for (const [re, f] of FIELD_BY_CODE) {
    if (code && re.test(code)) { field = f(message); break; }
  }
  const retry = retryAfter ? parseInt(retryAfter, 10) : undefined;
  return new AppError(kind, status, code, message, field, retry !== undefined && !isNaN(retry) ? retry : undefined,
    correlationId || correlationIdOf(undefined, body));
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

/** What PnPjs's HttpRequestError and our transport's failed fetch carry; anything else thrown is read as text. */
interface IThrown {
  isHttpRequestError?: boolean;
  response?: Response;
  status?: number;
  message?: unknown;
  name?: unknown;
  clientRequestId?: unknown;
  isNetworkFailure?: boolean;
  stack?: unknown;
}

/**
 * Marks `e` as `fetch` itself failing (no answer: DNS, a dropped connection, CORS), where our transport calls
 * `fetch` (readRetry.ts), with the client-request-id it sent. Only a marked error reads as "offline": a
 * `TypeError` thrown by our own code is a bug, mapped to `unknown` and logged.
 */
export function markNetworkFailure<T>(e: T, clientRequestId?: string): T {
  if (e && typeof e === 'object') {
    const err = e as unknown as IThrown;
    err.isNetworkFailure = true;
    if (clientRequestId) err.clientRequestId = clientRequestId;
  }
  return e;
}

export function isNetworkFailure(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as IThrown).isNetworkFailure === true;
}

/** The same thrown value maps to the same AppError, so reportError logs it once however many layers map it. */
const mapped = new WeakMap<object, AppError>();

/** Maps anything thrown by PnPjs or fetch into an AppError. */
export async function toAppError(e: unknown): Promise<AppError> {
  if (isAppError(e)) return e;
  const err: IThrown | undefined = typeof e === 'object' && e !== null ? (e as IThrown) : undefined;
  const known = err && mapped.get(err);
  if (known) return known;
  const result = await mapThrown(e, err);
  if (err) mapped.set(err, result);
  return result;
}

async function mapThrown(e: unknown, err: IThrown | undefined): Promise<AppError> {
  if (err && err.isHttpRequestError && err.response) {
    let text = '';
    try { text = await err.response.clone().text(); } catch { /* body already read: the message still has it */ }
    if (!text && typeof err.message === 'string') text = err.message.split('::> ').slice(1).join('::> ');
    const body = parseBody(text);
    const headers = err.response.headers;
    return fromHttp(err.status !== undefined ? err.status : err.response.status, body, headers && headers.get('Retry-After'), correlationIdOf(headers, body));
  }
  if (err && err.name === 'AbortError') return new AppError('offline', 0, 'aborted', 'aborted');
  if (err && err.isNetworkFailure) {
    // readRetry.ts tags a dropped connection with the client-request-id it sent.
    return new AppError('offline', 0, '', String(err.message || 'network error'), undefined, undefined,
      typeof err.clientRequestId === 'string' ? err.clientRequestId : undefined);
  }
  // Anything else is unexpected (a bug included): kept with its name and stack, so the log says what broke.
  const name = err && typeof err.name === 'string' && err.name !== 'Error' ? `${err.name}: ` : '';
  const unknown = new AppError('unknown', 0, '', `${name}${String((err && err.message) || e)}`);
  if (err && typeof err.stack === 'string') unknown.stack = err.stack;
  return unknown;
}

/**
 * A 403 because the app's token lacks the Graph scope (Graph's `Authorization_RequestDenied`), not because the
 * person lacks a role (`UnAuthorized`): an admin must approve the permission (docs/graph-notes.md §2.3).
 */
export function isMissingPermission(error: AppError): boolean {
  return error.status === 403 && /^Authorization_RequestDenied$/i.test(error.code);
}
