/**
 * Every path a door receives is resolved inside the opened folder, symlinks
 * included, or refused. This is the one place that decides.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';

const outside = () => new RecapError('outside-folder', 'That file is outside the opened folder.');

/** Lexical check: a relative path that stays below the root. Returns the absolute path. */
export function resolveLexically(root: string, relative: string): string {
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative) || relative.startsWith('\\')) {
    throw outside();
  }
  const absolute = path.resolve(root, relative);
  if (!isInside(root, absolute)) throw outside();
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
