/**
 * The local tenant: an in-memory emulator of the Microsoft Graph entitlement-management / access-review
 * endpoints and the SharePoint REST endpoints Access Hub uses. See docs/graph-notes.md §15.
 */
import type * as http from 'http';
import type { AddressInfo } from 'net';
import { createServer, Fallback } from './server';
import { createTenant, Tenant, TenantOptions } from './tenant';

export { DEFAULT_SCOPES, SCOPES, readDefaultScopes } from './auth';
export { EMULATOR_ERROR_CODES, EMULATOR_ERROR_STATUS, MESSAGES } from './errors';
export type { EmulatorErrorKey } from './errors';
export { PERMISSION_MASKS } from './sharepoint';
export { DEFAULT_FIXTURE_PATH } from './fixture';
export type { Fixture, FxUser as User, FxSite as Site, FxPage as Page, PermissionLevel } from './fixture';
export type { FaultConfig } from './faults';
export { Tenant, createTenant };
export type { TenantOptions, TenantQuirks, ApprovalScope, LogEntry } from './tenant';

export interface LocalTenantOptions extends TenantOptions {
  /** 0 = a free port; default 4400 (env PORT is the CLI's business). */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
  /** Called for any path that is not /v1.0, /beta, /sites/<x>/_api or /_dev — the workbench plugs in here. */
  fallback?: Fallback;
}

export interface LocalTenantHandle {
  url: string;
  port: number;
  tenant: Tenant;
  server: http.Server;
  stop(): Promise<void>;
}

export async function startLocalTenant(opts: LocalTenantOptions = {}): Promise<LocalTenantHandle> {
  const tenant = createTenant(opts);
  const server = createServer(tenant, opts.fallback);
  const host = opts.host ?? '127.0.0.1';
  // Keep-alive sockets would hold stop() open; close idle ones promptly.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4400, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let stopped = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    tenant,
    server,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      tenant.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}
