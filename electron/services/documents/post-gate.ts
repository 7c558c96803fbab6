/**
 * Only posts are edited as posts. Every door that reads, saves, checks,
 * edits front matter of or exports "a post" asks here first; the answer is
 * the workspace's own classification (isPostPath, the rule the post list is
 * built with), so a file the list does not show cannot be edited as a post.
 * The site's configuration and files that are not Markdown get their own
 * reason, in one line.
 */
import type { Stats } from 'node:fs';
import { RecapError } from '../../../shared/errors';
import type { SiteKind } from '../../../shared/model';
import { isPostPath } from '../workspace/find-posts';

const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;

/** Generators' and tools' configuration at a site's root: never a post, whatever its extension. */
const CONFIGURATION = new Set([
  '_config.yml', '_config.yaml', '_config.toml', 'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json',
  'zola.toml', 'package.json', 'package-lock.json', '.recap.json', 'gemfile', 'gemfile.lock', '.eleventy.js', 'netlify.toml', 'vercel.json', '.gitignore', '.gitattributes',
]);

/** Where each kind keeps its posts, said in words for the refusal. */
const POST_HOMES: Record<SiteKind, string> = {
  jekyll: 'Jekyll posts are _posts/YYYY-MM-DD-name.md and _drafts/*.md',
  hugo: 'Hugo posts are Markdown files under content/',
  zola: 'Zola posts are Markdown files under content/',
  astro: 'Astro posts are Markdown files under src/content/ or src/pages/',
  eleventy: 'posts are the site\'s Markdown files',
  unknown: 'posts are the site\'s Markdown files',
};

/** Why `relative` is not a post of a site of this kind, or null when it is one. */
export function whyNotAPost(kind: SiteKind, relative: string): string | null {
  if (isPostPath(kind, relative)) return null;
  const name = relative.split('/').at(-1) ?? relative;
  if (CONFIGURATION.has(name.toLowerCase()) || /^(astro|eleventy)\.config\.[cm]?[jt]s$/.test(name)) {
    return `${relative} is the site's configuration, not a post; Recap edits only posts (open it in a text editor).`;
  }
  if (!MARKDOWN.test(name)) return `${relative} is not a Markdown post (.md, .markdown); Recap edits only posts.`;
  return `${relative} is not one of this site's posts (${POST_HOMES[kind]}); Recap edits only posts.`;
}

/** Throws `not-a-post` unless `relative` (site-relative, `/` separators) is a post of the site. */
export function requirePost(site: { kind: SiteKind }, relative: string): void {
  const why = whyNotAPost(site.kind, relative.split('\\').join('/'));
  if (why !== null) throw new RecapError('not-a-post', why);
}

/**
 * A regular file with more than one hard link is refused. Its other names
 * cannot be found cheaply and may lie outside the opened folder (confinement
 * checks names, and a hard link is a second name for the same bytes), so
 * reading it could disclose, and editing it could change, a file elsewhere.
 * Git checkouts, editors and generators never make hard links to posts; the
 * author can break the link with a plain copy.
 */
export function refuseHardLinked(info: Pick<Stats, 'nlink' | 'isFile'>, relative: string): void {
  if (info.isFile() && info.nlink > 1) {
    throw new RecapError(
      'refused',
      `${relative} has other hard links, which may lie outside the opened folder, so Recap will not open it. Make it a plain file first (cp "${relative}" copy && mv copy "${relative}").`,
    );
  }
}
