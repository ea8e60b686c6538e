/**
 * Builds the workbench client once (`vite build`) into `localTenant/workbench/dist` for build mode: static,
 * minified, deterministic, for browser tests and benchmarks. A stamp of the inputs (paths, sizes, mtimes) lets
 * later runs skip the build while nothing changed.
 *
 *   tsx localTenant/workbench/build.ts [--force]
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { pathToFileURL } from 'url';
import { DEFAULT_DIST, CLIENT_ENTRY, workbenchViteConfig } from './viteConfig';

type ViteModule = typeof import('vite');

/**
 * Vite 7 is ESM only. Outside jest a native `import()` loads it. Not `require` there: under tsx, its CommonJS hook
 * would load a second copy of Vite's chunks next to the ESM one and break `vite build`. Inside jest's sandbox,
 * `import()` and `require` both go through jest's own loader, which cannot load ESM; Node's own `require` of ESM
 * (Node >= 20.19), reached through `process.getBuiltinModule`, can.
 */
export async function loadVite(): Promise<ViteModule> {
  if (process.env.JEST_WORKER_ID !== undefined) {
    const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    const nodeModule = getBuiltin ? getBuiltin('module') as { createRequire: typeof createRequire } | undefined : undefined;
    if (nodeModule) return nodeModule.createRequire(__filename)('vite') as ViteModule;
  }
  const entry = pathToFileURL(createRequire(__filename).resolve('vite')).href;
  // eslint-disable-next-line no-new-func
  const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<ViteModule>;
  return nativeImport(entry);
}

export interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
export type ViteManifest = Record<string, ManifestChunk>;

const STAMP = '.workbench-stamp';

function inputFiles(repoRoot: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules' && e.name !== 'dist') walk(full); } else files.push(full);
    }
  };
  walk(path.join(repoRoot, 'src'));
  walk(path.join(repoRoot, 'localTenant', 'workbench', 'client'));
  for (const f of ['localTenant/workbench/viteConfig.ts', 'localTenant/workbench/locPlugin.ts', 'localTenant/workbench/build.ts',
    'config/config.json', 'tsconfig.json', 'tsconfig.node.json', 'package-lock.json']) {
    files.push(path.join(repoRoot, f));
  }
  return files.sort();
}

/** A hash of every input's path, size and mtime: changes whenever a source, loc file or the config does. */
export function inputStamp(repoRoot: string): string {
  const h = crypto.createHash('sha1');
  for (const f of inputFiles(repoRoot)) {
    try {
      const st = fs.statSync(f);
      h.update(`${path.relative(repoRoot, f)}\0${st.size}\0${st.mtimeMs}\n`);
    } catch {
      h.update(`${path.relative(repoRoot, f)}\0missing\n`);
    }
  }
  return h.digest('hex');
}

export function readManifest(outDir: string): ViteManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
  } catch {
    return undefined;
  }
}

export interface BuildResult {
  outDir: string;
  manifest: ViteManifest;
  /** False when an up-to-date build was reused. */
  built: boolean;
  ms: number;
}

export interface BuildOptions {
  repoRoot: string;
  outDir?: string;
  /** Build even when the stamp says the output is current. */
  force?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/** Builds unless `outDir` holds a build of exactly the current inputs. */
export async function buildClient(o: BuildOptions): Promise<BuildResult> {
  const repoRoot = path.resolve(o.repoRoot);
  const outDir = path.resolve(repoRoot, o.outDir || DEFAULT_DIST);
  const started = Date.now();
  const stamp = inputStamp(repoRoot);
  const existing = readManifest(outDir);
  if (!o.force && existing && readStamp(outDir) === stamp) {
    return { outDir, manifest: existing, built: false, ms: Date.now() - started };
  }
  // Build next to the target and swap it in, so a server reading the old build never sees half a new one.
  // The scratch folders live in Vite's (ignored) cache folder, so an interrupted build leaves nothing in git status.
  const scratch = path.join(repoRoot, 'node_modules', '.vite-workbench');
  fs.mkdirSync(scratch, { recursive: true });
  const tmp = path.join(scratch, `build-${process.pid}-${Date.now()}`);
  const vite = await loadVite();
  try {
    await vite.build(workbenchViteConfig({ repoRoot, command: 'build', outDir: tmp, logLevel: o.logLevel || 'warn' }));
    fs.writeFileSync(path.join(tmp, STAMP), stamp);
    const old = path.join(scratch, `old-${process.pid}-${Date.now()}`);
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(tmp, outDir);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const manifest = readManifest(outDir);
  if (!manifest) throw new Error(`vite build wrote no manifest to ${outDir}`);
  return { outDir, manifest, built: true, ms: Date.now() - started };
}

function readStamp(outDir: string): string | undefined {
  try { return fs.readFileSync(path.join(outDir, STAMP), 'utf8'); } catch { return undefined; }
}

/** The entry chunk of the workbench client in a build manifest. */
export function entryChunk(manifest: ViteManifest): ManifestChunk {
  const chunk = manifest[CLIENT_ENTRY] || Object.values(manifest).find(c => c.isEntry);
  if (!chunk) throw new Error('The workbench build manifest has no entry chunk');
  return chunk;
}

if (require.main === module) {
  const repoRoot = path.resolve(__dirname, '..', '..');
  buildClient({ repoRoot, force: process.argv.includes('--force'), logLevel: 'info' }).then(r => {
    process.stdout.write(`workbench client ${r.built ? 'built' : 'up to date'} in ${r.ms} ms: ${path.relative(repoRoot, r.outDir)}\n`);
  }, (e: unknown) => {
    process.stderr.write(`workbench build failed: ${e instanceof Error ? e.stack || e.message : String(e)}\n`);
    process.exit(1);
  });
}
