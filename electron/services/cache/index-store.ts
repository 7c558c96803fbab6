/**
 * The persistent post index: each post's summary and word count, keyed by
 * the file's path + size + mtime + inode, in the per-user state folder
 * (`<stateDir>/index/<hash of the site root>.cache`, never in the site). The
 * app, browser mode and every CLI command share it, so listing an unchanged
 * site costs a stat per post. A file that fails its seal or its shape is
 * ignored whole (the site is simply read again), never half trusted.
 */
import path from 'node:path';
import type { PostSummary } from '../../../shared/model';
import type { IndexedFile } from '../workspace/summarize-file';
import { pruneOldest, readSealed, sealedPath, writeSealed, type SealedId } from './sealed-file';

/** Bump when the stored shape or what a summary means changes: older files are rebuilt. */
const FORMAT = 1;
/** Sites whose index is kept; older ones are dropped first. */
const MAX_SITES = 64;
/** Posts stored per site; beyond it the index is not written (the listing still works). */
const MAX_POSTS = 200_000;
/**
 * A file changed within this long before the index is written could change
 * again within the same mtime tick, unseen (git's "racily clean" problem):
 * such entries are not stored, and are read again next time.
 */
const RACY_MS = 2000;

type Row = [path: string, size: number, mtimeMs: number, ino: number, title: string, date: string | null, draft: boolean, tags: string[], categories: string[], words: number | null, error: string | null];

export class IndexStore {
  private readonly file: string;
  private readonly id: SealedId;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    root: string,
  ) {
    this.file = sealedPath(dir, root);
    this.id = { kind: 'recap-index', format: FORMAT, key: root };
  }

  static inStateDir(stateDir: string, root: string): IndexStore {
    return new IndexStore(path.join(stateDir, 'index'), root);
  }

  /** The stored entries by path; empty when there is no usable index. Synchronous: it runs once, before the first listing. */
  load(): Map<string, IndexedFile> {
    const entries = new Map<string, IndexedFile>();
    const rows = readSealed(this.file, this.id);
    if (!Array.isArray(rows) || rows.length > MAX_POSTS) return entries;
    for (const row of rows) {
      const file = fromRow(row);
      if (!file) return new Map(); // one bad row: the file is not ours to trust
      entries.set(file.path, file);
    }
    return entries;
  }

  /** Replaces the stored index with `files` (one write at a time; errors only cost the next run a re-read). */
  save(files: Iterable<IndexedFile>): Promise<void> {
    const cutoff = Date.now() - RACY_MS;
    const rows: Row[] = [];
    for (const f of files) if (f.mtimeMs < cutoff) rows.push(toRow(f));
    if (rows.length > MAX_POSTS) return this.writing;
    this.writing = this.writing
      .then(() => writeSealed(this.file, this.id, rows))
      .then(() => pruneOldest(this.dir, MAX_SITES))
      .catch(() => undefined);
    return this.writing;
  }

  /** Resolves when the last save is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}

function toRow({ path, size, mtimeMs, ino, summary: s }: IndexedFile): Row {
  return [path, size, mtimeMs, ino, s.title, s.date, s.draft, s.tags, s.categories, s.words, s.error ?? null];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function fromRow(row: unknown): IndexedFile | null {
  if (!Array.isArray(row) || row.length !== 11) return null;
  const [p, size, mtimeMs, ino, title, date, draft, tags, categories, words, error] = row as unknown[];
  if (typeof p !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ino !== 'number' || typeof title !== 'string') return null;
  if ((date !== null && typeof date !== 'string') || typeof draft !== 'boolean' || !isStrings(tags) || !isStrings(categories)) return null;
  if ((words !== null && typeof words !== 'number') || (error !== null && typeof error !== 'string')) return null;
  const summary: PostSummary = { path: p, title, date, draft, tags, categories, words };
  if (error !== null) summary.error = error;
  return { path: p, size, mtimeMs, ino, summary };
}
