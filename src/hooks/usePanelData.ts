import { useServices } from '../context/ServicesContext';
import { useAsync, IAsyncResult } from './useAsync';
import { loadPanelData, IPanelData } from '../services/loaders/loadPanelData';

const NOTHING: IPanelData = { pkg: undefined, policies: [], assignments: [], requests: [] };

/** Everything the panel needs for one package; nothing is read for an invalid id. */
export function usePanelData(packageId: string, valid: boolean): IAsyncResult<IPanelData> {
  const services = useServices();
  return useAsync(() => (valid ? loadPanelData(services, packageId) : Promise.resolve(NOTHING)), [services, packageId, valid]);
}
