/**
 * Which files a big site's first screen can be made from before every post
 * is read: the newest by the date their names start with (Jekyll's
 * `_posts/2024-05-01-title.md`), and every file whose name has none (drafts),
 * since only reading them tells their dates. Twice the screen is picked, so
 * a post whose front matter dates it a little off its name still falls in.
 */
import { fileNameDate } from '../../../shared/document/file-name-date';
import { nthLargest } from '../../../shared/posts/post-order';

/** How many more files than the screen holds are read for it. */
const MARGIN = 2;

/** The paths to read for a first screen of `count` posts; null when too many names carry no date to tell. */
export function screenCandidates(paths: readonly string[], count: number): string[] | null {
  const wanted = count * MARGIN;
  const keys = paths.map(dayOf);
  const undated = paths.filter((_, i) => keys[i] === null);
  if (undated.length > wanted) return null;
  if (paths.length - undated.length <= wanted) return [...paths];
  const last = nthLargest(keys, wanted)!;
  const picked = paths.filter((_, i) => keys[i] !== null && keys[i]! >= last);
  return [...picked, ...undated];
}

/** The date a file's name starts with, YYYY-MM-DD as the number YYYYMMDD (it orders as the dates do); null without one. */
function dayOf(relative: string): number | null {
  const date = fileNameDate(relative.slice(relative.lastIndexOf('/') + 1));
  return date === null ? null : Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}
