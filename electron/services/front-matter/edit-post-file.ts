/**
 * Reading and editing the front matter of one post file by path (the CLI's
 * `get` and `set`): confined to the file's site, refused when the block is
 * broken, and written atomically only when a byte actually changes.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { applyFieldEdits, FrontMatterEditError, type FieldEdit } from '../../../shared/front-matter/edit-front-matter';
import { parsePost } from '../../../shared/front-matter/post-document';
import type { FrontMatterData } from '../../../shared/front-matter/field-path';
import type { FrontMatterLanguage } from '../../../shared/model';
import { writeFileAtomic } from '../documents/atomic-write';
import { resolveInside } from '../documents/confine';
import { decodePost, encodePost, hashBytes, looksBinary, type DecodedPost } from '../documents/post-bytes';
import { readPostBytes } from '../documents/read-post';
import { findSiteOf } from '../workspace/find-site-root';
import { withPathLock } from '../documents/path-lock';
import { requirePost } from '../documents/post-gate';

export interface PostFile {
  root: string;
  /** Site-relative, `/` separators. */
  relative: string;
  absolute: string;
}

/** The post at `file` in its site; anything that is not a post of that site (configuration, not Markdown) is refused. */
export async function locatePostFile(file: string): Promise<PostFile> {
  const absolute = path.resolve(file);
  const site = await findSiteOf(absolute);
  const relative = path.relative(site.root, absolute).split(path.sep).join('/');
  const resolved = await resolveInside(site.root, relative);
  requirePost(site, relative);
  return { root: site.root, relative, absolute: resolved };
}

async function readDecoded(file: PostFile): Promise<{ bytes: Buffer; decoded: DecodedPost }> {
  const bytes = await readPostBytes(file.root, file.relative);
  if (looksBinary(bytes)) throw new RecapError('binary-file', `${file.relative} is a binary file, not a Markdown post.`);
  const decoded = decodePost(bytes);
  if (!decoded.encoding.utf8) throw new RecapError('not-utf8', `${file.relative} is not valid UTF-8; Recap will not read or re-encode it. Convert it to UTF-8 first.`);
  return { bytes, decoded };
}

export function toRecapError(error: unknown, relative: string): unknown {
  if (!(error instanceof FrontMatterEditError)) return error;
  const where = error.line === undefined ? relative : `${relative}, line ${error.line}`;
  return new RecapError(error.reason === 'invalid' ? 'invalid-front-matter' : 'refused', `${where}: ${error.message}`, error.line);
}

export async function readPostFields(file: PostFile): Promise<{ data: FrontMatterData; language: FrontMatterLanguage | null }> {
  const { decoded } = await readDecoded(file);
  const post = parsePost(decoded.text);
  if (post.error || !post.data) {
    const error = post.error ?? { message: 'The front matter cannot be read.' };
    throw new RecapError('invalid-front-matter', `${file.relative}${error.line === undefined ? '' : `, line ${error.line}`}: ${error.message}`, error.line);
  }
  return { data: post.data, language: post.language };
}

/** Applies the edits; returns false (and writes nothing) when the file would not change. */
export async function editPostFile(file: PostFile, edits: readonly FieldEdit[]): Promise<boolean> {
  return withPathLock(await realpath(file.absolute).catch(() => file.absolute), () => editLocked(file, edits));
}

async function editLocked(file: PostFile, edits: readonly FieldEdit[]): Promise<boolean> {
  const { bytes, decoded } = await readDecoded(file);
  let text: string;
  try {
    text = applyFieldEdits(decoded.text, edits);
  } catch (error) {
    throw toRecapError(error, file.relative);
  }
  if (text === decoded.text) return false;
  const updated = encodePost(decoded, text);
  await writeFileAtomic(file.absolute, updated, {
    // Someone may have saved in between: never overwrite what was not read.
    beforeRename: async () => {
      const current = await readFile(file.absolute).catch(() => null);
      if (!current || hashBytes(current) !== hashBytes(bytes)) {
        throw new RecapError('conflict', `${file.relative} changed on disk while Recap was editing it; nothing was written. Run the command again.`);
      }
    },
  });
  return true;
}
