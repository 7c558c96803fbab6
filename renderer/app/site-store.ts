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
import type { PostList, PostsChange, PostSummary } from '../../shared/model';
import type { WriteListener } from '../document/document-store';
import { FIRST_SCREEN_POSTS, sortPosts } from '../posts/post-order';
import { describeError } from './error-message';

/** How long after a save settles its watcher echo may still arrive (the watcher waits for writes to finish). */
export const ECHO_WINDOW_MS = 2000;

export interface PostsSnapshot {
  /** Sorted newest first; null while the first list loads. */
  posts: PostSummary[] | null;
  error: ErrorInfo | null;
  /** Set while `posts` is only a big site's first screen (the rest is on its way): how many posts it has in all. */
  total?: number;
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
  /** The first screen asked for while the app started, until start() takes it over. */
  private early: EarlyFirstScreen | null = null;

  /** The store of the site at `root`, already holding its first screen of posts if that was asked for early and has come. */
  static forSite(raw: RecapBridge, root: string): SiteStore {
    const store = new SiteStore(raw);
    store.early = takeEarlyFirstScreen(root);
    const list = store.early?.list;
    if (list) store.postsSnapshot = snapshotOf(list);
    return store;
  }

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
    const early = this.early;
    this.early = null;
    early?.stop();
    if (!early || early.changed) this.list(null); // files changed meanwhile: that first screen may miss it
    else if (!early.list) this.list(early.promise);
    else if (this.postsSnapshot.total !== undefined) this.afterFirstScreen(++this.listTicket);
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

  /**
   * Lists again now (after the app itself created a post, without waiting for
   * the watcher). The first list comes in two parts: a screenful, drawn at
   * once, then all the posts once that is on screen (10,000 posts are 2 MB
   * to send, parse and sort).
   */
  readonly reload = (): void => this.list(null);

  private list(early: Promise<PostList | null> | null): void {
    const ticket = ++this.listTicket;
    const firstScreen = this.postsSnapshot.posts === null;
    const ask = () => this.raw.listPosts(firstScreen ? { first: FIRST_SCREEN_POSTS } : {});
    (early && firstScreen ? early.then((list) => list ?? ask()) : ask()).then(
      (list) => {
        if (ticket !== this.listTicket) return;
        const snapshot = snapshotOf(list);
        this.setPosts(snapshot);
        if (snapshot.total !== undefined) this.afterFirstScreen(ticket);
      },
      (err: unknown) => {
        if (ticket === this.listTicket) this.setPosts({ posts: [], error: describeError(err) });
      },
    );
  }

  /** All the posts, once their first screen is on screen (unless a newer list was asked for meanwhile). */
  private afterFirstScreen(ticket: number): void {
    afterPaint(() => {
      if (ticket === this.listTicket) this.listRest(ticket);
    });
  }

  private listRest(ticket: number): void {
    this.raw.listPosts({}).then(
      (list) => {
        if (ticket === this.listTicket) this.setPosts({ posts: sortPosts(list.posts), error: null });
      },
      (err: unknown) => {
        // The first screen stays listed; the error says why the rest is missing.
        if (ticket === this.listTicket) this.setPosts({ ...this.postsSnapshot, error: describeError(err) });
      },
    );
  }

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
    // The list is not read again for our own save: its title follows the front matter here. The parser
    // (two YAML libraries and a TOML one) is loaded with the editor that saved, not with the first screen.
    void import('../../shared/front-matter/post-document').then(({ parsePost }) => this.retitle(path, parsePost(frontMatter).data?.title));
  }

  private retitle(path: string, title: unknown): void {
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

/**
 * Runs `work` once the browser has drawn what was just rendered: a frame,
 * then a task after it. A hidden tab draws no frames; there a timer does.
 */
function afterPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

function snapshotOf(list: PostList): PostsSnapshot {
  const partial = list.total !== undefined && list.total > list.posts.length;
  return { posts: sortPosts(list.posts), error: null, ...(partial ? { total: list.total } : {}) };
}

/** The first screen asked for while the app starts, before the session says which site is open. */
interface EarlyFirstScreen {
  promise: Promise<PostList | null>;
  /** The answer, once it has come (null: not yet, or it failed). */
  list: PostList | null;
  /** Files changed on disk after it was asked for. */
  changed: boolean;
  stop: () => void;
}

let earlyFirstScreen: EarlyFirstScreen | null = null;

/**
 * Asks for the open site's first screen of posts at once, beside the
 * session, rather than a round trip and the workspace's first render later.
 * Changes on disk are noted until a SiteStore takes it (it then lists
 * afresh). Harmless where no site is open: the answer is not used.
 */
export function askFirstScreenEarly(api: RecapBridge): void {
  const early: EarlyFirstScreen = { promise: Promise.resolve(null), list: null, changed: false, stop: () => undefined };
  early.stop = api.on('postsChanged', () => (early.changed = true));
  early.promise = api.listPosts({ first: FIRST_SCREEN_POSTS }).then(
    (list) => (early.list = list),
    () => null,
  );
  earlyFirstScreen = early;
}

/** The early first screen, once, if it is of the site at `root`. */
function takeEarlyFirstScreen(root: string): EarlyFirstScreen | null {
  const early = earlyFirstScreen;
  earlyFirstScreen = null;
  if (!early) return null;
  const ofRoot = (list: PostList | null) => (list?.site.root === root ? list : null);
  return {
    promise: early.promise.then(ofRoot),
    list: ofRoot(early.list),
    get changed() {
      return early.changed;
    },
    stop: early.stop,
  };
}
