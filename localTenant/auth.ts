/**
 * Tokens and permission checks. Tokens look like Entra v1 access tokens (header.payload.signature) but are
 * signed with HMAC-SHA256 over a per-process random secret: nothing outside this process can mint one, and
 * restarting the process invalidates them, like a key rollover.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { FxUser } from './fixture';

export const SCOPES = {
  SubjectAccess: 'EntitlementMgmt-SubjectAccess.ReadWrite',
  ReadAll: 'EntitlementManagement.Read.All',
  ReadWriteAll: 'EntitlementManagement.ReadWrite.All',
  ArReadAll: 'AccessReview.Read.All',
  ArReadWriteAll: 'AccessReview.ReadWrite.All',
} as const;

/** docs/graph-notes.md §2.3: what Access Hub requests; the fallback when package-solution.json lists none. */
const CONTRACT_SCOPES = [SCOPES.SubjectAccess, SCOPES.ReadWriteAll, SCOPES.ArReadWriteAll];

export function readDefaultScopes(file = path.resolve(__dirname, '..', 'config', 'package-solution.json')): string[] {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { solution?: { webApiPermissionRequests?: { resource?: string; scope?: string }[] } };
    const scopes = (json.solution?.webApiPermissionRequests ?? [])
      .filter((r) => r && r.resource === 'Microsoft Graph' && typeof r.scope === 'string')
      .map((r) => r.scope as string);
    return scopes.length ? scopes : [...CONTRACT_SCOPES];
  } catch {
    return [...CONTRACT_SCOPES];
  }
}

export const DEFAULT_SCOPES: string[] = readDefaultScopes();

const SECRET = randomBytes(32);
const TOKEN_LIFETIME_S = 3600;

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

export interface TokenClaims {
  aud: string; iss: string; tid: string; oid: string; upn: string; unique_name: string; name: string;
  scp: string; iat: number; nbf: number; exp: number; ver: string; appid: string;
}

export interface IssuedToken { access_token: string; token_type: 'Bearer'; expires_in: number }

export interface TokenOverrides {
  /** Audience (default Graph's `https://graph.microsoft.com`); the OBO endpoint sets the resource asked for. */
  aud?: string;
  /** The client the token was issued to (default the local tenant's own). */
  appid?: string;
}

export function signToken(user: FxUser, scopes: string[], tenantId: string, o: TokenOverrides = {}): IssuedToken {
  // Wall-clock time on purpose: /_dev/clock moves the tenant's business time, it must not expire tokens.
  const now = Math.floor(Date.now() / 1000);
  const claims: TokenClaims = {
    aud: o.aud ?? 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tenantId}/`, tid: tenantId,
    oid: user.id, upn: user.userPrincipalName, unique_name: user.userPrincipalName, name: user.displayName,
    scp: scopes.join(' '), iat: now, nbf: now - 60, exp: now + TOKEN_LIFETIME_S, ver: '1.0', appid: o.appid ?? 'access-hub-local-tenant',
  };
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'local-tenant' }));
  const body = b64url(JSON.stringify(claims));
  const sig = b64url(createHmac('sha256', SECRET).update(`${head}.${body}`).digest());
  return { access_token: `${head}.${body}.${sig}`, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S };
}

/** Returns the claims of a valid, unexpired token, or undefined. */
export function verifyToken(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', SECRET).update(`${parts[0]}.${parts[1]}`).digest();
  let given: Buffer;
  try {
    given = Buffer.from(parts[2], 'base64url');
  } catch {
    return undefined;
  }
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

export function bearer(header: string | string[] | undefined): string | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  const m = /^Bearer\s+(\S+)$/i.exec(v ?? '');
  return m ? m[1] : undefined;
}
