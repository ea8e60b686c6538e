import { act } from '@testing-library/react';
import AccessCatalogWebPart from '../../src/webparts/accessCatalog/AccessCatalogWebPart';
import AccessRequestButtonWebPart from '../../src/webparts/accessRequestButton/AccessRequestButtonWebPart';
import MyAccessWebPart from '../../src/webparts/myAccess/MyAccessWebPart';
import AccessApprovalsWebPart from '../../src/webparts/accessApprovals/AccessApprovalsWebPart';
import AccessPromptApplicationCustomizer from '../../src/extensions/accessPrompt/AccessPromptApplicationCustomizer';

// The SPFx classes are thin: a smoke test that each builds its services, mounts its root and unmounts.

/* eslint-disable @typescript-eslint/no-explicit-any */
function fakeContext(extra: Record<string, unknown> = {}): any {
  return {
    pageContext: {
      web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/marketing' },
      cultureInfo: { currentUICultureName: 'en-US' },
      aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
      user: { loginName: 'adelev@contoso.com' }
    },
    aadTokenProviderFactory: { getTokenProvider: async () => ({ getToken: async () => 'token' }) },
    propertyPane: { refresh: jest.fn() },
    ...extra
  };
}

beforeAll(() => {
  // No network in jsdom: every Graph call fails fast, which the roots show as an error bar.
  (global as any).fetch = jest.fn(async () => { throw new TypeError('Failed to fetch'); });
});

describe.each([
  ['AccessCatalog', AccessCatalogWebPart, { title: 'Access to this site', scope: 'currentSite' }, '[data-component="AccessCatalog"]'],
  ['AccessRequestButton', AccessRequestButtonWebPart, { accessPackageId: '' }, '[data-component="AccessRequestButton"]'],
  ['MyAccess', MyAccessWebPart, { title: 'My access' }, '[data-component="MyAccess"]'],
  ['AccessApprovals', AccessApprovalsWebPart, { title: 'Approvals' }, '[data-component="AccessApprovals"]']
])('%s web part', (alias, WebPart, properties, selector) => {
  it('mounts its root into its DOM element and unmounts on dispose', async () => {
    const wp: any = new (WebPart as any)();
    // SPFx renders outside React's test harness; act lets the roots' first (failing) loads settle.
    await act(async () => {
      await wp.__load(fakeContext(), properties);
      await new Promise(r => setTimeout(r, 20));
    });
    if (selector) expect(wp.domElement.querySelector(selector)).not.toBeNull();
    else expect(wp.domElement.textContent).toContain(`${alias} will appear here.`);
    const pane = wp.getPropertyPaneConfiguration();
    expect(pane.pages[0].groups[0].groupFields.length).toBeGreaterThan(0);
    wp.__dispose();
    expect(wp.domElement.innerHTML).toBe('');
  });
});

describe('AccessPrompt customizer', () => {
  it('claims the top placeholder, and only once', async () => {
    const top = document.createElement('div');
    const tryCreateContent = jest.fn(() => ({ domElement: top, dispose: jest.fn() }));
    const changedEvent = { add: jest.fn() };
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await customizer.__load(fakeContext({ placeholderProvider: { tryCreateContent, changedEvent } }), {});
    expect(tryCreateContent).toHaveBeenCalledWith('Top', expect.anything());
    expect(top.querySelector('[data-accesshub="access-prompt"]')).not.toBeNull();
    expect(changedEvent.add).toHaveBeenCalled();
    (customizer as any)._render();
    expect(tryCreateContent).toHaveBeenCalledTimes(1);
    customizer.__dispose();
    expect(top.innerHTML).toBe('');
  });
});

describe('AccessCatalog property pane', () => {
  it('offers the packages the editor may request and adds a picked one to the list', async () => {
    const falcon = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';
    (global as any).fetch = jest.fn(async (url: string) => {
      if (String(url).indexOf("filterByCurrentUser(on='allowedRequestor')") >= 0) {
        // jsdom has no fetch Response: a minimal one, as much of it as PnPjs reads.
        const text = JSON.stringify({ '@odata.count': 1, value: [{ id: falcon, displayName: 'Project Falcon Team', description: '', isHidden: false }] });
        const response: any = {
          ok: true, status: 200, statusText: 'OK',
          headers: { get: (h: string) => (/content-type/i.test(h) ? 'application/json' : null), has: () => false },
          text: async () => text, json: async () => JSON.parse(text)
        };
        response.clone = () => response;
        return response;
      }
      throw new TypeError('Failed to fetch');
    });
    const wp: any = new (AccessCatalogWebPart as any)();
    const context = fakeContext();
    await act(async () => {
      await wp.__load(context, { scope: 'selected', packageIds: '' });
      wp.onPropertyPaneConfigurationStart();
      await new Promise(r => setTimeout(r, 50));
    });
    expect(context.propertyPane.refresh).toHaveBeenCalled();
    const fields = wp.getPropertyPaneConfiguration().pages[0].groups[0].groupFields;
    const picker = fields.find((f: any) => f.targetProperty === 'addPackage');
    expect(picker.properties.options).toEqual([{ key: falcon, text: 'Project Falcon Team' }]);
    await act(async () => {
      wp.onPropertyPaneFieldChanged('addPackage', '', falcon);
      await new Promise(r => setTimeout(r, 50));
    });
    expect(wp.properties.packageIds).toBe(falcon);
    const list = wp.getPropertyPaneConfiguration().pages[0].groups[0].groupFields.find((f: any) => f.targetProperty === 'packageIds');
    expect(list.properties.description).toBe('Chosen: Project Falcon Team');
    wp.__dispose();
  });
});
