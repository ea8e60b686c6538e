/**
 * The AccessPrompt banner follows SharePoint's theme while it is on screen: the customizer hands its chunk the page's
 * ThemeProvider (tests/mocks/sp/component-base.ts behaves like SPFx's: tryGetTheme, themeChangedEvent, _setTheme),
 * and the banner re-renders with each theme SharePoint raises, and stops listening once hidden.
 */
import { act, screen } from '@testing-library/react';
import { showPrompt, hidePrompt } from '../../src/extensions/accessPrompt/promptUi';
import { IPromptView } from '../../src/core/prompt/runPrompt';
import { promptSettings, IPromptFacts } from '../../src/core/model/prompt';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { ThemeProvider } from '../mocks/sp/component-base';
import { FakeEntitlementService, FakeSiteAccessService } from './fakes/FakeEntitlementService';

const NOW = new Date('2026-01-15T09:00:00Z');

const LIGHT = { palette: { themeLighterAlt: '#eff6fc', themeLight: '#c7e0f4', themePrimary: '#0078d4' }, semanticColors: { bodyText: '#323130', infoBackground: '#eff6fc', messageText: '#323130' } };
const DARK = { palette: { themeLighterAlt: '#1b1a19', themeLight: '#3b3a39', themePrimary: '#2899f5' }, semanticColors: { bodyText: '#f3f2f1', infoBackground: '#1b1a19', messageText: '#f3f2f1' } };

function view(): IPromptView {
  return {
    banner: { kind: 'offer', packageId: 'p', packageName: 'Marketing Campaign Contributors', level: 'visitor', target: 'member' },
    facts: {} as IPromptFacts,
    settings: promptSettings({}),
    dismiss: jest.fn(),
    changed: jest.fn(async () => undefined)
  };
}

function services(): IAccessHubServices {
  return {
    entitlements: FakeEntitlementService.forPersona('adele'), site: new FakeSiteAccessService(),
    language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => NOW, pollIntervalMs: 10
  };
}

/** The banner's own colours, as it sets them from the theme (PromptBanner's inline style). */
function bannerColours(): { background: string; color: string } {
  const region = screen.getByRole('region', { name: 'Site access notice' });
  return { background: region.style.background, color: region.style.color };
}

describe('the AccessPrompt banner and SharePoint\'s theme', () => {
  const target = document.createElement('div');
  beforeAll(() => { document.body.appendChild(target); });
  afterEach(() => { act(() => { hidePrompt(target); }); });

  it('shows in the theme the page has, follows each change while shown, and stops listening when hidden', () => {
    const provider = new ThemeProvider(LIGHT);
    const observer = { instanceId: 'customizer' };
    act(() => {
      showPrompt({ target, view: view(), services: services(), siteTitle: 'Marketing', onClose: jest.fn(), themeSource: { provider, observer } as never });
    });
    expect(bannerColours()).toEqual({ background: 'rgb(239, 246, 252)', color: 'rgb(50, 49, 48)' });
    expect(provider._listeners).toBe(1);

    act(() => { provider._setTheme(DARK); });
    expect(bannerColours()).toEqual({ background: 'rgb(27, 26, 25)', color: 'rgb(243, 242, 241)' });

    act(() => { provider._setTheme(LIGHT); });
    expect(bannerColours().background).toBe('rgb(239, 246, 252)');

    act(() => { hidePrompt(target); });
    expect(provider._listeners).toBe(0);
    expect(target.innerHTML).toBe('');
  });

  it('keeps the theme it was given when no theme service is handed over (the local workbench)', () => {
    act(() => {
      showPrompt({ target, view: view(), services: services(), siteTitle: 'Marketing', onClose: jest.fn(), theme: DARK as never });
    });
    expect(bannerColours().background).toBe('rgb(27, 26, 25)');
  });
});
