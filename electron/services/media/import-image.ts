/**
 * Copies a pasted or dropped image into the site, confined to the opened
 * folder, never overwriting (`name-2.png`, `name-3.png`…, created atomically).
 * Only real images: the extension must say so and the bytes must agree.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { MAX_IMAGE_BYTES, imageExtension, sanitizeImageName, type ImageExtension, type ImportedImage } from '../../../shared/media/images';
import type { SiteKind } from '../../../shared/model';
import { slugCandidates } from '../../../shared/posts/slug';
import { resolveInside, resolveLexically } from '../documents/confine';
import { createFirstFree } from '../documents/create-file';
import { isPostPath } from '../workspace/find-posts';
import { imageFolderFor } from './image-folder';

export interface ImageImport {
  postPath: string;
  fileName: string;
  data: Buffer;
}

/** Enough tries for any real folder; more means something is wrong (a loop of races). */
const MAX_NAME_TRIES = 1000;

export async function importImage(root: string, kind: SiteKind, input: ImageImport): Promise<ImportedImage> {
  resolveLexically(root, input.postPath); // refuses a post path outside the folder before anything else
  if (!isPostPath(kind, input.postPath)) throw new RecapError('refused', `${input.postPath} is not a post of this site.`);
  const name = sanitizeImageName(input.fileName);
  if (!name) throw new RecapError('refused', `${input.fileName} is not an image Recap can add (PNG, JPEG, GIF, WebP, AVIF or SVG).`);
  if (input.data.length === 0) throw new RecapError('refused', 'The image is empty.');
  if (input.data.length > MAX_IMAGE_BYTES) {
    throw new RecapError('too-large', `The image is ${(input.data.length / 1024 / 1024).toFixed(1)} MB; Recap adds images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Resize it first.`);
  }
  const ext = imageExtension(name)!;
  if (!contentMatches(ext, input.data)) throw new RecapError('refused', `${input.fileName} does not contain a ${ext.toUpperCase()} image.`);

  const folder = await imageFolderFor(root, kind, input.postPath);
  const dir = await resolveInside(root, folder.dir);
  await mkdir(dir, { recursive: true });
  await resolveInside(root, folder.dir); // the folders just made must still lead inside (no symlink swapped in)

  const stem = name.slice(0, name.length - ext.length - 1);
  const folderDir = folder.dir;
  async function* names() {
    let tries = 0;
    for (const candidate of slugCandidates(stem)) {
      if (++tries > MAX_NAME_TRIES) return;
      yield await resolveInside(root, `${folderDir}/${candidate}.${ext}`);
    }
  }
  let created: string | null;
  try {
    created = await createFirstFree(names(), input.data);
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw new RecapError('io', `Could not write the image into ${folder.dir} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  if (created === null) throw new RecapError('io', `Could not find a free name for ${name} in ${folder.dir}.`);
  const fileName = path.basename(created);
  const imported: ImportedImage = { sitePath: `${folder.dir}/${fileName}`, markdownPath: folder.urlPrefix + encodeURI(fileName) };
  if (ext === 'svg') imported.note = 'SVG images can carry script; the site shows this one as it is, so check where it came from.';
  return imported;
}

/** The file's first bytes agree with its extension: a renamed executable or HTML page is refused. */
function contentMatches(ext: ImageExtension, data: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  switch (ext) {
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'jpg':
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'gif':
      return data.subarray(0, 6).toString('latin1') === 'GIF87a' || data.subarray(0, 6).toString('latin1') === 'GIF89a';
    case 'webp':
      return data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'avif':
      return data.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'svg':
      return /<svg[\s>]/i.test(data.subarray(0, 4096).toString('utf8'));
  }
}
