/** Reads a post for editing: confined path, size and binary checks, encoding facts, front matter. */
import { constants, type Stats } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { MAX_POST_BYTES } from '../../../shared/api';
import { RecapError } from '../../../shared/errors';
import type { PostDocument } from '../../../shared/model';
import { readFrontMatter } from '../front-matter/read-front-matter';
import { resolveInside } from './confine';
import { refuseHardLinked } from './post-gate';
import { decodePost, hashBytes, looksBinary } from './post-bytes';

export async function readPostBytes(root: string, relative: string): Promise<Buffer> {
  return (await readPostFile(root, relative)).bytes;
}

/** The bytes, and whether this user may replace the file (read-only files open read-only). */
export async function readPostFile(root: string, relative: string): Promise<{ bytes: Buffer; writable: boolean }> {
  const file = await resolveInside(root, relative);
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw fileError(error, relative);
  }
  if (!info.isFile()) throw new RecapError('not-found', `${relative} is not a file.`);
  refuseHardLinked(info, relative);
  if (info.size > MAX_POST_BYTES) {
    throw new RecapError(
      'too-large',
      `${relative} is ${(info.size / 1024 / 1024).toFixed(1)} MB; Recap edits posts up to ${MAX_POST_BYTES / 1024 / 1024} MB. Open it in a plain text editor.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fileError(error, relative);
  }
  return { bytes, writable: await isWritable(file, info) };
}

/**
 * Read-only by its mode (no write bit at all: root's access() would say yes)
 * or by the real access check (another user's file, a read-only mount).
 */
export async function isWritable(file: string, info: Stats): Promise<boolean> {
  if ((info.mode & 0o222) === 0) return false;
  try {
    await access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function readPost(root: string, relative: string): Promise<PostDocument> {
  const { bytes, writable } = await readPostFile(root, relative);
  if (looksBinary(bytes)) throw new RecapError('binary-file', `${relative} is a binary file, not a Markdown post.`);
  const decoded = decodePost(bytes);
  const warnings: string[] = [];
  if (!decoded.encoding.utf8) {
    warnings.push(`${relative} is not valid UTF-8 (perhaps Latin-1). Recap shows it read-only so it is never re-encoded; convert it to UTF-8 to edit it here.`);
  }
  if (decoded.encoding.utf8 && !writable) {
    warnings.push(`${relative} is read-only on disk (its permissions do not let you change it). Change its permissions, or choose Edit anyway in Recap to replace it with its mode and owner kept.`);
  }
  if (decoded.encoding.lineEnding === 'mixed') {
    warnings.push('This file mixes Windows (CRLF) and Unix (LF) line endings; Recap keeps each line as it is.');
  }
  const frontMatter = readFrontMatter(decoded.text);
  return {
    path: relative,
    text: decoded.text,
    hash: hashBytes(bytes),
    encoding: decoded.encoding,
    readOnly: !decoded.encoding.utf8 || !writable,
    readOnlyReason: !decoded.encoding.utf8 ? 'encoding' : !writable ? 'permissions' : null,
    warnings,
    frontMatter: { language: frontMatter.language, data: frontMatter.data, error: frontMatter.error },
  };
}

export function fileError(error: unknown, relative: string): RecapError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new RecapError('not-found', `${relative} does not exist (it may have been moved or deleted).`);
  if (code === 'EACCES' || code === 'EPERM') return new RecapError('io', `Recap is not allowed to read ${relative}. Check the file's permissions.`);
  if (code === 'EISDIR') return new RecapError('not-found', `${relative} is a folder, not a post.`);
  return new RecapError('io', `Could not read ${relative} (${code ?? 'unknown error'}).`);
}
