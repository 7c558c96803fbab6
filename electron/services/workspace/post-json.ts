/**
 * A post's summary as `recap index --json` prints it: the documented fields,
 * in their order, without `error`. The persistent index keeps this text for
 * each post, so printing an unchanged post costs neither parsing nor
 * serialising it again.
 */
import type { PostSummary } from '../../../shared/model';

export type JsonPost = Omit<PostSummary, 'error'>;

export function postJson(s: PostSummary): string {
  const post: JsonPost = { path: s.path, title: s.title, date: s.date, draft: s.draft, tags: s.tags, categories: s.categories, words: s.words };
  return JSON.stringify(post);
}
