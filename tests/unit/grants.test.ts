import { mapRoleScope, grantLabel, siteLevelOfPackage, packageBelongsToSite } from '../../src/models/grants';

const marketingGroup = '4344c20c-0000-0000-0000-000000000000';
const groupMember = {
  id: 'r1_s1',
  role: { id: 'r1', displayName: 'Member', originSystem: 'AadGroup', originId: `Member_${marketingGroup}`, resource: { displayName: 'Marketing Team' } },
  scope: { id: 's1', displayName: 'Root', description: 'Root Scope', originSystem: 'AadGroup', originId: marketingGroup, isRootScope: true }
};
const siteVisitors = {
  id: 'r2_s2',
  role: { id: 'r2', displayName: 'Finance Visitors', originSystem: 'SharePointOnline', originId: '4', resource: { displayName: 'Finance' } },
  scope: { id: 's2', displayName: 'Root', originSystem: 'SharePointOnline', originId: 'https://contoso.sharepoint.com/sites/finance', isRootScope: true }
};
const appRole = {
  id: 'r3_s3',
  role: { id: 'r3', displayName: 'Marketing User', originSystem: 'AadApplication', originId: 'app-role', resource: { displayName: 'Salesforce' } },
  scope: { id: 's3', displayName: 'Root', originSystem: 'AadApplication', originId: 'sp-id', isRootScope: true }
};

describe('mapRoleScope', () => {
  it('names a group membership "Marketing Team — Member" and marks it as member level', () => {
    const g = mapRoleScope(groupMember);
    expect(grantLabel(g)).toBe('Marketing Team — Member');
    expect(g.kind).toBe('groupMember');
    expect(g.siteLevel).toBe('member');
    expect(g.resourceOriginId).toBe(marketingGroup);
  });

  it('strips the site title from a SharePoint role: "Finance — Visitors"', () => {
    const g = mapRoleScope(siteVisitors);
    expect(grantLabel(g)).toBe('Finance — Visitors');
    expect(g.siteLevel).toBe('visitor');
    expect(g.url).toBe('https://contoso.sharepoint.com/sites/finance');
  });

  it('names an app role "Salesforce — Marketing User"', () => {
    expect(grantLabel(mapRoleScope(appRole))).toBe('Salesforce — Marketing User');
  });

  it('falls back to the site URL when Graph sends no resource object', () => {
    const g = mapRoleScope({ ...siteVisitors, role: { ...siteVisitors.role, resource: null } });
    expect(g.resourceName).toBe('Finance');
  });

  it('classifies owner roles', () => {
    const g = mapRoleScope({ ...groupMember, role: { ...groupMember.role, displayName: 'Owner', originId: `Owner_${marketingGroup}` } });
    expect(g.kind).toBe('groupOwner');
    expect(g.siteLevel).toBe('owner');
  });
});

describe('site matching', () => {
  const pkg = { grants: [mapRoleScope(groupMember), mapRoleScope(appRole)] };
  it('matches a package through the site\'s connected group', () => {
    expect(siteLevelOfPackage(pkg, { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing', groupId: marketingGroup.toUpperCase() })).toBe('member');
  });
  it('does not match a site without that group', () => {
    expect(packageBelongsToSite(pkg, { url: 'https://contoso.sharepoint.com/sites/marketing', title: 'Marketing' })).toBe(false);
  });
  it('matches a site role by URL, ignoring case and a trailing slash', () => {
    const p = { grants: [mapRoleScope(siteVisitors)] };
    expect(siteLevelOfPackage(p, { url: 'https://Contoso.sharepoint.com/sites/Finance/', title: 'Finance' })).toBe('visitor');
    expect(siteLevelOfPackage(p, { url: 'https://contoso.sharepoint.com/sites/finance2', title: 'x' })).toBe('none');
  });
});
