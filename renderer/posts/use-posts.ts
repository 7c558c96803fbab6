import { useSyncExternalStore } from 'react';
import type { SiteStore, PostsSnapshot } from '../app/site-store';

export interface PostsState extends PostsSnapshot {
  /** Lists again now (after the app itself created a post, without waiting for the watcher). */
  reload: () => void;
}

/** The site's posts, owned by the SiteStore: listed when the site opens and when files change on disk (not on our own saves). */
export function usePosts(site: SiteStore): PostsState {
  const { posts, error, total } = useSyncExternalStore(site.subscribePosts, site.getPosts);
  return { posts, error, total, reload: site.reload };
}
