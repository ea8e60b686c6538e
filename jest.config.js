// One jest config, two projects: node (unit, service, tenant) and jsdom (component).
// @pnp/* ships ESM only, so it is transformed; @microsoft/sp-* do not load under jest and map to small mocks;
// each localized strings module maps to its real en-us.js (AMD, loaded by tests/mocks/amdLoc.js).

const swc = require('./tests/config/swcTransform');

const locModules = {
  '^AccessCatalogWebPartStrings$': '<rootDir>/tests/mocks/loc/AccessCatalogWebPartStrings.js',
  '^AccessRequestButtonWebPartStrings$': '<rootDir>/tests/mocks/loc/AccessRequestButtonWebPartStrings.js',
  '^MyAccessWebPartStrings$': '<rootDir>/tests/mocks/loc/MyAccessWebPartStrings.js',
  '^AccessApprovalsWebPartStrings$': '<rootDir>/tests/mocks/loc/AccessApprovalsWebPartStrings.js',
  '^AccessPromptApplicationCustomizerStrings$': '<rootDir>/tests/mocks/loc/AccessPromptApplicationCustomizerStrings.js',
  '^AccessCardAdaptiveCardExtensionStrings$': '<rootDir>/tests/mocks/loc/AccessCardAdaptiveCardExtensionStrings.js',
  '^CommonStrings$': '<rootDir>/tests/mocks/loc/CommonStrings.js'
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  // @microsoft/app-manifest (the Teams manifest test) requires strip-bom 5, also ESM only, from its own node_modules.
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|@microsoft/app-manifest/node_modules/strip-bom|strip-bom)/)'],
  moduleNameMapper: {
    ...locModules,
    '^@microsoft/sp-(core-library|webpart-base|property-pane|component-base|application-base|lodash-subset)$': '<rootDir>/tests/mocks/sp/$1.ts',
    '\\.(css|scss)$': '<rootDir>/tests/mocks/style.js'
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json']
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'node', testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{unit,service,tenant}/**/*.test.ts?(x)'] },
    { ...common, displayName: 'component', testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/tests/mocks/setupDom.ts'],
      testMatch: ['<rootDir>/tests/component/**/*.test.ts?(x)'] }
  ]
};
