/** URL schemes that run script or smuggle a document when a reader clicks or the page loads them. */

/** Browsers ignore tabs, newlines and leading control characters in a scheme (`java\tscript:`). */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase() ?? null;
}

const SAFE_DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|avif);/i;

/** Why a URL is dangerous, or null when it is not. Raster `data:` images are allowed where `allowDataImage`. */
export function dangerousUrl(url: string, allowDataImage = false): string | null {
  const scheme = schemeOf(url);
  if (scheme === 'javascript' || scheme === 'vbscript') return `a ${scheme}: URL runs script when followed`;
  if (scheme === 'data') {
    if (allowDataImage && SAFE_DATA_IMAGE.test(url.replace(/\s/g, ''))) return null;
    return 'a data: URL can carry a whole HTML page with script';
  }
  return null;
}
