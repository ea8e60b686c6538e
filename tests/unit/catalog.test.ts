import { buildCatalog, searchCatalog, sortCatalog } from '../../src/models/catalog';
import { IAccessPackage, IGrant } from '../../src/core/model/types';

const pkg = (id: string, name: string, over: Partial<IAccessPackage> = {}): IAccessPackage => ({ id, displayName: name, description: `${name} description`, isHidden: false, ...over });
const grant = (originSystem: string, originId: string, roleName: string, resourceName: string, siteLevel?: 'member' | 'visitor'): IGrant => ({
  id: `${originId}_${roleName}`, kind: originSystem === 'SharePointOnline' ? 'siteRole' : 'groupMember', originSystem, resourceName, roleName,
  resourceOriginId: originId, roleOriginId: roleName, siteLevel
});
const site = { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing', groupId: 'g-marketing' };
const packages = [pkg('a', 'Marketing Campaign Contributors'), pkg('b', 'Marketing Site Visitors'), pkg('c', 'Finance Reports'), pkg('d', 'War room', { isHidden: true })];
const grants = new Map<string, IGrant[]>([
  ['a', [grant('AadGroup', 'g-marketing', 'Member', 'Marketing Team', 'member'), grant('AadApplication', 'sf', 'Marketing User', 'Salesforce')]],
  ['b', [grant('SharePointOnline', 'https://contoso.sharepoint.com/sites/marketing', 'Visitors', 'Marketing', 'visitor')]],
  ['c', [grant('SharePointOnline', 'https://contoso.sharepoint.com/sites/finance', 'Visitors', 'Finance', 'visitor')]],
  ['d', []]
]);
const now = new Date('2026-03-01T00:00:00Z');
const base = { packages, grants, assignments: [], requests: [], site, showOwned: true, now };

describe('buildCatalog', () => {
  it('keeps only packages that grant this site or its group, and never hidden ones', () => {
    const entries = buildCatalog({ ...base, scope: 'currentSite' });
    expect(entries.map(e => e.pkg.id)).toEqual(['a', 'b']);
    expect(entries.map(e => e.siteLevel)).toEqual(['member', 'visitor']);
  });
  it('lists every visible package for scope all', () => {
    expect(buildCatalog({ ...base, scope: 'all' }).map(e => e.pkg.id)).toEqual(['a', 'b', 'c']);
  });
  it('lists only the chosen ones for scope selected', () => {
    expect(buildCatalog({ ...base, scope: 'selected', selectedIds: ['C'] }).map(e => e.pkg.id)).toEqual(['c']);
  });
  it('hides packages the person has when showOwned is off', () => {
    const assignments = [{ id: 'x', state: 'delivered', status: 'Delivered', accessPackageId: 'b' }];
    const entries = buildCatalog({ ...base, assignments, scope: 'currentSite', showOwned: false });
    expect(entries.map(e => e.pkg.id)).toEqual(['a']);
    expect(buildCatalog({ ...base, assignments, scope: 'currentSite' })[1].status.kind).toBe('hasAccess');
  });
});

describe('search and sort', () => {
  const entries = buildCatalog({ ...base, scope: 'all' });
  it('searches names, descriptions and what packages grant; all words must match', () => {
    expect(searchCatalog(entries, 'salesforce').map(e => e.pkg.id)).toEqual(['a']);
    expect(searchCatalog(entries, 'marketing visitors').map(e => e.pkg.id)).toEqual(['b']);
    expect(searchCatalog(entries, 'nothing-like-this')).toEqual([]);
    expect(searchCatalog(entries, '  ')).toHaveLength(3);
  });
  it('sorts by name or by status', () => {
    expect(sortCatalog(entries, 'name').map(e => e.pkg.id)).toEqual(['c', 'a', 'b']);
    const withPending = buildCatalog({ ...base, scope: 'all', requests: [{ id: 'r', requestType: 'userAdd', state: 'pendingApproval', status: '', accessPackageId: 'b', answers: [] }] });
    expect(sortCatalog(withPending, 'status')[0].pkg.id).toBe('b');
  });
});
