import * as React from 'react';
import { IHost, sharePointHost } from '../core/host/host';

/**
 * Where the components run (core/host/host.ts): a SharePoint page unless the web part said otherwise, so a component
 * rendered without a provider (tests, the banner) behaves as it always did on a SharePoint page.
 */
const HostContext = React.createContext<IHost>(sharePointHost());

export const HostProvider = HostContext.Provider;

export function useHost(): IHost {
  return React.useContext(HostContext);
}

/**
 * How a package is shared where the components run: in Teams, "Copy link" with a Teams deep link (host/CopyPackageLink,
 * provided by the Teams chunk's TeamsThemeRoot); none on a SharePoint page, whose address already is the link.
 */
const ShareContext = React.createContext<React.ComponentType<{ packageId: string }> | undefined>(undefined);

export const ShareProvider = ShareContext.Provider;

export function usePackageShare(): React.ComponentType<{ packageId: string }> | undefined {
  return React.useContext(ShareContext);
}
