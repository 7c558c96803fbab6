/**
 * The opened site's one owner of "files changed on disk": it subscribes to
 * the main process's postsChanged once, drops the echo of Recap's own saves
 * (the watcher sees our atomic rename like any other program's write), and
 * hands every feature below the workspace an API whose postsChanged is the
 * filtered one. It also owns the post list, so a save does not re-list.
 */
import type { Events } from '../../shared/api';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import { parsePost } from '../../shared/front-matter/post-document';
import type { PostsChange, PostSummary } from '../../shared/model';
import type { WriteListener } from '../document/document-store';
import { sortPosts } from '../posts/post-order';
import { describeError } from './error-message';

/** How long after a save settles its watcher echo may still arrive (the watcher waits for writes to finish). */
export const ECHO_WINDOW_MS = 2000;

export interface PostsSnapshot {
  /** Sorted newest first; null while the first list loads. */
  posts: PostSummary[] | null;
  error: ErrorInfo | null;
}

type ChangeListener = (change: PostsChange) => void;

export class SiteStore implements WriteListener {
  /** The API every feature in the workspace uses: the same calls, with postsChanged filtered. */
  readonly api: RecapBridge;
  private postsSnapshot: PostsSnapshot = { posts: null, error: null };
  private readonly postListeners = new Set<() => void>();
  private readonly changeListeners = new Set<ChangeListener>();
  /** Paths Recap is writing (Infinity) or wrote until that time: their watcher events are our own. */
  private readonly ownWrites = new Map<string, number>();
  private listTicket = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly raw: RecapBridge,
    private readonly now: () => number = () => Date.now(),
  ) {
    const on: RecapBridge['on'] = (event, listener) => {
      if (event !== 'postsChanged') return raw.on(event, listener);
      const forward = listener as ChangeListener;
      this.changeListeners.add(forward);
      return () => this.changeListeners.delete(forward);
    };
    // Every method but `on` is the real one; a Proxy keeps that true for methods added later.
    this.api = new Proxy(raw, { get: (target, key, receiver) => (key === 'on' ? on : Reflect.get(target, key, receiver)) });
  }

  /** Starts listening and lists the posts; returns the way to stop (React effects call it). */
  start(): () => void {
    this.unsubscribe ??= this.raw.on('postsChanged', this.onRawChange);
    this.reload();
    return () => {
      this.unsubscribe?.();
      this.unsubscribe = null;
    };
  }

  readonly subscribePosts = (listener: () => void): (() => void) => {
    this.postListeners.add(listener);
    return () => this.postListeners.delete(listener);
  };

  readonly getPosts = (): PostsSnapshot => this.postsSnapshot;

  /** Lists again now (after the app itself created a post, without waiting for the watcher). */
  readonly reload = (): void => {
    const ticket = ++this.listTicket;
    this.raw.listPosts({}).then(
      (list) => {
        if (ticket === this.listTicket) this.setPosts({ posts: sortPosts(list.posts), error: null });
      },
      (err: unknown) => {
        if (ticket === this.listTicket) this.setPosts({ posts: [], error: describeError(err) });
      },
    );
  };

  /** Files changed on disk (not by Recap's own saves). */
  onFilesChanged(listener: ChangeListener): () => void {
    return this.api.on('postsChanged', listener);
  }

  willWrite(path: string): void {
    this.ownWrites.set(path, Number.POSITIVE_INFINITY);
  }

  wrote(path: string, hash: string | null, frontMatter: string): void {
    if (hash === null) {
      this.ownWrites.delete(path);
      return;
    }
    this.ownWrites.set(path, this.now() + ECHO_WINDOW_MS);
    // The list is not read again for our own save: its title follows the front matter here.
    const title = parsePost(frontMatter).data?.title;
    const { posts } = this.postsSnapshot;
    if (typeof title !== 'string' || title.trim() === '' || !posts) return;
    const index = posts.findIndex((post) => post.path === path);
    if (index === -1 || posts[index]!.title === title) return;
    const next = posts.slice();
    next[index] = { ...posts[index]!, title };
    this.setPosts({ ...this.postsSnapshot, posts: next });
  }

  private readonly onRawChange = (change: Events['postsChanged']): void => {
    const now = this.now();
    for (const [path, until] of this.ownWrites) if (until < now) this.ownWrites.delete(path);
    const paths = change.overflow ? change.paths : change.paths.filter((path) => !this.ownWrites.has(path));
    if (!change.overflow && paths.length === 0) return;
    const filtered = { paths, overflow: change.overflow };
    this.reload();
    for (const listener of this.changeListeners) listener(filtered);
  };

  private setPosts(next: PostsSnapshot): void {
    this.postsSnapshot = next;
    for (const listener of this.postListeners) listener();
  }
}
