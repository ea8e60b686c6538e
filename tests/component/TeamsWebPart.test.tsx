/**
 * A web part class in Teams: SPFx gives it `context.sdks.microsoftTeams` (here the workbench's stand-in of the Teams
 * JS SDK, localTenant/workbench/client/teamsStandIn.ts), from which webPartUi builds the host: the root is in Teams'
 * theme, follows its changes, and the catalog of the personal app is the tenant's.
 */
import { act, waitFor } from '@testing-library/react';
import MyAccessWebPart from '../../src/webparts/myAccess/MyAccessWebPart';
import { createTeamsStandIn } from '../../localTenant/workbench/client/teamsStandIn';
import { forgetHosts } from '../../src/core/host/createHost';
import { forgetPageReads } from '../../src/services/loaders/pageReads';
import { TEAMS_APP_ID } from '../../src/core/host/teamsApp';

/* eslint-disable @typescript-eslint/no-explicit-any */
function context(sdks?: unknown): any {
  return {
    pageContext: {
      web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/intranet' },
      cultureInfo: { currentUICultureName: 'en-US' },
      aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
      user: { loginName: 'alexw@contoso.com' }
    },
    aadTokenProviderFactory: { getTokenProvider: async () => ({ getToken: async () => 'token' }) },
    propertyPane: { refresh: jest.fn() },
    sdks
  };
}

beforeAll(() => {
  // No tenant in jsdom: Graph answers 404 at once; the root shows that, in whatever theme it is in.
  (global as any).fetch = jest.fn(async () => ({
    ok: false, status: 404, statusText: '404', headers: { get: () => 'application/json', has: () => true },
    text: async () => '{"error":{"code":"ResourceNotFound","message":"not found"}}',
    json: async () => ({ error: { code: 'ResourceNotFound', message: 'not found' } }), clone() { return this; }
  }));
});
beforeEach(() => { forgetHosts(); forgetPageReads(); });

const themed = (el: HTMLElement): HTMLElement | null => el.querySelector('[data-teams-theme]');

describe('a web part in Teams', () => {
  it('renders in the Teams theme SPFx\'s Teams SDK gives, and repaints when Teams changes it', async () => {
    const standIn = createTeamsStandIn({
      config: { kind: 'personal', theme: 'dark', entityId: 'my-access', hostName: 'Teams', appId: TEAMS_APP_ID, routes: { personal: '/_teams/personal/', keep: {} } },
      locale: 'en-us', user: { id: 'alex', userPrincipalName: 'alexw@contoso.com' }
    });
    const wp: any = new (MyAccessWebPart as any)();
    await act(async () => { await wp.__load(context({ microsoftTeams: standIn }), { title: 'My access' }); });
    await waitFor(() => expect(themed(wp.domElement)).not.toBeNull());
    const root = themed(wp.domElement) as HTMLElement;
    expect(root.getAttribute('data-teams-theme')).toBe('dark');
    expect(root.getAttribute('data-host')).toBe('teamsPersonal');
    expect(root.style.background).toBe('rgb(31, 31, 31)');
    expect(wp.domElement.querySelector('[data-component="MyAccess"]')).not.toBeNull();
    act(() => { standIn.setTheme('contrast'); });
    expect((themed(wp.domElement) as HTMLElement).style.background).toBe('rgb(0, 0, 0)');
    act(() => { standIn.setTheme('default'); });
    expect((themed(wp.domElement) as HTMLElement).style.background).toBe('rgb(255, 255, 255)');
    act(() => { wp.__dispose(); });
  });

  it('on a SharePoint page (no Teams SDK) has no Teams theme root', async () => {
    const wp: any = new (MyAccessWebPart as any)();
    await act(async () => { await wp.__load(context(undefined), { title: 'My access' }); });
    await waitFor(() => expect(wp.domElement.querySelector('[data-component="MyAccess"]')).not.toBeNull());
    expect(themed(wp.domElement)).toBeNull();
    act(() => { wp.__dispose(); });
  });
});
