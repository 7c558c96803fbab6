/**
 * An opened site folder: its kind and its posts. Summaries are cached by
 * path + mtime + size, so listing again only re-reads files that changed.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { PostList, PostSummary, Site } from '../../../shared/model';
import { detectSiteKind } from './detect-site';
import { findPosts } from './find-posts';
import { summarizePost } from './summarize-post';

interface CacheEntry {
  mtimeMs: number;
  size: number;
  summary: PostSummary;
}

/** Files read at once: enough to keep the disk busy, few enough to stay under fd limits. */
const CONCURRENCY = 64;

export class Workspace {
  private readonly cache = new Map<string, CacheEntry>();

  private constructor(readonly site: Site) {}

  static async open(folder: string): Promise<Workspace> {
    const root = path.resolve(folder);
    let info;
    try {
      info = await stat(root);
    } catch {
      throw new RecapError('not-a-folder', `${folder} does not exist. Check the path and try again.`);
    }
    if (!info.isDirectory()) throw new RecapError('not-a-folder', `${folder} is a file, not a folder. Open the site's folder instead.`);
    await realpath(root); // fails early on an unreadable folder
    return new Workspace({ root, name: path.basename(root), kind: await detectSiteKind(root) });
  }

  /** All posts, newest first (undated last). */
  async list(): Promise<PostList> {
    const paths = await findPosts(this.site.root, this.site.kind);
    const summaries: PostSummary[] = [];
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const relative = paths[next++]!;
        const summary = await this.summary(relative);
        if (summary) summaries.push(summary);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
    const listed = new Set(paths);
    for (const key of this.cache.keys()) if (!listed.has(key)) this.cache.delete(key);
    return { site: this.site, posts: sortNewestFirst(summaries) };
  }

  /** Forget a post's cached summary (after a save). */
  invalidate(relative: string): void {
    this.cache.delete(relative);
  }

  private async summary(relative: string): Promise<PostSummary | null> {
    const file = path.join(this.site.root, relative);
    try {
      const info = await stat(file);
      const cached = this.cache.get(relative);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.summary;
      const summary = summarizePost(relative, (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
      this.cache.set(relative, { mtimeMs: info.mtimeMs, size: info.size, summary });
      return summary;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // deleted while listing
      throw error;
    }
  }
}

export function sortNewestFirst(posts: PostSummary[]): PostSummary[] {
  return posts.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      const byDay = b.date.slice(0, 10).localeCompare(a.date.slice(0, 10));
      if (byDay !== 0) return byDay;
      return b.date.localeCompare(a.date);
    }
    return a.path.localeCompare(b.path);
  });
}
