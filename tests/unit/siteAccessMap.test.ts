/** A site access map comes from a component's properties, which anyone who can edit the page can change: checked. */
import { readAccessMap, mapNames, MAX_MAPPED_PACKAGES } from '../../src/core/model/siteAccessMap';

const SITE = 'https://contoso.sharepoint.com/sites/marketing';
const A = '099fb9dd-9974-4665-a422-272fbeda57f7';
const B = 'd6e42f1f-7634-46ff-a21c-5779535f82c6';
const valid = { v: 1, siteUrl: SITE, madeAt: '2026-12-01T10:00:00Z', packages: [{ id: A, name: 'Contributors', level: 'member' }], names: { [B]: 'Marketing' } };

describe('readAccessMap', () => {
  it('reads a map as an object or as its JSON text, for its own site only (trailing slash and case aside)', () => {
    expect(readAccessMap(valid, SITE)!.packages).toEqual([{ id: A, name: 'Contributors', level: 'member' }]);
    expect(readAccessMap(JSON.stringify(valid), SITE.toUpperCase() + '/')!.madeAt).toBe('2026-12-01T10:00:00.000Z');
    expect(readAccessMap(valid, 'https://contoso.sharepoint.com/sites/finance')).toBeUndefined();
    expect(mapNames(readAccessMap(valid, SITE)!).get(B)).toBe('Marketing');
  });

  it('ignores what is not a map: wrong version, bad dates, text that is not JSON, nothing', () => {
    for (const bad of [undefined, '', '  ', '{not json', 42, [], { ...valid, v: 2 }, { ...valid, madeAt: 'yesterday' },
      { ...valid, packages: 'all' }, { ...valid, siteUrl: 7 }]) {
      expect(readAccessMap(bad, SITE)).toBeUndefined();
    }
  });

  it('drops entries that are not package ids, duplicates, unknown levels, long names and too many entries', () => {
    const map = readAccessMap({
      ...valid,
      packages: [
        { id: A.toUpperCase(), name: 'x'.repeat(1000), level: 'admin' },
        { id: A, name: 'again', level: 'owner' },
        { id: '../../me', name: 'path', level: 'owner' },
        { id: `${B}?$expand=x`, name: 'query', level: 'owner' },
        { name: 'no id' },
        null
      ],
      names: { [B]: '<img src=x onerror=alert(1)>', 'not-a-guid': 'x', [A]: 12 }
    }, SITE)!;
    expect(map.packages).toEqual([{ id: A, name: 'x'.repeat(256), level: 'visitor' }]);
    // Names are kept as text (React renders them as text); only GUID keys with string values.
    expect(map.names).toEqual({ [B]: '<img src=x onerror=alert(1)>' });
    const many = Array.from({ length: MAX_MAPPED_PACKAGES + 10 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: '', level: 'visitor' }));
    expect(readAccessMap({ ...valid, packages: many }, SITE)!.packages).toHaveLength(MAX_MAPPED_PACKAGES);
  });
});
