/**
 * Remote and branch names as the contract accepts them. A name reaches git as
 * an argument, so nothing that git could read as an option (a leading `-`) or
 * that `git check-ref-format --branch` would refuse gets past the door; the
 * git service checks again against the repository itself (`git remote`,
 * `git check-ref-format`).
 */
import { z } from 'zod';

/** What git refuses in a ref name (git-check-ref-format(1)), plus a leading `-` (an option to git). */
export function branchNameProblem(name: string): string | null {
  if (name.startsWith('-')) return 'cannot start with "-"';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'cannot contain spaces or any of ~ ^ : ? * [ \\';
  if (name.includes('..') || name.includes('@{') || name.includes('//')) return 'cannot contain "..", "@{" or "//"';
  if (name === '@' || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock')) return 'cannot be "@" or end with "/", "." or ".lock"';
  if (name.split('/').some((part) => part.startsWith('.'))) return 'cannot have a part starting with "."';
  return null;
}

/** A remote's name as `git remote add` accepts it, and never an option or a URL. */
export function remoteNameProblem(name: string): string | null {
  if (name.startsWith('-')) return 'cannot start with "-"';
  if (!/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(name) || name.includes('..')) return 'must be the name of one of the repository\'s remotes (letters, digits, ".", "_", "-", "/")';
  return null;
}

/** A name git will receive as an argument, refused at the door with the problem in words. */
function gitName(problem: (name: string) => string | null, what: string) {
  return z
    .string()
    .min(1)
    .max(250)
    .superRefine((name, ctx) => {
      const found = problem(name);
      if (found) ctx.addIssue({ code: 'custom', message: `${what} ${found}.` });
    });
}

export const branchName = gitName(branchNameProblem, 'A branch name');
export const remoteName = gitName(remoteNameProblem, 'A remote name');
