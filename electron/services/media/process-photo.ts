/**
 * Photos for a post, many at once: each is turned upright by its EXIF
 * orientation, shrunk to the site's largest width, and written without any
 * metadata (sharp drops EXIF, GPS and XMP unless asked to keep them), so a
 * phone picture never publishes where it was taken. Files go to the post's
 * image folder (the same one image import uses) under a name a person can
 * read, `<short-slug>-<original-name>.jpg` (at most 60 characters; `-2`…
 * when taken), never overwriting anything. The site may ask for WebP or
 * AVIF and a size budget per photo (`.recap.json` photos.format, photos.maxKB).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type sharpFactory from 'sharp';
import type { Sharp } from 'sharp';
import { RecapError } from '../../../shared/errors';
import type { RecapSettings } from '../../../shared/front-matter/site-settings';
import { MAX_IMAGE_BYTES, postSlug } from '../../../shared/media/images';
import { photoFileStem } from '../../../shared/media/photo-names';
import type { PhotoResult } from '../../../shared/media/photos';
import type { SiteKind } from '../../../shared/model';
import { resolveInside, resolveLexically } from '../documents/confine';
import { createFirstFree } from '../documents/create-file';
import { isPostPath } from '../workspace/find-posts';
import { imageFolderFor, type ImageFolder } from './image-folder';

export const DEFAULT_MAX_WIDTH = 1600;
/** Bigger than any camera; a decompression bomb is refused before it is decoded. */
const MAX_INPUT_PIXELS = 120_000_000;
const MAX_NAME_TRIES = 10_000;

export interface PhotoInput {
  /** The file's name as dropped, for messages only: the stored name comes from the post. */
  name: string;
  data: Buffer;
  /** The stored name without extension, when the caller names the photo itself (a tweet's photo: `<handle>-<status id>-1`). */
  stem?: string;
}


export interface PhotoOptions {
  maxWidth?: number;
  /** `.recap.json` photos.format: photos keep their format (JPEG for camera formats), or become WebP or AVIF. */
  format?: 'keep' | 'webp' | 'avif';
  /** `.recap.json` photos.maxKB: quality, then width, come down until the photo fits. */
  maxKB?: number;
  /** `.recap.json` photos.folder: a site folder, `<slug>` replaced by the post's slug. */
  folder?: string;
}

/** The `.recap.json` photos settings as options (absent ones take the defaults). */
export function photoOptions(settings: RecapSettings['photos'] | undefined): PhotoOptions {
  return {
    ...(settings?.maxWidth ? { maxWidth: settings.maxWidth } : {}),
    ...(settings?.folder ? { folder: settings.folder } : {}),
    ...(settings?.format ? { format: settings.format } : {}),
    ...(settings?.maxKB ? { maxKB: settings.maxKB } : {}),
  };
}

export async function importPhotos(root: string, kind: SiteKind, postPath: string, photos: readonly PhotoInput[], options: PhotoOptions = {}): Promise<PhotoResult[]> {
  resolveLexically(root, postPath);
  if (!isPostPath(kind, postPath)) throw new RecapError('refused', `${postPath} is not a post of this site.`);
  const slug = postSlug(postPath);
  const folder = options.folder ? configuredFolder(options.folder, slug) : await imageFolderFor(root, kind, postPath);
  const dir = await resolveInside(root, folder.dir);
  await mkdir(dir, { recursive: true });
  await resolveInside(root, folder.dir); // the folders just made must still lead inside (no symlink swapped in)

  const results: PhotoResult[] = [];
  // One at a time: a dozen 24-megapixel photos decoded at once would take gigabytes.
  for (const photo of photos) {
    try {
      const processed = await processPhoto(photo.data, options.maxWidth ?? DEFAULT_MAX_WIDTH, { ...(options.format ? { format: options.format } : {}), ...(options.maxKB ? { maxKB: options.maxKB } : {}) });
      const stored = await storeExclusive(root, folder.dir, photo.stem ?? photoFileStem(slug, photo.name, processed.extension), processed.extension, processed.data);
      const markdownPath = folder.urlPrefix + encodeURI(stored.fileName);
      results.push({ name: photo.name, sitePath: stored.sitePath, markdownPath, markdown: `![](${markdownPath})`, width: processed.width, height: processed.height });
    } catch (error) {
      if (!(error instanceof RecapError)) throw error;
      results.push({ name: photo.name, error: error.message });
    }
  }
  return results;
}

export interface ProcessedPhoto {
  data: Buffer;
  extension: 'jpg' | 'png' | 'webp' | 'avif';
  width: number;
  height: number;
}

