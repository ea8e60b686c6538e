/**
 * `npm run package` unless the .sppkg is newer than every file under src/ and config/ and than gulpfile.js (which
 * shapes the bundles' webpack configuration): what the SPFx runtime host serves is always the current code.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The newest modification time of any file under `dir`. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the package must be built again, or undefined when it is current. */
export function packageStaleness(repoRoot: string, sppkg: string): string | undefined {
  if (!fs.existsSync(sppkg)) return 'the .sppkg is missing';
  const sources = Math.max(
    newestUnder(path.join(repoRoot, 'src')), newestUnder(path.join(repoRoot, 'config')), fs.statSync(path.join(repoRoot, 'gulpfile.js')).mtimeMs
  );
  return fs.statSync(sppkg).mtimeMs > sources ? undefined : 'the .sppkg is older than src/, config/ or gulpfile.js';
}

export async function ensurePackage(repoRoot: string, sppkg: string, log: (line: string) => void = () => undefined): Promise<void> {
  const why = packageStaleness(repoRoot, sppkg);
  if (!why) return;
  log(`packaging (npm run package): ${why}`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !fs.existsSync(sppkg)) throw new Error(`npm run package failed (exit ${code}):\n${output.join('').slice(-4000)}`);
}
