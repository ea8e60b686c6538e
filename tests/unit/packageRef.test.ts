import { invalidPackageRefs, parsePackageRef, parsePackageRefs, safeUrl } from '../../src/models/packageRef';

describe('parsePackageRef', () => {
  const id = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';
  it('accepts an id, in any case, trimmed', () => {
    expect(parsePackageRef(`  ${id.toUpperCase()} `)).toBe(id);
  });
  it('accepts a My Access link', () => {
    expect(parsePackageRef(`https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${id}`)).toBe(id);
    expect(parsePackageRef(`https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${id}?x=1`)).toBe(id);
  });
  it('rejects anything else', () => {
    expect(parsePackageRef('')).toBeUndefined();
    expect(parsePackageRef('not-an-id')).toBeUndefined();
    expect(parsePackageRef('https://example.com/access-packages/not-a-guid')).toBeUndefined();
    expect(parsePackageRef(`javascript:alert(1)//access-packages/${id}`)).toBeUndefined();
  });
  it('reads a list, one per line, without duplicates', () => {
    expect(parsePackageRefs(`${id}\n\nbad\n${id.toUpperCase()}`)).toEqual([id]);
  });
});

describe('property inputs the site owner types', () => {
  it('lists the lines of a package list that are neither an id nor a My Access link', () => {
    const id = 'fb3c22d2-6bdc-4fc7-a37c-8b393732b713';
    expect(invalidPackageRefs(`${id}\nhttps://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${id}\n`)).toEqual([]);
    expect(invalidPackageRefs(`${id}, Project Falcon; fb3c22d2\n\n`)).toEqual(['Project Falcon', 'fb3c22d2']);
    expect(invalidPackageRefs(undefined)).toEqual([]);
  });

  it('takes only http(s) and site-relative addresses as links', () => {
    expect(safeUrl(' https://contoso.sharepoint.com/sites/intranet ')).toBe('https://contoso.sharepoint.com/sites/intranet');
    expect(safeUrl('/sites/intranet/SitePages/Home.aspx')).toBe('/sites/intranet/SitePages/Home.aspx');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeUrl('intranet')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
