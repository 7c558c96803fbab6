import type { PostSummary } from '../../shared/model';

export { FIRST_SCREEN_POSTS, sortPosts } from '../../shared/posts/post-order';

/** Every word of the query must appear in the title, the path or a tag (case-insensitive). */
export function filterPosts(posts: readonly PostSummary[], query: string): readonly PostSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return posts;
  return posts.filter((post) => {
    const haystack = [post.title, post.path, ...post.tags].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The calendar day as written, in the reader's locale; the time zone must not shift the day. */
export function formatPostDate(date: string): { label: string; machine: string } {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!day) return { label: date, machine: date };
  const value = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return { label: dayFormat.format(value), machine: day[0] };
}
