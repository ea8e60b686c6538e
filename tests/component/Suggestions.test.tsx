/**
 * "Suggested for you" in the catalog (its showSuggestions property) and in MyAccess's empty state: the reason, the
 * one-click request through the shared request panel, and no row (nothing else changed) when Graph has none for the
 * person, suggestions are unavailable in this cloud, or the token lacks the scope.
 */
import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AccessCatalogRoot, IAccessCatalogProperties } from '../../src/webparts/accessCatalog/components/AccessCatalogRoot';
import { MyAccessRoot } from '../../src/webparts/myAccess/components/MyAccessRoot';
import { resetDeepLinkClaim } from '../../src/hooks/useDeepLink';
import { FakeEntitlementService, FakeSiteAccessService } from './fakes/FakeEntitlementService';
import { FakeSuggestionService } from './fakes/FakeSuggestionService';
import { PERSONA_NOW } from './fakes/personas';
import { ID } from '../contoso';

function renderWith(fake: FakeEntitlementService, suggestions: FakeSuggestionService | undefined, element: React.ReactElement): ReturnType<typeof userEvent.setup> {
  const services: IAccessHubServices = {
    entitlements: fake, site: new FakeSiteAccessService(), language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com',
    now: () => PERSONA_NOW, pollIntervalMs: 5, suggestions
  };
  render(<AppRoot services={services}>{element}</AppRoot>);
  return userEvent.setup({ delay: null });
}

const catalog = (properties: IAccessCatalogProperties): React.ReactElement => <AccessCatalogRoot properties={properties} />;
const SUGGESTED = { name: 'Suggested for you' };

beforeEach(() => {
  resetDeepLinkClaim();
  window.history.replaceState({}, '', '/');
});

describe('AccessCatalog: Suggested for you', () => {
  it('shows what Alex’s colleagues hold, says why, and requests it from the row through the request panel', async () => {
    const fake = FakeEntitlementService.forPersona('alex');
    const user = renderWith(fake, new FakeSuggestionService(), catalog({ title: 'Request access', scope: 'all', showSuggestions: true }));
    const row = await screen.findByRole('region', SUGGESTED);
    const card = within(row).getByRole('article', { name: 'Intranet Editors' });
    expect(within(card).getByText('2 people you work with have this')).toBeInTheDocument();
    // The row sits above the list, which is unchanged.
    const list = await screen.findByRole('article', { name: 'Engineering Onboarding' });
    expect(row.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Request' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findAllByText('Intranet Editors')).not.toHaveLength(0);
    await user.type(await within(dialog).findByRole('textbox', { name: /Business justification/ }), 'Engineering news on the intranet');
    await user.click(within(dialog).getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(fake.submitCalls).toHaveLength(1));
    expect(fake.submitCalls[0].draft).toEqual(expect.objectContaining({ accessPackageId: ID.intranetEditors, justification: 'Engineering news on the intranet' }));
    // Once the catalog knows of the request, the package is no longer suggested.
    await user.click(within(await screen.findByRole('dialog')).getAllByRole('button', { name: 'Close' })[0]);
    await waitFor(() => expect(screen.queryByRole('region', SUGGESTED)).not.toBeInTheDocument());
  });

  it('off by default: no row and no suggestions read', async () => {
    const suggestions = new FakeSuggestionService();
    renderWith(FakeEntitlementService.forPersona('alex'), suggestions, catalog({ scope: 'all' }));
    await screen.findByRole('article', { name: 'Engineering Onboarding' });
    expect(screen.queryByRole('region', SUGGESTED)).not.toBeInTheDocument();
    expect(suggestions.calls).toBe(0);
  });

  it.each(['unavailable', 'forbidden'] as const)('%s: no row, no error, the same list', async mode => {
    const suggestions = new FakeSuggestionService(undefined, mode);
    renderWith(FakeEntitlementService.forPersona('alex'), suggestions, catalog({ scope: 'all', showSuggestions: true }));
    await screen.findByRole('article', { name: 'Engineering Onboarding' });
    await waitFor(() => expect(suggestions.calls).toBe(1));
    expect(screen.queryByRole('region', SUGGESTED)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getAllByRole('article').map(a => a.getAttribute('data-package-id'))).not.toContain(null);
  });

  it('renders what Graph sends as text, never as markup', async () => {
    const raw = [{ id: 'x1', reasons: [{ '@odata.type': '#microsoft.graph.accessPackageSuggestionRelatedPeopleBased', relatedPeopleAssignmentCount: 1 }],
      accessPackage: { id: 'x1', displayName: '<img src=x onerror=alert(1)>Tools', description: '<b>bold</b>' } }];
    renderWith(FakeEntitlementService.forPersona('alex'), new FakeSuggestionService(raw), catalog({ scope: 'all', showSuggestions: true }));
    const row = await screen.findByRole('region', SUGGESTED);
    expect(within(row).getByText('<b>bold</b>')).toBeInTheDocument();
    expect(within(row).getByText('1 person you work with has this')).toBeInTheDocument();
    expect(row.querySelector('img, b')).toBeNull();
  });
});

describe('MyAccess: the empty state offers suggestions', () => {
  it('someone with nothing is offered them and requests from there', async () => {
    const fake = FakeEntitlementService.forPersona('alex', { assignments: [], requests: [] });
    const user = renderWith(fake, new FakeSuggestionService(), <MyAccessRoot properties={{ title: 'My access' }} />);
    const row = await screen.findByRole('region', SUGGESTED);
    await user.click(within(within(row).getByRole('article', { name: 'Intranet Editors' })).getByRole('button', { name: 'Request' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findAllByText('Intranet Editors')).not.toHaveLength(0);
  });

  it('someone who has access sees no suggestions and none are read', async () => {
    const suggestions = new FakeSuggestionService();
    renderWith(FakeEntitlementService.forPersona('alex'), suggestions, <MyAccessRoot properties={{ title: 'My access' }} />);
    expect(await screen.findByText('Engineering Onboarding')).toBeInTheDocument();
    expect(screen.queryByRole('region', SUGGESTED)).not.toBeInTheDocument();
    expect(suggestions.calls).toBe(0);
  });
});
