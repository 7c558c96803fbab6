/**
 * Opening a site lists its posts first and watches it after: chokidar's
 * start-up scan visits every file of the site (10,000 posts: about a second
 * of the event loop), which would otherwise run while the window loads and
 * asks for its first list. The watcher starts once that list has been
 * handed to the window (or shortly after it is ready, when no window asks).
 * Whatever changes between the list and the watcher seeing changes is found
 * by listing once more when the watcher is ready (one stat per post with the
 * index warm) and reported like any change on disk.
 */
import type { PostList, PostsChange } from '../../../shared/model';
import { handOut } from './hand-out';
import { watchSite, type SiteWatcher, type WatchOptions } from './watch-site';
import type { Workspace } from './workspace';

export interface ListedWatch {
  /** The first list, started at once: the window asks for it as soon as it loads. */
  firstList: Promise<PostList>;
  /** Resolves once changes are being seen and what changed since the first list has been reported. */
  ready: Promise<void>;
  /** The first list went to the window: watching starts as soon as its answer is sent. */
  handedOut(): void;
  close(): Promise<void>;
}

const MAX_PATHS = 1000;

export interface ListedWatchOptions extends WatchOptions {
  /** How long after the first list is ready watching starts anyway, when no window has asked for it. */
  startAfterMs?: number;
  /** The first list starts once this settles: a big site's first screen is read before it (AppState.open). */
  listAfter?: Promise<unknown>;
}

export function watchAfterFirstList(workspace: Pick<Workspace, 'site' | 'list'>, onChange: (change: PostsChange) => void, options: ListedWatchOptions = {}): ListedWatch {
  let closed = false;
  let watcher: SiteWatcher | null = null;
  const list = handOut();
  const firstList = options.listAfter ? options.listAfter.then(listFirst, listFirst) : listFirst();
  function listFirst(): Promise<PostList> {
    return workspace.list({ words: false });
  }
  const ready = (async () => {
    const listed = await firstList.catch(() => null);
    await list.taken(options.startAfterMs ?? 1000);
    if (closed) return;
    watcher = watchSite(workspace.site.root, onChange, options);
    await watcher.ready;
    if (closed) return;
    const again = await workspace.list({ words: false }).catch(() => null);
    if (closed || again === null) return;
    const paths = changedSince(listed, again);
    const maxPaths = options.maxPaths ?? MAX_PATHS;
    if (paths === null || paths.length > maxPaths) onChange({ paths: (paths ?? []).slice(0, maxPaths), overflow: true });
    else if (paths.length > 0) onChange({ paths, overflow: false });
  })();
  return {
    firstList,
    ready,
    handedOut: list.take,
    async close() {
      closed = true;
      await watcher?.close();
    },
  };
}

/**
 * Posts added, removed or re-read between two lists of one workspace, sorted;
 * null when there was no first list to compare with. The workspace hands out
 * the same summary object for as long as a file's size, mtime and inode stay
 * the same, so a new object means the file changed, even where its summary
 * did not (an edit of the body). Were it to copy summaries, every post would
 * count as changed: too much reported, never too little.
 */
export function changedSince(before: PostList | null, after: PostList): string[] | null {
  if (before === null) return null;
  const earlier = new Map(before.posts.map((post) => [post.path, post]));
  const changed: string[] = [];
  for (const post of after.posts) {
    if (earlier.get(post.path) !== post) changed.push(post.path);
    earlier.delete(post.path);
  }
  changed.push(...earlier.keys());
  return changed.sort();
}
