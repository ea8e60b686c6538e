import { act, waitFor } from '@testing-library/react';
import AccessCatalogWebPart from '../../src/webparts/accessCatalog/AccessCatalogWebPart';
import AccessRequestButtonWebPart from '../../src/webparts/accessRequestButton/AccessRequestButtonWebPart';
import MyAccessWebPart from '../../src/webparts/myAccess/MyAccessWebPart';
import AccessApprovalsWebPart from '../../src/webparts/accessApprovals/AccessApprovalsWebPart';
import AccessPromptApplicationCustomizer from '../../src/extensions/accessPrompt/AccessPromptApplicationCustomizer';
import { MockApplication } from '../mocks/sp/application-base';
import { createSpfxServices } from '../../src/services/createSpfxServices';
import { forgetPageReads } from '../../src/services/loaders/pageReads';
import { SHARED_READS } from '../../src/core/pageSharedReads';
import { flushPromises } from './fakes/flush';
import { ThemeProvider, themeScope } from '../mocks/sp/component-base';

// Each test is a page view of its own: the web parts' shared reads (pageReads.ts) do not carry over.
// A new page view: the page's shared reads and what the AccessPrompt's first script shared on the window are gone.
beforeEach(() => {
  forgetPageReads();
  delete (window as unknown as Record<string, unknown>)[SHARED_READS];
});

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

/** jsdom has no fetch Response: a minimal one, as much of it as PnPjs and our retry read. */
function answer(status: number, body: unknown, headers: Record<string, string> = {}): any {
  const text = JSON.stringify(body);
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  const response: any = {
    ok: status >= 200 && status < 300, status, statusText: String(status),
    headers: { get: (h: string) => all[h.toLowerCase()] ?? null, has: (h: string) => h.toLowerCase() in all },
    text: async () => text, json: async () => JSON.parse(text)
  };
  response.clone = () => response;
  return response;
}

/** Nothing in a root is loading any more (StatusView marks what loads with aria-busy): its first reads were all sent and answered. */
function doneLoading(root: HTMLElement): void {
  expect(root.querySelector('[aria-busy="true"]')).toBeNull();
}

/** How long a first load may take: the first test to need a module transforms it cold, which can take a while. */
const SLOW = { timeout: 5000 };

/** waitFor watching a web part's own element (not in the document), so it looks again as soon as the root changes. */
const inRoot = (root: HTMLElement): { container: HTMLElement; timeout: number } => ({ container: root, ...SLOW });

/** What Graph answers for a route the tenant does not know: a fast, final failure (never retried). */
const notFound = (): any => answer(404, { error: { code: 'ResourceNotFound', message: 'not found' } });

beforeAll(() => {
  // No tenant in jsdom: every Graph call answers 404 at once, which the roots show as a message.
  (global as any).fetch = jest.fn(async () => notFound());
});

