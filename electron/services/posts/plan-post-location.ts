/**
 * Where a new post goes, by the site's own conventions: Jekyll `_posts/`
 * with a dated name or `_drafts/`; Hugo and Zola the most used content
 * section, as a page bundle (`slug/index.md`) when most posts there are
 * bundles; other sites the folder holding most posts. `.recap.json` may fix
 * the folder and the bundle choice.
 */
import type { RecapSettings } from '../../../shared/front-matter/site-settings';
import type { SiteKind } from '../../../shared/model';

export interface PostLocation {
  /** Site-relative folder, `/` separators, '' for the root. */
  folder: string;
  /** `slug/index.md` instead of `slug.md`. */
  bundle: boolean;
  /** File name before the slug (`2024-05-01-` for Jekyll posts). */
  prefix: string;
  extension: string;
}

const JEKYLL_DATE = /^\d{4}-\d{2}-\d{2}-/;
const BUNDLE_INDEX = /^(?:index|_index)\.[^.]+$/i;

export function planPostLocation(kind: SiteKind, posts: readonly string[], draft: boolean, date: string, settings?: RecapSettings | null): PostLocation {
  const extension = mostUsed(posts.map((p) => /(\.[^./]+)$/.exec(p)?.[1] ?? '.md').filter((e) => e !== '.html')) ?? '.md';
  if (kind === 'jekyll' && !settings?.newPost?.folder) {
    return draft ? { folder: '_drafts', bundle: false, prefix: '', extension } : { folder: '_posts', bundle: false, prefix: `${date}-`, extension };
  }
  const placed = posts.map((p) => {
    const parts = p.split('/');
    const bundle = parts.length > 2 && BUNDLE_INDEX.test(parts[parts.length - 1]!);
    return { folder: parts.slice(0, bundle ? -2 : -1).join('/'), bundle };
  });
  const fallback = kind === 'hugo' ? 'content/posts' : kind === 'zola' ? 'content' : kind === 'astro' ? 'src/content/blog' : '';
  const folder = settings?.newPost?.folder?.replace(/^\.?\/+|\/+$/g, '') ?? mostUsed(placed.map((p) => p.folder)) ?? fallback;
  const inFolder = placed.filter((p) => p.folder === folder);
  const bundles = inFolder.filter((p) => p.bundle).length;
  const bundle = settings?.newPost?.bundle ?? (bundles > 0 && bundles * 2 > inFolder.length);
  return { folder, bundle, prefix: '', extension: bundle ? '.md' : extension };
}

/** The slug part of an existing post's path, for clash checks (`2024-01-02-hello.md` → hello). */
export function existingSlug(relative: string): string {
  const parts = relative.split('/');
  const name = parts[parts.length - 1]!;
  const stem = BUNDLE_INDEX.test(name) && parts.length > 1 ? parts[parts.length - 2]! : name.replace(/\.[^.]+$/, '');
  return stem.replace(JEKYLL_DATE, '').toLowerCase();
}

function mostUsed(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
