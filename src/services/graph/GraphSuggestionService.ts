/**
 * "Suggested for you": Graph's access package suggestions for the signed-in person (docs/graph-notes.md §3.9).
 * GET …/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')?$expand=accessPackage
 * https://learn.microsoft.com/en-us/graph/api/accesspackagesuggestions-filterbycurrentuser?view=graph-rest-1.0
 *
 * Loaded only in the `access-hub-suggestions` chunk. Reads go through the client's RetryReads (429/503 retried as
 * every read). Suggestions are an extra: when Graph answers that they are off or not there (404 outside the global
 * cloud, 403 without EntitlementManagement.Read.All or when the tenant turned them off, 400), there are none, and
 * nothing is shown or logged; anything else unexpected is logged (reportError) and there are none either.
 */
import type { GraphFI } from '@pnp/graph';
import { getAllPages } from './getAllPages';
import { graphPath } from './createBrowserClients';
import { toAppError } from '../infrastructure/AppError';
import { reportError } from '../infrastructure/reportError';
import { IGraphSuggestion, ISuggestion, mapSuggestions } from '../../models/suggestion';
import type { ISuggestionService } from '../suggestionSource';

export const SUGGESTIONS_PATH =
  "identityGovernance/entitlementManagement/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')?$expand=accessPackage";

/** Statuses that mean "no suggestions here", not a failure. */
const NONE = [400, 403, 404];

export async function listSuggestions(graph: GraphFI): Promise<ISuggestion[]> {
  try {
    const raw = await getAllPages<IGraphSuggestion>(graphPath(graph, ''), SUGGESTIONS_PATH, 5);
    return mapSuggestions(raw);
  } catch (e) {
    const error = await toAppError(e);
    if (NONE.indexOf(error.status) < 0) reportError('Suggestions', error);
    return [];
  }
}

export function graphSuggestionService(graph: GraphFI): ISuggestionService {
  return { list: () => listSuggestions(graph) };
}
