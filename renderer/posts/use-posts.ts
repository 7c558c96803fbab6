import { useEffect, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { ErrorInfo } from '../../shared/errors';
import type { PostSummary } from '../../shared/model';
import { describeError } from '../app/error-message';
import { sortPosts } from './post-order';

export interface PostsState {
  /** Sorted newest first; null while the first list loads. */
  posts: PostSummary[] | null;
  error: ErrorInfo | null;
}

/** The site's posts, reloaded whenever a session arrives (`version` changes). */
export function usePosts(api: RecapBridge, version: number): PostsState {
  const [state, setState] = useState<PostsState & { version: number }>({ posts: null, error: null, version: -1 });

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
  }, [api, version]);

  return { posts: state.posts, error: state.error };
}
