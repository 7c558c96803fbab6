/**
 * The site a single file belongs to (for `recap get/set/check/export` on a
 * path): the nearest folder above it whose generator configuration (or
 * `.recap.json`) names it a site. A folder recognised only by its shape
 * (`en/news/` holding a `_posts/`) is the site only when no configuration
 * is found further up, never above the repository's top level (a config file
 * in a parent folder is not this site's); else the file's own folder. Every
 * later path check is made inside that root.
 */
import path from 'node:path';
import type { Site } from '../../../shared/model';
import { pathExists } from '../documents/path-exists';
import { detectSite } from './detect-site';

export async function findSiteOf(file: string): Promise<Site> {
  const start = path.dirname(path.resolve(file));
  let byShape: Site | null = null;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const { kind, byConfig } = await detectSite(dir);
    if (byConfig || (await pathExists(path.join(dir, '.recap.json')))) return { root: dir, name: path.basename(dir), kind };
    if (kind !== 'unknown') byShape ??= { root: dir, name: path.basename(dir), kind };
    const top = await pathExists(path.join(dir, '.git'));
    if (top || path.dirname(dir) === dir) return byShape ?? (top ? { root: dir, name: path.basename(dir), kind } : { root: start, name: path.basename(start), kind: 'unknown' });
  }
}

export async function findSiteRoot(file: string): Promise<string> {
  return (await findSiteOf(file)).root;
}
