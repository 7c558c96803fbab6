/**
 * Every path a door receives is resolved inside the opened folder, symlinks
 * included, or refused. This is the one place that decides.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';

const outside = () => new RecapError('outside-folder', 'That file is outside the opened folder.');
const versionControl = (name: string) =>
  new RecapError('outside-folder', `Recap never reads or writes inside ${name}/: it belongs to your version control, not to the site.`);

/**
 * Version-control folders (and git's `.git` file in a worktree). Their
 * contents configure programs git runs (`core.fsmonitor`, hooks), so no door
 * may touch them, whatever the file. Compared case-insensitively and without
 * trailing dots or spaces, as case-insensitive and Windows file systems do.
 */
const VCS_FOLDERS = new Set(['.git', '.hg', '.svn', '.jj', '.bzr', '_darcs', 'cvs', '.pijul', '.sl', '.fslckout', '_fossil_']);

/** The version-control folder a site-relative path goes through, or null. */
export function versionControlSegment(relative: string): string | null {
  for (const segment of relative.split(/[\\/]/)) {
    if (VCS_FOLDERS.has(segment.replace(/[. ]+$/, (tail) => (tail === segment ? tail : '')).toLowerCase())) return segment;
  }
  return null;
}

/** Lexical check: a relative path that stays below the root and out of version-control folders. Returns the absolute path. */
export function resolveLexically(root: string, relative: string): string {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative) || relative.startsWith('\\')) {
    throw outside();
  }
  const absolute = path.resolve(root, relative);
  if (!isInside(root, absolute)) throw outside();
  const vcs = versionControlSegment(toSitePath(root, absolute));
  if (vcs !== null) throw versionControl(vcs);
  return absolute;
}

/**
 * Resolves `relative` inside `root` and follows symlinks: the real target must
 * also be inside the real root. For a file that does not exist yet, its
 * nearest existing parent folder is checked instead.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  const absolute = resolveLexically(root, relative);
  const realRoot = await realpath(root);
  let probe = absolute;
  let rest = '';
  for (;;) {
    try {
      const real = await realpath(probe);
      const target = rest ? path.join(real, rest) : real;
      if (!isInside(realRoot, target)) throw outside();
      // A symlink inside the site may lead into .git/: the real path is checked too.
      const vcs = versionControlSegment(toSitePath(realRoot, target));
      if (vcs !== null) throw versionControl(vcs);
      return absolute;
    } catch (error) {
      if (error instanceof RecapError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || probe === root) throw error;
      rest = rest ? path.join(path.basename(probe), rest) : path.basename(probe);
      probe = path.dirname(probe);
    }
  }
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The site-relative form used everywhere in the API: `/` separators. */
export function toSitePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
