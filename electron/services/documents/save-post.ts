/**
 * Saves a post atomically, only if the file is still what the editor loaded.
 * Bytes the author did not change stay as they were: BOM, line endings.
 */
import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { MAX_POST_BYTES } from '../../../shared/api';
import { RecapError } from '../../../shared/errors';
import type { SaveResult } from '../../../shared/model';
import { OwnerNotKeptError, writeFileAtomic } from './atomic-write';
import { resolveInside } from './confine';
import { createFileExclusive } from './create-file';
import { withPathLock } from './path-lock';
import { refuseHardLinked } from './post-gate';
import { decodePost, encodePost, hashBytes } from './post-bytes';
import { isWritable } from './read-post';

export interface SaveOptions {
  /**
   * The author chose to save a post that was deleted on disk: create it anew.
   * Only while the file is missing; an existing file is checked as usual.
   */
  recreate?: boolean;
  /** The author confirmed replacing a file whose permissions make it read-only (mode and owner are kept). */
  replaceReadOnly?: boolean;
}

/**
 * The hash check and the rename are one critical section per file (a lock in
 * this process), and the hash is checked again right before the rename: of
 * two saves on one base, one wins and the other gets the conflict.
 */
export async function savePost(root: string, relative: string, text: string, baseHash: string, options: SaveOptions = {}): Promise<SaveResult> {
  const file = await resolveInside(root, relative);
  return withPathLock(await realpath(file).catch(() => file), () => saveLocked(file, relative, text, baseHash, options));
}

async function saveLocked(file: string, relative: string, text: string, baseHash: string, options: SaveOptions): Promise<SaveResult> {
  let current: Buffer;
  let info: Stats;
  try {
    info = await stat(file);
    refuseHardLinked(info, relative);
    current = await readFile(file);
  } catch (error) {
    if (error instanceof RecapError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (options.recreate) return recreatePost(file, relative, text);
      throw new RecapError('conflict', `${relative} was deleted on disk since you opened it. Copy your text somewhere safe, or reopen the post.`);
    }
    throw saveError(error, relative);
  }
  if (hashBytes(current) !== baseHash) throw changedOnDisk(relative);
  const decoded = decodePost(current);
  if (!decoded.encoding.utf8) {
    throw new RecapError('not-utf8', `${relative} is not UTF-8; Recap will not re-encode it. Convert it to UTF-8 first.`);
  }
  const bytes = encodePost(decoded, text);
  if (bytes.length > MAX_POST_BYTES) throw new RecapError('too-large', `${relative} would be ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Recap saves posts up to ${MAX_POST_BYTES / 1024 / 1024} MB.`);
  const hash = hashBytes(bytes);
  if (hash === baseHash) return { hash, savedAt: new Date().toISOString() };
  if (!options.replaceReadOnly && !(await isWritable(file, info))) {
    throw new RecapError('refused', `${relative} is read-only (its permissions do not let you change it). Recap did not replace it; change its permissions first.`);
  }
  try {
    await writeFileAtomic(file, bytes, {
      // Another program may have written meanwhile (this process's saves wait for the lock).
      beforeRename: async () => {
        if (hashBytes(await readFile(file)) !== baseHash) throw changedOnDisk(relative);
      },
    });
  } catch (error) {
    if (error instanceof RecapError) throw error;
    throw saveError(error, relative);
  }
  return { hash, savedAt: new Date().toISOString() };
}

function changedOnDisk(relative: string): RecapError {
  return new RecapError('conflict', `${relative} changed on disk since you opened it. Recap did not overwrite it; reload the post or copy your changes first.`);
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
    error instanceof OwnerNotKeptError
      ? 'it belongs to another user, and Recap cannot replace it without changing its owner'
      : code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the file or its folder is read-only'
        : code === 'ENOENT'
          ? 'its folder no longer exists'
          : `an error occurred (${code ?? 'unknown'})`;
  return new RecapError('io', `Could not save ${relative}: ${why}. The file on disk is unchanged; your text is still in the editor.`);
}
