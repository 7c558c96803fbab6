/**
 * The files that belong to a post: the post and the existing local images it
 * references. `/images/x.jpg` is looked up from the site root (and the
 * static/ and public/ folders generators serve from), `x.jpg` from the post's
 * own folder. Nothing outside the site is ever included.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { SkippedReference } from '../../../shared/export';
import type { FrontMatterValue } from '../../../shared/model';
import { isInside, resolveInside, toSitePath } from '../documents/confine';
import { readFrontMatter } from '../front-matter/read-front-matter';
import { findImageReferences, referencePath } from './image-references';

export interface PostImage {
  /** As written in the post. */
  reference: string;
  /** Site-relative, `/` separators. */
  path: string;
}

export interface PostFiles {
  /** Site-relative path of the post. */
  post: string;
  text: string;
  frontMatter: Record<string, FrontMatterValue> | null;
  images: PostImage[];
  skipped: SkippedReference[];
}

/** Folders a site-absolute URL (`/images/…`) may be served from, in order. */
const SERVED_FROM = ['', 'static', 'public'];

export async function findPostFiles(siteRoot: string, postPath: string): Promise<PostFiles> {
  const absolute = await resolveInside(siteRoot, postPath);
  let text: string;
  try {
    text = (await readFile(absolute, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RecapError('not-found', `${postPath} does not exist. Save the post first.`);
    throw error;
  }
  const { data, body } = readFrontMatter(text.replace(/\r\n/g, '\n'));
  const post = toSitePath(siteRoot, absolute);
  const images: PostImage[] = [];
  const skipped: SkippedReference[] = [];
  for (const reference of findImageReferences(body, data)) {
    const file = referencePath(reference);
    if (file === null) continue;
    const found = await locate(siteRoot, path.dirname(absolute), file);
    if (found === 'outside') skipped.push({ reference, reason: 'outside-site' });
    else if (found === null) skipped.push({ reference, reason: 'missing' });
    else if (!images.some((i) => i.path === found)) images.push({ reference, path: found });
  }
  return { post, text, frontMatter: data, images, skipped };
}

async function locate(siteRoot: string, postDir: string, file: string): Promise<string | 'outside' | null> {
  const candidates = file.startsWith('/')
    ? SERVED_FROM.map((folder) => path.join(siteRoot, folder, file))
    : [path.resolve(postDir, file)];
  let outside = false;
  for (const candidate of candidates) {
    if (!isInside(siteRoot, candidate)) {
      outside = true;
      continue;
    }
    try {
      const relative = toSitePath(siteRoot, candidate);
      // Follows symlinks: a link pointing out of the site is refused here.
      await resolveInside(siteRoot, relative);
      if ((await stat(candidate)).isFile()) return relative;
    } catch (error) {
      if (error instanceof RecapError) outside = true;
    }
  }
  return outside ? 'outside' : null;
}