/** Upright, at most `maxWidth` wide, no metadata; JPEG unless the photo is a PNG or WebP (which may be transparent). */
export async function processPhoto(data: Buffer, maxWidth: number, output: { format?: 'keep' | 'webp' | 'avif'; maxKB?: number } = {}): Promise<ProcessedPhoto> {
  if (data.length === 0) throw new RecapError('refused', 'The photo is empty.');
  if (data.length > MAX_IMAGE_BYTES) throw new RecapError('too-large', `The photo is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const sharp = await loadSharp();
  let format: string | undefined;
  let image: Sharp;
  try {
    image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    format = (await image.metadata()).format;
  } catch {
    throw new RecapError('refused', 'This file is not a photo Recap can read (JPEG, PNG, WebP, AVIF, TIFF).');
  }
  if (format === 'gif' || format === 'svg') throw new RecapError('refused', `${format.toUpperCase()} images are added as they are: use Add image instead.`);
  const kept = format === 'png' ? 'png' : format === 'webp' ? 'webp' : 'jpg';
  const extension = output.format === 'webp' || output.format === 'avif' ? output.format : kept;
  const budget = output.maxKB ? output.maxKB * 1024 : Infinity;
  let width = maxWidth;
  let quality = 82;
  try {
    for (;;) {
      // rotate() without an angle applies the EXIF orientation (and drops the tag); no withMetadata(), so nothing else is kept.
      const pipeline = image.clone().rotate().resize({ width, withoutEnlargement: true });
      const encoded =
        extension === 'png' ? pipeline.png() : extension === 'webp' ? pipeline.webp({ quality }) : extension === 'avif' ? pipeline.avif({ quality: Math.round(quality * 0.7) }) : pipeline.jpeg({ quality, mozjpeg: true });
      const { data: out, info } = await encoded.toBuffer({ resolveWithObject: true });
      // Over budget: lower the quality to 50 first (barely visible on a photo), then the width.
      if (out.length <= budget || width <= 320) return { data: out, extension, width: info.width, height: info.height };
      if (quality > 50 && extension !== 'png') quality -= 8;
      else width = Math.max(320, Math.round(Math.min(width, info.width) * 0.8));
    }
  } catch {
    throw new RecapError('refused', 'This photo could not be processed (damaged or too large).');
  }
}

/** Writes under the first free `<stem>.<ext>`, then `<stem>-2.<ext>`… (see createFirstFree). */
async function storeExclusive(root: string, folder: string, stem: string, extension: string, data: Buffer): Promise<{ sitePath: string; fileName: string }> {
  async function* names() {
    yield await resolveInside(root, `${folder}/${stem}.${extension}`);
    for (let number = 2; number < 2 + MAX_NAME_TRIES; number++) yield await resolveInside(root, `${folder}/${stem}-${number}.${extension}`);
  }
  let created: string | null;
  try {
    created = await createFirstFree(names(), data);
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw new RecapError('io', `Could not write the photo into ${folder} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  if (created === null) throw new RecapError('io', `Could not find a free name for the photo in ${folder}.`);
  const fileName = path.basename(created);
  return { sitePath: `${folder}/${fileName}`, fileName };
}

function configuredFolder(pattern: string, slug: string): ImageFolder {
  const dir = pattern.replace(/<slug>/g, slug).replace(/^\.?\/+|\/+$/g, '');
  // Hugo, Zola and Astro serve static/ (public/) at the site root.
  const served = dir.replace(/^(static|public)\//, '');
  return { dir, urlPrefix: `/${served}/` };
}

type SharpFactory = typeof sharpFactory;
let sharpModule: Promise<SharpFactory> | null = null;

/**
 * Loaded on first use: the native library costs start-up time, and only
 * photos need it. The bundles (CommonJS) require it: the CLI runs its bundle
 * from V8's code cache (cli/load-cli.ts), and on Node 20 a script compiled
 * from a cache has lost its import() callback. Unbundled (tests), import().
 */
export async function loadSharp(): Promise<SharpFactory> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: the bundles' one way to load it lazily
  sharpModule ??= (typeof require === 'function' ? Promise.resolve().then(() => require('sharp') as unknown) : import('sharp')).then(
    (m) => (m as { default?: SharpFactory }).default ?? (m as SharpFactory),
  );
  try {
    return await sharpModule;
  } catch {
    sharpModule = null;
    throw new RecapError('internal', 'The image library (sharp) is not installed; run npm install.');
  }
}
