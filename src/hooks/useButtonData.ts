import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadButtonData, IButtonData } from '../services/loaders/loadButtonData';

/** The button's package and status; undefined without a package id. `reload` reads it again after the person acts. */
export function useButtonData(packageId: string | undefined): IAsyncResult<IButtonData | undefined> {
  const services = useServices();
  return useAsync(() => (packageId ? loadButtonData(services, packageId) : Promise.resolve(undefined)), [services, packageId]);
}
