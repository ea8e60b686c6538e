import { startLocalTenant, LocalTenantHandle } from '../../localTenant';
import { createBrowserClients } from '../../src/services/clients';
import { IReadRetryOptions } from '../../src/services/readRetry';
import { createServices } from '../../src/services/createServices';
import { IAccessHubServices } from '../../src/services/interfaces';

/** A person's view of the local tenant through the product's own service layer (as the workbench builds it). */
export async function tokenFor(tenant: LocalTenantHandle, user: string, scopes?: string[]): Promise<string> {
  const res = await fetch(`${tenant.url}/_dev/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(scopes ? { user, scopes } : { user })
  });
  if (!res.ok) throw new Error(`token for ${user}: ${res.status}`);
  return (await res.json()).access_token;
}

/**
 * `base` points the clients elsewhere (a proxy in front of the tenant); tokens still come from the tenant.
 * `retry` injects the read retry's clock and budget (tests never wait for real time).
 */
export function servicesFor(
  tenant: LocalTenantHandle, user: string, site: string = 'marketing', language: string = 'en-us', base: string = tenant.url, retry?: IReadRetryOptions
): IAccessHubServices {
  let token: Promise<string> | undefined;
  const getToken = (): Promise<string> => (token = token || tokenFor(tenant, user));
  return createServices({
    clients: createBrowserClients(`${base}/v1.0`, `${base}/sites/${site}`, getToken, retry),
    language,
    myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com',
    pollIntervalMs: 20
  });
}

export interface ILogEntry { method: string; path: string; status: number; user?: string; durationMs?: number }

export async function readLog(tenant: LocalTenantHandle): Promise<ILogEntry[]> {
  const res = await fetch(`${tenant.url}/_dev/log`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.value || body.entries || [];
}

export async function startTenant(opts: Parameters<typeof startLocalTenant>[0] = {}): Promise<LocalTenantHandle> {
  return startLocalTenant({ port: 0, ...opts });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 25));
  }
}
