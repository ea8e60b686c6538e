import * as React from 'react';
import { IAccessHubServices, IApprovalService } from '../services/IAccessHubServices';

const ServicesContext = React.createContext<IAccessHubServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): IAccessHubServices {
  const value = React.useContext(ServicesContext);
  if (!value) throw new Error('useServices() outside <ServicesProvider>');
  return value;
}

export function useApprovalService(): IApprovalService {
  const value = useServices().approvals;
  if (!value) throw new Error('useApprovalService(): the services were built without an approval service');
  return value;
}
