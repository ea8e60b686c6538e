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
