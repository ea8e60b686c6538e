/**
 * How the browser tests launch Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium): playwright.config.ts
 * passes this as `use.launchOptions`, and a file that needs more switches passes its own through `test.use`
 * (packagedBundles adds `--ignore-certificate-errors`). Playwright gives every launch a fresh profile of its own;
 * HOME and the XDG folders point to a scratch folder so Chromium writes nothing into the real home folder.
 * Nothing here downloads a browser: Playwright's own browsers are never used.
 */
import * as os from 'os';
import * as path from 'path';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'
];

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  const home = path.join(os.tmpdir(), 'e2e-chromium-home');
  return {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home }
  };
}
