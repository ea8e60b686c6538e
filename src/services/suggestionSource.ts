import type { GraphFI } from '@pnp/graph';
import type { ISuggestion } from '../models/suggestion';

/** Access package suggestions (docs/graph-notes.md §3.9); never rejects for Graph's answers: none is an empty list. */
export interface ISuggestionService {
  list(): Promise<ISuggestion[]>;
}

/** The service's code is in the `access-hub-suggestions` chunk, fetched only when a component shows suggestions. */
export function lazySuggestions(graph: GraphFI): ISuggestionService {
  return {
    list: () => import(/* webpackChunkName: 'access-hub-suggestions' */ './graph/GraphSuggestionService').then(m => m.listSuggestions(graph))
  };
}
