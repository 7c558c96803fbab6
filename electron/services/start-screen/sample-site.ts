/**
 * "Try the sample site": the project's sample blog, copied once into the
 * per-user state folder, so a newcomer edits a real post at once and the
 * checkout's copy never changes. A second try opens the same copy, edits kept.
 */
import { cp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { pathExists } from '../documents/path-exists';

export async function sampleSiteCopy(source: string, stateDir: string): Promise<string> {
  const target = path.join(stateDir, 'sample-site');
  if (await pathExists(target)) return target;
  if (!(await pathExists(source))) throw new RecapError('not-found', 'The sample site is not part of this installation; open a folder of your own instead.');
  // Copied beside and renamed into place, so an interrupted copy is never taken for the sample.
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(source, partial, { recursive: true });
  await rename(partial, target);
  return target;
}
