/**
 * An opened site folder: its kind and its posts. Summaries are cached by
 * path + size + mtime + inode, in memory and (given a state folder) in the
 * persistent index, so listing again only re-reads files that changed, even
 * in a new process; a big cold listing runs on worker threads.
 */
import { existsSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { SiteSchema } from '../../../shared/front-matter/schema';
import type { PostList, Site } from '../../../shared/model';
import { firstPosts } from '../../../shared/posts/post-order';
import { BadIndexEntry, IndexStore, StoredIndex, dateOf, wordsOf } from '../cache/index-store';
import { readSiteFacts, type SiteFacts } from '../schema/read-site-facts';
import { detectSiteKind } from './detect-site';
import { findPosts, isPostPath } from './find-posts';
import { IndexPool } from './index-pool';
import { postsJson } from './post-json';
import { screenCandidates } from './screen-candidates';
import { readSiteLayout, type SiteLayout } from './site-layout';
import { filePath, summarizeFileSync, type IndexedFile } from './summarize-file';
import { readSiteLanguage, readSiteTitle } from './site-title';

/** Work between yields to the event loop, so IPC and sockets stay responsive while a big site lists. */
const YIELD_EVERY_MS = 10;
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
/** A site this big, seen for the first time, gets its first screen before every post is read (see firstScreen). */
const QUICK_SCREEN_POSTS = 2000;

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
  /** The persistent index as read: entries the cache does not have yet are taken from it. */
  private stored: StoredIndex | null = null;
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
    return { site: this.site, posts: await this.listFiles(words, (listed) => (listed instanceof StoredIndex ? listed.all() : listed).map((f) => f.summary)) };
  }

  /**
   * A big site's first `count` posts, newest first, and how many posts it
   * has, before they are all read: the first time Recap sees the site (no
   * index yet), listing 10,000 posts takes half a second, reading a screen's
   * worth a few milliseconds. They are read from the newest files by the
   * dates their names start with (see screen-candidates.ts) and ordered as
   * the list orders them. A post whose front matter dates it far from its
   * name could be missing here; the window replaces this screen with the
   * whole list as soon as that comes. Null when the whole list is quick
   * anyway (a small site, or one already in the cache or index) or when the
   * names do not tell the dates (most of them start with none).
   */
  async firstScreen(count: number): Promise<PostList | null> {
    const paths = await findPosts(this.site.root, await this.layout());
    this.loadStore();
    if (paths.length < QUICK_SCREEN_POSTS || this.cache.size > 0 || (this.stored?.live ?? 0) > 0) return null;
    const candidates = screenCandidates(paths, count);
    if (candidates === null) return null;
    const files: IndexedFile[] = [];
    for (const relative of candidates) {
      const file = summarizeFileSync(this.site.root, relative, false);
      if (!file) continue;
      files.push(file);
      this.cache.set(relative, file); // the whole list that follows only stats these
    }
    return { site: this.site, posts: firstPosts(files.map((file) => file.summary), count), total: paths.length };
  }

  /**
   * The posts as `recap index --json` prints them: the JSON text of the
   * array of postJson(summary), newest first. An unchanged post's text comes
   * from the index as it is; an unchanged site's, the whole array.
   */
  listJson(): Promise<string> {
    // The printed text is the array the index stores: saving reuses it.
    return this.listFiles(true, (listed) => (listed instanceof StoredIndex ? listed.json() : postsJson(listed)), (json) => json);
  }

  /**
   * The listed files, newest first, turned into what the caller wants (`use`
   * may throw BadIndexEntry: then the files are read again), then saved in
   * the index if they changed; `asArray` tells when the result is the JSON
   * text of their postJson array.
   */
  private async listFiles<T>(words: boolean, use: (files: IndexedFile[] | StoredIndex) => T, asArray?: (result: T) => string): Promise<T> {
    let listing = await this.currentFiles(words);
    let result: T;
    try {
      result = use(listing.files);
    } catch (error) {
      if (!(error instanceof BadIndexEntry)) throw error;
      // A stored text that is not a summary: the index is not trusted, the site is read again.
      this.cache.clear();
      this.stored = null;
      listing = await this.currentFiles(words);
      result = use(listing.files);
    }
    // Saved in listing order, so the next listing of an unchanged site finds it in order.
    if (listing.changed && !(listing.files instanceof StoredIndex)) void this.store?.save(listing.files, asArray?.(result));
    return result;
  }

  /** The listed files, newest first; the index itself when it is exactly the listing (an unchanged site). */
  private async currentFiles(words: boolean): Promise<{ files: IndexedFile[] | StoredIndex; changed: boolean }> {
    const paths = await findPosts(this.site.root, await this.layout());
    this.loadStore();
    const stored = this.stored;

    // Unchanged posts (one stat each) are listed from the cache, or the index; the rest are read. Posts from
    // the index keep the place they were stored at, the last listing's order: an unchanged site needs no sorting.
    const inPlace = new Uint8Array(stored?.size ?? 0);
    let placed = 0;
    const others: IndexedFile[] = [];
    const stale: string[] = [];
    let known = 0;
    let knownStored = 0;
    await inBatches(paths, (relative) => {
      const cached = this.cache.get(relative);
      if (cached !== undefined) {
        known++;
        if ((words && wordsOf(cached) === null) || !unchanged(this.site.root, cached)) stale.push(relative);
        else others.push(cached);
        return;
      }
      const at = stored ? stored.positionOf(relative) : -1;
      if (at === -1) return void stale.push(relative);
      knownStored++;
      if ((words && !stored!.hasWords(at)) || !unchangedSince(this.site.root, relative, stored!, at)) stale.push(relative);
      else {
        inPlace[at] = 1;
        placed++;
      }
    });
    const edited = stale.length > paths.length - known - knownStored; // some cached or indexed post changed on disk
    let changed = false;
    if (known < this.cache.size || (stored && knownStored < stored.live)) {
      const listed = new Set(paths);
      for (const key of this.cache.keys()) if (!listed.has(key)) changed = this.cache.delete(key);
      for (const relative of stored?.paths() ?? []) {
        if (listed.has(relative)) continue;
        stored!.forget(relative);
        changed = true;
      }
    }
    if (edited) this.factsPromise = null; // the schema may have changed too
    const read = await this.summarize(stale, words);
    for (const file of read) {
      this.cache.set(file.path, file);
      stored?.forget(file.path); // read again: the cache has it now
    }

    if (stored && placed === stored.size && others.length === 0 && read.length === 0) return { files: stored, changed: false };
    const files: IndexedFile[] = [];
    for (let at = 0; at < inPlace.length; at++) if (inPlace[at] === 1) files.push(stored!.file(at));
    for (const file of others) files.push(file);
    for (const file of read) files.push(file);
    sortFilesNewestFirst(files);
    return { files, changed: changed || stale.length > 0 };
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
    this.stored?.forget(relative);
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
    this.stored = this.store.load();
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

/** Whether the file still has the size, mtime and inode the index has for it (gone or unreadable: no). */
function unchangedSince(root: string, relative: string, stored: StoredIndex, at: number): boolean {
  const info = statNow(root, relative);
  return info !== undefined && stored.sameStat(at, info);
}

/** Whether the file still has the size, mtime and inode it had when summarised (gone or unreadable: no). */
function unchanged(root: string, cached: IndexedFile): boolean {
  const info = statNow(root, cached.path);
  return info !== undefined && info.mtimeMs === cached.mtimeMs && info.size === cached.size && info.ino === cached.ino;
}

/** The file's stat now; undefined when it is gone or unreadable (it is then read again, which reports it as before). */
function statNow(root: string, relative: string): Stats | undefined {
  try {
    return statSync(filePath(root, relative), { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

async function inBatches<T>(items: T[], work: (item: T) => void): Promise<void> {
  // By time, not by count: a batch of cold reads under load held the thread for 130–380 ms, and every request
  // (the window's page, its first screen) waited behind it.
  let since = performance.now();
  for (let i = 0; i < items.length; i++) {
    if ((i & 15) === 0 && performance.now() - since > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    work(items[i]!);
  }
}

/** Where the build puts the worker, next to the bundle that runs this code (out/cli, out/main). */
export function bundledIndexWorker(): string | undefined {
  if (typeof __dirname === 'undefined') return undefined;
  const candidate = path.join(__dirname, '..', 'workers', 'index-worker.cjs');
  return existsSync(candidate) ? candidate : undefined;
}

/** Files in the posts' order; a listing of unchanged files comes in that order already, and a check is 10× cheaper than a sort. */
function sortFilesNewestFirst(files: IndexedFile[]): void {
  // Each file's date once, not in each of 130,000 comparisons.
  const keyed = files.map((file) => ({ date: dateOf(file), path: file.path, file }));
  let sorted = true;
  for (let i = 1; i < keyed.length && sorted; i++) sorted = newerFirst(keyed[i - 1]!.date, keyed[i - 1]!.path, keyed[i]!.date, keyed[i]!.path) <= 0;
  if (sorted) return;
  keyed.sort((a, b) => newerFirst(a.date, a.path, b.date, b.path));
  keyed.forEach(({ file }, i) => (files[i] = file));
}

/** The posts' order: by day, newest first, then by date and time, then by path; undated last. The order is total. */
function newerFirst(aDate: string | null, aPath: string, bDate: string | null, bPath: string): number {
  // Plain code-unit comparison: dates are ASCII, and localeCompare (ICU) made sorting 10,000 posts cost ~100 ms.
  if (aDate !== bDate) {
    if (aDate === null) return 1;
    if (bDate === null) return -1;
    return compareDays(bDate, aDate) || compare(bDate, aDate);
  }
  return compare(aPath, bPath);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
