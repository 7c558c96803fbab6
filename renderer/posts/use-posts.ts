import { useCallback, useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { PostSummary } from '../../shared/model';
import { describeError } from '../app/error-message';
import { sortPosts } from './post-order';

export interface PostsState {
  /** Sorted newest first; null while the first list loads. */
  posts: PostSummary[] | null;
  error: ErrorInfo | null;
  /** Lists again now (after the app itself created a post, without waiting for the watcher). */
  reload: () => void;
}

/** The site's posts, reloaded whenever a session arrives (`version` changes) or files change on disk. */
export function usePosts(api: RecapBridge, version: number): PostsState {
  const [state, setState] = useState<Omit<PostsState, 'reload'> & { version: number }>({ posts: null, error: null, version: -1 });
  // Bumped by the file watcher; the main process re-reads only the files that changed.
  const [changes, setChanges] = useState(0);
  useEffect(() => api.on('postsChanged', () => setChanges((n) => n + 1)), [api]);

  useEffect(() => {
    let live = true;
    api.listPosts({}).then(
      (list) => {
        if (live) setState({ posts: sortPosts(list.posts), error: null, version });
      },
      (err: unknown) => {
        if (live) setState({ posts: [], error: describeError(err), version });
      },
    );
    return () => {
      live = false;
    };
  }, [api, version, changes]);

  const reload = useCallback(() => setChanges((n) => n + 1), []);
  return { posts: state.posts, error: state.error, reload };
}
