import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AccessCatalogRoot, IAccessCatalogProperties } from '../../src/webparts/accessCatalog/components/AccessCatalogRoot';
import { AccessRequestButtonRoot, IAccessRequestButtonProperties } from '../../src/webparts/accessRequestButton/components/AccessRequestButtonRoot';
import { resetDeepLinkClaim } from '../../src/hooks/useDeepLink';
import { ISiteAccessService } from '../../src/services/IAccessHubServices';
import { AppError } from '../../src/services/infrastructure/AppError';
import { IGrant } from '../../src/core/model/types';
import { FakeEntitlementService } from './fakes/FakeEntitlementService';
import { MARKETING_ID, FALCON_ID, WAR_ROOM_ID, ENGINEERING_ID } from './fakes/contosoData';

const NOW = new Date('2026-11-26T10:00:00Z');
const MARKETING_SITE = { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing', groupId: 'group-marketing' };

const grant = (originSystem: string, resourceOriginId: string, resourceName: string, roleName: string, siteLevel?: 'member' | 'visitor'): IGrant => ({
  id: `${resourceOriginId}-${roleName}`, kind: originSystem === 'SharePointOnline' ? 'siteRole' : 'groupMember', originSystem,
  resourceName, roleName, resourceOriginId, roleOriginId: roleName, siteLevel
});

function fakeTenant(): FakeEntitlementService {
  return FakeEntitlementService.forPersona('adele', {
    grants: {
      [MARKETING_ID]: [grant('AadGroup', 'group-marketing', 'Marketing Team', 'Member', 'member'), grant('AadApplication', 'sf', 'Salesforce', 'Marketing User')],
      [FALCON_ID]: [grant('AadGroup', 'group-falcon', 'Project Falcon', 'Member', 'member')],
      [ENGINEERING_ID]: [grant('SharePointOnline', 'https://contoso.sharepoint.com/sites/engineering', 'Engineering', 'Members', 'member')],
      [WAR_ROOM_ID]: [grant('AadGroup', 'group-marketing', 'Marketing Team', 'Member', 'member')]
    }
  });
}

const site: ISiteAccessService = { getSite: async () => MARKETING_SITE, getMyLevel: async () => 'visitor' };

function renderWith(fake: FakeEntitlementService, element: React.ReactElement): ReturnType<typeof userEvent.setup> {
  const services: IAccessHubServices = {
    entitlements: fake, site, language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => NOW, pollIntervalMs: 10
  };
  render(<AppRoot services={services}>{element}</AppRoot>);
  return userEvent.setup({ delay: null });
}

const catalog = (properties: IAccessCatalogProperties): React.ReactElement => <AccessCatalogRoot properties={properties} />;
const button = (properties: IAccessRequestButtonProperties): React.ReactElement => <AccessRequestButtonRoot properties={properties} />;

beforeEach(() => {
  resetDeepLinkClaim();
  window.history.replaceState({}, '', '/');
});

describe('AccessCatalog', () => {
  it('lists only the packages for this site, never hidden ones, with what they grant', async () => {
    renderWith(fakeTenant(), catalog({ title: 'Access to this site', scope: 'currentSite' }));
    const card = await screen.findByRole('article', { name: 'Marketing Campaign Contributors' });
    expect(within(card).getByText('Marketing Team — Member')).toBeInTheDocument();
    expect(within(card).getByText('Salesforce — Marketing User')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1); // not Falcon, Engineering, nor the hidden War Room
    expect(screen.getByRole('heading', { name: 'Access to this site' })).toBeInTheDocument();
  });

  it('lists everything requestable for scope all, hidden packages aside', async () => {
    renderWith(fakeTenant(), catalog({ scope: 'all' }));
    await screen.findByRole('article', { name: 'Project Falcon Team' });
    const names = screen.getAllByRole('article').map(a => a.getAttribute('aria-labelledby') && within(a).getByRole('heading').textContent);
    expect(names).not.toContain('Falcon War Room');
    expect(names).toContain('Engineering Onboarding');
  });

  it('shows only the selected packages (ids or My Access links)', async () => {
    renderWith(fakeTenant(), catalog({ scope: 'selected', packageIds: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${FALCON_ID}` }));
    await screen.findByRole('article', { name: 'Project Falcon Team' });
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('searches name, description and grants, and says when nothing matches', async () => {
    const user = renderWith(fakeTenant(), catalog({ scope: 'all' }));
    await screen.findByRole('article', { name: 'Project Falcon Team' });
    await user.type(screen.getByRole('searchbox'), 'salesforce');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('article', { name: 'Marketing Campaign Contributors' })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'payroll');
    expect(await screen.findByText('Nothing matches "payroll".')).toBeInTheDocument();
  });

  it('shows the person\'s status on each package', async () => {
    const fake = fakeTenant();
    fake.state.requests.push({ id: 'r1', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', accessPackageId: FALCON_ID, answers: [], createdDateTime: '2026-11-20T00:00:00Z' });
    fake.state.assignments.push({ id: 'a1', state: 'delivered', status: 'Delivered', accessPackageId: ENGINEERING_ID, endDateTime: '2026-12-06T00:00:00Z' });
    renderWith(fake, catalog({ scope: 'all' }));
    const falcon = await screen.findByRole('article', { name: 'Project Falcon Team' });
    expect(within(falcon).getByText('Request pending since November 20, 2026')).toBeInTheDocument();
    const engineering = screen.getByRole('article', { name: 'Engineering Onboarding' });
    expect(within(engineering).getByText('You have access until December 6, 2026')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Marketing Campaign Contributors' })).getByRole('button', { name: 'Request access' })).toBeInTheDocument();
  });

  it('hides what the person has when showOwned is off', async () => {
    const fake = fakeTenant();
    fake.state.assignments.push({ id: 'a1', state: 'delivered', status: 'Delivered', accessPackageId: ENGINEERING_ID });
    renderWith(fake, catalog({ scope: 'all', showOwned: false }));
    await screen.findByRole('article', { name: 'Project Falcon Team' });
    expect(screen.queryByRole('article', { name: 'Engineering Onboarding' })).toBeNull();
  });

  it('says what to do when no package gives access to this site', async () => {
    const fake = fakeTenant();
    fake.state.packages = fake.state.packages.filter(p => p.id !== MARKETING_ID);
    renderWith(fake, catalog({ scope: 'currentSite' }));
    expect(await screen.findByText('No access packages give access to this site.')).toBeInTheDocument();
  });

  it('shows a localized error with a retry that works', async () => {
    const fake = fakeTenant();
    fake.failOnce('listMyAssignments', new AppError('throttled', 429, 'TooManyRequests', 'slow down'));
    const user = renderWith(fake, catalog({ scope: 'all' }));
    expect(await screen.findByText('The service is busy. Wait a moment and try again.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Project Falcon Team' })).toBeInTheDocument();
  });

  it('shows the first packages found while it looks through the rest, then all of them', async () => {
    const fake = fakeTenant();
    fake.pageSize = 1;
    const release = fake.holdGrantsAfterFirst();
    renderWith(fake, catalog({ scope: 'all' }));
    // The first page's package shows while the other pages' contents are still being read.
    expect(await screen.findByText('Looking through more packages…')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    release();
    await waitFor(() => expect(screen.queryByText('Looking through more packages…')).not.toBeInTheDocument());
    expect(screen.getAllByRole('article').length).toBeGreaterThan(1);
    expect(screen.getByRole('article', { name: 'Project Falcon Team' })).toBeInTheDocument();
  });

  it('keeps what it found when the rest cannot be read, and says more may exist', async () => {
    const fake = fakeTenant();
    fake.pageSize = 1;
    const release = fake.holdGrantsAfterFirst();
    renderWith(fake, catalog({ scope: 'all' }));
    expect(await screen.findByText('Looking through more packages…')).toBeInTheDocument();
    release(new AppError('server', 500, 'InternalServerError', 'boom'));
    expect(await screen.findByText('Some packages could not be checked, so more may give access here.')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.queryByText('Looking through more packages…')).not.toBeInTheDocument();
  });

  it('opens the request panel from a package and from a deep link', async () => {
    const user = renderWith(fakeTenant(), catalog({ scope: 'all' }));
    const card = await screen.findByRole('article', { name: 'Marketing Campaign Contributors' });
    await user.click(within(card).getByRole('button', { name: 'Request access' }));
    expect(await screen.findByText('Which campaign will you work on?')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
  });

  it('honours ?accessPackageId= for a hidden package', async () => {
    window.history.replaceState({}, '', `/?accessPackageId=${WAR_ROOM_ID}`);
    const fake = fakeTenant();
    renderWith(fake, catalog({ scope: 'currentSite' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findAllByText('Falcon War Room')).not.toHaveLength(0);
    expect(await within(dialog).findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
  });
});

describe('AccessRequestButton', () => {
  it('shows the label and opens the panel', async () => {
    const user = renderWith(fakeTenant(), button({ accessPackageId: FALCON_ID, label: 'Join Project Falcon' }));
    await user.click(await screen.findByRole('button', { name: 'Join Project Falcon' }));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Submit request' })).toBeInTheDocument();
  });

  it('says the request is pending, or that the person has access', async () => {
    const fake = fakeTenant();
    fake.state.requests.push({ id: 'r1', requestType: 'userAdd', state: 'pendingApproval', status: 'PendingApproval', accessPackageId: FALCON_ID, answers: [] });
    renderWith(fake, button({ accessPackageId: FALCON_ID, label: 'Join Project Falcon' }));
    expect(await screen.findByRole('button', { name: 'Project Falcon Team: request pending' })).toBeInTheDocument();
  });

  it('works for a hidden package, by My Access link', async () => {
    const fake = fakeTenant();
    fake.state.assignments.push({ id: 'a1', state: 'delivered', status: 'Delivered', accessPackageId: WAR_ROOM_ID });
    renderWith(fake, button({ accessPackageId: `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${WAR_ROOM_ID}` }));
    expect(await screen.findByRole('button', { name: 'You have access — open' })).toBeInTheDocument();
  });

  it('explains a missing or wrong package', async () => {
    renderWith(fakeTenant(), <>{button({})}{button({ accessPackageId: 'not-an-id' })}{button({ accessPackageId: '00000000-0000-4000-8000-000000000000' })}</>);
    expect(await screen.findByText('Choose an access package in the web part settings.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText('This button points to an access package that doesn\'t exist or isn\'t available to you.')).toHaveLength(2));
  });
});

describe('two components on one page', () => {
  it('a request made from the button shows in the catalog at once', async () => {
    const fake = fakeTenant();
    fake.deliverAfterReads = 1000; // Engineering's request stays "delivering" for the whole test
    const user = renderWith(fake, <>{catalog({ scope: 'all' })}{button({ accessPackageId: ENGINEERING_ID, label: 'Join Engineering' })}</>);
    // `hidden`: the open panel is modal, so Fluent hides the rest of the page from the accessibility tree.
    const engineering = (): HTMLElement => screen.getByRole('article', { name: 'Engineering Onboarding', hidden: true });
    await screen.findByRole('article', { name: 'Engineering Onboarding' });
    expect(within(engineering()).getByRole('button', { name: 'Request access' })).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Join Engineering' }));
    await user.click(await screen.findByRole('button', { name: 'Submit request' }));
    await screen.findByText(/Your request was sent|being delivered|You have access|granted/);
    // The catalog is another component with its own data: it reads again because the button announced the change.
    await waitFor(() => expect(within(engineering()).queryByRole('button', { name: 'Request access', hidden: true })).toBeNull());
  });
});
