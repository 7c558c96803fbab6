/**
 * Where a post's local image reference lives in the site, by each
 * generator's rules: `/images/x.png` at the root (or in Hugo's and Zola's
 * `static/`, Astro's `public/`), relative paths beside the post (page
 * bundles, Zola co-located assets), Zola's `@/` from `content/`.
 */
import type { SiteKind } from '../model';

/** A folder whose files are served under a URL path: Hugo's `static/`, or a mount of `shared/images` as `static/images` (url `images`). */
export interface StaticMount {
  /** Site-relative folder, '' for the root. */
  dir: string;
  /** URL path it is served at, without slashes; '' for the site root. */
  url: string;
}

/** Where the generator takes files from; see the workspace's SiteLayout. */
export interface SiteFolders {
  /** Hugo's `static/` and its static/assets mounts, Zola's `static/`, Astro's `public/`, Eleventy's input. */
  staticDirs: readonly StaticMount[];
  /** Pages and their bundled files, served at the page's URL (Hugo, Zola). */
  contentDirs: readonly string[];
  /** Hugo's content mounts with the URL path each serves; absent: every content folder at the root. */
  contentMounts?: readonly StaticMount[];
  /** Page bundles whose URL is set in their front matter (Zola `path`, Hugo `url`): URL path without slashes → bundle folder. */
  pageUrls?: Readonly<Record<string, string>>;
}

/** Just the folders of a site's layout (plain data, for the check worker and the cache key), with the bundles' own URLs. */
export function siteFolders(layout: SiteFolders, pageUrls?: Readonly<Record<string, string>>): SiteFolders {
  const { staticDirs, contentDirs, contentMounts } = layout;
  return { staticDirs, contentDirs, ...(contentMounts ? { contentMounts } : {}), ...(pageUrls ? { pageUrls } : {}) };
}

/** Site paths (relative to the root, `/` separators) where the file may be; null when the reference is not a local file. */
export function localFileCandidates(reference: string, postPath: string, kind: SiteKind, folders?: SiteFolders, pageUrl?: string | null): string[] | null {
  let ref = reference.trim();
  // Jekyll writes `{{ site.baseurl }}/images/…`: the prefix is the site root.
  ref = ref.replace(/^(\{\{-?\s*site\.(baseurl|url)\s*-?\}\}\s*)+/, '');
  // Template expressions (`{{ … }}`, `{% … %}`) and JSX values (`{logo.src}`) are filled in by the generator.
  if (!ref || ref.startsWith('#') || ref.startsWith('{') || /\{\{|\{%/.test(ref)) return null;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) || ref.startsWith('//')) return null; // a URL (http:, data:, mailto:…)
  ref = ref.replace(/[?#].*$/, '');
  try {
    ref = decodeURI(ref);
  } catch {
    // keep it as written: a stray % is part of the name
  }
  if (ref.startsWith('@/')) return [normalize(`content/${ref.slice(2)}`)].filter(isInside);
  const postDir = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/')) : '';
  const bundled = kind === 'hugo' || kind === 'zola';
  const contentMounts = folders?.contentMounts ?? (folders?.contentDirs ?? ['content']).map((dir) => ({ dir, url: '' }));
  const served = (urlPath: string) => [
    ...inMounts(folders?.staticDirs ?? [], urlPath),
    // A page bundle's files are served at its page's URL, which mirrors its place under content/ (in every language's folder).
    ...(bundled ? inMounts(contentMounts, urlPath) : []),
    ...bundleFile(folders?.pageUrls, urlPath),
  ];
  if (ref.startsWith('/')) {
    const rooted = ref.replace(/^\/+/, '');
    const roots = kind === 'hugo' || kind === 'zola' ? ['static/', ''] : kind === 'astro' ? ['public/', ''] : kind === 'eleventy' ? ['', 'src/', 'public/'] : [''];
    return unique([...roots.map((r) => r + rooted), ...served(rooted)]);
  }
  // Relative: beside the file first (page bundles, Zola co-located assets, Astro's src/assets)…
  const candidates = [postDir ? `${postDir}/${ref}` : ref];
  // …then as the browser resolves it against the page's URL: a leaf page `docs/intro.md` is served at `docs/intro/`.
  if (bundled) {
    // The mount the page comes from: the longest folder that holds it.
    const mount = contentMounts.filter(({ dir }) => dir === '' || postDir === dir || postDir.startsWith(dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
    if (mount !== undefined) {
      const name = postPath.slice(postPath.lastIndexOf('/') + 1);
      const leaf = /^_?index\.[^.]+$/i.test(name) ? '' : name.replace(/\.[^.]+$/, '');
      const pageDir = pageUrl ? trimSlashes(pageUrl) : [mount.url, mount.dir === '' ? postDir : postDir.slice(mount.dir.length).replace(/^\//, ''), leaf].filter(Boolean).join('/');
      candidates.push(...served(normalize([pageDir, ref].filter(Boolean).join('/'))));
    }
  }
  // Jekyll and Eleventy sites also write root-relative paths without the slash.
  if (kind === 'jekyll' || kind === 'eleventy' || kind === 'unknown') candidates.push(ref);
  return unique(candidates);
}

/** Where each mount would hold the file served at `urlPath`. */
function inMounts(mounts: readonly StaticMount[], urlPath: string): string[] {
  return mounts.flatMap(({ dir, url }) => (url === '' ? [`${dir}/${urlPath}`] : urlPath.startsWith(url + '/') ? [`${dir}/${urlPath.slice(url.length + 1)}`] : []));
}

/** The file a URL path names inside a bundle whose URL was set by hand (the longest such URL that contains it). */
function bundleFile(pageUrls: Readonly<Record<string, string>> | undefined, urlPath: string): string[] {
  if (!pageUrls) return [];
  for (let cut = urlPath.lastIndexOf('/'); cut > 0; cut = urlPath.lastIndexOf('/', cut - 1)) {
    const dir = pageUrls[urlPath.slice(0, cut)];
    if (dir !== undefined) return [`${dir}/${urlPath.slice(cut + 1)}`];
  }
  return [];
}

function trimSlashes(url: string): string {
  return url.replace(/^\/+|\/+$/g, '');
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map(normalize))].filter(isInside);
}

/** Inside the site: a reference that climbs out of the root cannot be published. */
function isInside(path: string): boolean {
  return path !== '' && path !== '..' && !path.startsWith('../');
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0 || out[out.length - 1] === '..') out.push('..');
      else out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
