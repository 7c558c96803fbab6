/**
 * The site a single file belongs to (for `recap get/set` on a path): the
 * nearest folder above it holding a site marker, else the file's own folder.
 * Every later path check is made inside that root.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

const SITE_MARKERS = [
  '.recap.json',
  '_config.yml',
  '_config.yaml',
  '_config.toml',
  'zola.toml',
  'config.toml',
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.yaml',
  'config.yml',
  'astro.config.mjs',
  'astro.config.ts',
  'eleventy.config.js',
  '.eleventy.js',
];

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function findSiteRoot(file: string): Promise<string> {
  const start = path.dirname(path.resolve(file));
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const marker of SITE_MARKERS) if (await exists(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
