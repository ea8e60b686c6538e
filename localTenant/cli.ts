/**
 * `npm start`: the local tenant (Graph, SharePoint REST, /_dev) and the local workbench (the intranet pages with
 * Access Hub's web parts) on one origin, http://localhost:4400 by default (https:// with --https).
 *
 *   npm start [-- --build] [-- --no-open] [-- --port=4500] [-- --https]
 *
 * Environment: PORT, CI=true (never opens a browser), LOCAL_TENANT_FIXTURE, LOCAL_TENANT_DATA, LOCAL_TENANT_SCALE
 * (read by the local tenant).
 */
import { spawn } from 'child_process';
import * as http from 'http';
import * as path from 'path';
import { certificatePath, startLocalTenant } from './index';
import { createWorkbench, sendStarting, Workbench } from './workbench/server';
import { DEFAULT_PERSON } from './workbench/pages';
import { landingPage, pagePath, siteName, WorkbenchTenant } from './workbench/tenantView';
import { ensurePackage } from './workbench/runtime/ensurePackage';
import { DEFAULT_SPPKG } from './workbench/runtime/runtimeHost';
import type { SuggestionsMode } from './graph/suggestions';
import { sessionCookieHeader } from './session';
import { setComponentSource } from './spfxEndpoints';

const HELP = `Access Hub local tenant and workbench

Usage: npm start [-- options]

Options:
  --build       serve the client built once with vite build (fast, static) instead of the Vite dev server
  --no-open     do not open a browser (also when CI=true)
  --port=<n>    port to listen on (default: PORT or 4400)
  --tenant-only only the local tenant (Graph, SharePoint REST, /_dev): no workbench, ready at once
  --runtime spfx
                serve the pages with SharePoint's own client runtime (SPFx 1.23 from node_modules) and the packaged
                .sppkg (packaged first when missing or older than the sources), instead of the Vite workbench.
                Implies --https: SharePoint's sign-in (MSAL) refuses an http authority. ?runtime=vite|spfx on a page
                chooses per page either way.
  --https       serve https://localhost:<port> with a self-signed development certificate (cached in
                ~/.local-tenant; its PEM at /_dev/certificate). Trust it with NODE_EXTRA_CA_CERTS=<that file>
                for Node clients such as the Graph SDK, and in the browser for the workbench.
  --strict      (the default) an option Graph does not document for the endpoint answers 400
                (localTenant/graph/queryOptions.ts)
  --lenient     accept every query option the emulator can evaluate
  --no-manager-view
                refuse filterByCurrentUser(on='targetManager') with 400, as a Graph without it would (metadata
                only, not documented; on by default so Isaiah sees his report's access; POST /_dev/manager-view)
  --suggestions=on|off|unavailable
                access package suggestions: on (default); off (the tenant's related-people insights disabled:
                history-based suggestions only); unavailable (the endpoint answers 404, as outside the global cloud)
  --help        this text

Environment: PORT, CI, LOCAL_TENANT_FIXTURE, LOCAL_TENANT_DATA, LOCAL_TENANT_SCALE
`;

let listenPort = 4400;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => { /* no browser here: the URL is in the log */ });
    child.unref();
  } catch {
    /* best effort */
  }
}

function summary(url: string, tenant: WorkbenchTenant): string {
  const lines: string[] = [];
  lines.push('', `  Access Hub local tenant and workbench: ${url}/`, '');
  lines.push('  Pages:');
  for (const site of tenant.sites) {
    if (!siteName(site)) continue;
    for (const page of site.pages || []) {
      lines.push(`    ${url}${pagePath(site, page)}  (${site.title}: ${page.webParts.map(w => w.alias).join(', ') || 'no web parts'})`);
    }
  }
  const landing = landingPage(tenant);
  lines.push('', `  People worth trying (?as=<userPrincipalName>; default ${DEFAULT_PERSON}):`);
  const width = Math.max(...tenant.users.map(u => u.displayName.length), 0);
  for (const user of tenant.users) {
    const about = [user.jobTitle, user.department].filter(Boolean).join(', ');
    const link = landing ? `${url}${pagePath(landing.site, landing.page)}?as=${encodeURIComponent(user.userPrincipalName)}` : user.userPrincipalName;
    lines.push(`    ${user.displayName.padEnd(width)}  ${link}${about ? `  (${about}${user.userType === 'Guest' ? ', guest' : ''})` : user.userType === 'Guest' ? '  (guest)' : ''}`);
  }
  lines.push('', `  Graph: ${url}/v1.0/   SharePoint REST: ${url}/sites/<name>/_api/   Dev: ${url}/_dev/health, POST ${url}/_dev/token`, '');
  return lines.join('\n');
}

