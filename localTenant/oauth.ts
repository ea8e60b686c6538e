/**
 * A small OAuth 2.0 / OpenID Connect authority at the local tenant, shaped like Entra's v2.0 endpoints, so that sign-in
 * code (SharePoint's own MSAL in the SPFx runtime) runs unchanged when pointed at it:
 *
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration`: the discovery document;
 * - `GET /{tenant}/oauth2/v2.0/authorize`: authorization code flow with PKCE (S256). The person is the browser's
 *   session on this origin (session.ts; a runtime page served for `?as=<upn>` starts it). With no session,
 *   `prompt=none` answers `login_required` as Entra does; otherwise a page lists the fixture's people to sign in as.
 * - `POST /{tenant}/oauth2/v2.0/token`: `authorization_code` (with the PKCE verifier) and `refresh_token`.
 *
 * Tokens are the local tenant's (auth.ts). An access token's audience is the resource of the scope asked for
 * (`<resource>/.default`); Graph scopes come from the package's `webApiPermissionRequests` (auth.ts DEFAULT_SCOPES).
 * Redirect URIs must be on the authority's own origin or on localhost: this authority has no app registrations.
 */
import { createHash, randomBytes } from 'crypto';
import { DEFAULT_SCOPES, signToken, verifyToken } from './auth';
import type { FxUser } from './fixture';
import { sessionClaims } from './session';
import type { Tenant } from './tenant';

export interface OAuthRequest {
  method: string;
  /** Path below the authority, e.g. `oauth2/v2.0/authorize`. */
  route: string;
  tenantSegment: string;
  params: URLSearchParams;
  /** The form body of a POST. */
  form: URLSearchParams;
  cookie: string | undefined;
  origin: string;
}

export interface OAuthResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  html?: string;
}

const REFRESH_AUDIENCE = 'urn:local-tenant:refresh-token';
const CODE_LIFETIME_MS = 5 * 60 * 1000;
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

interface PendingCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  challenge?: string;
  nonce?: string;
  scope: string;
  expires: number;
}

const b64url = (v: Buffer | string): string => Buffer.from(v).toString('base64url');

function oauthError(status: number, error: string, description: string): OAuthResponse {
  return {
    status,
    json: { error, error_description: `${description}\r\nTrace ID: ${randomBytes(8).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`, error_codes: [], timestamp: new Date().toISOString() }
  };
}

/** `https://graph.microsoft.com/.default offline_access` → the resource of the first resource scope. */
export function resourceOf(scope: string): string | undefined {
  for (const s of scope.split(/\s+/).filter(Boolean)) {
    if (['openid', 'profile', 'offline_access', 'email'].includes(s)) continue;
    const m = /^(.*)\/[^/]+$/.exec(s);
    return m ? m[1] : GRAPH_RESOURCE;
  }
  return undefined;
}

/** A resource that means Graph: its URL, its app id, or the local tenant's own origin (which serves Graph). */
export function isGraph(resource: string, origin: string): boolean {
  return resource === GRAPH_RESOURCE || resource === '00000003-0000-0000-c000-000000000000' || resource === origin;
}

