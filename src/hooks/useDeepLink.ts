import * as React from 'react';
import { useHost } from '../context/HostContext';

const PARAM = 'accessPackageId';

/**
 * `?accessPackageId=<id>` opens the request panel for that package on any page with a catalog or a
 * button. Only the first component on the page that asks claims it, so two panels never open.
 * In Teams the query never reaches the web part: a Teams deep link's sub-page (`page.subPageId`, core/host/host.ts) does.
 */
export function useDeepLink(): [string | undefined, () => void] {
  const host = useHost();
  const [id, setId] = React.useState<string | undefined>(() => claim(host.inTeams ? host.subPageId || '' : undefined));
  const clear = React.useCallback(() => setId(undefined), []);
  return [id, clear];
}

let claimed = false;

/** Claims the page's deep link: `fromHost` (Teams' sub-page, '' for none) or else the page's query. */
function claim(fromHost?: string): string | undefined {
  if (claimed || (fromHost === undefined && typeof window === 'undefined')) return undefined;
  const value = fromHost !== undefined ? fromHost : new URLSearchParams(window.location.search).get(PARAM);
  if (!value) return undefined;
  claimed = true;
  return value.trim();
}

/** Tests mount several pages in one process. */
export function resetDeepLinkClaim(): void {
  claimed = false;
}
