import { memo, useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ErrorInfo } from '../../shared/errors';
import type { PostSummary } from '../../shared/model';
import type { GitStatus, PostGitState } from '../../shared/export';
import { GitBranch, GitStateBadge } from '../export/GitState';
import { filterPosts, formatPostDate } from './post-order';
import './posts.css';

interface PostsNavProps {
  siteName: string;
  /** Sorted newest first; null while loading. */
  posts: PostSummary[] | null;
  /** Set while `posts` is only the first screen of a big site: how many posts it has in all. */
  total?: number;
  error: ErrorInfo | null;
  openPath: string | null;
  onOpen: (path: string) => void;
  onNewPost: () => void;
  /** Folds the sidebar away (a rail keeps the way back). */
  onCollapse?: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Branch and per-post git state; null (or absent) when the site is not a git repository. */
  git?: GitStatus | null;
}

/** Big sites list thousands of posts; render a page at a time so typing a query stays instant. */
const PAGE = 300;

/**
 * The sidebar: search, then the posts newest first. The search box drives the
 * list like a combobox (arrows move the highlight, Enter opens), so the
 * keyboard never has to leave it.
 */
export const PostsNav = memo(function PostsNav({ siteName, posts, total, error, openPath, onOpen, onNewPost, onCollapse, searchRef, git = null }: PostsNavProps) {
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const [limit, setLimit] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  const listId = useId();

  const results = useMemo(() => filterPosts(posts ?? [], deferredQuery), [posts, deferredQuery]);
  const active = highlight < results.length ? highlight : results.length - 1;
  const shown = Math.max(limit, active + 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
    // optionId only depends on listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setHighlight(Math.min(active + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight(Math.max(active - 1, 0));
    } else if (event.key === 'Enter') {
      // Nothing highlighted yet: Enter takes the best (first) match.
      const post = results[active < 0 ? 0 : active];
      if (post) {
        event.preventDefault();
        onOpen(post.path);
      }
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
      setHighlight(-1);
    }
  };

  const all = total ?? posts?.length ?? 0;
  const count =
    posts === null
      ? 'Loading posts…'
      : query.trim() === ''
        ? `${all} ${all === 1 ? 'post' : 'posts'}`
        : `${results.length} of ${all} posts`;

  return (
    <nav aria-label="Posts" className="posts-nav">
      <div className="posts-nav-head">
        <div className="posts-site" title={siteName}>
          {siteName}
        </div>
        {onCollapse && (
          <button type="button" className="icon-button" aria-expanded="true" title="Hide sidebar (Ctrl+Shift+B)" onClick={onCollapse}>
            <span aria-hidden="true">«</span>
            <span className="visually-hidden">Hide sidebar</span>
          </button>
        )}
      </div>
      <div className="posts-search">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search posts"
          placeholder="Search posts"
          value={query}
          aria-controls={listId}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            // Typing starts over; ArrowDown then steps onto the first match, as in a combobox.
            setHighlight(-1);
            setLimit(PAGE);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button small" onClick={onNewPost}>
          New post
        </button>
      </div>
      <div className="posts-count" aria-live="polite">
        {count}
      </div>
      {error && (
        <p role="alert" className="posts-error">
          {error.message}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Post list" className="posts-list">
        {results.slice(0, shown).map((post, index) => (
          <PostOption
            key={post.path}
            id={optionId(index)}
            post={post}
            highlighted={index === active}
            open={post.path === openPath}
            gitState={git?.posts[post.path]}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {results.length > shown && (
        <button type="button" className="button small posts-more" onClick={() => setLimit(shown + PAGE * 2)}>
          Show more posts ({results.length - shown} more)
        </button>
      )}
      {posts !== null && results.length === 0 && posts.length > 0 && <p className="posts-empty">No posts match “{query}”.</p>}
      {posts !== null && posts.length === 0 && !error && <p className="posts-empty">This site has no posts yet.</p>}
      {git && <GitBranch branch={git.branch} />}
    </nav>
  );
});

interface PostOptionProps {
  id: string;
  post: PostSummary;
  highlighted: boolean;
  open: boolean;
  /** New or modified in git; shown in the description, never in the name. */
  gitState?: PostGitState | undefined;
  onOpen: (path: string) => void;
}

const PostOption = memo(function PostOption({ id, post, highlighted, open, gitState, onOpen }: PostOptionProps) {
  const date = post.date === null ? null : formatPostDate(post.date);
  return (
    <li
      id={id}
      role="option"
      aria-selected={highlighted}
      aria-current={open ? 'true' : undefined}
      // The name is the title alone; date, draft and problems are the description.
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta`}
      className="post-option"
      data-highlighted={highlighted || undefined}
      data-open={open || undefined}
      title={post.path}
      onClick={() => onOpen(post.path)}
      // Keep focus in the search box; a click still opens the post.
      onMouseDown={(event) => event.preventDefault()}
    >
      <span id={`${id}-title`} className="post-title">
        {post.title}
      </span>
      <span id={`${id}-meta`} className="post-meta">
        {date ? <time dateTime={date.machine}>{date.label}</time> : <span>No date</span>}
        {post.draft && <span className="badge">Draft</span>}
        {post.error && <span className="badge warning">Front matter error</span>}
        <GitStateBadge state={gitState} />
      </span>
    </li>
  );
});
