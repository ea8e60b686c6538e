/**
 * Suggestions as Graph sends them (docs/graph-notes.md §3.9) read tolerantly, and why each is suggested in the page's
 * language: plural rules and the UI's date format, from the real locale files.
 */
import * as path from 'path';
import { mapReason, mapSuggestion, mapSuggestions } from '../../src/models/suggestion';
import { reasonText } from '../../src/components/suggestions/reasonText';
const loadAmdStrings = require('../mocks/amdLoc');

const RELATED = '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased';
const HISTORY = '#microsoft.graph.accessPackageSuggestionSelfAssignmentHistoryBased';
const pkg = { id: 'p1', displayName: 'Marketing Team Access', description: 'Marketing resources' };

describe('mapSuggestion', () => {
  it("reads Graph's documented example", () => {
    expect(mapSuggestion({
      id: 'p1',
      reasons: [{ '@odata.type': RELATED, relatedPeopleAssignmentCount: 2 }, { '@odata.type': HISTORY, pastAssignmentCount: 2, lastAssignmentDateTime: '2024-08-08T19:13:50.023Z' }],
      accessPackage: pkg
    })).toEqual({
      packageId: 'p1', displayName: 'Marketing Team Access', description: 'Marketing resources',
      reasons: [{ kind: 'relatedPeople', count: 2, people: [] }, { kind: 'history', count: 2, lastAssignedDateTime: '2024-08-08T19:13:50.023Z' }]
    });
  });

  it('ignores reason types it does not know, keeps the ones it does, and related people names when Graph gives them', () => {
    const s = mapSuggestion({ id: 'p1', accessPackage: pkg, reasons: [
      { '@odata.type': '#microsoft.graph.accessPackageSuggestionSomethingNew', score: 9 }, null,
      { '@odata.type': 'microsoft.graph.accessPackageSuggestionRelatedPeopleBased', relatedPeopleAssignmentCount: 3, relatedPeople: [{ id: 'u', displayName: 'Megan Bowen' }, null] }
    ] });
    expect(s && s.reasons).toEqual([{ kind: 'relatedPeople', count: 3, people: ['Megan Bowen'] }]);
  });

  it('leaves out what cannot be shown: no package name (no $expand), no reason it can word, nonsense counts', () => {
    expect(mapSuggestion({ id: 'p1', reasons: [{ '@odata.type': RELATED, relatedPeopleAssignmentCount: 1 }] })).toBeUndefined();
    expect(mapSuggestion({ id: 'p1', accessPackage: pkg, reasons: [{ '@odata.type': 'x' }] })).toBeUndefined();
    expect(mapSuggestion({ id: 'p1', accessPackage: pkg, reasons: null })).toBeUndefined();
    expect(mapReason({ '@odata.type': RELATED, relatedPeopleAssignmentCount: 0 })).toBeUndefined();
    expect(mapReason({ '@odata.type': HISTORY, pastAssignmentCount: -1, lastAssignmentDateTime: 'not a date' })).toBeUndefined();
    expect(mapReason({ '@odata.type': HISTORY, lastAssignmentDateTime: '2025-06-02T00:00:00Z' })).toEqual({ kind: 'history', count: 1, lastAssignedDateTime: '2025-06-02T00:00:00Z' });
  });

  it('mapSuggestions: anything not a list is none; duplicates once', () => {
    expect(mapSuggestions(undefined)).toEqual([]);
    expect(mapSuggestions({ value: [] })).toEqual([]);
    const one = { id: 'P1', accessPackage: { ...pkg, id: 'P1' }, reasons: [{ '@odata.type': RELATED, relatedPeopleAssignmentCount: 1 }] };
    expect(mapSuggestions([one, { ...one, id: 'p1', accessPackage: pkg }, 'junk'])).toHaveLength(1);
  });
});

describe('reasonText', () => {
  const locale = (name: string): void => {
    const strings = loadAmdStrings(path.resolve(__dirname, '..', '..', 'src', 'loc', `${name}.js`));
    jest.resetModules();
    jest.doMock('CommonStrings', () => strings, { virtual: true });
  };
  const textIn = (name: string, ...args: Parameters<typeof reasonText>): string => {
    locale(name);
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const m = require('../../src/components/suggestions/reasonText') as typeof import('../../src/components/suggestions/reasonText');
    return m.reasonText(...args);
  };
  afterEach(() => { jest.dontMock('CommonStrings'); });

  it('English: people in the singular and plural; history with the date written as the UI writes dates', () => {
    expect(reasonText({ kind: 'relatedPeople', count: 1, people: [] }, 'en-us')).toBe('1 person you work with has this');
    expect(reasonText({ kind: 'relatedPeople', count: 4, people: [] }, 'en-us')).toBe('4 people you work with have this');
    expect(reasonText({ kind: 'history', count: 1, lastAssignedDateTime: '2025-06-02T10:00:00Z' }, 'en-us')).toBe('Assigned to you 1 time before, most recently on June 2, 2025');
    expect(reasonText({ kind: 'history', count: 3, lastAssignedDateTime: '2025-06-02T10:00:00Z' }, 'en-us')).toBe('Assigned to you 3 times before, most recently on June 2, 2025');
    expect(reasonText({ kind: 'history', count: 2 }, 'en-us')).toBe('Assigned to you 2 times before');
  });

  it('German and French', () => {
    expect(textIn('de-de', { kind: 'relatedPeople', count: 2, people: [] }, 'de-de')).toBe('2 Personen, mit denen Sie zusammenarbeiten, haben dies');
    expect(textIn('de-de', { kind: 'history', count: 1, lastAssignedDateTime: '2025-06-02T00:00:00Z' }, 'de-de')).toBe('Ihnen bereits 1-mal zugewiesen, zuletzt am 2. Juni 2025');
    expect(textIn('fr-fr', { kind: 'relatedPeople', count: 1, people: [] }, 'fr-fr')).toBe('1 personne avec qui vous travaillez a cet accès');
    expect(textIn('fr-fr', { kind: 'relatedPeople', count: 2, people: [] }, 'fr-fr')).toBe('2 personnes avec qui vous travaillez ont cet accès');
    expect(textIn('fr-fr', { kind: 'history', count: 1, lastAssignedDateTime: '2025-06-02T00:00:00Z' }, 'fr-fr')).toBe('Attribué 1 fois auparavant, la dernière le 2 juin 2025');
  });
});
