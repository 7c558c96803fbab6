/**
 * An opened site folder: its kind and its posts. Summaries are cached by
 * path + size + mtime + inode, in memory and (given a state folder) in the
 * persistent index, so listing again only re-reads files that changed, even
 * in a new process; a big cold listing runs on worker threads.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { PostList, PostSummary, Site } from '../../../shared/model';
import { IndexStore } from '../cache/index-store';
import { readSiteFacts, type SiteFacts } from '../schema/read-site-facts';
import { detectSiteKind } from './detect-site';
import { findPosts, isPostPath } from './find-posts';
import { IndexPool } from './index-pool';
import { readSiteLayout, type SiteLayout } from './site-layout';
import { filePath, summarizeFileSync, type IndexedFile } from './summarize-file';
import { readSiteLanguage, readSiteTitle } from './site-title';

/** Files handled between yields to the event loop (about 10 ms of work), so IPC and sockets stay responsive. */
const BATCH = 400;
/**
 * Worker threads pay off only with cores to spare and many files. Reading
 * heads only (the app's list), 10,000 posts index faster in-process on two
 * cores (196 ms) than on two workers (294 ms), which must start, compile and
 * warm up first. Reading whole files to count words is five times the work:
 * there one worker beside this thread halves it on two cores.
 */
const WORKER_THRESHOLD = 2000;
const WORKER_MIN_CORES = 4;
const WORKER_MIN_CORES_WITH_WORDS = 2;

export interface ListOptions {
  /** Count body words (reads whole files). The app's list does without; `recap index` needs them. */
  words?: boolean;
}

export interface WorkspaceOptions {
  /** The bundled index worker (out/workers/index-worker.cjs); without it everything runs in-process. */
  indexWorker?: string;
  /** The per-user state folder: summaries persist in its index, shared by the app, the server and the CLI. */
  stateDir?: string;
}

export class Workspace {
  private cache = new Map<string, IndexedFile>();
  private pool: IndexPool | null = null;
  /** The persistent index, read into `cache` before the first listing. */
  private readonly store: IndexStore | null;
  private storeLoaded = false;
  /** The site's schema and conventions, read once and dropped whenever a post changes. */
  private factsPromise: Promise<SiteFacts> | null = null;
  private layoutPromise: Promise<SiteLayout> | null = null;

  private constructor(
    readonly site: Site,
    private readonly options: WorkspaceOptions,
    realRoot: string,
  ) {
    this.store = options.stateDir ? IndexStore.inStateDir(options.stateDir, realRoot) : null;
  }

  static async open(folder: string, options: WorkspaceOptions = { indexWorker: bundledIndexWorker() }): Promise<Workspace> {
    const root = path.resolve(folder);
    let info;
    try {
      info = await stat(root);
    } catch {
      throw new RecapError('not-a-folder', `${folder} does not exist. Check the path and try again.`);
    }
    if (!info.isDirectory()) throw new RecapError('not-a-folder', `${folder} is a file, not a folder. Open the site's folder instead.`);
    const realRoot = await realpath(root); // fails early on an unreadable folder
    const [kind, title, language] = await Promise.all([detectSiteKind(root), readSiteTitle(root), readSiteLanguage(root)]);
    return new Workspace({ root, name: path.basename(root), kind, ...(title === null ? {} : { title }), ...(language === null ? {} : { language }) }, options, realRoot);
  }

  /** All posts, newest first (undated last). */
  async list({ words = true }: ListOptions = {}): Promise<PostList> {
    const paths = await findPosts(this.site.root, await this.layout());
    this.loadStore();
    const listed = new Set(paths);
    let changed = false;
    for (const key of this.cache.keys()) if (!listed.has(key)) changed = this.cache.delete(key);

    // Unchanged posts (one stat each) are listed from the cache; the rest are read.
    const posts: PostSummary[] = [];
    const stale: string[] = [];
    await inBatches(paths, (relative) => {
      const cached = this.cache.get(relative);
      if (cached && (!words || cached.summary.words !== null) && unchanged(this.site.root, cached)) posts.push(cached.summary);
      else stale.push(relative);
    });
    if (stale.some((p) => this.cache.has(p))) this.factsPromise = null; // changed on disk: the schema may have too
    for (const file of await this.summarize(stale, words)) {
      this.cache.set(file.path, file);
      posts.push(file.summary);
    }
    if (changed || stale.length > 0) void this.store?.save(this.cache.values());
    // The order is total (date, then path), so it does not matter in which order posts were gathered.
    return { site: this.site, posts: sortNewestFirst(posts) };
  }

