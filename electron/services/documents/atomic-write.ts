/**
 * Atomic replace: write a temp file in the same folder, fsync it, give it the
 * original's mode, rename it over the target, fsync the folder. A crash at any
 * point leaves either the old file or the new one, never half of either.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Create missing parent folders (state files); posts never need it. */
  createDirs?: boolean;
  /** Mode for a new file; an existing file keeps its own. */
  mode?: number;
  /**
   * Runs right before the rename, after the temp file is complete: a save
   * re-checks here that the file is still what it was based on. Throwing
   * cancels the write (the temp file is removed).
   */
  beforeRename?: () => Promise<void>;
}

/** The replaced file's owner could not be given to the new file (another user's file, not running as root). */
export class OwnerNotKeptError extends Error {
  readonly code = 'EOWNER';
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  if (options.createDirs) await mkdir(dir, { recursive: true });

  let mode = options.mode ?? 0o644;
  let owner: { uid: number; gid: number } | null = null;
  try {
    const info = await stat(file);
    mode = info.mode & 0o7777;
    owner = { uid: info.uid, gid: info.gid };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  const temp = await writeTempFile(file, data, mode);
  try {
    if (owner) await keepOwner(temp, owner);
    await options.beforeRename?.();
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/**
 * The new file gets the replaced file's owner and group, as an in-place
 * write would keep them: as root (chown is allowed), or a group the user
 * belongs to. Where that is impossible the save is refused rather than
 * silently handing another user's file to this one.
 */
async function keepOwner(temp: string, owner: { uid: number; gid: number }): Promise<void> {
  const info = await stat(temp);
  if (info.uid === owner.uid && info.gid === owner.gid) return;
  try {
    await chown(temp, owner.uid, owner.gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') throw new OwnerNotKeptError('the file belongs to another user or group');
    throw error;
  }
  // chown clears set-id bits; the mode given to the temp file is restored.
  await chmod(temp, info.mode & 0o7777);
}

/**
 * Writes `data` to a new temp file beside `file` (same folder, so a rename or
 * link to the final name stays on one file system), with `mode`, fsynced.
 * The temp name starts with a dot and ends `.recap-<hex>.tmp`: the watcher ignores it.
 */
export async function writeTempFile(file: string, data: string | Uint8Array, mode: number): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.recap-${randomBytes(6).toString('hex')}.tmp`);
  await writeNewFileSynced(temp, data, mode);
  return temp;
}

/** Creates `file` (which must not exist), writes, sets the mode and fsyncs; on failure nothing is left behind. */
export async function writeNewFileSynced(file: string, data: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode); // the umask may have narrowed the mode given to open()
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported on every platform (Windows): best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* ignore */
  }
}