export class OAuthAuthority {
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly t: Tenant) {}

  private tenantId(): string {
    return this.t.tenantInfo.id;
  }

  private knownTenant(segment: string): boolean {
    const info = this.t.tenantInfo;
    return [info.id, info.defaultDomain, info.initialDomain, 'common', 'organizations'].some(v => v && v.toLowerCase() === segment.toLowerCase());
  }

  /**
   * Entra's instance discovery (`GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…`), as MSAL
   * asks it about an authority it does not know: the local tenant names itself as the only alias of its host.
   */
  instanceDiscovery(origin: string, params: URLSearchParams): OAuthResponse {
    const host = new URL(origin).host;
    return {
      status: 200,
      json: {
        tenant_discovery_endpoint: `${origin}/${this.tenantId()}/v2.0/.well-known/openid-configuration`,
        'api-version': params.get('api-version') || '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
      }
    };
  }

  handle(r: OAuthRequest): OAuthResponse {
    if (r.tenantSegment === 'common' && r.route === 'discovery/instance') return this.instanceDiscovery(r.origin, r.params);
    if (!this.knownTenant(r.tenantSegment)) {
      return oauthError(400, 'invalid_tenant', `AADSTS90002: Tenant '${r.tenantSegment}' not found.`);
    }
    if (r.route === 'v2.0/.well-known/openid-configuration' && r.method === 'GET') return { status: 200, json: this.discovery(r.origin) };
    if (r.route === 'oauth2/v2.0/authorize' && r.method === 'GET') return this.authorize(r);
    if (r.route === 'oauth2/v2.0/token' && r.method === 'POST') return this.token(r);
    return oauthError(404, 'invalid_request', `AADSTS900561: The endpoint only accepts ${r.route.endsWith('token') ? 'POST' : 'GET'} requests.`);
  }

  discovery(origin: string): unknown {
    const base = `${origin}/${this.tenantId()}`;
    return {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['HS256'],
      tenant_region_scope: 'WW',
      cloud_instance_name: 'local-tenant'
    };
  }

  private redirectAllowed(uri: string, origin: string): boolean {
    try {
      const u = new URL(uri);
      return u.origin === origin || u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    } catch {
      return false;
    }
  }

  private authorize(r: OAuthRequest): OAuthResponse {
    const p = r.params;
    const clientId = p.get('client_id') || '';
    const redirectUri = p.get('redirect_uri') || '';
    if (!clientId) return oauthError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    if (!this.redirectAllowed(redirectUri, r.origin)) {
      return oauthError(400, 'invalid_request', `AADSTS50011: The redirect URI '${redirectUri}' does not match the local tenant's origin (${r.origin}) or localhost.`);
    }
    if ((p.get('response_type') || '') !== 'code') return this.back(redirectUri, p, { error: 'unsupported_response_type', error_description: 'AADSTS70005: Only response_type=code is supported.' });
    const method = p.get('code_challenge_method');
    if (p.get('code_challenge') && method && method !== 'S256') {
      return this.back(redirectUri, p, { error: 'invalid_request', error_description: 'AADSTS501491: Invalid code_challenge_method.' });
    }
    const session = sessionClaims(r.cookie);
    const user = session ? this.t.findUser(session.oid) : undefined;
    if (!user) {
      return this.back(redirectUri, p, { error: 'login_required', error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in. Open a page of the local tenant with ?as=<userPrincipalName> first.' });
    }
    const code = b64url(randomBytes(24));
    this.codes.set(code, {
      userId: user.id, clientId, redirectUri, challenge: p.get('code_challenge') || undefined, nonce: p.get('nonce') || undefined,
      scope: p.get('scope') || 'openid profile', expires: Date.now() + CODE_LIFETIME_MS
    });
    return this.back(redirectUri, p, {
      code, client_info: this.clientInfo(user), session_state: randomBytes(8).toString('hex')
    });
  }

  /** A 302 to the redirect URI with `values` and the request's state, in the fragment unless `response_mode=query`. */
  private back(redirectUri: string, p: URLSearchParams, values: Record<string, string>): OAuthResponse {
    const out = new URLSearchParams(values);
    const state = p.get('state');
    if (state !== null) out.set('state', state);
    const url = new URL(redirectUri);
    if (p.get('response_mode') === 'query') {
      out.forEach((v, k) => url.searchParams.set(k, v));
      return { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store' } };
    }
    url.hash = out.toString();
    return { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store' } };
  }

  private clientInfo(user: FxUser): string {
    return b64url(JSON.stringify({ uid: user.id, utid: this.tenantId() }));
  }

  private token(r: OAuthRequest): OAuthResponse {
    const f = r.form;
    const grant = f.get('grant_type');
    const clientId = f.get('client_id') || '';
    if (!clientId) return oauthError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    if (grant === 'authorization_code') {
      const code = this.codes.get(f.get('code') || '');
      if (code) this.codes.delete(f.get('code') || '');
      if (!code || code.expires < Date.now()) return oauthError(400, 'invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired or was already used.');
      if (code.clientId !== clientId) return oauthError(400, 'invalid_grant', 'AADSTS70000: The code was issued to another client.');
      if ((f.get('redirect_uri') || '') !== code.redirectUri) return oauthError(400, 'invalid_grant', 'AADSTS50011: The redirect URI does not match the one the code was issued for.');
      if (code.challenge) {
        const verifier = f.get('code_verifier') || '';
        if (b64url(createHash('sha256').update(verifier).digest()) !== code.challenge) {
          return oauthError(400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
        }
      }
      const user = this.t.findUser(code.userId);
      if (!user) return oauthError(400, 'invalid_grant', 'AADSTS50034: The user account does not exist.');
      return this.issue(user, clientId, f.get('scope') || code.scope, r.origin, code.nonce);
    }
    if (grant === 'refresh_token') {
      const claims = verifyToken(f.get('refresh_token') || '');
      if (!claims || claims.aud !== REFRESH_AUDIENCE || claims.appid !== clientId) {
        return oauthError(400, 'invalid_grant', 'AADSTS9002313: Invalid request. The refresh token is malformed, expired or was issued to another client.');
      }
      const user = this.t.findUser(claims.oid);
      if (!user) return oauthError(400, 'invalid_grant', 'AADSTS50034: The user account does not exist.');
      return this.issue(user, clientId, f.get('scope') || 'openid profile', r.origin);
    }
    return oauthError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grant || ''}'.`);
  }

  private issue(user: FxUser, clientId: string, scope: string, origin: string, nonce?: string): OAuthResponse {
    const tid = this.tenantId();
    const resource = resourceOf(scope) || GRAPH_RESOURCE;
    const scopes = isGraph(resource, origin) ? DEFAULT_SCOPES : [];
    const access = signToken(user, scopes, tid, { aud: resource, appid: clientId });
    const refresh = signToken(user, [], tid, { aud: REFRESH_AUDIENCE, appid: clientId });
    const now = Math.floor(Date.now() / 1000);
    const idToken = [
      b64url(JSON.stringify({ typ: 'JWT', alg: 'none' })),
      b64url(JSON.stringify({
        aud: clientId, iss: `${origin}/${tid}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: user.displayName, oid: user.id,
        preferred_username: user.userPrincipalName, sub: user.id, tid, ver: '2.0', ...(nonce ? { nonce } : {})
      })),
      ''
    ].join('.');
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      json: {
        token_type: 'Bearer', scope: scope.split(/\s+/).filter(s => !['openid', 'profile', 'offline_access', 'email'].includes(s)).join(' ') || `${resource}/.default`,
        expires_in: access.expires_in, ext_expires_in: access.expires_in, access_token: access.access_token,
        refresh_token: refresh.access_token, id_token: idToken, client_info: this.clientInfo(user)
      }
    };
  }
}
