// The AccessPrompt's session cache keys, apart from loadPrompt so that the web parts (which drop the cache after a
// write) do not carry the prompt's loader in their bundle.

const PREFIX = 'accessHub:prompt:facts:';

export function sessionKey(person: string, siteUrl: string): string {
  return `${PREFIX}${person.toLowerCase()}:${siteUrl.replace(/\/+$/, '').toLowerCase()}`;
}

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

/** Forgets the session's answer for this person and site: after they request, extend or cancel. */
export function forgetPrompt(ctx: { session?: Storage; person: string; siteUrl: string }): void {
  try {
    if (ctx.session) ctx.session.removeItem(sessionKey(ctx.person, ctx.siteUrl));
  } catch {
    // Blocked storage: nothing was cached either.
  }
}

