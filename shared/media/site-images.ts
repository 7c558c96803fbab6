/**
 * The images the front matter's image picker offers: the site's image files,
 * the post's own first (beside it, or in its image folder), each with the
 * path the site writes for it — `/images/…` at the site root, the URL path of
 * Hugo's/Zola's `static/` or Astro's `public/`, or bundle-relative beside a
 * page bundle's `index.md`. Pure, so the service and the fake API agree.
 */
import type { StaticMount } from '../check/local-files';
import { imageExtension } from './images';

/** Enough for any real site's picker; the renderer searches within these. */
export const MAX_SITE_IMAGES = 2000;

export interface SiteImage {
  /** Where the file is, relative to the site root (`/` separators). */
  sitePath: string;
  /** What the image field is set to when the author chooses it. */
  value: string;
  /** Beside the post or in its image folder (listed first). */
  nearPost: boolean;
}

export interface SiteImageContext {
  postPath: string;
  /** The post's image folder (site-relative), as media import computes it. */
  imageDir: string;
  /** True when the post is a page bundle: files beside it are written by name. */
  isBundle: boolean;
  staticDirs: readonly StaticMount[];
}

export function siteImageChoices(files: Iterable<string>, context: SiteImageContext, limit = MAX_SITE_IMAGES): SiteImage[] {
  const postDir = dirOf(context.postPath);
  const near: SiteImage[] = [];
  const rest: SiteImage[] = [];
  for (const sitePath of files) {
    if (imageExtension(sitePath) === null || sitePath.split('/').some((part) => part.startsWith('.'))) continue;
    const beside = context.isBundle && within(sitePath, postDir);
    const nearPost = beside || within(sitePath, context.imageDir);
    const value = beside ? sitePath.slice(postDir === '' ? 0 : postDir.length + 1) : siteUrl(sitePath, context.staticDirs);
    (nearPost ? near : rest).push({ sitePath, value, nearPost });
  }
  const byPath = (a: SiteImage, b: SiteImage) => (a.sitePath < b.sitePath ? -1 : a.sitePath > b.sitePath ? 1 : 0);
  return [...near.sort(byPath), ...rest.sort(byPath)].slice(0, limit);
}

/** The site-absolute URL path of a file: through the deepest static mount that holds it, else its path from the root. */
function siteUrl(sitePath: string, staticDirs: readonly StaticMount[]): string {
  const mount = [...staticDirs].filter((m) => within(sitePath, m.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!mount) return `/${sitePath}`;
  const inside = mount.dir === '' ? sitePath : sitePath.slice(mount.dir.length + 1);
  return `/${mount.url === '' ? '' : `${mount.url}/`}${inside}`;
}

function within(sitePath: string, dir: string): boolean {
  return dir === '' ? true : sitePath.startsWith(`${dir}/`);
}

function dirOf(sitePath: string): string {
  const slash = sitePath.lastIndexOf('/');
  return slash < 0 ? '' : sitePath.slice(0, slash);
}
