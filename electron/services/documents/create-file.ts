/**
 * Creates files that must not exist yet, atomically: the bytes go to a temp
 * file first, then a hard link gives them the final name, which fails if
 * something else created that name meanwhile. Readers never see half a file,
 * and nothing that appeared in between is overwritten. Used for recreated
 * posts, imported images and photos.
 */
import { link, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeNewFileSynced, writeTempFile } from './atomic-write';

/** Link errors of file systems without hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Writes `data` under the first of `candidates` (absolute paths in one
 * folder, tried in order) that does not exist yet, and returns it; null when
 * every candidate was taken. The temp file is written once, whatever the tries.
 */
export async function createFirstFree(candidates: AsyncIterable<string> | Iterable<string>, data: Uint8Array, mode = 0o644): Promise<string | null> {
  let temp: string | null = null;
  try {
    for await (const file of candidates) {
      temp ??= await writeTempFile(file, data, mode);
      try {
        await link(temp, file);
        return file;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (!code || !NO_HARD_LINKS.has(code)) throw error;
      }
      // No hard links here: an exclusive create in place is the next best (a reader could see it half written).
      try {
        await writeNewFileSynced(file, data, mode);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
    }
    return null;
  } finally {
    if (temp !== null) await unlink(temp).catch(() => undefined);
  }
}

/** Creates `file` with `data`, its folder too; fails with code EEXIST if the name is taken. */
export async function createFileExclusive(file: string, data: Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if ((await createFirstFree([file], data, mode)) === null) {
    throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
  }
}
