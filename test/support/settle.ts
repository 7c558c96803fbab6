/** Ages every file of a folder: Recap's caches trust size + mtime + inode only for files that have been still a while. */
import { readdir, utimes } from 'node:fs/promises';
import path from 'node:path';

export async function settle(root: string, ageMs = 3_600_000): Promise<void> {
  const at = new Date(Date.now() - ageMs);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else await utimes(full, at, at);
    }
  };
  await walk(root);
}
