import * as React from 'react';

const PARAM = 'accessPackageId';

/**
 * `?accessPackageId=<id>` opens the request panel for that package on any page with a catalog or a
 * button. Only the first component on the page that asks claims it, so two panels never open.
 */
export function useDeepLink(): [string | undefined, () => void] {
  const [id, setId] = React.useState<string | undefined>(() => claim());
  const clear = React.useCallback(() => setId(undefined), []);
  return [id, clear];
}

let claimed = false;

function claim(): string | undefined {
  if (claimed || typeof window === 'undefined') return undefined;
  const value = new URLSearchParams(window.location.search).get(PARAM);
  if (!value) return undefined;
  claimed = true;
  return value.trim();
}

/** Tests mount several pages in one process. */
export function resetDeepLinkClaim(): void {
  claimed = false;
}
