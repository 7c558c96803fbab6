/**
 * Site images for the preview (`/images/…`, page-bundle and co-located
 * images), read from the opened site only: image types only, confined to the
 * root with symlinks resolved (resolveInside), no folders, no hidden paths.
 * Both doors use it: browser mode's `/s/<token>/site/<path>` and Electron's
 * `app://recap/site/<path>`.
 */
import { stat } from 'node:fs/promises';
import { RecapError } from '../../../shared/errors';
import { imageContentTypeFor } from '../../../shared/media/content-types';
import { resolveInside } from '../documents/confine';


/**
 * Sent with every site image. An SVG opened directly (not through <img>)
 * could otherwise run its script in the app's origin, where the API lives;
 * `sandbox` gives it an opaque origin and no script.
 */
export const SITE_IMAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

export type SiteImage = { ok: true; file: string; type: string; size: number } | { ok: false; status: 400 | 403 | 404 };

/** `encodedPath` is the URL path after `site/`, still percent-encoded. */
export async function resolveSiteImage(root: string, encodedPath: string): Promise<SiteImage> {
  let relative: string;
  try {
    relative = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400 };
  const segments = relative.split('/');
  // `..` is refused outright (not just confined); hidden folders (.git, .env…) are never an image's home.
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.startsWith('.'))) {
    return { ok: false, status: 403 };
  }
  const type = imageContentTypeFor(relative);
  if (!type) return { ok: false, status: 403 };
  let file: string;
  try {
    file = await resolveInside(root, relative);
  } catch (error) {
    if (error instanceof RecapError) return { ok: false, status: 403 };
    return { ok: false, status: 404 };
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, status: 404 };
    // A second hard link may be a name for a file outside the site (see post-gate.ts): not served.
    if (info.nlink > 1) return { ok: false, status: 403 };
    return { ok: true, file, type, size: info.size };
  } catch {
    return { ok: false, status: 404 };
  }
}