describe.each([
  ['AccessCatalog', AccessCatalogWebPart, { title: 'Access to this site', scope: 'currentSite' }, '[data-component="AccessCatalog"]'],
  ['AccessRequestButton', AccessRequestButtonWebPart, { accessPackageId: '' }, '[data-component="AccessRequestButton"]'],
  ['MyAccess', MyAccessWebPart, { title: 'My access' }, '[data-component="MyAccess"]'],
  ['AccessApprovals', AccessApprovalsWebPart, { title: 'Approvals' }, '[data-component="AccessApprovals"]']
])('%s web part', (alias, WebPart, properties, selector) => {
  it('mounts its root into its DOM element and unmounts on dispose', async () => {
    const wp: any = new (WebPart as any)();
    // SPFx renders outside React's test harness: the roots' first (failing) loads end inside act, in what they show.
    await act(async () => { await wp.__load(fakeContext(), properties); });
    await waitFor(() => doneLoading(wp.domElement), inRoot(wp.domElement));
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

  function promptContext(tryCreateContent: jest.Mock, application: unknown = new MockApplication(), extra: Record<string, unknown> = {},
    theme: ThemeProvider = new ThemeProvider()): any {
    return fakeContext({
      pageContext: {
        web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing' },
        cultureInfo: { currentUICultureName: 'en-US' },
        aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
        user: { loginName: 'adelev@contoso.com' },
        ...extra
      },
      placeholderProvider: { tryCreateContent, changedEvent: { add: jest.fn() } },
      application,
      serviceScope: themeScope(theme)
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
    const application = new MockApplication();
    const add = jest.spyOn(application.navigatedEvent, 'add');
    const theme = new ThemeProvider({ palette: { themeLighterAlt: '#eff6fc' }, semanticColors: { infoBackground: '#eff6fc' } });
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => { await customizer.__load(promptContext(tryCreateContent, application, {}, theme), {}); });
    await waitFor(() => expect(top.textContent).toContain('You can view this site. Request Marketing Campaign Contributors to contribute.'), { timeout: 5000 });
    // In the page's theme, and in the next one SharePoint raises while it is shown (the customizer is the observer).
    const region = (): HTMLElement => top.querySelector('[data-accesshub="access-prompt"]') as HTMLElement;
    expect(region().style.background).toBe('rgb(239, 246, 252)');
    act(() => { theme._setTheme({ palette: { themeLighterAlt: '#1b1a19' }, semanticColors: { infoBackground: '#1b1a19' } }); });
    expect(region().style.background).toBe('rgb(27, 26, 25)');
    expect(tryCreateContent).toHaveBeenCalledWith('Top', expect.anything());
    expect(top.textContent).toContain('You can view this site. Request Marketing Campaign Contributors to contribute.');
    expect(add).toHaveBeenCalled();
    // One $batch and two SharePoint reads for the decision.
    const urls = (global as any).fetch.mock.calls.map((c: any[]) => String(c[0]));
    expect(urls.filter((u: string) => /\$batch$/.test(u)).length).toBeGreaterThanOrEqual(1);
    act(() => { customizer.__dispose(); });
    await waitFor(() => expect(top.innerHTML).toBe(''));
  });

  /** How many decisions the fetches so far made: each reads the site's permissions once. */
  const decisions = (): number => (global as any).fetch.mock.calls.filter((c: any[]) => /effectiveBasePermissions$/.test(String(c[0]))).length;

  /**
   * Waits for the decisions so far to have read the site's permissions, then for what they set off to finish. A
   * decision runs on promises only (fetch answers at once here, nothing waits on a timer; the banner chunk is a
   * synchronous require under jest), so a further decision, a banner or a placeholder it would bring has come by then.
   */
  async function decided(count: number): Promise<void> {
    await waitFor(() => expect(decisions()).toBeGreaterThanOrEqual(count), SLOW);
    await flushPromises();
  }

  it('claims no placeholder and loads no banner when there is nothing to show', async () => {
    (global as any).fetch = answerAsGraph('member');
    const tryCreateContent = jest.fn(() => ({ domElement: document.createElement('div'), dispose: jest.fn() }));
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => { await customizer.__load(promptContext(tryCreateContent), {}); });
    await decided(1);
    expect((global as any).fetch).toHaveBeenCalled();
    expect(tryCreateContent).not.toHaveBeenCalled();
    customizer.__dispose();
  });

  it('decides once for the first page view, though SharePoint raises navigatedEvent for it too', async () => {
    (global as any).fetch = answerAsGraph('member');
    const application = new MockApplication();
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => {
      // The application raised navigatedEvent (sticky) for the first page view before the customizer loads, as
      // SharePoint's runtime does; raised once more for the same page, it is still the same page view.
      await customizer.__load(promptContext(jest.fn(), application), {});
      application.navigatedEvent.raise();
    });
    await decided(1);
    expect(decisions()).toBe(1);
    customizer.__dispose();
  });

  it('decides again, once, after an in-site navigation to another page (even when the event comes twice)', async () => {
    (global as any).fetch = answerAsGraph('member');
    const application = new MockApplication();
    const start = window.location.href;
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    try {
      await act(async () => { await customizer.__load(promptContext(jest.fn(), application), {}); });
      await decided(1);
      expect(decisions()).toBe(1);
      // The session's answer for the site would spare the requests: forget it, so the next decision shows in them.
      window.sessionStorage.clear();
      act(() => {
        application.navigate('/sites/marketing/SitePages/Campaigns.aspx');
        application.navigatedEvent.raise(); // SharePoint sometimes raises it twice for one navigation
      });
      await decided(2);
      expect(decisions()).toBe(2);
      // A hash change is the same page view.
      window.sessionStorage.clear();
      // navigatedEvent comes at once (navigate raises it); a decision it started would have read the permissions by
      // the time what is pending has run.
      act(() => { application.navigate('/sites/marketing/SitePages/Campaigns.aspx#section'); });
      await flushPromises();
      expect(decisions()).toBe(2);
    } finally {
      customizer.__dispose();
      window.history.pushState(null, '', start);
    }
  });
});

