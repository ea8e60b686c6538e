/**
 * The browser session of a person on the local tenant's origin, as SharePoint's sign-in cookie (FedAuth) and Entra's
 * session cookie stand for it: a page served for `?as=<upn>` under SharePoint's runtime sets it; SharePoint REST
 * without a bearer token, the on-behalf-of token endpoint and the sign-in authority read it. The value is a token
 * signed like every other (auth.ts), so nothing outside this process can forge one.
 */
import { signToken, verifyToken, TokenClaims } from './auth';
import type { FxUser } from './fixture';

export const SESSION_COOKIE = 'LocalTenantSession';
/** Audience of the session token: SharePoint itself (its first-party app id). */
export const SHAREPOINT_AUDIENCE = '00000003-0000-0ff1-ce00-000000000000';

export function sessionCookieHeader(user: FxUser, tenantId: string, secure: boolean): string {
  const { access_token } = signToken(user, [], tenantId, { aud: SHAREPOINT_AUDIENCE });
  return `${SESSION_COOKIE}=${access_token}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of String(header || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** The claims of the session cookie in `cookieHeader`, when there is a valid one. */
export function sessionClaims(cookieHeader: string | undefined): TokenClaims | undefined {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  const claims = token ? verifyToken(token) : undefined;
  return claims && claims.aud === SHAREPOINT_AUDIENCE ? claims : undefined;
}
