// Browser tests: the local tenant and workbench in-process, driven by playwright-core and Debian's Chromium.
// The client is built once per run (globalSetup) and served static; WORKBENCH_MODE=dev uses the Vite dev server.
const path = require('path');

const swc = require('../config/swcTransform');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  globalSetup: '<rootDir>/tests/e2e/globalSetup.ts',
  maxWorkers: 1,
  testTimeout: 90000,
  slowTestThreshold: 30
};
