/**
 * The browser tests (tests/e2e/*.spec.ts) under Playwright Test: the local tenant and workbench in-process (one per
 * test file, tests/e2e/harness.ts), Debian's Chromium (tests/e2e/chromium.ts). The client is built once per run
 * (globalSetup); WORKBENCH_MODE=dev uses the Vite dev server instead.
 *
 * One worker: the files start workbenches, esbuild/Vite builds and Chromium on a 2-core machine, and several files
 * measure request timings. No retries: a flaky test fails. A failed test keeps its trace (and a screenshot) in
 * test-results/<test>/ (`npx playwright show-trace test-results/…/trace.zip`); the JSON report is CI's count.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/globalSetup.ts',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Per test; the slow ones (scale, throttling, the packaged bundles) set their own.
  timeout: 90_000,
  // Web-first assertions wait as long as playwright-core's waitFor did under jest.
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'playwright-report/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    // Retained on failure: actions, DOM snapshots, network, console. Without the screencast of every frame, which
    // made the suite nearly twice as slow on this 2-core machine (myAccess + approvals: 140-155 s with it, 79-84 s
    // without, 74-82 s with no trace); the failure screenshot below shows the last frame.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure'
  }
});
