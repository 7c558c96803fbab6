/**
 * Where the window can load an image of the opened site. Both doors serve
 * the site's files under `site/` beside the app: browser mode relative to the
 * page (which carries the session token), Electron on app://recap/site/.
 * Remote images are not fetched: a thumbnail must not leak what the author
 * is writing about before they choose to load external content.
 */

/** Null when there is nothing local to show (empty, remote, or a path that climbs out). */
export function siteImageUrl(imagePath: string, pageUrl: string): string | null {
  const trimmed = imagePath.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const clean = trimmed.split(/[?#]/)[0]!;
  const segments = clean.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  const encoded = segments.map((segment) => encodeURIComponent(safeDecode(segment))).join('/');
  if (pageUrl.startsWith('app:')) return `app://recap/site/${encoded}`;
  return new URL(`site/${encoded}`, pageUrl).href;
}

/** Paths are often written already encoded (`my%20photo.jpg`); encode each segment once. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