  /** Where the site keeps its pages, from its generator's configuration (read once). */
  layout(): Promise<SiteLayout> {
    this.layoutPromise ??= readSiteLayout(this.site.root, this.site.kind);
    return this.layoutPromise;
  }

  /** Whether a site-relative path (`/` separators) is one of this site's posts: the rule the list uses. */
  async isPostPath(relative: string): Promise<boolean> {
    return isPostPath(await this.layout(), relative);
  }

  /** Forget a post's cached summary (after a save). */
  invalidate(relative: string): void {
    this.cache.delete(relative);
    this.factsPromise = null;
  }

  /** What the site's front matter looks like (fields, types, choices), inferred from its files. */
  async schema(): Promise<SiteSchema> {
    return (await this.facts()).schema;
  }

  facts(): Promise<SiteFacts> {
    if (!this.factsPromise) {
      const reading = readSiteFacts(this.site.root, this.site.kind);
      this.factsPromise = reading;
      reading.catch(() => {
        if (this.factsPromise === reading) this.factsPromise = null; // a failed read (bad .recap.json) is retried next time
      });
    }
    return this.factsPromise;
  }

  /** Stops the index workers, if any were started, and waits for the index to be written. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
    await this.store?.flush();
  }

  private loadStore(): void {
    if (!this.store || this.storeLoaded) return;
    this.storeLoaded = true;
    const stored = this.store.load();
    if (this.cache.size === 0) this.cache = stored; // the usual case, a new process: no copying 10,000 entries
    else for (const [relative, file] of stored) if (!this.cache.has(relative)) this.cache.set(relative, file);
  }

  private async summarize(paths: string[], words: boolean): Promise<IndexedFile[]> {
    const pool = paths.length >= WORKER_THRESHOLD ? this.workersFor(words) : null;
    if (pool) {
      const here = (batch: string[]) => batch.flatMap((relative) => summarizeFileSync(this.site.root, relative, words) ?? []);
      return pool.summarize(this.site.root, paths, words, here);
    }
    const files: IndexedFile[] = [];
    await inBatches(paths, (relative) => {
      const file = summarizeFileSync(this.site.root, relative, words);
      if (file) files.push(file);
    });
    return files;
  }

  /** The worker pool, where this machine has the cores for the work (null: everything runs here). */
  private workersFor(words: boolean): IndexPool | null {
    const cores = availableParallelism();
    if (!this.options.indexWorker || cores < (words ? WORKER_MIN_CORES_WITH_WORDS : WORKER_MIN_CORES)) return null;
    // This thread works too: one worker fewer than cores, and no waiting for the workers to start.
    this.pool ??= new IndexPool(this.options.indexWorker, Math.min(3, cores - 1));
    return this.pool;
  }
}

/** Whether the file still has the size, mtime and inode it had when summarised (gone or unreadable: no). */
function unchanged(root: string, cached: IndexedFile): boolean {
  try {
    const info = statSync(filePath(root, cached.path), { throwIfNoEntry: false });
    return info !== undefined && info.mtimeMs === cached.mtimeMs && info.size === cached.size && info.ino === cached.ino;
  } catch {
    return false; // unreadable: read again, which reports it as before
  }
}

async function inBatches<T>(items: T[], work: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + BATCH)) work(item);
  }
}

/** Where the build puts the worker, next to the bundle that runs this code (out/cli, out/main). */
export function bundledIndexWorker(): string | undefined {
  if (typeof __dirname === 'undefined') return undefined;
  const candidate = path.join(__dirname, '..', 'workers', 'index-worker.cjs');
  return existsSync(candidate) ? candidate : undefined;
}

export function sortNewestFirst(posts: PostSummary[]): PostSummary[] {
  // Plain code-unit comparison: dates are ASCII, and localeCompare (ICU) made sorting 10,000 posts cost ~100 ms.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return posts.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return compareDays(b.date, a.date) || compare(b.date, a.date);
    }
    return compare(a.path, b.path);
  });
}

/** `a.slice(0, 10)` compared with `b.slice(0, 10)`, without making those strings (130,000 comparisons for 10,000 posts). */
function compareDays(a: string, b: string): number {
  const n = Math.min(10, a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const la = Math.min(10, a.length);
  const lb = Math.min(10, b.length);
  return la < lb ? -1 : la > lb ? 1 : 0;
}
