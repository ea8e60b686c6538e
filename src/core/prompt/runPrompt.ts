import { choosePrompt, dismissalKey, dismissalValue, isDismissed, IPromptFacts, IPromptSettings, PromptBanner } from '../model/prompt';
import { forgetPrompt, IPromptContext, loadPrompt } from './loadPrompt';

// The customizer's first script: decide with plain fetch whether there is anything to show, and only then
// load the banner (React, Fluent UI, PnPjs, the request panel) through the host's dynamic import.

export interface IPromptView {
  banner: PromptBanner;
  facts: IPromptFacts;
  settings: IPromptSettings;
  /** Remembers the dismissal for the configured days, then hides the banner. */
  dismiss(): void;
  /** After a request, extension or cancel: forget the session's answer and decide again. */
  changed(): Promise<void>;
}

export interface IPromptHost {
  ctx: IPromptContext;
  /** Where dismissals live (localStorage): they must outlast the session. */
  dismissals?: Storage;
  show(view: IPromptView): Promise<void>;
  hide(): void;
}

/**
 * Decides and shows at most one banner; never throws (a prompt must not break the page). A decision kept for the
 * session shows at once; when it was old, the fresh one replaces it if it differs, and a failed revalidation keeps it.
 * A promise chain rather than async/await: this is the customizer's first script, compiled to ES5.
 */
export function runPrompt(host: IPromptHost): Promise<PromptBanner | undefined> {
  return loadPrompt(host.ctx).then(load => decide(host, load.facts).then(shown => (load.revalidation || Promise.resolve()).then(facts => (
    facts && JSON.stringify(choosePrompt(facts, host.ctx.settings, host.ctx.now())) !== JSON.stringify(shown) ? decide(host, facts) : shown
  )))).catch((e: unknown) => {
    // eslint-disable-next-line no-console -- the banner is optional; say why it is absent to whoever debugs
    console.warn('AccessPrompt: no banner', e);
    host.hide();
    return undefined;
  });
}

function decide(host: IPromptHost, facts: IPromptFacts): Promise<PromptBanner | undefined> {
  const { ctx } = host;
  const now = ctx.now();
  const banner = choosePrompt(facts, ctx.settings, now);
  const key = dismissalKey(ctx.person, ctx.siteUrl);
  if (!banner || (banner.kind === 'offer' && isDismissed(readItem(host.dismissals, key), banner.packageId, now))) {
    host.hide();
    return Promise.resolve(undefined);
  }
  return host.show({
    banner, facts, settings: ctx.settings,
    dismiss: () => {
      try {
        if (host.dismissals) host.dismissals.setItem(key, dismissalValue(banner.packageId, ctx.now(), ctx.settings.dismissDays));
      } catch {
        // Blocked storage: the banner still closes for this page view.
      }
      host.hide();
    },
    changed: () => {
      forgetPrompt(ctx);
      return runPrompt(host).then(() => undefined);
    }
  }).then(() => banner);
}

function readItem(storage: Storage | undefined, key: string): string | undefined {
  try {
    return (storage && storage.getItem(key)) || undefined;
  } catch {
    return undefined;
  }
}
