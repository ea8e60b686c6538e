import { IHost, IHostEnvironment, IMicrosoftTeamsSdk, sharePointHost } from './host';

// Its own module, which only the web parts' UI chunk (webPartUi.ts) imports: the Teams host's chunk is then known to
// the web parts' bundle alone, not to the AccessPrompt customizer's first script (whose banner uses host.ts too).

/** The SDK's theme handler is one per frame (a later registration replaces it): one host per SDK, whoever asks. */
let made: { sdk: IMicrosoftTeamsSdk; host: Promise<IHost> } | undefined;

/**
 * The host for a web part: a SharePoint page's without a Teams SDK, else read from `app.getContext()` (teamsHost.ts,
 * loaded only in Teams). A context that cannot be read (an old host) is treated as a personal app in the default
 * theme, with the SDK's links still used.
 */
export function createHost(sdk: IMicrosoftTeamsSdk | undefined, env: IHostEnvironment = {}): Promise<IHost> {
  if (!sdk || !sdk.teamsJs || !sdk.teamsJs.app) return Promise.resolve(sharePointHost(env));
  if (!made || made.sdk !== sdk) {
    made = { sdk, host: import(/* webpackChunkName: 'access-hub-teams' */ './teamsHost').then(m => m.teamsHost(sdk.teamsJs, env)) };
  }
  return made.host;
}

/** Tests build hosts from new stand-ins; this forgets the ones built so far. */
export function forgetHosts(): void {
  made = undefined;
}
