/**
 * The set of files in a site, as `/`-separated paths relative to its root,
 * for the missing-image rule. One walk per check run; the app keeps it for a
 * few seconds so checking as the author types does not walk the disk each time.
 */
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import type { SiteKind } from '../../../shared/model';

/** Never holds a site's images: VCS, dependencies, build output. */
const SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules', '_site', '.jekyll-cache', '.sass-cache']);
const SKIPPED_BY_KIND: Partial<Record<SiteKind, string[]>> = { hugo: ['public', 'resources'], zola: ['public'] };

export async function listSiteFiles(root: string, kind: SiteKind): Promise<Set<string>> {
  const files = new Set<string>();
  const skipped = new Set([...SKIPPED, ...(SKIPPED_BY_KIND[kind] ?? [])]);
  const walk = async (relativeDir: string): Promise<void> => {
    let dir;
    try {
      dir = await opendir(path.join(root, relativeDir));
    } catch {
      return; // unreadable folders hold nothing we can check against
    }
    const subdirs: string[] = [];
    for await (const entry of dir) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(relativeDir === '' && skipped.has(entry.name)) && entry.name !== '.git') subdirs.push(relative);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.add(relative);
      }
    }
    await Promise.all(subdirs.map(walk));
  };
  await walk('');
  return files;
}

/** Site file lists kept for a short while, per root. */
export class SiteFilesCache {
  private readonly entries = new Map<string, { at: number; files: Promise<Set<string>> }>();
  constructor(private readonly maxAgeMs = 5000) {}

  get(root: string, kind: SiteKind): Promise<Set<string>> {
    const now = Date.now();
    const cached = this.entries.get(root);
    if (cached && now - cached.at < this.maxAgeMs) return cached.files;
    const files = listSiteFiles(root, kind);
    this.entries.set(root, { at: now, files });
    files.catch(() => this.entries.delete(root));
    return files;
  }

  invalidate(root: string): void {
    this.entries.delete(root);
  }
}
