import * as React from 'react';
import { IAccessHubServices } from '../services/IAccessHubServices';
import type { ITeamProbe } from '../services/graph/GraphTeamService';
import { toAppError } from '../services/infrastructure/AppError';
import { reportError } from '../services/infrastructure/reportError';

/**
 * MyAccess's "My team" probe (services/graph/GraphTeamService.ts): one read, sent when MyAccess mounts, beside its
 * own lists (same round trip; MyAccess never waits for it). undefined until it answers, and for good when Graph
 * refuses `on='targetManager'` (metadata only) or lists nothing: then there is no tab and nothing is shown. An
 * unexpected failure (5xx, offline) is logged once, not shown: the tab simply stays away.
 */
export function useTeamProbe(services: IAccessHubServices): ITeamProbe | undefined {
  const [probe, setProbe] = React.useState<ITeamProbe | undefined>(undefined);
  React.useEffect(() => {
    const team = services.team;
    if (!team) return undefined;
    let current = true;
    team.probe().then(
      found => { if (current) setProbe(found); },
      async (e: unknown) => { reportError('MyAccess.team', await toAppError(e)); }
    );
    return () => { current = false; };
  }, [services]);
  return probe;
}
