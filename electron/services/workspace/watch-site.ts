/**
 * Watches an opened site for files that other tools add, rename, edit or
 * delete (another editor, git checkout), and reports the changed paths in
 * debounced batches. chokidar watches folder by folder (no recursive
 * fs.watch, which Linux lacks and which misses renames elsewhere).
 */
import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import type { PostsChange } from '../../../shared/model';

export interface WatchOptions {
  /** Quiet time before a batch is reported: one save or checkout is one batch. */
  debounceMs?: number;
  /** A steady stream of changes is still reported this often. */
  maxWaitMs?: number;
  /** More changed paths than this are reported as an overflow. */
  maxPaths?: number;
  onError?: (error: Error) => void;
}

export interface SiteWatcher {
  /** Resolves once the initial scan is done and changes are being seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Dependencies and build output: never posts, often huge. */
const IGNORED_DIRS = new Set(['node_modules', '_site', 'public', 'dist', 'vendor', 'resources']);
/** The temp file of an atomic save (documents/atomic-write.ts): its rename is what counts. */
const ATOMIC_TEMP = /^\..+\.recap-[0-9a-f]+\.tmp$/;

/**
 * Whether a path under `root` is of no interest: dot-named entries (.git,
 * editor swap files, caches, our own temp files) and the folders above.
 * The site's own `.recap.json` counts: editing it changes the schema.
 */
export function isIgnoredPath(root: string, absolute: string): boolean {
  // chokidar asks about every file of the site as it starts: a prefix cut is far cheaper than path.relative (10,000 posts: ~200 ms).
  const relative = absolute.startsWith(root + path.sep) ? absolute.slice(root.length + 1) : path.relative(root, absolute);
  if (relative === '' || relative === '.recap.json') return false;
  // Output and dependency folders only at the root: a docs section named `resources/` or `public/` is content (find-posts.ts).
  const segments = relative.split(path.sep);
  if (IGNORED_DIRS.has(segments[0]!)) return true;
  for (const segment of segments) {
    if (segment.startsWith('.') || segment === 'node_modules' || ATOMIC_TEMP.test(segment)) return true;
  }
  return false;
}

export function watchSite(root: string, onChange: (change: PostsChange) => void, options: WatchOptions = {}): SiteWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const maxPaths = options.maxPaths ?? 1000;

  const pending = new Set<string>();
  let overflow = false;
  let timer: NodeJS.Timeout | null = null;
  let firstAt = 0;
  let closed = false;

  const flush = () => {
    timer = null;
    if (closed || (pending.size === 0 && !overflow)) return;
    const change: PostsChange = { paths: [...pending].sort(), overflow };
    pending.clear();
    overflow = false;
    onChange(change);
  };

  const note = (absolute: string) => {
    if (closed) return;
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) return;
    if (pending.size < maxPaths) pending.add(relative);
    else overflow = true;
    const now = Date.now();
    if (timer === null) firstAt = now;
    else clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)));
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (candidate) => isIgnoredPath(root, candidate),
  });
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, note);
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await watcher.close();
    },
  };
}
