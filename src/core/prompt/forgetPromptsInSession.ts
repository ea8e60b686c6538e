import { PREFIX } from './promptCache';

// Apart from promptCache.ts (part of the AccessPrompt customizer's first script), which does not need it.

/**
 * Forgets every AccessPrompt answer of this session (all sites): called wherever a person requests, extends,
 * removes or cancels (the request panel, MyAccess), so the banner is decided again on the next page view.
 */
export function forgetPromptsInSession(): void {
  try {
    if (typeof window === 'undefined' || !window.sessionStorage) return;
    const storage = window.sessionStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) keys.push(key);
    }
    keys.forEach(k => storage.removeItem(k));
  } catch {
    // Blocked storage: nothing was cached either.
  }
}
