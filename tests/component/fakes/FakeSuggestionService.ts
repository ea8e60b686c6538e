/**
 * "Suggested for you" for component tests: Graph's answer as the local tenant gives it (tests/service/suggestions.test.ts
 * checks ALEX_SUGGESTIONS against the live tenant), read through the product's own mapper. `mode` follows the
 * tenant's switch: 'unavailable' and 'forbidden' are what the real service makes of a 404 or 403 (no suggestions).
 */
import type { ISuggestionService } from '../../../src/services/suggestionSource';
import { ISuggestion, mapSuggestions } from '../../../src/models/suggestion';
import { ID } from '../../contoso';

/** GET …/accessPackageSuggestions/filterByCurrentUser(on='relatedPeopleAssignments,assignmentHistory')?$expand=accessPackage as Alex. */
export const ALEX_SUGGESTIONS = [{
  id: ID.intranetEditors,
  reasons: [{ '@odata.type': '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased', relatedPeopleAssignmentCount: 2 }],
  accessPackage: { id: ID.intranetEditors, displayName: 'Intranet Editors', description: 'Edit access to the Contoso Intranet home site for news and page authors.' }
}];

export class FakeSuggestionService implements ISuggestionService {
  public calls = 0;
  constructor(private readonly raw: unknown[] = ALEX_SUGGESTIONS, public mode: 'on' | 'unavailable' | 'forbidden' = 'on') {}
  public async list(): Promise<ISuggestion[]> {
    this.calls++;
    return this.mode === 'on' ? mapSuggestions(this.raw) : [];
  }
}
