/**
 * SharePoint REST under /sites/<name>/_api/… for the fixture's sites. Permissions come from the site's roles
 * (incl. everyoneExceptExternalUsers / groupOwners / groupMembers) plus what delivered assignments grant.
 * Responses are nometadata-style JSON, or `{d:{…}}` when the client asks for odata=verbose (PnPjs v4 sends
 * `Accept: application/json` and parses both).
 */
import { randomBytes } from 'crypto';
import type { FxSite, FxUser, Json, PermissionLevel } from './fixture';
import type { Tenant } from './tenant';
import { iso, stableGuid, ZERO_GUID } from './util';

export interface SpReq { method: string; apiPath: string; params: URLSearchParams; headers: Record<string, string>; user?: FxUser; rawBody?: string }
export interface SpRes { status: number; headers?: Record<string, string>; body?: unknown; /** Sent as it is (a file's content), not as JSON. */ text?: string }

/** SPBasePermissions masks of the built-in levels (High/Low words as SharePoint returns them, strings). */
export const PERMISSION_MASKS: Record<PermissionLevel | 'none', { High: string; Low: string }> = {
  none: { High: '0', Low: '0' },
  Read: { High: '176', Low: '138612833' },
  Edit: { High: '432', Low: '1011030767' },
  'Full Control': { High: '2147483647', Low: '4294967295' },
};

export function spError(status: number, code: string, message: string): SpRes {
  return { status, body: { 'odata.error': { code, message: { lang: 'en-US', value: message } } } };
}

const serverRelative = (site: FxSite): string => new URL(site.url).pathname.replace(/\/+$/, '');

/** SharePoint user ids are small per-site integers; keep them stable per user. */
function spUserId(t: Tenant, u: FxUser): number {
  return 7 + t.db.users.findIndex((x) => x.id === u.id);
}

function userInfo(t: Tenant, site: FxSite, u: FxUser): Json {
  const level = t.sitePermissionLevel(site.url, u.id);
  return {
    Id: spUserId(t, u), IsHiddenInUI: false, LoginName: `i:0#.f|membership|${u.userPrincipalName.toLowerCase()}`, Title: u.displayName,
    PrincipalType: 1, Email: u.mail ?? '', Expiration: '', IsEmailAuthenticationGuestUser: false, IsShareByEmailGuestUser: false,
    IsSiteAdmin: level === 'Full Control', UserId: { NameId: u.id.replace(/-/g, '').slice(0, 16), NameIdIssuer: 'urn:federation:microsoftonline' },
    UserPrincipalName: u.userPrincipalName,
  };
}

function select(obj: Json, params: URLSearchParams): Json {
  const sel = params.get('$select');
  if (!sel) return obj;
  const out: Json = {};
  for (const k of sel.split(',').map((s) => s.trim()).filter(Boolean)) {
    const hit = Object.keys(obj).find((x) => x.toLowerCase() === k.toLowerCase());
    if (!hit) return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${k}' does not exist on type 'SP.Web'.`).body as Json;
    out[hit] = obj[hit];
  }
  return out;
}

function respond(req: SpReq, body: Json | Json[], typeName: string): SpRes {
  const verbose = /odata=verbose/i.test(req.headers.accept ?? '');
  const contentType = `application/json;odata=${verbose ? 'verbose' : /odata=minimalmetadata/i.test(req.headers.accept ?? '') ? 'minimalmetadata' : 'nometadata'};streaming=true;charset=utf-8`;
  if (Array.isArray(body)) {
    const items = body.map((b) => select(b, req.params));
    return { status: 200, headers: { 'Content-Type': contentType }, body: verbose ? { d: { results: items.map((b) => ({ __metadata: { type: typeName }, ...b })) } } : { value: items } };
  }
  const picked = select(body, req.params);
  if ('odata.error' in picked) return { status: 400, body: picked };
  return { status: 200, headers: { 'Content-Type': contentType }, body: verbose ? { d: { __metadata: { type: typeName }, ...picked } } : picked };
}

