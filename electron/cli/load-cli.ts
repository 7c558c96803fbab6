/**
 * Entry of the `recap` command (bundled to out/cli/recap.cjs): runs the CLI
 * bundle (recap-main.cjs, built from main.ts) from V8's code cache.
 *
 * Compiling the 10 MB bundle was a third of the time of a short command
 * (330 ms of `recap index` on an indexed site). The code V8 compiled is kept
 * in the state folder after a run, and the next run starts from it (about
 * 30 ms). The build leaves a first cache next to the bundle for a state
 * folder that has none. A cache made by another Node version or for another
 * build is rejected by V8 or never looked at (its name holds both), and
 * anything that goes wrong here simply loads the bundle the usual way
 * (RECAP_NO_CODE_CACHE=1 always does).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { defaultStateDir } from '../services/settings/state-dir';

const bundle = path.join(__dirname, 'recap-main.cjs');

/**
 * What a cache must have been made for: this Node (V8) and this build of the
 * bundle (V8 itself only checks the source's length). scripts/build.mjs
 * names the cache it leaves in out/cli the same way.
 */
function cacheName(): string {
  const { size, mtimeMs } = statSync(bundle);
  const key = createHash('sha256').update(`${process.version} ${process.arch} ${size} ${mtimeMs}`).digest('hex').slice(0, 16);
  return `recap-main-${key}.v8cache`;
}

/** A cache file is the SHA-256 of the code, then the code: a damaged file is never handed to V8. */
function sealed(data: Buffer): Buffer {
  return Buffer.concat([createHash('sha256').update(data).digest(), data]);
}

function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = bytes.subarray(32);
  return bytes.length > 32 && createHash('sha256').update(data).digest().equals(bytes.subarray(0, 32)) ? data : undefined;
}

/** Writes the code V8 has compiled by now (at exit: what this run used), atomically, replacing older caches. */
function saveCache(script: vm.Script, dir: string, name: string): void {
  try {
    const data = sealed(script.createCachedData());
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = path.join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, path.join(dir, name));
    for (const old of readdirSync(dir)) if (old !== name && old.startsWith('recap-main-')) unlinkSync(path.join(dir, old));
  } catch {
    /* a read-only or full state folder: the next run compiles again */
  }
}

/** The compiled bundle and whether V8 had to compile it afresh, or null where the code cache cannot be used. */
function compile(): { script: vm.Script; fresh: boolean; dir: string; name: string } | null {
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER; // the bundle's import() of sharp
  if (process.env.RECAP_NO_CODE_CACHE || !importModuleDynamically) return null;
  try {
    const name = cacheName();
    const dir = path.join(defaultStateDir(process.env), 'code-cache');
    const cachedData = readCache(path.join(dir, name)) ?? readCache(path.join(__dirname, name));
    const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData, importModuleDynamically });
    return { script, fresh: cachedData === undefined || script.cachedDataRejected === true, dir, name };
  } catch {
    return null;
  }
}

const compiled = compile();
if (compiled) {
  const { script, fresh, dir, name } = compiled;
  if (fresh) process.once('exit', () => saveCache(script, dir, name));
  // What Node's loader would do with the bundle: a module of its own, with its own require.
  const module = new Module(bundle);
  module.filename = bundle;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, __dirname);
} else {
  createRequire(__filename)(bundle);
}
