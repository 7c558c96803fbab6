/** The branch a post is exported on: `post/<slug>` unless `.recap.json` says otherwise. */
import { RecapError } from '../../../shared/errors';
import { branchNameProblem, remoteNameProblem } from '../../../shared/git-names';
import type { Git } from './run-git';

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-/;

/** The post's file name without date prefix and extension; a bundle's `index.md` takes its folder's name. */
export function postSlug(postPath: string): string {
  const parts = postPath.split('/');
  let name = parts.at(-1) ?? '';
  if (/^(index|_index)\.[^.]+$/i.test(name) && parts.length > 1) name = parts.at(-2)!;
  const stem = name.replace(/\.[^.]+$/, '').replace(DATE_PREFIX, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/\.{2,}/g, '.');
  return slug || 'post';
}

export function branchForPost(pattern: string, postPath: string): string {
  const date = DATE_PREFIX.exec(postPath.split('/').at(-1) ?? '');
  const day = date ? `${date[1]}-${date[2]}-${date[3]}` : new Date().toISOString().slice(0, 10);
  return pattern.replaceAll('{slug}', postSlug(postPath)).replaceAll('{date}', day).replaceAll('{year}', day.slice(0, 4));
}

/**
 * Refuses names git would refuse, with the reason in words. A name starting
 * with "-" is refused before git sees it: check-ref-format takes no `--`.
 */
export async function requireValidBranchName(git: Git, name: string): Promise<void> {
  const refuse = () => new RecapError('refused', `"${name}" is not a valid branch name. Use letters, digits, "-", "_", "." and "/" (no spaces, no "..", not starting with "-").`);
  if (branchNameProblem(name) !== null) throw refuse();
  const result = await git.run(['check-ref-format', '--branch', name], { okCodes: [0, 1, 128] });
  if (result.code !== 0) throw refuse();
}

/** The repository's remotes (`git remote`). */
export async function listRemotes(git: Git): Promise<string[]> {
  return (await git.text(['remote'])).split('\n').filter(Boolean);
}

/** Refuses anything but the name of one of the repository's own remotes: never a URL, a path or an option. */
export async function requireRemote(git: Git, remote: string): Promise<void> {
  const remotes = await listRemotes(git);
  if (remoteNameProblem(remote) !== null || !remotes.includes(remote)) throw new RecapError('refused', unknownRemoteMessage(remote, remotes));
}

export function unknownRemoteMessage(remote: string, remotes: readonly string[]): string {
  return `This repository has no remote named "${remote}". Choose one of: ${remotes.join(', ') || '(none: add one with git remote add origin <url>)'}.`;
}