export function handleSharePoint(t: Tenant, site: FxSite, req: SpReq): SpRes {
  const path = req.apiPath.replace(/^\/+|\/+$/g, '').toLowerCase();
  const user = req.user as FxUser;
  if (req.method === 'POST' && path === 'contextinfo') {
    const info: Json = {
      FormDigestTimeoutSeconds: 1800, FormDigestValue: `0x${randomBytes(32).toString('hex').toUpperCase()},${new Date().toUTCString()}`,
      LibraryVersion: '16.0.25000.12005', SiteFullUrl: site.url, SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'], WebFullUrl: site.url,
    };
    const verbose = /odata=verbose/i.test(req.headers.accept ?? '');
    return { status: 200, body: verbose ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } } : info };
  }
  const level = t.sitePermissionLevel(site.url, user.id);
  // A person without read access gets SharePoint's access denied on everything but contextinfo.
  if (level === 'none') return spError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
  const file = handleFiles(t, site, req, path, level);
  if (file) return file;
  if (req.method !== 'GET') return spError(405, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The HTTP method '${req.method}' cannot be used to access the resource '${path}'.`);
  switch (path) {
    case 'web':
      return respond(req, {
        Id: stableGuid(`web:${site.id}`), Title: site.title, Url: site.url, ServerRelativeUrl: serverRelative(site), WebTemplate: site.webTemplate.split('#')[0],
        Configuration: Number(site.webTemplate.split('#')[1] ?? 0), Description: '', Language: 1033, Created: iso(new Date(Date.parse(t.db.referenceDateTime) - 400 * 86400000)),
      }, 'SP.Web');
    case 'site':
      return respond(req, {
        Id: site.id, Url: site.url, ServerRelativeUrl: serverRelative(site), GroupId: site.groupId ?? ZERO_GUID, IsHubSite: site.isHubSite,
        HubSiteId: site.isHubSite ? site.id : ZERO_GUID, ReadOnly: false,
      }, 'SP.Site');
    case 'web/currentuser':
      return respond(req, userInfo(t, site, user), 'SP.User');
    case 'web/effectivebasepermissions':
      return respond(req, { ...PERMISSION_MASKS[level] }, 'SP.BasePermissions');
    case 'web/sitegroups':
      return respond(req, site.roles.map((r) => ({
        Id: Number(r.id), IsHiddenInUI: false, LoginName: r.title, Title: r.title, PrincipalType: 8, Description: null, OwnerTitle: `${site.title} Owners`,
        AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false,
      })), 'SP.Group');
    default: {
      const m = /^web\/sitegroups\/getbyid\((\d+)\)\/users$/.exec(path);
      const role = m ? site.roles.find((r) => r.id === m[1]) : undefined;
      if (role) {
        // Special members (everyone, group owners/members) are claims, not users: list the resolved users only.
        const users = t.db.users.filter((u) => role.members.includes(u.id));
        return respond(req, users.map((u) => userInfo(t, site, u)), 'SP.User');
      }
      return spError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${req.apiPath}.`);
    }
  }
}

/** Where the product may keep files: the site's Site Assets library (what a site owner's scan writes). */
function siteAssets(site: FxSite): string {
  return `${serverRelative(site)}/SiteAssets`.toLowerCase();
}

const FILE_NOT_FOUND = (): SpRes => spError(404, '-2130575338, Microsoft.SharePoint.SPException', 'The file does not exist.');

/**
 * Files in Site Assets, as SharePoint REST documents them:
 * `GET web/GetFileByServerRelativeUrl('<url>')/$value` (the content; 404 when there is none) and
 * `POST web/GetFolderByServerRelativeUrl('<folder>')/Files/add(url='<name>',overwrite=true)` with the content as the
 * body (Edit or Full Control; anything else is access denied, as SharePoint answers a visitor).
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest
 */
function handleFiles(t: Tenant, site: FxSite, req: SpReq, lowerPath: string, level: PermissionLevel): SpRes | undefined {
  // Matched on the path as sent: SharePoint's method names are case-insensitive, the names in them keep their case.
  const path = req.apiPath.replace(/^\/+|\/+$/g, '');
  if (lowerPath.indexOf('web/getf') !== 0) return undefined;
  const get = /^web\/getfilebyserverrelativeurl\('((?:[^']|'')*)'\)\/\$value$/i.exec(path);
  if (get && req.method === 'GET') {
    const url = decodeURIComponent(get[1]).replace(/''/g, "'").toLowerCase();
    if (url.indexOf(siteAssets(site) + '/') !== 0) return FILE_NOT_FOUND();
    const stored = t.spFiles.get(url);
    if (!stored) return FILE_NOT_FOUND();
    return { status: 200, headers: { 'Content-Type': 'application/octet-stream', 'Last-Modified': new Date(stored.modified).toUTCString() }, text: stored.content };
  }
  const add = /^web\/getfolderbyserverrelativeurl\('((?:[^']|'')*)'\)\/files\/add\(url='((?:[^']|'')*)',overwrite=(true|false)\)$/i.exec(path);
  if (!add) return undefined;
  if (req.method !== 'POST') return spError(405, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The HTTP method '${req.method}' cannot be used to access the resource '${path}'.`);
  if (level !== 'Edit' && level !== 'Full Control') {
    return spError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
  }
  const folder = decodeURIComponent(add[1]).replace(/''/g, "'").replace(/\/+$/, '');
  const name = decodeURIComponent(add[2]).replace(/''/g, "'");
  if ((folder.toLowerCase() + '/').indexOf(siteAssets(site) + '/') !== 0 || !name || /[\\/:*?"<>|#%]/.test(name)) {
    return spError(400, '-2147024809, System.ArgumentException', 'The folder or file name is not valid.');
  }
  const url = `${folder}/${name}`.toLowerCase();
  if (add[3].toLowerCase() === 'false' && t.spFiles.has(url)) {
    return spError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${name} already exists.`);
  }
  const content = req.rawBody ?? '';
  if (content.length > 1024 * 1024) return spError(400, '-2147024809, System.ArgumentException', 'The file is too large.');
  const modified = t.now().toISOString();
  const user = req.user as FxUser;
  t.spFiles.set(url, { content, modified, author: user.userPrincipalName });
  return respond(req, {
    Name: name, ServerRelativeUrl: `${folder}/${name}`, Length: String(content.length), TimeLastModified: modified, UniqueId: stableGuid(`file:${url}`)
  }, 'SP.File');
}
