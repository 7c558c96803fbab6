// Builds everything the app, the CLI and browser mode run: the renderer with
// Vite, and the Node side (main, preload, CLI) with esbuild into out/.
import { build as esbuild } from 'esbuild';
import { spawn } from 'node:child_process';
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
  // The CLI: a small loader (recap.cjs) that runs the bundle (recap-main.cjs) from V8's code cache.
  { in: 'electron/cli/main.ts', out: 'out/cli/recap-main.cjs', then: writeCodeCache },
  { in: 'electron/cli/load-cli.ts', out: 'out/cli/recap.cjs' },
  // Minified: a worker compiles its bundle before it can help, on every cold `recap index`.
  { in: 'electron/services/workspace/index-worker.ts', out: 'out/workers/index-worker.cjs', minify: true },
  { in: 'electron/services/check/check-worker.ts', out: 'out/workers/check-worker.cjs' },
].filter((entry) => existsSync(entry.in));

await Promise.all([
  ...entries.map((entry) => esbuild({ ...node, entryPoints: [entry.in], outfile: entry.out, minify: entry.minify ?? false }).then(() => entry.then?.(entry.out))),
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' }),
]);

/**
 * The first code cache of the CLI bundle, next to it (see electron/cli/load-cli.ts, which names caches the same
 * way: this Node, the bundle's size and mtime), made in a child process so the renderer's build goes on meanwhile.
 * @param {string} bundle
 */
function writeCodeCache(bundle) {
  const script = `
    const { createHash } = require('node:crypto');
    const fs = require('node:fs');
    const path = require('node:path');
    const vm = require('node:vm');
    const { wrap } = require('node:module');
    const bundle = path.resolve(${JSON.stringify(bundle)});
    const dir = path.dirname(bundle);
    for (const old of fs.readdirSync(dir)) if (old.startsWith('recap-main-') && old.endsWith('.v8cache')) fs.unlinkSync(path.join(dir, old));
    const { size, mtimeMs } = fs.statSync(bundle);
    const key = createHash('sha256').update(process.version + ' ' + process.arch + ' ' + size + ' ' + mtimeMs).digest('hex').slice(0, 16);
    const data = new vm.Script(wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).createCachedData();
    // Made as the loader compiles (load-cli.ts): a cache made without the dynamic-import loader breaks the bundle's import('sharp').
    // Sealed as the loader checks it: the SHA-256 of the code, then the code.
    fs.writeFileSync(path.join(dir, 'recap-main-' + key + '.v8cache'), Buffer.concat([createHash('sha256').update(data).digest(), data]));
  `;
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', script], { stdio: 'inherit' });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writing the CLI's code cache failed (${code})`))));
    })
  );
}
