import * as React from 'react';
import { IEntitlementService } from '../services/EntitlementService';
import { ISiteAccessService } from '../services/SiteAccessService';
import { IRetryStatus } from '../services/retryStatus';

/** What every root component gets: services plus the little it needs to know about where it runs. */
export interface IAccessHubServices {
  entitlements: IEntitlementService;
  site: ISiteAccessService;
  /** The page's language, e.g. `en-us`, `de-de`: picks question localizations and date formats. */
  language: string;
  /** My Access base, e.g. `https://myaccess.microsoft.com/@contoso.onmicrosoft.com`. */
  myAccessUrl: string;
  /** Injected so tests can fix time. */
  now: () => Date;
  /** How often (ms) the panel polls a request until it is delivered. */
  pollIntervalMs?: number;
  /** Whether a read is waiting to try again (throttled, offline); absent in fakes that never wait. */
  retryStatus?: IRetryStatus;
}

const ServicesContext = React.createContext<IAccessHubServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): IAccessHubServices {
  const value = React.useContext(ServicesContext);
  if (!value) throw new Error('useServices() outside <ServicesProvider>');
  return value;
}

export function useEntitlements(): IEntitlementService {
  return useServices().entitlements;
}
