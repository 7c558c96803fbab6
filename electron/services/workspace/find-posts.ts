/**
 * Lists the files of a site that are posts, by the generator's own rules.
 * Section pages (`_index.md`) and templates (`_defaults.md`, archetypes) are not posts.
 * Only the generator's real output, theme and template folders are skipped
 * (see site-layout.ts); a content section named `themes` or `resources` is content.
 */
import { closeSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { JEKYLL_POST_NAME } from '../../../shared/document/file-name-date';
import type { SiteKind } from '../../../shared/model';
import { defaultSiteLayout, readSiteLayout, type SiteLayout } from './site-layout';

const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;
const NOT_POSTS = new Set(['_index.md', '_defaults.md']);
/** A repository's own files; inside a content folder only at its top (Hugo's docs have a real `about/license.md` page). */
const REPOSITORY_FILES = new Set(['readme.md', 'changelog.md', 'license.md', 'contributing.md', 'code_of_conduct.md']);
const CONTENT_FOLDER_KINDS: ReadonlySet<SiteKind> = new Set(['hugo', 'zola', 'astro']);

/**
 * Whether a site-relative path (`/` separators) is one of the site's posts,
 * without touching the disk. Pass the site's layout (Workspace.layout()) to
 * honour its configured folders; a bare kind assumes the generator's defaults.
 */
export function isPostPath(site: SiteKind | SiteLayout, relative: string): boolean {
  const layout = typeof site === 'string' ? defaultSiteLayout(site) : site;
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return false;
  const folders = segments.slice(0, -1);
  if (!layout.contentDirs.some((dir) => dir === '' || relative.startsWith(dir + '/'))) return false;
  for (let depth = 1; depth <= folders.length; depth++) {
    if (isSkippedFolder(layout, folders.slice(0, depth).join('/'), folders[depth - 1]!)) return false;
  }
  return isPostFile(layout.kind, folderFacts(layout, folders), segments[segments.length - 1]!);
}

/** Dot folders (VCS, caches), dependencies, and the layout's output and theme folders. */
function isSkippedFolder(layout: SiteLayout, relative: string, name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || layout.skippedDirs.has(relative);
}

/** What a file's folders say about it, worked out once per folder while walking. */
interface FolderFacts {
  /** Jekyll: inside `_posts/` (posts need a date prefix there) or `_drafts/`. */
  inPosts: boolean;
  inDrafts: boolean;
  /** Where a repository keeps its README and licence: the site root, or a content folder's top. */
  top: boolean;
}

function folderFacts(layout: SiteLayout, folders: readonly string[]): FolderFacts {
  const dir = folders.join('/');
  const top = !CONTENT_FOLDER_KINDS.has(layout.kind) || dir === '' || layout.contentDirs.includes(dir);
  return { inPosts: folders.includes('_posts'), inDrafts: folders.includes('_drafts'), top };
}

function isPostFile(kind: SiteKind, folder: FolderFacts, name: string): boolean {
  // A Jekyll post's dated name is none of the names ruled out below: two tests for each of thousands of posts.
  if (kind === 'jekyll' && folder.inPosts && !folder.inDrafts) return JEKYLL_POST_NAME.test(name) && MARKDOWN.test(name);
  const lower = name.toLowerCase();
  if (name.startsWith('.') || !MARKDOWN.test(name) || NOT_POSTS.has(lower) || (folder.top && REPOSITORY_FILES.has(lower)) || name.startsWith('_template')) return false;
  if (kind === 'jekyll') return folder.inDrafts || (folder.inPosts && JEKYLL_POST_NAME.test(name));
  return true;
}

/** A page the site's configuration cascades `render: never` to, by its path under its content mount (`/docs/_includes/intro`). */
function isNeverRendered(layout: SiteLayout, relative: string): boolean {
  if (!layout.neverRendered) return false;
  const mount = (layout.contentMounts ?? []).filter(({ dir }) => relative.startsWith(dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!mount) return false;
  const logical = `/${[mount.url, relative.slice(mount.dir.length + 1)].filter(Boolean).join('/')}`.replace(/(?:\/_?index)?\.[^./]+$/, '');
  return layout.neverRendered.some((pattern) => pattern.test(logical));
}

const BUNDLE_INDEX = /^_?index\.(md|markdown|mdx|html)$/i;
const HEADLESS = /^\s*headless\s*[:=]\s*true\b/m;
/** Build options (YAML `build:`/`_build:`, TOML `[build]`, `[cascade.build]`) whose `render` is never. */
const NEVER_RENDERED = /(?:^\s*_?build\s*[:=]|_?build\s*\]\s*$)[\s\S]*?^\s*render\s*[:=]\s*["']?(?:never|false)\b/m;
const CASCADE = /^\s*cascade\s*[:=]|^\s*\[+\s*cascade\b/m;
const HEAD_BYTES = 2048;
const head = Buffer.alloc(HEAD_BYTES);

function isHeadlessBundle(dir: string, entries: readonly Dirent[]): boolean {
  const index = entries.find((e) => e.isFile() && BUNDLE_INDEX.test(e.name));
  if (!index) return false;
  let fd;
  try {
    fd = openSync(path.join(dir, index.name), 'r');
    const text = head.toString('utf8', 0, readSync(fd, head, 0, HEAD_BYTES, 0));
    const close = text.indexOf('\n---', 3) !== -1 ? text.indexOf('\n---', 3) : text.indexOf('\n+++', 3);
    if (close === -1) return false;
    const frontMatter = text.slice(0, close);
    if (HEADLESS.test(frontMatter)) return true;
    // A leaf bundle's own build options, or what a section cascades to its pages (not what it says of itself).
    if (!index.name.startsWith('_')) return NEVER_RENDERED.test(frontMatter);
    const cascade = CASCADE.exec(frontMatter);
    return cascade !== null && NEVER_RENDERED.test(frontMatter.slice(cascade.index));
  } catch {
    return false; // unreadable: list what is there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Site-relative paths (with `/`) of every post, in no particular order.
 * One readdir per folder, synchronously: a 10,000-post folder lists in ~8 ms.
 */
export async function findPosts(root: string, site: SiteKind | SiteLayout): Promise<string[]> {
  const layout = typeof site === 'string' ? await readSiteLayout(root, site) : site;
  const found: string[] = [];
  // A content folder inside another (Hugo's `content` and `content/en`) is walked once.
  const dirs = layout.contentDirs.filter((dir, _, all) => !all.some((other) => other !== dir && (other === '' || dir.startsWith(other + '/'))));
  for (const dir of new Set(dirs)) {
    if (dir.split('/').some((name, i, parts) => name && isSkippedFolder(layout, parts.slice(0, i + 1).join('/'), name))) continue;
    walk(root, layout, dir, found);
  }
  return found;
}

/** Walks below a post root; skipped folders are never entered, so files need only the cheap checks. */
function walk(root: string, layout: SiteLayout, relativeDir: string, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, relativeDir), { withFileTypes: true });
  } catch {
    return; // a missing content folder simply has no posts
  }
  // A Hugo headless bundle (snippets the site includes, never rendered) holds no pages, however many files it has.
  if (layout.kind === 'hugo' && relativeDir && isHeadlessBundle(path.join(root, relativeDir), entries)) return;
  const subdirs: string[] = [];
  const folder = folderFacts(layout, relativeDir ? relativeDir.split('/') : []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    // Symlinks are not followed: they could lead out of the site or loop.
    if (entry.isDirectory()) {
      if (!isSkippedFolder(layout, relative, entry.name)) subdirs.push(relative);
    } else if (entry.isFile() && isPostFile(layout.kind, folder, entry.name) && !isNeverRendered(layout, relative)) {
      found.push(relative);
    }
  }
  for (const sub of subdirs) walk(root, layout, sub, found);
}
