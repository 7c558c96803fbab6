/**
 * Working-tree status from `git status --porcelain=v2 -z`: which paths are
 * untracked, changed or ignored, and from that each post's state.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { GitStatus, PostGitState } from '../../../shared/export';
import { inspectRepository, openRepository, type Repository } from './repository';

export type PathState = 'untracked' | 'changed' | 'added' | 'ignored';

/** Parses porcelain v2 (-z) output into repository-relative path → state. */
export function parsePorcelainV2(output: string): Map<string, PathState> {
  const states = new Map<string, PathState>();
  const records = output.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (!record || record.startsWith('#')) continue;
    const kind = record[0];
    if (kind === '?') states.set(record.slice(2), 'untracked');
    else if (kind === '!') states.set(record.slice(2), 'ignored');
    else if (kind === '1') {
      // "1 XY sub mH mI mW hH hI path": 8 fields before the path.
      const fields = record.split(' ');
      const xy = fields[1] ?? '..';
      states.set(fields.slice(8).join(' '), xy[0] === 'A' ? 'added' : 'changed');
    } else if (kind === '2') {
      // "2 XY sub mH mI mW hH hI Xscore path", then the original path as its own record.
      states.set(record.split(' ').slice(9).join(' '), 'changed');
      i++;
    } else if (kind === 'u') {
      states.set(record.split(' ').slice(10).join(' '), 'changed');
    }
  }
  return states;
}

/**
 * Status of the paths under the given repository-relative paths. Ignored
 * files are not asked of `git status` (it would list all of node_modules);
 * a path that is neither tracked nor untracked is ignored.
 */
export async function pathStates(repo: Repository, paths: readonly string[]): Promise<{ states: Map<string, PathState>; tracked: Set<string> }> {
  const [status, files] = await Promise.all([
    repo.git.run(['status', '--porcelain=v2', '-z', '--untracked-files=all', '--', ...paths]),
    repo.git.run(['ls-files', '-z', '--', ...paths]),
  ]);
  return { states: parsePorcelainV2(status.stdout), tracked: new Set(files.stdout.split('\0').filter(Boolean)) };
}

function postState(state: PathState | undefined, tracked: boolean): PostGitState {
  if (state === 'untracked' || state === 'added') return 'new';
  if (state !== undefined) return state === 'ignored' ? 'ignored' : 'modified';
  return tracked ? 'committed' : 'ignored';
}

/** The status the app shows: branch, problems, and each post's state. The posts' paths may be a function: asked only in a repository. */
export async function gitStatus(siteRoot: string, postPaths: readonly string[] | (() => Promise<readonly string[]>), env: NodeJS.ProcessEnv = process.env): Promise<GitStatus> {
  let repo: Repository;
  try {
    repo = await openRepository(siteRoot, env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /not installed/.test(message) ? 'git-missing' : 'not-a-repo';
    return { repo: false, branch: null, problems: [{ code, message, pushOnly: false }], posts: {} };
  }
  const [state, prefix, paths] = await Promise.all([inspectRepository(repo), sitePrefix(repo, siteRoot), typeof postPaths === 'function' ? postPaths() : postPaths]);
  const { states, tracked } = await pathStates(repo, [prefix || '.']);
  const posts: Record<string, PostGitState> = {};
  for (const post of paths) {
    const repoPath = joinRepoPath(prefix, post);
    posts[post] = postState(states.get(repoPath), tracked.has(repoPath));
  }
  return { repo: true, branch: state.branch, problems: state.problems, posts };
}

/** Where the site sits inside the repository ('' at the top level), `/` separators. */
export async function sitePrefix(repo: Repository, siteRoot: string): Promise<string> {
  // git reports the real path; the site root may come through a symlink (/tmp on macOS).
  const relative = path.relative(await realpath(repo.root), await realpath(siteRoot));
  return relative.split(path.sep).join('/');
}

export function joinRepoPath(prefix: string, sitePath: string): string {
  return prefix ? `${prefix}/${sitePath}` : sitePath;
}
