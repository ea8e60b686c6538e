/**
 * The SharePoint REST endpoints that SharePoint's client runtime (SPFx) calls for itself, as opposed to those a
 * component calls:
 *
 * - `GET {web}/_api/Microsoft.SharePoint.Internal.ClientSideComponent.Token.AcquireOBOToken?resource='…'&clientId='…'`
 *   (header `OBOToken`: the runtime's own sign-in token): exchanges it on behalf of the person for a token to
 *   `resource`. Graph tokens carry the scopes the solution package asks for (`webApiPermissionRequests`, as an admin
 *   would approve them). The answer is `{ value: "<JSON string {AccessToken}>" }`, as SharePoint's.
 * - `POST {web}/_api/web/GetClientSideComponents`: manifests by id, from whoever registered a source
 *   (`setComponentSource`; the workbench's runtime host does).
 */
import { DEFAULT_SCOPES, signToken, verifyToken } from './auth';
import type { FxUser } from './fixture';
import { isGraph } from './oauth';
import type { SpReq, SpRes } from './sharepoint';
import { spError } from './sharepoint';
import type { Tenant } from './tenant';

export type ComponentSource = (origin: string, ids: string[]) => unknown[];

const sources = new WeakMap<Tenant, ComponentSource>();

/** Who answers this tenant's GetClientSideComponents (the runtime host); undefined: every id is unknown. */
export function setComponentSource(t: Tenant, source: ComponentSource | undefined): void {
  if (source) sources.set(t, source);
  else sources.delete(t);
}

const unquote = (v: string | null): string => String(v || '').replace(/^'(.*)'$/, '$1');

export function handleSpfxEndpoint(t: Tenant, req: SpReq & { body?: unknown; origin: string }): SpRes | undefined {
  const path = req.apiPath.replace(/^\/+|\/+$/g, '').toLowerCase();
  const user = req.user as FxUser;
  if (path === 'microsoft.sharepoint.internal.clientsidecomponent.token.acquireobotoken') {
    const incoming = req.headers.obotoken ? verifyToken(req.headers.obotoken) : undefined;
    if (!incoming || incoming.oid !== user.id) {
      return spError(401, '-2147024891, System.UnauthorizedAccessException', 'The OBOToken header is missing, invalid, or not the signed-in person\'s.');
    }
    const resource = unquote(req.params.get('resource'));
    if (!resource) return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The parameter resource is required.');
    const token = signToken(user, isGraph(resource, req.origin) ? DEFAULT_SCOPES : [], t.tenantInfo.id, { aud: resource, appid: unquote(req.params.get('clientId')) || undefined });
    const expiresOn = new Date(Date.now() + token.expires_in * 1000).toISOString();
    return { status: 200, body: { value: JSON.stringify({ AccessToken: token.access_token, ExpiresOn: expiresOn, Resource: resource }) } };
  }
  if (path === 'web/getclientsidecomponents' && req.method === 'POST') {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as { components?: Array<{ id?: string }> };
    const ids = (body.components || []).map(c => String(c && c.id || '')).filter(Boolean);
    const source = sources.get(t);
    const found = source ? source(req.origin, ids) as Array<{ id: string }> : [];
    const byId = new Map(found.map(m => [m.id.toLowerCase(), m]));
    return {
      status: 200,
      body: { value: ids.map(id => byId.has(id.toLowerCase()) ? { Status: 0, Manifest: JSON.stringify(byId.get(id.toLowerCase())) } : { Status: 1, Manifest: null }) }
    };
  }
  return undefined;
}
