import { IAccessRequest } from '../../core/model/types';
import { toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';
import { IAccessHubServices } from '../IAccessHubServices';
import { IActionOptions, announce } from './actionOptions';

/** Cancels one of the person's open requests (the request panel), once; announced when done. */
export async function cancelRequest(services: IAccessHubServices, requestId: string, o: IActionOptions = {}): Promise<void> {
  await services.entitlements.cancelRequest(requestId);
  announce(o);
}

export type CancelOutcome =
  | { cancelled: true }
  /** Graph said it can no longer be cancelled (decided elsewhere a moment ago): what it is now, when that could be read. */
  | { cancelled: false; current: IAccessRequest | undefined };

/**
 * MyAccess's cancel: like cancelRequest, but a request decided elsewhere a moment ago (`notCancellable`) is read
 * back instead of failing, so the row can say what it is now; nothing is retried. Either way the change is
 * announced. Any other failure rejects.
 */
export async function cancelOrReadBack(services: IAccessHubServices, requestId: string, o: IActionOptions = {}): Promise<CancelOutcome> {
  const { entitlements } = services;
  try {
    await entitlements.cancelRequest(requestId);
  } catch (e) {
    const error = await toAppError(e);
    if (error.kind !== 'notCancellable') throw e;
    // If that read fails too the caller says "?" for the state; an unexpected failure is logged once.
    const current = await entitlements.getRequest(requestId).catch(async (readError: unknown) => {
      reportError('MyAccess.cancelReadBack', await toAppError(readError));
      return undefined;
    });
    announce(o);
    return { cancelled: false, current };
  }
  announce(o);
  return { cancelled: true };
}
