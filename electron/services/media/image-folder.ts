/**
 * Where a post's images go, by the generator's conventions: page bundles keep
 * them beside `index.md`; Hugo, Zola and Astro serve `static/` (`public/`) at
 * the site root; Jekyll-like sites keep `images/<post-slug>/` — or whatever
 * folder the post (or, failing that, the site) already uses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteKind } from '../../../shared/model';
import { postSlug } from '../../../shared/media/images';
import { findPosts } from '../workspace/find-posts';

export interface ImageFolder {
  /** The folder, relative to the site root, `/` separators. */
  dir: string;
  /** What the post writes before the file name: `/images/slug/`, or '' for a page bundle (relative). */
  urlPrefix: string;
}

/** Posts read to learn a Jekyll-like site's image root: enough to see its habit, cheap on a big site. */
const SAMPLE_POSTS = 200;

export async function imageFolderFor(root: string, kind: SiteKind, postPath: string): Promise<ImageFolder> {
  const slug = postSlug(postPath);
  const postDir = path.posix.dirname(postPath);
  const isBundle = /^index\.[^.]+$/i.test(path.posix.basename(postPath));

  if ((kind === 'hugo' || kind === 'zola') && isBundle) return { dir: postDir, urlPrefix: '' };
  // Zola copies only assets beside an `index.md`; other pages' images must come from static/.
  if (kind === 'hugo' || kind === 'zola') return { dir: `static/images/${slug}`, urlPrefix: `/images/${slug}/` };
  if (kind === 'astro') return { dir: `public/images/${slug}`, urlPrefix: `/images/${slug}/` };

  const own = mostCommon(imageDirs(await readText(root, postPath)).filter(isPerPostDir));
  if (own !== null) return { dir: own, urlPrefix: `/${own}/` };
  const imageRoot = (await siteImageRoot(root, kind)) ?? 'images';
  return { dir: `${imageRoot}/${slug}`, urlPrefix: `/${imageRoot}/${slug}/` };
}

/** The folder that holds per-post image folders in the site's posts (`images`, `assets/img`…), if they show one. */
async function siteImageRoot(root: string, kind: SiteKind): Promise<string | null> {
  const posts = (await findPosts(root, kind)).sort().reverse().slice(0, SAMPLE_POSTS);
  const roots: string[] = [];
  for (const post of posts) {
    for (const dir of imageDirs(await readText(root, post))) if (isPerPostDir(dir)) roots.push(path.posix.dirname(dir));
  }
  return mostCommon(roots);
}

const SITE_IMAGE = /(?:\]\(|src=["']|^\s*\w+:\s*["']?|\s)\/((?:[\w.@%~-]+\/)+)[^\s/"')]+\.(?:png|jpe?g|gif|webp|avif|svg)\b/gim;

/** Folders (no leading or trailing `/`) of the site-absolute image references in a post. */
export function imageDirs(text: string): string[] {
  const dirs: string[] = [];
  for (const match of text.matchAll(SITE_IMAGE)) dirs.push(match[1]!.replace(/\/$/, ''));
  return dirs;
}

/** `images/2019-kubecon` is a post's folder; `images` alone holds the site's shared pictures. Hidden folders (`.git`) never are. */
function isPerPostDir(dir: string): boolean {
  return dir.includes('/') && !dir.split('/').some((part) => part.startsWith('.'));
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === null || count > counts.get(best)!) best = value;
  }
  return best;
}

async function readText(root: string, relative: string): Promise<string> {
  try {
    return await readFile(path.join(root, relative), 'utf8');
  } catch {
    return ''; // a new, unsaved or unreadable post simply shows no habit
  }
}
