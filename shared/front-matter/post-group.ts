/**
 * Which pages of a site are siblings, for inferring what a page must set:
 * the section a page lives in (Hugo's and Zola's first folder under
 * `content/`, an Astro collection, the folder holding a Jekyll `_posts/`)
 * and the layout or type it declares. Docs pages and blog posts of one site
 * fall in different groups, so a blog's `author` is never asked of a docs page.
 */
import type { FrontMatterValue } from '../model';

/** Folders that hold the sections themselves. */
const CONTENT_ROOTS = ['src/content/', 'src/pages/', 'content/', 'src/'];

/** `en`, `pt-br`, `zh-cn`: a language folder's name. */
const LANGUAGE = /^[a-z]{2}(?:-[a-z0-9]{2,4})?$/i;

export function postGroup(path: string, data: Record<string, FrontMatterValue> | null): string {
  const folders = path.split('/').slice(0, -1);
  let section: string;
  const posts = folders.findIndex((f) => f === '_posts' || f === '_drafts');
  if (posts !== -1) {
    section = [...folders.slice(0, posts), '_posts'].join('/'); // drafts become posts of the same collection
  } else {
    const relative = folders.join('/') + '/';
    const root = CONTENT_ROOTS.find((r) => relative.startsWith(r)) ?? '';
    const [first = '', second = ''] = relative.slice(root.length).split('/');
    // A language folder (`content/en/docs/`, `src/content/docs/ar/`) splits a section: translations carry their own fields.
    section = (LANGUAGE.test(first) || LANGUAGE.test(second)) && second ? `${first}/${second}` : first;
  }
  const kind = data?.type ?? data?.layout;
  return typeof kind === 'string' && kind.trim() ? `${section}#${kind.trim()}` : section;
}
