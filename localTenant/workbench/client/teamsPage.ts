/**
 * The client side of the workbench's Teams pages (../teams.ts): the Teams JS SDK stand-in, the host the web parts
 * build from it (the same createHost as SPFx web parts in Teams), and the frame's theme switch, which changes the
 * theme live through the stand-in's theme change handler, as Teams does when the person switches theme.
 */
import type { IHost, TeamsTheme } from '../../../src/core/host/host';
import { createHost } from '../../../src/core/host/createHost';
import type { WorkbenchClientConfig } from '../server';
import { createTeamsStandIn, TeamsStandIn } from './teamsStandIn';

declare global {
  interface Window {
    /** The Teams page's stand-in (tests switch the theme and read the links opened through it). */
    __ACCESS_HUB_TEAMS__?: { standIn: TeamsStandIn; host: IHost };
  }
}

export async function startTeamsPage(config: WorkbenchClientConfig): Promise<IHost | undefined> {
  const teams = config.teams;
  if (!teams) return undefined;
  const standIn = createTeamsStandIn({ config: teams, locale: config.language, user: config.user });
  // What AccessHubWebPart does with this.context.sdks.microsoftTeams (webPartUi.ts).
  const host = await createHost(standIn);
  window.__ACCESS_HUB_TEAMS__ = { standIn, host };
  const frame = document.querySelector('.tm-frame');
  const select = document.getElementById('tm-theme') as HTMLSelectElement | null;
  if (select) {
    select.addEventListener('change', () => {
      const theme = select.value as TeamsTheme;
      standIn.setTheme(theme);
      // The address keeps the theme, so a reload (or a link to another tab) stays in it.
      const url = new URL(window.location.href);
      url.searchParams.set('teamsTheme', theme);
      window.history.replaceState(null, '', url.toString());
      document.querySelectorAll<HTMLAnchorElement>('.tm-tabs a').forEach(a => {
        const target = new URL(a.href);
        target.searchParams.set('teamsTheme', theme);
        a.href = target.pathname + target.search;
      });
      document.querySelectorAll<HTMLInputElement>('.wb-switcher input[name="teamsTheme"]').forEach(i => { i.value = theme; });
    });
  }
  // Teams' own frame follows its theme too.
  host.onThemeChange(theme => { if (frame) frame.setAttribute('data-teams-theme', theme); });
  return host;
}
