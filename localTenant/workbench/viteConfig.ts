/**
 * The one Vite configuration of the local workbench, for the dev server (middleware mode) and the build.
 * Root is the repository, so the client imports `src/` exactly as the SPFx bundle does.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { InlineConfig, Plugin } from 'vite';
import { locPlugin } from './locPlugin';

export const WORKBENCH_BASE = '/_workbench/';
export const CLIENT_ENTRY = 'localTenant/workbench/client/main.tsx';
export const DEFAULT_DIST = 'localTenant/workbench/dist';

/**
 * SPFx code loads images with `require('../assets/x.png')` (webpack). In an ES module that is an import: rewrite
 * such calls under `src/` into imported asset URLs.
 */
export function requireAssetsPlugin(repoRoot: string): Plugin {
  const srcDir = path.join(repoRoot, 'src') + path.sep;
  const pattern = /\brequire\(\s*(['"])([^'"\n]+\.(?:png|jpe?g|gif|svg|webp|ico|woff2?))\1\s*\)/g;
  return {
    name: 'access-hub-require-assets',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!id.startsWith(srcDir) || !/\.[jt]sx?$/.test(id) || !code.includes('require(')) return null;
      const imports: string[] = [];
      const out = code.replace(pattern, (_m, _q, spec: string) => {
        const name = `__wbAsset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(spec)};`);
        return name;
      });
      return imports.length ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
    }
  };
}

/** The bare packages `src/` imports, so the dev server pre-bundles them up front instead of on first request. */
export function dependenciesToPrebundle(repoRoot: string): string[] {
  const deps = new Set<string>(['react', 'react-dom', '@fluentui/react', '@pnp/core', '@pnp/queryable', '@pnp/graph', '@pnp/sp']);
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== 'loc') walk(full); continue; }
      if (!/\.tsx?$/.test(e.name) || /\.d\.ts$/.test(e.name)) continue;
      const text = fs.readFileSync(full, 'utf8');
      // `import x from '…'` and side-effect imports (`import '@pnp/graph/batching'`, which PnPjs uses for its
      // selective imports): a package missed here is found by the browser's first request and costs a reload.
      for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]((?:@pnp|@fluentui)\/[^'"]+)['"]/g)) deps.add(m[1]);
    }
  };
  walk(path.join(repoRoot, 'src'));
  walk(path.join(repoRoot, 'localTenant', 'workbench', 'client'));
  return Array.from(deps).filter(d => {
    try { require.resolve(d, { paths: [repoRoot] }); return true; } catch { return false; }
  }).sort();
}

export interface WorkbenchViteOptions {
  repoRoot: string;
  command: 'serve' | 'build';
  /** Build output folder (absolute). */
  outDir?: string;
  /** Dev: attach HMR to this server; without it HMR and its websocket are off. */
  hmrServer?: import('http').Server;
  /** Dev: watch files for changes (default true when hmrServer is given). */
  watch?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  sourcemap?: boolean;
  minify?: boolean;
}

export function workbenchViteConfig(o: WorkbenchViteOptions): InlineConfig {
  const repoRoot = path.resolve(o.repoRoot);
  const watch = o.watch !== undefined ? o.watch : !!o.hmrServer;
  const config: InlineConfig = {
    configFile: false,
    envFile: false,
    root: repoRoot,
    base: WORKBENCH_BASE,
    publicDir: false,
    appType: 'custom',
    clearScreen: false,
    logLevel: o.logLevel || 'warn',
    cacheDir: path.join(repoRoot, 'node_modules', '.vite-workbench'),
    plugins: [locPlugin(repoRoot), requireAssetsPlugin(repoRoot)],
    resolve: {
      // `@import '~@fluentui/react/…'` in SPFx .scss (webpack's node_modules prefix).
      alias: [{ find: /^~(?=[@a-z])/, replacement: '' }]
    },
    esbuild: {
      // tsconfig.json: "jsx": "react" (classic runtime), as SPFx compiles it.
      jsx: 'transform',
      jsxFactory: 'React.createElement',
      jsxFragment: 'React.Fragment',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } }
    },
    css: {
      preprocessorOptions: {
        scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div', 'legacy-js-api'] }
      }
    }
  };
  if (o.command === 'serve') {
    config.server = {
      middlewareMode: true,
      hmr: o.hmrServer ? { server: o.hmrServer } : false,
      ws: o.hmrServer ? undefined : false,
      watch: watch
        ? { ignored: ['**/localTenant/workbench/dist/**', '**/lib/**', '**/temp/**', '**/sharepoint/**', '**/.git/**', '**/coverage/**'] }
        : null
    };
    config.optimizeDeps = {
      entries: [CLIENT_ENTRY],
      include: dependenciesToPrebundle(repoRoot)
    };
  } else {
    config.build = {
      outDir: o.outDir || path.join(repoRoot, DEFAULT_DIST),
      emptyOutDir: true,
      manifest: true,
      target: 'es2020',
      sourcemap: o.sourcemap !== undefined ? o.sourcemap : true,
      minify: o.minify !== undefined ? o.minify : true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 5000,
      rollupOptions: {
        input: { main: path.join(repoRoot, CLIENT_ENTRY) },
        onwarn(warning, warn) {
          // Fluent's `"use client"` directives: meaningless in a client bundle.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        }
      }
    };
  }
  return config;
}
