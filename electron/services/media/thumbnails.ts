/**
 * Thumbnails of a post's photos for the Photos panel: made once with sharp
 * (240 px wide WebP, upright, no metadata) and kept in the per-user state
 * folder, keyed by the file's path, size and modification time, so opening
 * the post again reads a few kilobytes instead of decoding camera pictures.
 * Only image files inside the site are read; they reach the window as
 * data: URLs through the API, which confines every path.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { localFileCandidates, type SiteFolders } from '../../../shared/check/local-files';
import type { PhotoThumbnail } from '../../../shared/media/photos';
import type { SiteKind } from '../../../shared/model';
import { writeFileAtomic } from '../documents/atomic-write';
import { isInside, resolveInside } from '../documents/confine';
import { loadSharp } from './process-photo';

export const THUMBNAIL_WIDTH = 240;
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;
/** Larger files are not decoded for a thumbnail (the panel shows the name alone). */
const MAX_SOURCE_BYTES = 40 * 1024 * 1024;


export async function photoThumbnails(root: string, kind: SiteKind, folders: SiteFolders, postPath: string, sources: readonly string[], cacheDir: string | null): Promise<PhotoThumbnail[]> {
  const results: PhotoThumbnail[] = [];
  // One at a time: decoding several 24-megapixel photos at once would take gigabytes.
  for (const src of sources) results.push(await thumbnailOf(root, kind, folders, postPath, src, cacheDir));
  return results;
}

async function thumbnailOf(root: string, kind: SiteKind, folders: SiteFolders, postPath: string, src: string, cacheDir: string | null): Promise<PhotoThumbnail> {
  const candidates = localFileCandidates(src, postPath, kind, folders) ?? [];
  for (const sitePath of candidates) {
    if (!IMAGE_FILE.test(sitePath)) continue;
    let file: string;
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      file = await resolveInside(root, sitePath);
      info = await stat(file);
    } catch {
      continue;
    }
    if (!info.isFile()) continue;
    if (info.size > MAX_SOURCE_BYTES) return { src, sitePath, thumbnail: null };
    const key = createHash('sha256').update(`${root}\0${sitePath}\0${info.size}\0${info.mtimeMs}`).digest('hex');
    const cached = cacheDir && !isInside(path.resolve(root), path.resolve(cacheDir)) ? path.join(cacheDir, `${key}.webp`) : null;
    if (cached) {
      const hit = await readFile(cached).catch(() => null);
      if (hit) return { src, sitePath, thumbnail: dataUrl(hit) };
    }
    try {
      const sharp = await loadSharp();
      const data = await sharp(await readFile(file), { limitInputPixels: 120_000_000, failOn: 'error' }).rotate().resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
      if (cached) await writeFileAtomic(cached, data, { createDirs: true, mode: 0o600 }).catch(() => undefined); // only costs a later decode
      return { src, sitePath, thumbnail: dataUrl(data) };
    } catch {
      return { src, sitePath, thumbnail: null };
    }
  }
  return { src, sitePath: null, thumbnail: null };
}

function dataUrl(data: Buffer): string {
  return `data:image/webp;base64,${data.toString('base64')}`;
}
