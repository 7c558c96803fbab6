/**
 * The project's fixtures live in test/fixtures (copied from the shared set,
 * licences kept, large images left out) and are never changed: tests work on
 * temp copies.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
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
  return target;
}
