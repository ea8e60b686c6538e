import * as React from 'react';
import { IAccessHubServices } from '../services/interfaces';

const ServicesContext = React.createContext<IAccessHubServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): IAccessHubServices {
  const value = React.useContext(ServicesContext);
  if (!value) throw new Error('useServices() outside <ServicesProvider>');
  return value;
}