describe('Graph is the page\'s (legacyPageContext.msGraphEndpointUrl, docs/graph-notes.md §16)', () => {
  /** The Graph requests fetch saw (SharePoint's go to contoso.sharepoint.com). */
  const graphUrls = (): string[] => (global as any).fetch.mock.calls.map((c: any[]) => String(c[0])).filter((u: string) => u.indexOf('.sharepoint.com') < 0);

  function contextFor(msGraphEndpointUrl: string | undefined, getToken: jest.Mock, extra: Record<string, unknown> = {}): any {
    return fakeContext({
      pageContext: {
        web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing' },
        cultureInfo: { currentUICultureName: 'en-US' },
        aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
        user: { loginName: 'adelev@contoso.com' },
        legacyPageContext: msGraphEndpointUrl === undefined ? undefined : { msGraphEndpointUrl }
      },
      aadTokenProviderFactory: { getTokenProvider: async () => ({ getToken }) },
      ...extra
    });
  }

  afterAll(() => { (global as any).fetch = jest.fn(async () => notFound()); });

  it.each([
    ['graph.microsoft.us', 'https://graph.microsoft.us'],
    ['dod-graph.microsoft.us', 'https://dod-graph.microsoft.us'],
    ['microsoftgraph.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn'],
    ['http://localhost:4400', 'http://localhost:4400'],
    [undefined, 'https://graph.microsoft.com'],
    ['not a host', 'https://graph.microsoft.com']
  ])('a web part (PnPjs) with %p sends to %p/v1.0 with a token for that origin', async (value, origin) => {
    (global as any).fetch = jest.fn(async () => notFound());
    const getToken = jest.fn(async () => 'token');
    const wp: any = new (MyAccessWebPart as any)();
    await act(async () => { await wp.__load(contextFor(value, getToken), { title: 'My access' }); });
    // Every first read sent and answered (all 404 here): MyAccess shows why it has nothing, no longer loading.
    await waitFor(() => {
      expect(graphUrls().length).toBeGreaterThan(0);
      doneLoading(wp.domElement);
    }, inRoot(wp.domElement));
    const urls = graphUrls();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter(u => u.indexOf(`${origin}/v1.0/`) !== 0)).toEqual([]);
    // The origin as it is, port included (PnPjs's own SPFxToken would ask for http://localhost).
    expect(getToken.mock.calls.map(c => (c as unknown[])[0])).toEqual(expect.arrayContaining([origin]));
    expect(getToken.mock.calls.every(c => (c as unknown[])[0] === origin)).toBe(true);
    wp.__dispose();
  });

  // Found by the SPFx runtime host (npm start -- --runtime spfx): rooting PnPjs at an absolute URL made its batches
  // post to `<origin>/$batch`, without the version, on every host.
  it.each([
    ['graph.microsoft.us', 'https://graph.microsoft.us'],
    ['https://localhost:4400', 'https://localhost:4400'],
    [undefined, 'https://graph.microsoft.com']
  ])('a web part\'s batches (PnPjs) with %p go to %p/v1.0/$batch', async (value, origin) => {
    (global as any).fetch = jest.fn(async () => ({
      ok: true, status: 200, headers: new Headers({ 'Content-Type': 'application/json' }),
      json: async () => ({ responses: [{ id: '1', status: 200, body: { value: [] } }] }),
      text: async () => JSON.stringify({ responses: [{ id: '1', status: 200, body: { value: [] } }] }),
      clone() { return this; }
    }));
    const getToken = jest.fn(async () => 'token');
    const services = createSpfxServices(contextFor(value, getToken));
    await services.entitlements.getGrants([{ id: 'p1', displayName: 'P1' } as any]).catch(() => undefined);
    const posts = (global as any).fetch.mock.calls.filter((c: any[]) => /\$batch/.test(String(c[0]))).map((c: any[]) => String(c[0]));
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.filter((u: string) => u !== `${origin}/v1.0/$batch`)).toEqual([]);
  });

  it.each([
    ['graph.microsoft.us', 'https://graph.microsoft.us'],
    ['http://localhost:4400', 'http://localhost:4400'],
    [undefined, 'https://graph.microsoft.com']
  ])('the customizer (plain fetch) with %p batches to %p/v1.0/$batch with a token for that origin', async (value, origin) => {
    (global as any).fetch = jest.fn(async (url: string, init?: { body?: string }) => /\$batch$/.test(url)
      ? { ok: true, status: 200, json: async () => ({ responses: JSON.parse(String(init && init.body)).requests.map((r: { id: string }) => ({ id: r.id, status: 200, body: { value: [] } })) }) }
      : { ok: true, status: 200, json: async () => ({ GroupId: '', Url: 'https://contoso.sharepoint.com/sites/marketing', High: '432', Low: '1011030767' }) });
    window.sessionStorage.clear();
    window.localStorage.clear();
    const getToken = jest.fn(async () => 'token');
    const customizer: any = new (AccessPromptApplicationCustomizer as any)();
    await act(async () => {
      await customizer.__load(contextFor(value, getToken, {
        placeholderProvider: { tryCreateContent: jest.fn(), changedEvent: { add: jest.fn() } },
        application: new MockApplication(),
        serviceScope: { consume: () => ({ tryGetTheme: () => undefined }) }
      }), {});
    });
    // The decision's $batch went out, and the decision ran to its end (it reads the site's permissions too).
    await waitFor(() => {
      expect(graphUrls().some(u => /\$batch$/.test(u))).toBe(true);
      expect((global as any).fetch.mock.calls.some((c: any[]) => /effectiveBasePermissions$/.test(String(c[0])))).toBe(true);
    }, SLOW);
    await flushPromises();
    const urls = graphUrls();
    expect(urls).toContain(`${origin}/v1.0/$batch`);
    expect(urls.filter(u => u.indexOf(`${origin}/v1.0/`) !== 0)).toEqual([]);
    expect(getToken.mock.calls.every(c => (c as unknown[])[0] === origin)).toBe(true);
    customizer.__dispose();
  });
});

