import { AppError, AppErrorKind } from './AppError';

/**
 * Unexpected errors are logged once, with what support needs to find them in Graph's logs: the correlation id
 * (request-id / client-request-id). Expected kinds (throttled, offline, not found, validation, business rules)
 * are shown to the person and not logged. SPFx components log with SPFx's `Log`; the local workbench and tests
 * keep the console default (this module must not import SPFx: the workbench bundles it).
 */
export type ErrorSink = (source: string, error: AppError, text: string) => void;

const UNEXPECTED: AppErrorKind[] = ['server', 'unknown', 'unauthorized', 'conflict'];

const consoleSink: ErrorSink = (source, _error, text) => {
  // eslint-disable-next-line no-console -- the workbench's log is the browser console
  console.error(`[${source}] ${text}`);
};

let sink: ErrorSink = consoleSink;
const logged = new WeakSet<AppError>();

export function setErrorSink(next: ErrorSink | undefined): void {
  sink = next || consoleSink;
}

export function isUnexpected(error: AppError): boolean {
  return UNEXPECTED.indexOf(error.kind) >= 0;
}

/** Logs `error` if it is unexpected and not logged before; returns whether it logged. */
export function reportError(source: string, error: AppError): boolean {
  if (!isUnexpected(error) || logged.has(error)) return false;
  logged.add(error);
  const id = error.correlationId ? ` (correlation id ${error.correlationId})` : '';
  sink(source, error, `${error.kind} ${error.status || ''} ${error.code}: ${error.message}${id}`.replace(/\s+/g, ' '));
  return true;
}
