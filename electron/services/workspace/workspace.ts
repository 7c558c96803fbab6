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
import { summarizeFileSync, type IndexedFile } from './summarize-file';
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
  private readonly cache = new Map<string, IndexedFile>();
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

    const fresh = await this.unchanged(paths, words);
    const stale = paths.filter((p) => !fresh.has(p));
    if (stale.some((p) => this.cache.has(p))) this.factsPromise = null; // changed on disk: the schema may have too
    for (const file of await this.summarize(stale, words)) {
      this.cache.set(file.path, file);
      fresh.add(file.path);
    }
    if (changed || stale.length > 0) void this.store?.save(this.cache.values());
    const posts = paths.flatMap((p) => (fresh.has(p) ? [this.cache.get(p)!.summary] : []));
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
    for (const [relative, file] of this.store.load()) if (!this.cache.has(relative)) this.cache.set(relative, file);
  }

  /** Paths whose cached summary still matches the file (same size, mtime and inode) and has what was asked for. */
  private async unchanged(paths: string[], words: boolean): Promise<Set<string>> {
    const fresh = new Set<string>();
    const candidates = paths.filter((p) => {
      const cached = this.cache.get(p);
      return cached !== undefined && (!words || cached.summary.words !== null);
    });
    await inBatches(candidates, (relative) => {
      try {
        const info = statSync(path.join(this.site.root, relative));
        const cached = this.cache.get(relative)!;
        if (info.mtimeMs === cached.mtimeMs && info.size === cached.size && info.ino === cached.ino) fresh.add(relative);
      } catch {
        /* gone or unreadable: re-read below */
      }
    });
    return fresh;
  }

  private async summarize(paths: string[], words: boolean): Promise<IndexedFile[]> {
    const cores = availableParallelism();
    const here = (batch: string[]) => batch.flatMap((relative) => summarizeFileSync(this.site.root, relative, words) ?? []);
    if (paths.length >= WORKER_THRESHOLD && this.options.indexWorker && cores >= (words ? WORKER_MIN_CORES_WITH_WORDS : WORKER_MIN_CORES)) {
      // This thread works too: one worker fewer than cores, and no waiting for the workers to start.
      this.pool ??= new IndexPool(this.options.indexWorker, Math.min(3, cores - 1));
      return this.pool.summarize(this.site.root, paths, words, here);
    }
    const files: IndexedFile[] = [];
    await inBatches(paths, (relative) => {
      const file = summarizeFileSync(this.site.root, relative, words);
      if (file) files.push(file);
    });
    return files;
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
      return compare(b.date.slice(0, 10), a.date.slice(0, 10)) || compare(b.date, a.date);
    }
    return compare(a.path, b.path);
  });
}
