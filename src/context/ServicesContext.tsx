import * as React from 'react';
import { IEntitlementService } from '../services/EntitlementService';
import { ISiteAccessService } from '../services/SiteAccessService';
import { IApprovalService } from '../services/ApprovalService';

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
  /** The approver's and reviewer's Graph calls (AccessApprovals); optional so roots that never decide need not build it. */
  approvals?: IApprovalService;
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

export function useApprovalService(): IApprovalService {
  const value = useServices().approvals;
  if (!value) throw new Error('useApprovalService(): the services were built without an approval service');
  return value;
}
