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
  ['AccessApprovals', AccessApprovalsWebPart, { title: 'Approvals' }, undefined]
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
  const MARKETING_GROUP = 'b11e98fb-0ea7-4352-ad9d-eef73fffa7a7';
  const CONTRIBUTORS = '099fb9dd-9974-4665-a422-272fbeda57f7';
  const json = (body: unknown, status = 200): any => ({ ok: status < 400, status, json: async () => body });

  function promptContext(tryCreateContent: jest.Mock, navigated: { add: jest.Mock }): any {
    return fakeContext({
      pageContext: {
        web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing' },
        cultureInfo: { currentUICultureName: 'en-US' },
        aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
        user: { loginName: 'adelev@contoso.com' }
      },
      placeholderProvider: { tryCreateContent, changedEvent: { add: jest.fn() } },
      application: { navigatedEvent: navigated },
      serviceScope: { consume: () => ({ tryGetTheme: () => undefined }) }
    });
  }

  /** Graph and SharePoint as the local tenant answers them for a visitor of Marketing (one $batch, two REST reads). */
  function answerAsGraph(level: 'visitor' | 'member'): jest.Mock {
    return jest.fn(async (url: string, init?: { body?: string }) => {
      if (/\$batch$/.test(url)) {
        const requests: Array<{ id: string; url: string }> = JSON.parse(String(init && init.body)).requests;
        return json({
          responses: requests.map(r => {
            if (r.id === 'packages') return { id: r.id, status: 200, body: { '@odata.count': 1, value: [{ id: CONTRIBUTORS, displayName: 'Marketing Campaign Contributors', modifiedDateTime: '2026-01-01T00:00:00Z' }] } };
            if (r.id === 'manager') return { id: r.id, status: 200, body: { displayName: 'Megan Bowen' } };
            if (r.id === CONTRIBUTORS) {
              return { id: r.id, status: 200, body: { value: [{ id: 'rs', role: { originSystem: 'AadGroup', originId: `Member_${MARKETING_GROUP}`, displayName: 'Member' }, scope: { originSystem: 'AadGroup', originId: MARKETING_GROUP } }] } };
            }
            return { id: r.id, status: 200, body: { value: [] } };
          })
        });
      }
      if (/_api\/site\?/.test(url)) return json({ GroupId: MARKETING_GROUP, Url: 'https://contoso.sharepoint.com/sites/marketing' });
      if (/effectiveBasePermissions$/.test(url)) return json(level === 'visitor' ? { High: '176', Low: '138612833' } : { High: '432', Low: '1011030767' });
      return json({}, 404);
    });
  }

  beforeEach(() => { window.sessionStorage.clear(); window.localStorage.clear(); });
  afterAll(() => { (global as any).fetch = jest.fn(async () => { throw new TypeError('Failed to fetch'); }); });

  it('shows the banner in the top placeholder when there is something to offer, and re-runs on navigation', async () => {
    (global as any).fetch = answerAsGraph('visitor');
    const top = document.createElement('div');
    const tryCreateContent = jest.fn(() => ({ domElement: top, dispose: jest.fn() }));
    const navigated = { add: jest.fn() };
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => {
      await customizer.__load(promptContext(tryCreateContent, navigated), {});
      for (let i = 0; i < 20 && !top.querySelector('[data-accesshub="access-prompt"]'); i++) await new Promise(r => setTimeout(r, 25));
    });
    expect(tryCreateContent).toHaveBeenCalledWith('Top', expect.anything());
    expect(top.textContent).toContain('You can view this site. Request Marketing Campaign Contributors to contribute.');
    expect(navigated.add).toHaveBeenCalled();
    // One $batch and two SharePoint reads for the decision.
    const urls = (global as any).fetch.mock.calls.map((c: any[]) => String(c[0]));
    expect(urls.filter((u: string) => /\$batch$/.test(u)).length).toBeGreaterThanOrEqual(1);
    await act(async () => { customizer.__dispose(); await new Promise(r => setTimeout(r, 20)); });
    expect(top.innerHTML).toBe('');
  });

  it('claims no placeholder and loads no banner when there is nothing to show', async () => {
    (global as any).fetch = answerAsGraph('member');
    const tryCreateContent = jest.fn(() => ({ domElement: document.createElement('div'), dispose: jest.fn() }));
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => {
      await customizer.__load(promptContext(tryCreateContent, { add: jest.fn() }), {});
      await new Promise(r => setTimeout(r, 100));
    });
    expect((global as any).fetch).toHaveBeenCalled();
    expect(tryCreateContent).not.toHaveBeenCalled();
    customizer.__dispose();
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
