/**
 * Counts in every language follow that language's plural rules (Intl.PluralRules): English and German say
 * "1 day" but "0 days", French says "0 jour" and "1 jour" but "2 jours". The strings are the real locale files.
 */
import * as path from 'path';
import { formatCount, formatNumber } from '../../src/components/format';
const loadAmdStrings = require('../mocks/amdLoc');

const load = (locale: string): ICommonStrings => loadAmdStrings(path.resolve(__dirname, '..', '..', 'src', 'loc', `${locale}.js`));
const en = load('en-us');
const de = load('de-de');
const fr = load('fr-fr');

describe('formatCount', () => {
  it.each([
    [0, '0 access packages'], [1, '1 access package'], [2, '2 access packages'], [1000, '1,000 access packages']
  ])('en-us: %d → %s', (n, text) => {
    expect(formatCount(en.Catalog.Count, n, 'en-us')).toBe(text);
  });

  it.each([
    [0, '0 Zugriffspakete'], [1, '1 Zugriffspaket'], [2, '2 Zugriffspakete'], [1000, '1.000 Zugriffspakete']
  ])('de-de: %d → %s', (n, text) => {
    expect(formatCount(de.Catalog.Count, n, 'de-de')).toBe(text);
  });

  // French puts 0 with 1 ("one") and uses "de" after a round million ("many").
  it.each([
    [0, '0 package d\'accès'], [1, '1 package d\'accès'], [2, '2 packages d\'accès'],
    [1000000, `${formatNumber(1000000, 'fr-fr')} de packages d'accès`]
  ])('fr-fr: %d → %s', (n, text) => {
    expect(formatCount(fr.Catalog.Count, n, 'fr-fr')).toBe(text);
  });

  it('writes numbers as the language does', () => {
    expect(formatNumber(1000, 'en-us')).toBe('1,000');
    expect(formatNumber(1000, 'de-de')).toBe('1.000');
    expect(formatNumber(1000, 'fr-fr')).toMatch(/^1\s000$/); // a narrow no-break space
  });

  it('days, hours, extra grants and characters in all three languages', () => {
    expect([0, 1, 2].map(n => formatCount(en.Panel.LastsDays, n, 'en-us'))).toEqual(['0 days', '1 day', '2 days']);
    expect([0, 1, 2].map(n => formatCount(de.Panel.LastsDays, n, 'de-de'))).toEqual(['0 Tage', '1 Tag', '2 Tage']);
    expect([0, 1, 2].map(n => formatCount(fr.Panel.LastsDays, n, 'fr-fr'))).toEqual(['0 jour', '1 jour', '2 jours']);
    expect([1, 8].map(n => formatCount(en.Panel.LastsHours, n, 'en-us'))).toEqual(['1 hour', '8 hours']);
    expect([1, 8].map(n => formatCount(de.Panel.LastsHours, n, 'de-de'))).toEqual(['1 Stunde', '8 Stunden']);
    expect([1, 8].map(n => formatCount(fr.Panel.LastsHours, n, 'fr-fr'))).toEqual(['1 heure', '8 heures']);
    expect([1, 2].map(n => formatCount(de.Grants.More, n, 'de-de'))).toEqual(['+1 weiteres', '+2 weitere']);
    expect([1, 2].map(n => formatCount(fr.Grants.More, n, 'fr-fr'))).toEqual(['+1 autre', '+2 autres']);
    // The noun agrees with the maximum ({0}); what was typed is {1}.
    expect(formatCount(en.Panel.CharacterCount, 1000, 'en-us', 5)).toBe('5 of 1,000 characters');
    expect(formatCount(en.Panel.CharacterCount, 1, 'en-us', 0)).toBe('0 of 1 character');
    expect(formatCount(de.Panel.CharacterCount, 1000, 'de-de', 5)).toBe('5 von 1.000 Zeichen');
    expect(formatCount(fr.Panel.CharacterCount, 1000, 'fr-fr', 5)).toBe(`5 sur ${formatNumber(1000, 'fr-fr')} caractères`);
    expect(formatCount(en.Validation.justificationTooLong, 1, 'en-us')).toBe('Keep the justification under 1 character.');
  });

  it('falls back to "other" for a category the strings lack, and to English rules for a malformed language', () => {
    expect(formatCount({ other: '{0} items' }, 1, 'en-us')).toBe('1 items');
    expect(formatCount({ one: '{0} item', other: '{0} items' }, 1, 'not a language!')).toBe('1 item');
    expect(formatCount({ one: '{0} item', other: '{0} items' }, 3, 'not a language!')).toBe('3 items');
  });
});
