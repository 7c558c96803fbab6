/**
 * The project's fixtures live in test/fixtures (copied from the shared set,
 * licences kept, large images left out) and are never changed: tests work on
 * temp copies.
 */
import { chmod, cp, lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

export function fixture(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test file. */
export async function tempDir(prefix = 'recap-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Copies a fixture (a site folder or a single file) into a temp folder and returns the copy's path. */
export async function copyFixture(...parts: string[]): Promise<string> {
  const dir = await tempDir();
  const target = path.join(dir, path.basename(parts[parts.length - 1]!));
  await cp(fixture(...parts), target, { recursive: true });
  await makeWritable(target);
  return target;
}

/**
 * A copy is the author's own checkout: writable, as a clone is (the project's
 * fixtures may be write-protected on disk, and Recap honours read-only files).
 */
export async function makeWritable(target: string): Promise<void> {
  const info = await lstat(target);
  if (info.isSymbolicLink()) return;
  await chmod(target, info.mode | (info.isDirectory() ? 0o700 : 0o600));
  if (!info.isDirectory()) return;
  for (const name of await readdir(target)) await makeWritable(path.join(target, name));
}
