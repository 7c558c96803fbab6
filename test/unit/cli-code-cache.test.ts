import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, tempDir } from '../support/fixtures';

const built = path.join(repoRoot, 'out', 'cli');
const isBuilt = existsSync(path.join(built, 'recap.cjs')) && existsSync(path.join(built, 'recap-main.cjs'));
if (!isBuilt) console.log('code cache tests skipped: the CLI is not built (run npm run build)');

/** The built CLI copied to a folder of its own, without the cache the build leaves next to it. */
async function cliCopy(): Promise<string> {
  const dir = path.join(await tempDir('recap-cli-'), 'cli');
  await mkdir(dir);
  for (const name of ['recap.cjs', 'recap-main.cjs']) await copyFile(path.join(built, name), path.join(dir, name));
  return path.join(dir, 'recap.cjs');
}

function recap(cli: string, stateDir: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, 'index', fixture('sites', 'events-jekyll'), '--json'], { encoding: 'utf8', env: { ...process.env, RECAP_STATE_DIR: stateDir, ...env } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

function caches(stateDir: string): string[] {
  const dir = path.join(stateDir, 'code-cache');
  return existsSync(dir) ? readdirSync(dir).map((name) => path.join(dir, name)) : [];
}

describe.skipIf(!isBuilt)("the CLI's code cache", () => {
  it('is written by a first run, used by the next, and never changes the output', async () => {
    const cli = await cliCopy();
    const stateDir = await tempDir('recap-state-');
    const expected = recap(cli, stateDir, { RECAP_NO_CODE_CACHE: '1' });
    expect(caches(stateDir)).toEqual([]);

    expect(recap(cli, stateDir)).toBe(expected);
    const [cache] = caches(stateDir);
    expect(caches(stateDir)).toHaveLength(1);
    const written = statSync(cache!).mtimeMs;

    // The next run starts from it, and has no reason to write it again.
    expect(recap(cli, stateDir)).toBe(expected);
    expect(statSync(cache!).mtimeMs).toBe(written);
  });

  it('a damaged cache is ignored and written again; a cache of another build is replaced', async () => {
    const cli = await cliCopy();
    const stateDir = await tempDir('recap-state-');
    const expected = recap(cli, stateDir);
    const [cache] = caches(stateDir);
    const good = await readFile(cache!);
    for (const damaged of [good.subarray(0, good.length >> 1), Buffer.from(good.map((b, i) => (i === good.length - 100 ? b ^ 0xff : b))), Buffer.alloc(0)]) {
      await writeFile(cache!, damaged);
      expect(recap(cli, stateDir)).toBe(expected);
      expect(await readFile(cache!)).not.toEqual(damaged);
    }

    // A rebuilt bundle (another mtime) has a cache of its own; the old one is removed.
    await utimes(path.join(path.dirname(cli), 'recap-main.cjs'), new Date(), new Date(Date.now() + 5000));
    expect(recap(cli, stateDir)).toBe(expected);
    expect(caches(stateDir)).toHaveLength(1);
    expect(caches(stateDir)[0]).not.toBe(cache);
  });
});