describe('MyAccess property pane', () => {
  it('takes only an http(s) address or a site path as the catalog link, and says so', async () => {
    (global as any).fetch = jest.fn(async () => notFound());
    const wp: any = new (MyAccessWebPart as any)();
    await act(async () => { await wp.__load(fakeContext(), { title: 'My access' }); });
    const field = wp.getPropertyPaneConfiguration().pages[0].groups[0].groupFields.find((f: any) => f.targetProperty === 'catalogUrl');
    const invalid = 'Use a web address that starts with https:// or a path on this site that starts with /.';
    expect(field.properties.onGetErrorMessage('javascript:alert(1)')).toBe(invalid);
    expect(field.properties.onGetErrorMessage('intranet/catalog')).toBe(invalid);
    expect(field.properties.onGetErrorMessage('https://contoso.sharepoint.com/sites/intranet')).toBe('');
    expect(field.properties.onGetErrorMessage('/sites/intranet/SitePages/Home.aspx')).toBe('');
    expect(field.properties.onGetErrorMessage('')).toBe('');
    wp.__dispose();
  });
});

describe('AccessCatalog property pane', () => {
  it('offers the packages the editor may request and adds a picked one to the list', async () => {
    const falcon = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';
    (global as any).fetch = jest.fn(async (url: string) => {
      if (String(url).indexOf("filterByCurrentUser(on='allowedRequestor')") >= 0) {
        return answer(200, { '@odata.count': 1, value: [{ id: falcon, displayName: 'Project Falcon Team', description: '', isHidden: false }] });
      }
      return notFound();
    });
    const wp: any = new (AccessCatalogWebPart as any)();
    const context = fakeContext();
    const field = (name: string): any => wp.getPropertyPaneConfiguration().pages[0].groups[0].groupFields.find((f: any) => f.targetProperty === name);
    await act(async () => {
      await wp.__load(context, { scope: 'selected', packageIds: '' });
      wp.onPropertyPaneConfigurationStart();
    });
    await waitFor(() => expect(field('addPackage').properties.options).toEqual([{ key: falcon, text: 'Project Falcon Team' }]));
    expect(context.propertyPane.refresh).toHaveBeenCalled();
    act(() => { wp.onPropertyPaneFieldChanged('addPackage', '', falcon); });
    await waitFor(() => expect(field('packageIds').properties.description).toBe('Chosen: Project Falcon Team'));
    expect(wp.properties.packageIds).toBe(falcon);
    // A line that is neither an id nor a My Access link is named in the pane.
    expect(field('packageIds').properties.onGetErrorMessage(`${falcon}\nProject Falcon`)).toBe('Not an access package id or My Access link: Project Falcon');
    expect(field('packageIds').properties.onGetErrorMessage(falcon)).toBe('');
    wp.__dispose();
  });
});

