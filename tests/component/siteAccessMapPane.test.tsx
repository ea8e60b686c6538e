/**
 * The AccessCatalog's settings build the site's access map: "Find the packages that grant this site" runs the scan
 * (tests/service/siteAccessMap.test.ts tests the scan itself against the local tenant) with progress and a cancel,
 * stores the result in the web part's properties, and lets the owner remove or add packages before saving.
 */
import { act, waitFor } from '@testing-library/react';
import AccessCatalogWebPart from '../../src/webparts/accessCatalog/AccessCatalogWebPart';
import type { IScanOptions } from '../../src/services/loaders/scanSiteAccess';
import type { ISiteAccessMap } from '../../src/core/model/siteAccessMap';
import { forgetPageReads } from '../../src/services/loaders/pageReads';

const SITE = 'https://contoso.sharepoint.com/sites/marketing';
const A = '099fb9dd-9974-4665-a422-272fbeda57f7';
const B = 'd6e42f1f-7634-46ff-a21c-5779535f82c6';
const C = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';

/** The scan, held by the test: it reports progress and ends when the test says. */
const scans: Array<{ options: IScanOptions; finish: (map: ISiteAccessMap) => void; fail: (e: Error) => void }> = [];
jest.mock('../../src/services/loaders/scanSiteAccess', () => ({
  ScanCancelled: class ScanCancelled extends Error { constructor() { super('cancelled'); this.name = 'ScanCancelled'; } },
  scanSiteAccess: (_services: unknown, options: IScanOptions) => new Promise((resolve, reject) => {
    scans.push({ options, finish: resolve, fail: reject });
    options.signal?.addEventListener('abort', () => { const e = new Error('cancelled'); e.name = 'ScanCancelled'; reject(e); });
  })
}));

/* eslint-disable @typescript-eslint/no-explicit-any */
function fakeContext(): any {
  return {
    pageContext: {
      web: { absoluteUrl: SITE },
      cultureInfo: { currentUICultureName: 'en-US' },
      aadInfo: { tenantId: '8519e8f0-d3d6-4174-a376-1c066cf7512b' },
      user: { loginName: 'meganb@contoso.com' }
    },
    aadTokenProviderFactory: { getTokenProvider: async () => ({ getToken: async () => 'token' }) },
    propertyPane: { refresh: jest.fn() }
  };
}

beforeAll(() => {
  // No tenant: Graph answers 404 at once (the catalog's own load shows a message; the scan is the mock above).
  (global as any).fetch = jest.fn(async () => ({
    ok: false, status: 404, statusText: '404', headers: { get: () => 'application/json', has: () => true },
    text: async () => '{"error":{"code":"ResourceNotFound","message":"not found"}}',
    json: async () => ({ error: { code: 'ResourceNotFound', message: 'not found' } }),
    clone() { return this; }
  }));
});
beforeEach(() => { forgetPageReads(); scans.length = 0; });

const mapGroup = (wp: any): any[] => wp.getPropertyPaneConfiguration().pages[0].groups[1].groupFields;
const field = (wp: any, key: string): any => mapGroup(wp).find((f: any) => f.targetProperty === key);

async function loaded(properties: Record<string, unknown>): Promise<any> {
  const wp: any = new (AccessCatalogWebPart as any)();
  await act(async () => { await wp.__load(fakeContext(), properties); });
  return wp;
}

describe('the AccessCatalog builds the site access map in its settings', () => {
  it('finds the packages with progress, stores the map, and lets the owner remove and add packages', async () => {
    const wp = await loaded({ scope: 'currentSite' });
    expect(field(wp, 'accessMapStatus').properties.text).toMatch(/^No map yet/);
    act(() => { field(wp, 'accessMapFind').properties.onClick(); });
    await waitFor(() => expect(scans).toHaveLength(1));
    // A second press while it runs starts nothing.
    expect(field(wp, 'accessMapFind')).toBeUndefined();
    act(() => { scans[0].options.onProgress!({ read: 200, total: 1000, found: [{ id: A, name: 'Contributors', level: 'member' }] }); });
    expect(field(wp, 'accessMapStatus').properties.text).toBe('Packages read: 200 of 1000. Granting this site so far: 1.');
    expect(field(wp, 'accessMapCancel')).toBeDefined();

    const map: ISiteAccessMap = {
      v: 1, siteUrl: SITE, madeAt: '2026-12-05T10:00:00.000Z', names: {},
      packages: [{ id: A, name: 'Contributors', level: 'member' }, { id: B, name: 'Visitors', level: 'visitor' }]
    };
    await act(async () => { scans[0].finish(map); });
    await waitFor(() => expect(wp.properties.accessMap).toEqual(map));
    expect(field(wp, 'accessMapStatus').properties.text).toMatch(/: 2 packages grant this site\./);
    expect(field(wp, 'accessMapIds').properties.description).toBe('Contributors, Visitors');

    // The owner removes Visitors and adds a package by id before saving the page.
    act(() => { wp.onPropertyPaneFieldChanged('accessMapIds', '', `${A}\n${C}`); });
    expect(wp.properties.accessMap.packages).toEqual([{ id: A, name: 'Contributors', level: 'member' }, { id: C, name: '', level: 'visitor' }]);
    act(() => { field(wp, 'accessMapRemove').properties.onClick(); });
    expect(wp.properties.accessMap).toBeUndefined();
    wp.__dispose();
  });

  it('a cancelled scan keeps the map there was, and a failed one says why with a retry', async () => {
    const old: ISiteAccessMap = { v: 1, siteUrl: SITE, madeAt: '2026-11-01T10:00:00.000Z', names: {}, packages: [{ id: A, name: 'Contributors', level: 'member' }] };
    const wp = await loaded({ scope: 'currentSite', accessMap: old });
    act(() => { field(wp, 'accessMapFind').properties.onClick(); });
    await waitFor(() => expect(scans).toHaveLength(1));
    act(() => { field(wp, 'accessMapCancel').properties.onClick(); });
    expect(scans[0].options.signal!.aborted).toBe(true);
    await waitFor(() => expect(field(wp, 'accessMapFind')).toBeDefined());
    expect(wp.properties.accessMap).toBe(old);

    act(() => { field(wp, 'accessMapFind').properties.onClick(); });
    await waitFor(() => expect(scans).toHaveLength(2));
    await act(async () => { scans[1].fail(new Error('network down')); });
    await waitFor(() => expect(mapGroup(wp).some((f: any) => f.targetProperty === 'scanError')).toBe(true));
    expect(field(wp, 'scanError').properties.text).toMatch(/^The packages could not be read: /);
    expect(wp.properties.accessMap).toBe(old);
    act(() => { field(wp, 'scanRetry').properties.onClick(); });
    await waitFor(() => expect(scans).toHaveLength(3));
    wp.__dispose();
  });

  it('a map made for another site is not this site\'s: the pane offers to make one', async () => {
    const other: ISiteAccessMap = { v: 1, siteUrl: 'https://contoso.sharepoint.com/sites/finance', madeAt: '2026-11-01T10:00:00.000Z', names: {}, packages: [{ id: A, name: 'x', level: 'member' }] };
    const wp = await loaded({ scope: 'currentSite', accessMap: other });
    expect(field(wp, 'accessMapStatus').properties.text).toMatch(/^No map yet/);
    expect(field(wp, 'accessMapFind').properties.disabled).toBe(false);
    wp.__dispose();
  });
});
