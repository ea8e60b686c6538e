import * as React from 'react';
import * as ReactDom from 'react-dom';
import type { BaseComponentContext, IReadonlyTheme } from '@microsoft/sp-component-base';
import { AppRoot } from '../components/AppRoot';
import { createSpfxServices } from '../services/createSpfxServices';
import { IAccessHubServices } from '../services/IAccessHubServices';
import type { IHost, IMicrosoftTeamsSdk } from '../core/host/host';
import { createHost } from '../core/host/createHost';
import { GraphTeamService } from '../services/graph/GraphTeamService';

/** Every web part's root, in this one chunk: a page with several web parts loads one chunk for all of them. */
export { ROOTS } from './roots';

/** This module's type, for the web part classes, which import it only with import(). */
export type WebPartUiModule = typeof import('./webPartUi');

// What the web parts' property panes use, which the pane reaches through this module (loaded in onInit, before any
// pane opens) instead of importing it: the AccessPrompt banner's chunk needs the same modules, and a module in the
// web parts' first script was downloaded a second time in the banner's chunk on a page with both (about 4 KB
// gzipped). Imported here, webpack puts them in a chunk both bundles load.
export { toAppError } from '../services/infrastructure/AppError';
export { reportError } from '../services/infrastructure/reportError';
export { errorMessage, format, formatCount } from '../components/format';
export { invalidPackageRefs, parsePackageRef, parsePackageRefs, safeUrl } from '../models/packageRef';
export { readAccessMap } from '../core/model/siteAccessMap';

// What every web part needs to show itself (its root, Fluent UI, PnPjs, the services), loaded with import() after
// the web parts' first script. The AccessPrompt banner's chunk imports many of the same modules, so webpack puts
// those in chunks both bundles load by the same URL: a page with web parts and the banner downloads them once.

export interface IWebPartUi {
  services: IAccessHubServices;
  /** Where the web part runs: a SharePoint page, or Teams (from `context.sdks.microsoftTeams`). */
  host: IHost;
  render<P>(root: React.ComponentType<{ properties: P }>, properties: P, theme: IReadonlyTheme | undefined): void;
  unmount(): void;
}

// A promise chain, not async/await: compiled to ES5, async would bring its helpers into every page's chunk.
export function createWebPartUi(ctx: BaseComponentContext, el: HTMLElement): Promise<IWebPartUi> {
  // MyAccess's "My team" reads (only the web parts have it: not the banner's or the AccessCard's bundles).
  const services = createSpfxServices(ctx, { team: clients => new GraphTeamService(clients.graph) });
  // SPFx gives a web part in Teams (and Outlook, the Microsoft 365 app) the Teams JS SDK it loaded; on a page, none.
  const sdks = (ctx as { sdks?: { microsoftTeams?: unknown } }).sdks;
  return createHost(sdks && sdks.microsoftTeams as IMicrosoftTeamsSdk | undefined).then(host =>
    // Teams' themes come with the Teams host's own chunk: a SharePoint page never downloads them.
    (host.inTeams ? import(/* webpackChunkName: 'access-hub-teams' */ '../components/host/TeamsThemeRoot').then(m => m.TeamsThemeRoot) : Promise.resolve(undefined))
      .then((teamsRoot): IWebPartUi => ({
        services,
        host,
        render: (root, properties, theme) => {
          ReactDom.render(React.createElement(AppRoot, { services, theme, host, teamsRoot }, React.createElement(root, { properties })), el);
        },
        unmount: () => { ReactDom.unmountComponentAtNode(el); }
      })));
}
