/**
 * Reads a site's template files for rendering, cached by path + mtime + size
 * so a page renders again without re-reading what did not change. Walks skip
 * hidden, version-control and build folders and never follow symlinks out.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** The file's text, or null when it is missing, a folder or too large to be a template. */
export async function readCachedText(file: string): Promise<string | null> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return null;
  }
  if (!info.isFile() || info.size > MAX_TEMPLATE_BYTES) return null;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.text;
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, text });
  return text;
}

const SKIPPED = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache', 'public', 'dist']);

/** Files below `folder` (relative to it, `/` separators), at most `maxDepth` folders deep. */
export async function listFiles(folder: string, options: { maxDepth?: number; skip?: (relative: string, entry: Dirent) => boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await Promise.all(
      entries.map(async (entry) => {
        const relative = prefix + entry.name;
        if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) return;
        if (options.skip?.(relative, entry)) return;
        if (entry.isDirectory()) {
          if (depth < (options.maxDepth ?? 8)) await walk(path.join(dir, entry.name), relative + '/', depth + 1);
        } else if (entry.isFile()) {
          out.push(relative);
        }
      }),
    );
  };
  await walk(folder, '', 0);
  return out.sort();
}
