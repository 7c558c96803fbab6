import type { PostSummary } from '../../shared/model';
import { fuzzyFilter } from './fuzzy';
import { Picker } from './Picker';

/** Dialog "Open post": fuzzy over titles and paths, Enter opens. */
export function QuickOpen({ posts, onOpen, onClose }: { posts: readonly PostSummary[]; onOpen: (path: string) => void; onClose: () => void }) {
  return (
    <Picker
      title="Open post"
      placeholder="Type a title or a path"
      search={(query) => fuzzyFilter(posts, query, (post) => [post.title, post.path]).map((post) => ({ id: post.path, label: post.title, detail: post.path }))}
      onChoose={onOpen}
      onClose={onClose}
      empty={posts.length === 0 ? 'This site has no posts yet.' : 'No post matches.'}
    />
  );
}
