/**
 * Where a post's local image reference lives in the site, by each
 * generator's rules: `/images/x.png` at the root (or in Hugo's and Zola's
 * `static/`, Astro's `public/`), relative paths beside the post (page
 * bundles, Zola co-located assets), Zola's `@/` from `content/`.
 */
import type { SiteKind } from '../model';

/** Site paths (relative to the root, `/` separators) where the file may be; null when the reference is not a local file. */
export function localFileCandidates(reference: string, postPath: string, kind: SiteKind): string[] | null {
  let ref = reference.trim();
  // Jekyll writes `{{ site.baseurl }}/images/…`: the prefix is the site root.
  ref = ref.replace(/^(\{\{-?\s*site\.(baseurl|url)\s*-?\}\}\s*)+/, '');
  if (!ref || ref.startsWith('#') || /\{\{|\{%/.test(ref)) return null;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) || ref.startsWith('//')) return null; // a URL (http:, data:, mailto:…)
  ref = ref.replace(/[?#].*$/, '');
  try {
    ref = decodeURI(ref);
  } catch {
    // keep it as written: a stray % is part of the name
  }
  if (ref.startsWith('@/')) return [normalize(`content/${ref.slice(2)}`)].filter(isInside);
  const postDir = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/')) : '';
  if (ref.startsWith('/')) {
    const rooted = ref.replace(/^\/+/, '');
    const roots = kind === 'hugo' || kind === 'zola' ? ['static/', ''] : kind === 'astro' ? ['public/', ''] : kind === 'eleventy' ? ['', 'src/', 'public/'] : [''];
    return roots.map((r) => normalize(r + rooted)).filter(isInside);
  }
  // Relative: beside the post first; Jekyll and Eleventy sites also write root-relative paths without the slash.
  const candidates = [normalize(postDir ? `${postDir}/${ref}` : ref)];
  if (kind === 'jekyll' || kind === 'eleventy' || kind === 'unknown') candidates.push(normalize(ref));
  return candidates.filter(isInside);
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
