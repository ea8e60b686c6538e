import { forgetPromptsInSession } from './prompt/forgetPromptsInSession';

// Access Hub components on one page tell each other when the person's access changed. A window event rather than
// a shared module: the web parts and the AccessPrompt customizer are two bundles, each with its own module copies.

export const ACCESS_CHANGED_EVENT = 'accesshub:accesschanged';

/** The origin the AccessPrompt banner announces with; the customizer decides again on every other origin. */
export const PROMPT_ORIGIN = 'access-prompt';

interface IAccessChangedDetail {
  origin: string;
}

/**
 * After a request, cancel, extension or removal: the AccessPrompt's answers cached for the session are stale, and
 * the other Access Hub components on the page read again (`origin` is who changed it; it does not hear itself).
 */
export function announceAccessChanged(origin: string): void {
  forgetPromptsInSession();
  if (typeof window === 'undefined' || typeof CustomEvent !== 'function') return;
  window.dispatchEvent(new CustomEvent<IAccessChangedDetail>(ACCESS_CHANGED_EVENT, { detail: { origin } }));
}

/** Calls `listener` when a component other than `origin` announced a change; returns the unsubscribe. */
export function onAccessChanged(origin: string, listener: () => void): () => void {
  const handler = (e: Event): void => {
    const detail = (e as CustomEvent<IAccessChangedDetail>).detail;
    if (!detail || detail.origin !== origin) listener();
  };
  window.addEventListener(ACCESS_CHANGED_EVENT, handler);
  return () => window.removeEventListener(ACCESS_CHANGED_EVENT, handler);
}
