// The one jest transform for TypeScript/TSX (and ESM-only @pnp/*): SWC with React's classic runtime, as SPFx compiles.
module.exports = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: { react: { runtime: 'classic' } },
    target: 'es2020'
  },
  module: { type: 'commonjs' }
}];
