/**
 * Reads a site's template files for rendering, cached by path + mtime + size
 * so a page renders again without re-reading what did not change. Walks skip
 * hidden, version-control and build folders and never follow symlinks out.
 * `recordReads` notes every file and folder read under it, so a cached site
 * can later tell whether any of them changed (`readsChanged`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What one load read: each file's size and mtime (null when missing), each folder's entry names (null when missing). */
export interface SiteReads {
  files: Map<string, string | null>;
  folders: Map<string, string | null>;
}

const recording = new AsyncLocalStorage<SiteReads>();

/** Runs `load`, noting every file and folder it reads through this module. */
export async function recordReads<T>(load: () => Promise<T>): Promise<{ value: T; reads: SiteReads }> {
  const reads: SiteReads = { files: new Map(), folders: new Map() };
  const value = await recording.run(reads, load);
  return { value, reads };
}

function signatureOf(info: { size: number; mtimeMs: number; isFile(): boolean }): string {
  return `${info.isFile() ? 'f' : 'o'}:${info.size}:${info.mtimeMs}`;
}

function entriesOf(entries: Dirent[]): string {
  return entries.map((e) => `${e.isDirectory() ? 'd' : 'f'}${e.name}`).sort().join('/');
}

/** Whether any file or folder noted in `reads` (but those `skip` names) differs now: one stat per file and one listing per folder, all at once. */
export async function readsChanged(reads: SiteReads, skip?: (file: string) => boolean): Promise<boolean> {
  const files = [...reads.files].filter(([file]) => !skip?.(file)).map(async ([file, before]) => {
    const now = await stat(file).then(signatureOf, () => null);
    return now !== before;
  });
  const folders = [...reads.folders].filter(([folder]) => !skip?.(folder)).map(async ([folder, before]) => {
    const now = await readdir(folder, { withFileTypes: true }).then(entriesOf, () => null);
    return now !== before;
  });
  return (await Promise.all([...files, ...folders])).some(Boolean);
}

/** The file's size and mtime (null when missing), noted like a read: a Sass partial is read by the compiler, not here. */
export async function statRecorded(file: string): Promise<Stats | null> {
  const info = await stat(file).catch(() => null);
  recording.getStore()?.files.set(file, info ? signatureOf(info) : null);
  return info;
}

const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** The file's text, or null when it is missing, a folder or too large to be a template. */
export async function readCachedText(file: string): Promise<string | null> {
  const info = await statRecorded(file);
  if (!info || !info.isFile() || info.size > MAX_TEMPLATE_BYTES) return null;
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
  const reads = recording.getStore();
  const walk = async (dir: string, prefix: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      reads?.folders.set(dir, null);
      return;
    }
    reads?.folders.set(dir, entriesOf(entries));
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
