/**
 * Saves a post atomically, only if the file is still what the editor loaded.
 * Bytes the author did not change stay as they were: BOM, line endings.
 */
import { readFile } from 'node:fs/promises';
import { RecapError } from '../../../shared/errors';
import type { SaveResult } from '../../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { resolveInside } from './confine';
import { createFileExclusive } from './create-file';
import { decodePost, encodePost, hashBytes } from './post-bytes';

export interface SaveOptions {
  /**
   * The author chose to save a post that was deleted on disk: create it anew.
   * Only while the file is missing; an existing file is checked as usual.
   */
  recreate?: boolean;
}

export async function savePost(root: string, relative: string, text: string, baseHash: string, options: SaveOptions = {}): Promise<SaveResult> {
  const file = await resolveInside(root, relative);
  let current: Buffer;
  try {
    current = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.recreate) return recreatePost(file, relative, text);
      throw new RecapError('conflict', `${relative} was deleted on disk since you opened it. Copy your text somewhere safe, or reopen the post.`);
    }
    throw saveError(error, relative);
  }
  if (hashBytes(current) !== baseHash) {
    throw new RecapError('conflict', `${relative} changed on disk since you opened it. Recap did not overwrite it; reload the post or copy your changes first.`);
  }
  const decoded = decodePost(current);
  if (!decoded.encoding.utf8) {
    throw new RecapError('not-utf8', `${relative} is not UTF-8; Recap will not re-encode it. Convert it to UTF-8 first.`);
  }
  const bytes = encodePost(decoded, text);
  const hash = hashBytes(bytes);
  if (hash !== baseHash) {
    try {
      await writeFileAtomic(file, bytes);
    } catch (error) {
      throw saveError(error, relative);
    }
  }
  return { hash, savedAt: new Date().toISOString() };
}

/** A deleted post saved again: plain UTF-8 with `\n`, created only if the name is still free. */
async function recreatePost(file: string, relative: string, text: string): Promise<SaveResult> {
  const bytes = Buffer.from(text, 'utf8');
  try {
    await createFileExclusive(file, bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new RecapError('conflict', `${relative} appeared on disk again while saving. Recap did not overwrite it; reload the post or copy your changes first.`);
    }
    throw saveError(error, relative);
  }
  return { hash: hashBytes(bytes), savedAt: new Date().toISOString() };
}

function saveError(error: unknown, relative: string): RecapError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the file or its folder is read-only'
        : code === 'ENOENT'
          ? 'its folder no longer exists'
          : `an error occurred (${code ?? 'unknown'})`;
  return new RecapError('io', `Could not save ${relative}: ${why}. The file on disk is unchanged; your text is still in the editor.`);
}
