/** Builds the workbench client once per run (skipped when the last build is current, or in dev mode). */
import * as path from 'path';
import { buildClient } from '../../localTenant/workbench/build';

export default async function globalSetup(): Promise<void> {
  if (process.env.WORKBENCH_MODE === 'dev') return;
  const result = await buildClient({ repoRoot: path.resolve(__dirname, '..', '..') });
  process.stdout.write(`\n[e2e] workbench client ${result.built ? `built in ${result.ms} ms` : 'up to date'}\n`);
}
