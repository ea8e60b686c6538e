/** @pnp/sp v4 against the SharePoint REST of the local tenant (nometadata JSON, digest from contextinfo). */
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security/web';
import '@pnp/sp/sites';
import { InjectHeaders } from '@pnp/queryable';
import { PermissionKind } from '@pnp/sp/security';
import { ID, TestTenant, U } from './helpers';

let tt: TestTenant;
beforeAll(async () => { tt = await TestTenant.start(); });
afterAll(async () => { await tt.stop(); });

async function sp(user: string, site: string) {
  const token = await tt.token(user);
  return spfi(`${tt.url}/sites/${site}`).using(SPBrowser({ baseUrl: `${tt.url}/sites/${site}` }), InjectHeaders({ Authorization: `Bearer ${token}` }));
}

test('web, site, current user and permissions through PnPjs', async () => {
  const adele = await sp(U.adele, 'marketing');
  const web = await adele.web.select('Title', 'Url')();
  expect(web).toEqual(expect.objectContaining({ Title: 'Marketing', Url: 'https://contoso.sharepoint.com/sites/marketing' }));
  expect((await adele.site.select('GroupId')()).GroupId).toBe(ID.marketingGroup);
  expect((await adele.web.currentUser()).LoginName).toBe('i:0#.f|membership|adelev@contoso.com');
  const perms = await adele.web.getCurrentUserEffectivePermissions();
  expect(adele.web.hasPermissions(perms, PermissionKind.ViewPages)).toBe(true);
  expect(adele.web.hasPermissions(perms, PermissionKind.EditListItems)).toBe(false);
  const lynne = await sp(U.lynne, 'marketing');
  const lp = await lynne.web.getCurrentUserEffectivePermissions();
  expect(lynne.web.hasPermissions(lp, PermissionKind.EditListItems)).toBe(true);
  expect(lynne.web.hasPermissions(lp, PermissionKind.ManagePermissions)).toBe(false);
});

test('a person without access gets a rejected promise (403)', async () => {
  const jordan = await sp(U.jordan, 'intranet');
  await expect(jordan.web()).rejects.toMatchObject({ status: 403 });
});
