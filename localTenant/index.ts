/**
 * The local tenant: an in-memory emulator of the Microsoft Graph entitlement-management / access-review
 * endpoints and the SharePoint REST endpoints Access Hub uses. See README.md.
 */
import type * as http from 'http';
import type { AddressInfo } from 'net';
import { developmentCertificate, TlsCredentials } from './certificate';
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
export { developmentCertificate, defaultCertDir, certificatePath } from './certificate';
export type { TlsCredentials } from './certificate';

export interface LocalTenantOptions extends TenantOptions {
  /** 0 = a free port; default 4400 (env PORT is the CLI's business). */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
  /** Called for any path that is not /v1.0, /beta, /sites/<x>/_api or /_dev — the workbench plugs in here. */
  fallback?: Fallback;
  /**
   * Serve HTTPS instead of HTTP: `true` for the development certificate for `localhost` (generated, cached in
   * `certDir`), or your own key and certificate. The URL then uses `localhost`, the name the certificate is for.
   */
  https?: boolean | TlsCredentials;
  /** Where the development certificate is cached (default `~/.local-tenant`; `null`: generate, never cache). */
  certDir?: string | null;
  /**
   * Components that still start after the tenant listens (e.g. `['workbench']`): `/_dev/health` answers 503
   * naming them until each is passed to `handle.ready(name)`.
   */
  waitFor?: string[];
}

export interface LocalTenantHandle {
  url: string;
  port: number;
  tenant: Tenant;
  server: http.Server;
  /** The PEM certificate served over HTTPS (also at `GET /_dev/certificate`); undefined over HTTP. */
  certificate?: string;
  /** Marks a component of `waitFor` as ready; health turns 200 when none is left. */
  ready(component: string): void;
  /** What `/_dev/health` still waits for. */
  waitingFor(): string[];
  stop(): Promise<void>;
}

export async function startLocalTenant(opts: LocalTenantOptions = {}): Promise<LocalTenantHandle> {
  const tls = opts.https === true ? await developmentCertificate(opts.certDir)
    : opts.https ? opts.https : undefined;
  const pending = new Set<string>(opts.waitFor ?? []);
  const waitingFor = (): string[] => Array.from(pending);
  const tenant = createTenant(opts);
  const server = createServer(tenant, { fallback: opts.fallback, tls, dev: { waitingFor, certificate: tls?.cert } });
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
  // Over HTTPS the name must match the certificate, and Graph clients match hosts by name (e.g. customHosts).
  const loopback = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === '::1' || host === 'localhost';
  const urlHost = (tls && loopback) || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let stopped = false;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    tenant,
    server,
    certificate: tls?.cert,
    ready: (component: string) => { pending.delete(component); },
    waitingFor,
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
