/**
 * Images an author adds to a post: which files count as images, how their
 * names are cleaned, and what an import answers. Pure, so the renderer can
 * refuse a PDF before sending it and the service decides the same way.
 */
import { slugify } from '../posts/slug';

/**
 * Largest image Recap imports. Its base64 (4/3 of it, 20 MiB) still fits in one
 * browser-mode WebSocket message (the server allows 2 × MAX_POST_BYTES + 64 KiB),
 * and a bigger photo belongs resized anyway.
 */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_IMAGE_BASE64_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

/** Extensions by image type; `.svg` is allowed but can carry script (the preview sanitises it; the site may not). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'] as const;
export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

const MIME_EXTENSIONS: Record<string, ImageExtension> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

export interface ImportedImage {
  /** Where the file was written, relative to the site root (`/` separators). */
  sitePath: string;
  /** What the post writes in `![](…)`: site-absolute (`/images/…`) or, in a page bundle, the bare file name. */
  markdownPath: string;
  /** Something the author should know (an SVG can carry script). */
  note?: string;
}

export function imageExtension(fileName: string): ImageExtension | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  const ext = match?.[1]?.toLowerCase();
  return ext !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(ext) ? (ext as ImageExtension) : null;
}

/** A pasted screenshot often has no name ("image.png") or only a MIME type: pick an extension from either. */
export function imageFileName(name: string, mimeType: string): string | null {
  if (imageExtension(name)) return name;
  const ext = MIME_EXTENSIONS[mimeType.toLowerCase()];
  return ext ? `${name.replace(/\.[^.]*$/, '') || 'image'}.${ext}` : null;
}

/** `My Photo (1).PNG` → `my-photo-1.png`: lower-case, Unicode-aware, the extension kept; null when not an image. */
export function sanitizeImageName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const ext = imageExtension(base);
  if (!ext) return null;
  const stem = slugify(base.slice(0, base.length - ext.length - 1));
  return `${stem === 'untitled' ? 'image' : stem}.${ext}`;
}

/** The slug of a post for its image folder: the file name without a Jekyll date prefix and extension (`index.md`: its folder's). */
export function postSlug(postPath: string): string {
  const parts = postPath.split('/');
  const file = parts.pop() ?? '';
  // A bundle folder's name is all slug ("Rust-1.12"); a file's ends in its extension.
  const name = /^_?index\.[^.]+$/i.test(file) ? (parts.pop() ?? file) : file.replace(/\.[^.]+$/, '');
  return slugify(name.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