const FALCON = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';
const serverError = (): any => answer(500, { error: { code: 'InternalServerError', message: 'boom', innerError: { 'request-id': 'rid-500' } } }, { 'request-id': 'rid-500' });

function paneFields(wp: any): any[] {
  return wp.getPropertyPaneConfiguration().pages[0].groups[0].groupFields;
}

describe('property panes say when Graph failed, and offer to try again', () => {
  afterEach(() => { jest.useRealTimers(); });

  it('the catalog picker shows why it is empty and loads on "Try again"', async () => {
    let fail = true;
    (global as any).fetch = jest.fn(async (url: string) => {
      if (String(url).indexOf("filterByCurrentUser(on='allowedRequestor')") < 0) return notFound();
      return fail ? serverError() : answer(200, { value: [{ id: FALCON, displayName: 'Project Falcon Team', description: '', isHidden: false }] });
    });
    const wp: any = new (AccessCatalogWebPart as any)();
    await act(async () => {
      await wp.__load(fakeContext(), { scope: 'selected', packageIds: '' });
      wp.onPropertyPaneConfigurationStart();
    });
    await waitFor(() => expect((paneFields(wp).find((f: any) => f.type === 'Label') || { properties: {} }).properties.text)
      .toBe('The access packages you can request could not be loaded. The service had a problem. Try again in a moment.'));
    const retry = paneFields(wp).find((f: any) => f.type === 'Button');
    expect(retry.properties.text).toBe('Try again');
    fail = false;
    act(() => { retry.properties.onClick(); });
    await waitFor(() => expect(paneFields(wp).find((f: any) => f.targetProperty === 'addPackage').properties.options).toEqual([{ key: FALCON, text: 'Project Falcon Team' }]));
    expect(paneFields(wp).some((f: any) => f.type === 'Label' || f.type === 'Button')).toBe(false);
    wp.__dispose();
  });

  it('the button says "not found" only when Graph says so; throttled for a minute reads as busy, with a retry', async () => {
    let mode: 'throttled' | 'missing' | 'ok' = 'missing';
    (global as any).fetch = jest.fn(async (url: string) => {
      if (String(url).indexOf(`availableAccessPackages/${FALCON}`) < 0) return notFound();
      if (mode === 'throttled') return answer(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': '5', 'request-id': 'rid-429' });
      return mode === 'missing' ? notFound() : answer(200, { id: FALCON, displayName: 'Project Falcon Team', description: '' });
    });
    const wp: any = new (AccessRequestButtonWebPart as any)();
    await act(async () => { await wp.__load(fakeContext(), { accessPackageId: '' }); });
    const field = (): any => paneFields(wp).find((f: any) => f.targetProperty === 'accessPackageId');

    expect(await field().properties.onGetErrorMessage(FALCON)).toBe('No access package with this id is available to you.');

    // A minute of Graph's Retry-After in fake time (PnPjs starts each request on a timer too).
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    mode = 'throttled';
    const calls = (global as any).fetch.mock.calls.length;
    const pending = field().properties.onGetErrorMessage(FALCON);
    await act(async () => { await jest.advanceTimersByTimeAsync(61000); });
    // Not "not found": we could not check, so the value stays and the pane says why.
    expect(await pending).toBe('');
    expect((global as any).fetch.mock.calls.length - calls).toBeGreaterThan(3);
    const label = paneFields(wp).find((f: any) => f.type === 'Label');
    expect(label.properties.text).toBe('The access package could not be checked. The service is busy. Wait a moment and try again.');

    mode = 'ok';
    wp.properties.accessPackageId = FALCON;
    // "Try again" first waits out the Retry-After Graph gave last (the page's throttle gate holds Graph until then).
    await act(async () => {
      paneFields(wp).find((f: any) => f.type === 'Button').properties.onClick();
      await jest.advanceTimersByTimeAsync(5100);
    });
    expect(paneFields(wp).some((f: any) => f.type === 'Label')).toBe(false);
    expect(field().properties.description).toBe('Found: Project Falcon Team');
    wp.__dispose();
  });
});
