// `npm run bench`: bundles bench/ (TypeScript, using the app's own services)
// and runs it. See bench/run.ts.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'out/bench/run.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron', 'bufferutil', 'utf-8-validate', 'playwright-core', 'sharp'],
});
const run = spawnSync(process.execPath, ['out/bench/run.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
