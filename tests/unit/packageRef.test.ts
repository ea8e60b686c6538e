import { parsePackageRef, parsePackageRefs } from '../../src/models/packageRef';

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
