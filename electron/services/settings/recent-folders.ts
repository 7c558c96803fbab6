/**
 * Recently opened site folders, kept in the per-user state folder (never in
 * a site). A missing or corrupt file just means an empty list.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../documents/atomic-write';

const LIMIT = 10;

export class RecentFolders {
  private cache: string[] | null = null;

  constructor(private readonly file: string) {}

  /** The list stored in `<stateDir>/recent-folders.json`. */
  static inStateDir(stateDir: string): RecentFolders {
    return new RecentFolders(path.join(stateDir, 'recent-folders.json'));
  }

  async list(): Promise<string[]> {
    if (this.cache) return [...this.cache];
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      this.cache = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, LIMIT) : [];
    } catch {
      this.cache = [];
    }
    return [...this.cache];
  }

  async add(folder: string): Promise<void> {
    const next = [folder, ...(await this.list()).filter((f) => f !== folder)].slice(0, LIMIT);
    this.cache = next;
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n', { createDirs: true });
  }

  async clear(): Promise<void> {
    this.cache = [];
    await writeFileAtomic(this.file, '[]\n', { createDirs: true });
  }
}
