import type { ISuggestion } from '../models/suggestion';

/**
 * Access package suggestions (docs/graph-notes.md §3.9); never rejects for Graph's answers: none is an empty list.
 * Graph's is `graphSuggestionService` in graph/GraphSuggestionService.ts, in the `access-hub-suggestions` chunk.
 */
export interface ISuggestionService {
  list(): Promise<ISuggestion[]>;
}
