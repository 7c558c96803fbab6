// Builds everything the app, the CLI and browser mode run: the renderer with
// Vite, and the Node side (main, preload, CLI) with esbuild into out/.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const quiet = process.argv.includes('--quiet') || process.env.npm_config_loglevel === 'silent';
// vite.config.ts imports the shared CSP (extensionless TS imports, as everywhere in the project); Vite's
// default bundling config loader handles that, and the notice about a future native loader is noise here.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // ws probes for these optional native speed-ups; it works without them.
  // sharp loads its native libvips binary from node_modules (@img/sharp-<platform>); it cannot be bundled.
  external: ['electron', 'bufferutil', 'utf-8-validate', 'sharp'],
};

const entries = [
  { in: 'electron/main.ts', out: 'out/main/main.cjs' },
  { in: 'electron/preload.ts', out: 'out/preload/preload.cjs' },
  { in: 'electron/cli/main.ts', out: 'out/cli/recap.cjs' },
  { in: 'electron/services/workspace/index-worker.ts', out: 'out/workers/index-worker.cjs' },
  { in: 'electron/services/check/check-worker.ts', out: 'out/workers/check-worker.cjs' },
].filter((entry) => existsSync(entry.in));

await Promise.all([
  ...entries.map((entry) => esbuild({ ...node, entryPoints: [entry.in], outfile: entry.out })),
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' }),
]);