async function main(args: string[]): Promise<void> {
  let argv = args;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  // `--runtime spfx` and `--runtime=spfx` alike.
  const runtimeAt = argv.indexOf('--runtime');
  if (runtimeAt >= 0 && argv[runtimeAt + 1] && !argv[runtimeAt + 1].startsWith('--')) argv = [...argv.slice(0, runtimeAt), `--runtime=${argv[runtimeAt + 1]}`, ...argv.slice(runtimeAt + 2)];
  const unknown = argv.filter(a => !/^--(build|no-open|https|lenient|strict|no-manager-view|tenant-only|port=\d+|runtime=(spfx|vite)|suggestions=(on|off|unavailable))$/.test(a));
  if (unknown.length) {
    process.stderr.write(`Unknown option(s): ${unknown.join(' ')}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const portArg = argv.find(a => a.startsWith('--port='));
  const port = portArg ? Number(portArg.slice('--port='.length)) : Number(process.env.PORT) || 4400;
  listenPort = port;
  const mode = argv.includes('--build') ? 'build' : 'dev';
  const runtime = argv.includes('--runtime=spfx') ? 'spfx' : 'vite';
  const useHttps = argv.includes('--https') || runtime === 'spfx';
  const tenantOnly = argv.includes('--tenant-only');
  const suggestionsArg = argv.find(a => a.startsWith('--suggestions='));
  const ci = /^(1|true|yes)$/i.test(process.env.CI || '');
  const shouldOpen = !argv.includes('--no-open') && !ci && !tenantOnly;
  const repoRoot = path.resolve(__dirname, '..');
  const started = Date.now();

  // The tenant starts first (the workbench needs its Tenant); until the workbench is ready, health answers 503 and
  // pages are a 503 page that reloads itself.
  let handler: Handler = sendStarting;
  const tenant = await startLocalTenant({
    port, https: useHttps, lenient: argv.includes('--lenient'), managerView: !argv.includes('--no-manager-view'),
    suggestions: suggestionsArg ? suggestionsArg.slice('--suggestions='.length) as SuggestionsMode : undefined,
    waitFor: tenantOnly ? [] : ['workbench'], fallback: tenantOnly ? undefined : (req, res) => handler(req, res)
  });
  let workbench: Workbench | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      process.stderr.write(`\n${signal} again: exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    const timer = setTimeout(() => process.exit(1), 5000);
    timer.unref();
    try {
      if (workbench) await workbench.close();
      await tenant.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => { void stop('SIGINT'); });
  process.on('SIGTERM', () => { void stop('SIGTERM'); });

  if (tenantOnly) {
    const url = tenant.url.replace('://127.0.0.1:', '://localhost:');
    process.stdout.write(`\n  Local tenant: ${url}/v1.0/ (Graph), ${url}/sites/<name>/_api/ (SharePoint REST), ${url}/_dev/health\n` +
      `  Token: curl -s -X POST ${url}/_dev/token -H 'Content-Type: application/json' -d '{"user":"${DEFAULT_PERSON}"}'\n`);
    if (useHttps) process.stdout.write(`  Certificate: ${certificatePath()} (NODE_EXTRA_CA_CERTS); also ${url}/_dev/certificate\n`);
    process.stdout.write(`  Ready in ${Date.now() - started} ms. Ctrl+C stops.\n\n`);
    return;
  }

  try {
    if (runtime === 'spfx') await ensurePackage(repoRoot, path.join(repoRoot, DEFAULT_SPPKG), line => process.stdout.write(`  [runtime] ${line}\n`));
    workbench = await createWorkbench({
      tenant: tenant.tenant, repoRoot, mode, httpServer: tenant.server, logLevel: 'info', runtime,
      sessionCookie: (user, secure) => {
        const person = tenant.tenant.findUser(user.id);
        return person ? sessionCookieHeader(person, tenant.tenant.tenantInfo.id, secure) : undefined;
      },
      registerComponents: source => setComponentSource(tenant.tenant, source)
    });
  } catch (e) {
    await tenant.stop();
    throw e;
  }
  handler = workbench.handle;
  tenant.ready('workbench');

  // The tenant listens on 127.0.0.1; `localhost` is what people type and what the issue promises.
  const url = tenant.url.replace(/\/+$/, '').replace('://127.0.0.1:', '://localhost:');
  process.stdout.write(summary(url, tenant.tenant));
  if (useHttps) {
    process.stdout.write(`  HTTPS with a self-signed certificate for localhost: ${certificatePath()} (also ${url}/_dev/certificate).\n` +
      `  Node clients: NODE_EXTRA_CA_CERTS=${certificatePath()}; browsers: trust it once (see localTenant/README.md).\n\n`);
  }
  process.stdout.write(runtime === 'spfx'
    ? `  Pages run SharePoint's own SPFx runtime with ${DEFAULT_SPPKG} (add ?runtime=vite for the Vite workbench).\n` +
      `  Trust the development certificate in the browser, or SharePoint's sign-in cannot run (see localTenant/README.md).\n`
    : `  Pages run the Vite workbench (add ?runtime=spfx for SharePoint's own runtime with the packaged .sppkg over HTTPS).\n`);
  process.stdout.write(`  Ready in ${Date.now() - started} ms (${mode === 'dev' ? 'Vite dev server, reloads on change' : 'built client'}). Ctrl+C stops.\n\n`);
  const landing = landingPage(tenant.tenant);
  if (shouldOpen) openBrowser(landing ? `${url}${pagePath(landing.site, landing.page)}?as=${encodeURIComponent(DEFAULT_PERSON)}` : `${url}/`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'EADDRINUSE') {
    process.stderr.write(`Port ${listenPort} is in use: stop what runs there or set PORT=<another port>.\n`);
  } else {
    process.stderr.write(`npm start failed: ${err && err.stack ? err.stack : String(e)}\n`);
  }
  process.exit(1);
});
