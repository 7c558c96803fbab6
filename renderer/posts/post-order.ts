import type { PostSummary } from '../../shared/model';

/** Newest first; posts without a date go last, then by title so the order is stable. */
export function sortPosts(posts: readonly PostSummary[]): PostSummary[] {
  const keyed = posts.map((post) => ({ post, time: dateValue(post.date) }));
  keyed.sort((a, b) => {
    if (a.time === null || b.time === null) {
      if (a.time !== b.time) return a.time === null ? 1 : -1;
    } else if (a.time !== b.time) {
      return b.time - a.time;
    }
    return a.post.title.localeCompare(b.post.title);
  });
  return keyed.map((entry) => entry.post);
}

function dateValue(date: string | null): number | null {
  if (date === null) return null;
  // Dates are kept as written: `YYYY-MM-DD`, or Jekyll's `2019-05-01 10:00:00 +0100`.
  const normalised = /^\d{4}-\d{2}-\d{2} \d/.test(date) ? date.replace(' ', 'T').replace(/ ([+-]\d{2}):?(\d{2})$/, '$1:$2') : date;
  const time = Date.parse(normalised);
  if (!Number.isNaN(time)) return time;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : null;
}

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
