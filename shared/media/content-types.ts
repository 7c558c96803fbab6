/**
 * Content types by file extension, for both doors that serve files (browser
 * mode and Electron's app:// protocol). Module scripts and workers refuse to
 * run without the right type, so guessing is not an option; anything unknown
 * is served as opaque bytes.
 */

/** Images a site may show in the preview. */
export const IMAGE_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
};

/** The built renderer's files. */
const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  ...IMAGE_CONTENT_TYPES,
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return dot > slash ? fileName.slice(dot).toLowerCase() : '';
}

export function contentTypeFor(fileName: string): string {
  return APP_CONTENT_TYPES[extensionOf(fileName)] ?? 'application/octet-stream';
}

/** The image type of a file name, or null when it is not an image the preview shows. */
export function imageContentTypeFor(fileName: string): string | null {
  return IMAGE_CONTENT_TYPES[extensionOf(fileName)] ?? null;
}
