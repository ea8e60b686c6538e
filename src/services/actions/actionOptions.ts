import { announceAccessChanged } from '../../core/accessChanged';
import { IAccessHubServices } from '../IAccessHubServices';
import { IFollowOptions } from './followRequest';

/** What every write takes besides its arguments. */
export interface IActionOptions {
  /**
   * Who is writing (useAccessChanged's origin, PROMPT_ORIGIN for the banner): once the change is made the action
   * announces it (announceAccessChanged) so the page's other components read again. Without it nothing is announced
   * (the request panel leaves that to its caller's onChanged).
   */
  origin?: string;
  /** Stops following the request the write created (the component went away). */
  signal?: AbortSignal;
}

export function announce(o: IActionOptions): void {
  if (o.origin) announceAccessChanged(o.origin);
}

/** How a write follows what it created: the services' interval (tests shorten it), the poller's other defaults. */
export function followOptionsOf(services: IAccessHubServices, o: IActionOptions): IFollowOptions {
  return { intervalMs: services.pollIntervalMs, signal: o.signal };
}
