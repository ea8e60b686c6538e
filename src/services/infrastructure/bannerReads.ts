import { ISharedAnswer, SHARED_READS } from '../../core/pageSharedReads';

/** How old an answer the AccessPrompt's first script read on this page may be to serve a web part. */
export const SHARED_MAX_AGE_MS = 10000;

/**
 * The answer the AccessPrompt customizer's first script read (or is reading) on this page for `url`, when it is
 * recent (core/pageSharedReads.ts): the customizer and the web parts are separate bundles on one window, and on a
 * page without a site access map both list the person's requestable packages and read what each grants. A web part
 * that takes the banner's answer does not ask Graph again: the page makes one scan, not two.
 */
export function bannerRead(url: string, now: number = Date.now()): Promise<ISharedAnswer> | undefined {
  if (typeof window === 'undefined') return undefined;
  const reads = (window as unknown as Record<string, Record<string, { at: number; answer: Promise<ISharedAnswer> }> | undefined>)[SHARED_READS];
  const hit = reads && reads[url];
  return hit && now - hit.at < SHARED_MAX_AGE_MS ? hit.answer : undefined;
}

/** Whether the AccessPrompt's first script has shared a read on this page (it starts before the web parts). */
export function bannerOnPage(): boolean {
  return typeof window !== 'undefined' && !!(window as unknown as Record<string, unknown>)[SHARED_READS];
}

/**
 * Waits for the next task: the banner follows a page it shares within the same task (promise callbacks), so after
 * this a read it is about to make is in the registry, and a web part that got the same page does not get ahead of it.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>(resolve => setTimeout(resolve, 0));
}
