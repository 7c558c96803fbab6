/**
 * The site a single file belongs to (for `recap get/set/check/export` on a
 * path): the nearest folder above it that a generator would recognise, or
 * that holds a `.recap.json`, never above the repository's top level (a
 * config file in a parent folder is not this site's); else the file's own
 * folder. Every later path check is made inside that root.
 */
import path from 'node:path';
import type { Site } from '../../../shared/model';
import { pathExists } from '../documents/path-exists';
import { detectSiteKind } from './detect-site';

export async function findSiteOf(file: string): Promise<Site> {
  const start = path.dirname(path.resolve(file));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const kind = await detectSiteKind(dir);
    if (kind !== 'unknown' || (await pathExists(path.join(dir, '.recap.json'))) || (await pathExists(path.join(dir, '.git')))) {
      return { root: dir, name: path.basename(dir), kind };
    }
    if (path.dirname(dir) === dir) return { root: start, name: path.basename(start), kind: 'unknown' };
  }
}

export async function findSiteRoot(file: string): Promise<string> {
  return (await findSiteOf(file)).root;
}
