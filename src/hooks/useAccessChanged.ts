import * as React from 'react';
import { announceAccessChanged, onAccessChanged } from '../core/accessChanged';

let instances = 0;

/**
 * Reads again (`reload`) when another Access Hub component on the page changed the person's access (the request
 * panel elsewhere, the AccessPrompt banner, MyAccess); returns this component's own announcement, to call after
 * it changed something itself.
 */
export function useAccessChanged(reload: () => void): () => void {
  const origin = useAccessChangedOrigin(reload);
  return React.useCallback(() => announceAccessChanged(origin), [origin]);
}

/** The same, returning this component's origin: the writes in services/actions announce with it. */
export function useAccessChangedOrigin(reload: () => void): string {
  const origin = React.useMemo(() => `accesshub-${++instances}`, []);
  const reloadRef = React.useRef(reload);
  reloadRef.current = reload;
  React.useEffect(() => onAccessChanged(origin, () => reloadRef.current()), [origin]);
  return origin;
}
