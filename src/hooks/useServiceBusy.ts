import * as React from 'react';
import { useServices } from '../context/ServicesContext';
import { BUSY_AFTER_MS } from '../services/infrastructure/RetryStatus';

/**
 * True while a read of this component's services has been retrying for longer than `afterMs` (Graph
 * throttled, answered 503 or the connection dropped), so the component can say it is still trying.
 */
export function useServiceBusy(afterMs: number = BUSY_AFTER_MS): boolean {
  const { retryStatus } = useServices();
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!retryStatus) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const since = retryStatus.waitingSince();
      if (since === undefined) {
        setBusy(false);
        return;
      }
      const remaining = since + afterMs - retryStatus.now();
      setBusy(remaining <= 0);
      // Not busy yet: look again when the threshold passes, unless the read ends first.
      if (remaining > 0) timer = setTimeout(update, remaining);
    };
    update();
    const unsubscribe = retryStatus.subscribe(update);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [retryStatus, afterMs]);

  return busy;
}
