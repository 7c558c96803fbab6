/**
 * Creates a file that must not exist yet, atomically: the bytes go to a temp
 * file first, then a hard link gives them the final name, which fails if
 * something else created that name meanwhile. Readers never see half a file,
 * and nothing that appeared in between is overwritten.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function createFileExclusive(file: string, data: Uint8Array, mode = 0o644): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.recap-${randomBytes(6).toString('hex')}.tmp`);
  await writeSynced(temp, data, mode);
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    // File systems without hard links (FAT, some network shares): exclusive create in place.
    await unlink(temp).catch(() => undefined);
    await writeSynced(file, data, mode);
    return;
  }
  await unlink(temp).catch(() => undefined);
}

async function writeSynced(file: string, data: Uint8Array, mode: number): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
