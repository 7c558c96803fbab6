/**
 * A post's summary as `recap index --json` prints it: the documented fields,
 * in their order, without `error`. The persistent index keeps this text for
 * each post, so printing an unchanged post costs neither parsing nor
 * serialising it again.
 */
import type { PostSummary } from '../../../shared/model';
import type { IndexedFile } from './summarize-file';

export type JsonPost = Omit<PostSummary, 'error'>;

/**
 * The summary itself where it has no `error`: summaries are made with exactly
 * the documented keys in that order (summarize-post.ts, the index, the
 * workers), and copying 10,000 of them cost more than serialising them.
 */
function jsonPost(s: PostSummary): JsonPost {
  if (s.error === undefined) return s;
  return { path: s.path, title: s.title, date: s.date, draft: s.draft, tags: s.tags, categories: s.categories, words: s.words };
}

export function postJson(s: PostSummary): string {
  return JSON.stringify(jsonPost(s));
}

/**
 * Sets `json` on the files that have none. They are made by one
 * JSON.stringify of them all, cut at the posts' boundaries: 10,000 calls
 * took three times as long. `},{"path":` is found only there, since a quote
 * inside a string is escaped. Returns that text when every file was
 * without, else null.
 */
export function fillPostJson(files: readonly IndexedFile[]): string | null {
  const fresh = files.filter((f) => f.json === undefined);
  if (fresh.length === 0) return null;
  const text = JSON.stringify(fresh.map((f) => jsonPost(f.summary)));
  let start = 1;
  for (let i = 0; i < fresh.length; i++) {
    const end = i === fresh.length - 1 ? text.length - 1 : text.indexOf('},{"path":', start) + 1;
    fresh[i]!.json = text.slice(start, end);
    start = end + 1;
  }
  return fresh.length === files.length ? text : null;
}

/** The JSON text of the array of the files' postJson; each file's text is kept in `json` (the index stores it). */
export function postsJson(files: readonly IndexedFile[]): string {
  return fillPostJson(files) ?? `[${files.map((f) => f.json).join(',')}]`;
}
