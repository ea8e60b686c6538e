// Lint for tests and the local tenant (Node code outside the SPFx bundle): SPFx's profile with its
// type-aware rules against tsconfig.node.json, react-hooks, and no-floating-promises as an error.
require('@rushstack/eslint-config/patch/modern-module-resolution');
const path = require('path');

module.exports = {
  root: true,
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: path.resolve(__dirname, '..') },
  overrides: [{
    files: ['*.ts', '*.tsx'],
    parser: '@typescript-eslint/parser',
    parserOptions: { project: './tsconfig.node.json', ecmaVersion: 2020, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-floating-promises': 2,
      'react-hooks/rules-of-hooks': 2,
      // Node code and tests talk to Graph payloads and fixtures, where null and any are the data.
      '@rushstack/no-new-null': 0,
      '@typescript-eslint/no-explicit-any': 0,
      '@typescript-eslint/explicit-function-return-type': 0,
      '@rushstack/security/no-unsafe-regexp': 0,
      '@rushstack/hoist-jest-mock': 0,
      '@microsoft/spfx/pair-react-dom-render-unmount': 0,
      '@rushstack/pair-react-dom-render-unmount': 0,
      '@typescript-eslint/no-var-requires': 0,
      '@typescript-eslint/no-require-imports': 0
    }
  }, {
    // Playwright Test: a fixture hands its value to the test with `use(value)`, which this rule takes for React's use().
    files: ['tests/e2e/**/*.ts', 'playwright.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 0 }
  }]
};
