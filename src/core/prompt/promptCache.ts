// The AccessPrompt's session cache keys, apart from loadPrompt so that the web parts (which drop the cache after a
// write) do not carry the prompt's loader in their bundle. Forgetting every answer (after a request) is in
// ./forgetPromptsInSession: this module is part of the customizer's first script, which does not need it.

/** Where the session's answers are kept: one key per person and site under this prefix. */
export const PREFIX = 'accessHub:prompt:facts:';

export function sessionKey(person: string, siteUrl: string): string {
  return `${PREFIX}${person.toLowerCase()}:${siteUrl.replace(/\/+$/, '').toLowerCase()}`;
}

/** Forgets the session's answer for this person and site: after they request, extend or cancel. */
export function forgetPrompt(ctx: { session?: Storage; person: string; siteUrl: string }): void {
  try {
    if (ctx.session) ctx.session.removeItem(sessionKey(ctx.person, ctx.siteUrl));
  } catch {
    // Blocked storage: nothing was cached either.
  }
}

