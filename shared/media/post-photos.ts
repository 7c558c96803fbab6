/**
 * The post's photos as its Markdown writes them (`![alt](src)` with a local
 * src, outside code), and the edits the Photos panel makes on them: alt
 * text, order, removal, and a gallery in the site's style. Each edit changes
 * only the bytes it must.
 */
import { codeRanges, isInRanges, parseMarkdown } from '../markdown/parse-markdown';
import type { SiteKind } from '../model';

export interface PostPhoto {
  src: string;
  alt: string;
  /** The file name, for labels ("Alt text for booth.jpg"). */
  name: string;
  /** Body offsets of the whole `![…](…)` and of its alt text. */
  start: number;
  end: number;
  altStart: number;
  altEnd: number;
}

const IMAGE = /!\[((?:\\.|[^\]\\\n])*)\]\(\s*(<[^>\n]+>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

export function findPostPhotos(body: string): PostPhoto[] {
  const code = codeRanges(parseMarkdown(body), 0);
  const photos: PostPhoto[] = [];
  for (const match of body.matchAll(IMAGE)) {
    if (isInRanges(code, match.index)) continue;
    const src = match[2]!.replace(/^<|>$/g, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) continue; // remote: not one of the post's photos
    const altStart = match.index + 2;
    photos.push({ src, alt: match[1]!.replace(/\\(.)/g, '$1'), name: fileName(src), start: match.index, end: match.index + match[0].length, altStart, altEnd: altStart + match[1]!.length });
  }
  return photos;
}

export function fileName(src: string): string {
  const last = src.split(/[?#]/)[0]!.split('/').pop() ?? src;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The body with this photo's alt text replaced (one line of text; `]` and `\` escaped). */
export function setPhotoAlt(body: string, photo: PostPhoto, alt: string): string {
  const clean = alt.replace(/[\r\n]+/g, ' ').replace(/([\\[\]])/g, '\\$1');
  return body.slice(0, photo.altStart) + clean + body.slice(photo.altEnd);
}

/** The body without the photo (and without the line it stood alone on). */
export function removePhoto(body: string, photo: PostPhoto): string {
  const lineStart = body.lastIndexOf('\n', photo.start - 1) + 1;
  const newline = body.indexOf('\n', photo.end);
  const lineEnd = newline === -1 ? body.length : newline;
  const alone = body.slice(lineStart, photo.start).trim() === '' && body.slice(photo.end, lineEnd).trim() === '';
  if (!alone) return body.slice(0, photo.start) + body.slice(photo.end);
  // The blank line that separated it from the next block goes with it.
  let end = newline === -1 ? body.length : newline + 1;
  if (body.slice(end).startsWith('\n') && lineStart > 0 && body[lineStart - 2] === '\n') end++;
  return body.slice(0, lineStart) + body.slice(end);
}

/** The body with photo `index` swapped with its neighbour (`delta` -1 earlier, +1 later); the rest stays as written. */
export function movePhoto(body: string, photos: readonly PostPhoto[], index: number, delta: -1 | 1): string {
  const a = photos[Math.min(index, index + delta)];
  const b = photos[Math.max(index, index + delta)];
  if (!a || !b || a === b) return body;
  return body.slice(0, a.start) + body.slice(b.start, b.end) + body.slice(a.end, b.start) + body.slice(a.start, a.end) + body.slice(b.end);
}

/** What a site's gallery template looks like, from its style (shared/embeds/site-style.ts). */
export interface GalleryTemplate {
  syntax: 'include' | 'hugo' | 'zola';
  file: string;
  param: string | null;
}

/**
 * The photos as a gallery in the site's style: its gallery include or
 * shortcode when it has one (photos comma-separated in its parameter), else
 * one figure per photo: Hugo's built-in `figure` shortcode, HTML figures elsewhere.
 */
export function galleryMarkup(photos: readonly Pick<PostPhoto, 'src' | 'alt'>[], gallery: GalleryTemplate | null, kind: SiteKind): string {
  if (photos.length === 0) return '';
  if (gallery) {
    const list = photos.map((p) => p.src).join(',');
    const param = gallery.param ?? 'images';
    if (gallery.syntax === 'include') return `{% include ${gallery.file} ${param}="${list}" %}`;
    if (gallery.syntax === 'hugo') return `{{< ${gallery.file} ${param}="${list}" >}}`;
    return `{{ ${gallery.file}(${param}="${list}") }}`;
  }
  if (kind === 'hugo') return photos.map((p) => `{{< figure src="${attr(p.src)}" alt="${attr(p.alt)}" >}}`).join('\n');
  return photos.map((p) => `<figure>\n  <img src="${attr(p.src)}" alt="${attr(p.alt)}">\n</figure>`).join('\n\n');
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
