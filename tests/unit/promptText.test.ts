/** The banner's sentence: when access ends in days and as a date, in the person's time zone, in each language. */
import * as path from 'path';
import { bannerText, dateText, timeZoneOf } from '../../src/extensions/accessPrompt/promptText';
import { PromptBanner } from '../../src/core/model/prompt';

const loadAmdStrings = require('../mocks/amdLoc'); // eslint-disable-line @typescript-eslint/no-var-requires

const NOW = new Date('2026-12-05T09:00:00Z');
const ending = (iso: string): PromptBanner => ({
  kind: 'expiring', packageId: 'e', packageName: 'Engineering Onboarding', endDateTime: iso, canExtend: true,
  assignment: { id: 'a', state: 'delivered', status: 'Delivered', accessPackageId: 'e' }
});

/** bannerText with another language's strings (the module reads them once, at import). */
function textIn(locale: string, banner: PromptBanner, timeZone?: string): string {
  let text = '';
  jest.isolateModules(() => {
    jest.doMock('AccessPromptApplicationCustomizerStrings', () => loadAmdStrings(path.resolve(__dirname, `../../src/extensions/accessPrompt/loc/${locale}.js`)));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const m = require('../../src/extensions/accessPrompt/promptText') as typeof import('../../src/extensions/accessPrompt/promptText');
    text = m.bannerText(banner, 'Engineering', locale, NOW, timeZone);
  });
  return text;
}

describe('bannerText: when access ends', () => {
  it('says both in how many days and on which date, as MyAccess counts days, in en, de and fr', () => {
    const end = ending('2026-12-15T12:00:00Z');
    expect(bannerText(end, 'Engineering', 'en-us', NOW, 'UTC')).toBe('Your access to Engineering through Engineering Onboarding ends in 10 days, on December 15.');
    expect(textIn('de-de', end, 'UTC')).toBe('Ihr Zugriff auf Engineering über Engineering Onboarding endet in 10 Tagen, am 15. Dezember.');
    expect(textIn('fr-fr', end, 'UTC')).toBe('Votre accès à Engineering via Engineering Onboarding prend fin dans 10 jours, le 15 décembre.');
    const tomorrow = ending('2026-12-06T09:00:00Z');
    expect(bannerText(tomorrow, 'Engineering', 'en-us', NOW, 'UTC')).toBe('Your access to Engineering through Engineering Onboarding ends in 1 day, on December 6.');
    expect(textIn('de-de', tomorrow, 'UTC')).toBe('Ihr Zugriff auf Engineering über Engineering Onboarding endet in 1 Tag, am 6. Dezember.');
    expect(bannerText(ending('2026-12-05T18:00:00Z'), 'Engineering', 'en-us', NOW, 'UTC')).toBe('Your access to Engineering through Engineering Onboarding will end today, December 5.');
    // Another year is named.
    expect(bannerText(ending('2027-01-02T12:00:00Z'), 'Engineering', 'en-us', new Date('2026-12-24T12:00:00Z'), 'UTC')).toMatch(/ends in 9 days, on January 2, 2027\.$/);
  });

  it('dates the end in the person\'s time zone, not UTC', () => {
    // 02:00 UTC on December 15 is still December 14 in Seattle.
    expect(bannerText(ending('2026-12-15T02:00:00Z'), 'Engineering', 'en-us', NOW, 'America/Los_Angeles')).toMatch(/, on December 14\.$/);
    expect(dateText('2026-12-15T02:00:00Z', 'en-us', 'Etc/GMT+8', NOW)).toBe('December 14');
    expect(dateText('2026-12-15T02:00:00Z', 'en-us', 'UTC', NOW)).toBe('December 15');
  });
});

describe('timeZoneOf: SharePoint\'s regional settings, else the browser', () => {
  const at = new Date('2026-12-15T02:00:00Z');
  const browser = at.getTimezoneOffset();
  it('uses the browser\'s own zone when the page has no regional settings or the browser is at their offset', () => {
    expect(timeZoneOf(undefined, at)).toBeUndefined();
    expect(timeZoneOf({}, at)).toBeUndefined();
    expect(timeZoneOf({ webTimeZoneData: { Bias: browser, DaylightBias: -60 } }, at)).toBeUndefined();
    expect(timeZoneOf({ webTimeZoneData: { Bias: browser + 60, DaylightBias: -60 } }, at)).toBeUndefined(); // daylight time
  });
  it('else the settings\' standard offset, the person\'s own before the site\'s', () => {
    const pacific = browser === 480 ? 420 : 480;
    expect(timeZoneOf({ webTimeZoneData: { Bias: pacific, DaylightBias: 0 } }, at)).toBe(`Etc/GMT+${pacific / 60}`);
    expect(timeZoneOf({ webTimeZoneData: { Bias: pacific }, userTimeZoneData: { Bias: -120 } }, at)).toBe(browser === -120 ? undefined : 'Etc/GMT-2');
    expect(timeZoneOf({ webTimeZoneData: { Bias: browser === 0 ? 60 : 0 } }, at)).toBe(browser === 0 ? 'Etc/GMT+1' : 'UTC');
    expect(timeZoneOf({ webTimeZoneData: { Bias: -330 } }, at)).toBe(browser === -330 ? undefined : undefined); // India: not whole hours, the browser's
  });
});
