import { GraphFI, graphGet } from '@pnp/graph';
import type { DirectoryObject, Group, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import { graphPath } from './createBrowserClients';
import { toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';

/** A JSON $batch carries at most 20 requests (docs/graph-notes.md §1.1). */
const BATCH_SIZE = 20;

export interface IDirectoryRef { kind: 'group' | 'servicePrincipal'; id: string }

/**
 * Names groups and service principals (a grant whose resource Graph did not name, `unnamedResources` in
 * models/grants.ts) in $batch requests of 20, sent together, into `names` by id; an id already in `names` is not
 * asked again. A name we may not read (403) or that is gone (404) leaves the grant named by its id; anything
 * unexpected does too, and is logged once (reportError skips the expected kinds). `source` names the caller in the log.
 * With `inFlight` (the caller's, kept across calls), an id another call is looking up now is waited for, not asked again.
 */
export async function lookUpNames(
  graph: GraphFI, refs: IDirectoryRef[], names: Map<string, string>, source: string, inFlight?: Map<string, Promise<void>>
): Promise<void> {
  const waiting = inFlight ? refs.map(r => inFlight.get(r.id)).filter((p): p is Promise<void> => !!p) : [];
  const wanted = refs.filter(r => !names.has(r.id) && !(inFlight && inFlight.has(r.id)));
  const groups: IDirectoryRef[][] = [];
  for (let i = 0; i < wanted.length; i += BATCH_SIZE) groups.push(wanted.slice(i, i + BATCH_SIZE));
  await Promise.all([...groups.map(async group => {
    const [batched, execute] = graph.batched({ maxRequests: BATCH_SIZE });
    const pending = group.map(r => {
      const path = `${r.kind === 'group' ? 'groups' : 'servicePrincipals'}/${encodeURIComponent(r.id)}?$select=id,displayName`;
      const one = graphGet<Group | ServicePrincipal | DirectoryObject>(graphPath(batched, path)).then(
        (o: Group | ServicePrincipal) => { if (o.displayName) names.set(r.id, o.displayName); },
        async (e: unknown) => { reportError(source, await toAppError(e)); });
      if (inFlight) {
        inFlight.set(r.id, one);
        one.then(() => { inFlight.delete(r.id); }, () => { inFlight.delete(r.id); });
      }
      return one;
    });
    await execute();
    await Promise.all(pending);
  }), ...waiting]);
}
