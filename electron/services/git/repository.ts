/**
 * Finds the repository a folder belongs to and what state it is in: the
 * branch, and everything that stops an export, each with what to do.
 */
import { pathExists } from '../documents/path-exists';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { GitProblem } from '../../../shared/export';
import { Git, GitCommandError } from './run-git';

export interface Repository {
  git: Git;
  /** Absolute top level of the working tree. */
  root: string;
  /** Absolute .git folder (for a worktree: its own folder). */
  gitDir: string;
}

export interface RepositoryState {
  /** Checked-out branch (short name), null when detached. */
  branch: string | null;
  /** Commit HEAD points at; null in a repository without commits. */
  head: string | null;
  remotes: string[];
  problems: GitProblem[];
}

/** Opens the repository containing `folder`, or throws a RecapError saying what to do. */
export async function openRepository(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<Repository> {
  const git = new Git(folder, env);
  let lines: string[];
  try {
    lines = (await git.text(['rev-parse', '--show-toplevel', '--absolute-git-dir'])).split('\n');
  } catch (error) {
    if (error instanceof GitCommandError && /not a git repository/i.test(error.stderr)) {
      throw new RecapError('refused', notARepoMessage(folder));
    }
    if (error instanceof GitCommandError && /dubious ownership/i.test(error.stderr)) {
      throw new RecapError('refused', `Git does not trust ${folder} because another user owns it. Run \`git config --global --add safe.directory ${folder}\` if you trust it.`);
    }
    throw error;
  }
  const [root, gitDir] = lines;
  if (!root || !gitDir) throw new RecapError('refused', `${folder} is inside a git folder without a working tree. Open a normal clone instead.`);
  return { git: git.at(root), root, gitDir };
}

export function notARepoMessage(folder: string): string {
  return `${folder} is not in a git repository. Run \`git init\` there (or clone your site) to export posts.`;
}

/** Ongoing operations git leaves marker files for, and how to finish or abort each. */
const IN_PROGRESS: { marker: string; what: string; todo: string }[] = [
  { marker: 'rebase-merge', what: 'A rebase', todo: 'git rebase --continue or git rebase --abort' },
  { marker: 'rebase-apply', what: 'A rebase (or git am)', todo: 'git rebase --continue or git rebase --abort' },
  { marker: 'MERGE_HEAD', what: 'A merge', todo: 'git commit or git merge --abort' },
  { marker: 'CHERRY_PICK_HEAD', what: 'A cherry-pick', todo: 'git cherry-pick --continue or git cherry-pick --abort' },
  { marker: 'REVERT_HEAD', what: 'A revert', todo: 'git revert --continue or git revert --abort' },
];

export async function inspectRepository(repo: Repository): Promise<RepositoryState> {
  const { git } = repo;
  const problems: GitProblem[] = [];
  const [symbolic, head, remotesText, name, email] = await Promise.all([
    git.maybe(['symbolic-ref', '--quiet', '--short', 'HEAD']),
    git.maybe(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    git.text(['remote']),
    git.maybe(['config', 'user.name']),
    git.maybe(['config', 'user.email']),
  ]);
  const branch = symbolic;
  if (branch === null) {
    problems.push({
      code: 'detached-head',
      message: 'HEAD is detached: you are not on a branch. Switch to one first (git switch <branch>), then export.',
      pushOnly: false,
    });
  }
  for (const { marker, what, todo } of IN_PROGRESS) {
    if (await pathExists(path.join(repo.gitDir, marker))) {
      problems.push({ code: 'operation-in-progress', message: `${what} is in progress in this repository. Finish or abort it first (${todo}).`, pushOnly: false });
      break;
    }
  }
  // The environment can name the author too (GIT_AUTHOR_NAME…), as git itself allows.
  const env = git.baseEnv;
  const hasName = Boolean(name?.trim()) || Boolean(env.GIT_AUTHOR_NAME && env.GIT_COMMITTER_NAME);
  const hasEmail = Boolean(email?.trim()) || Boolean((env.GIT_AUTHOR_EMAIL && env.GIT_COMMITTER_EMAIL) || env.EMAIL);
  if (!hasName || !hasEmail) {
    const missing = [!hasName && 'user.name', !hasEmail && 'user.email'].filter(Boolean).join(' and ');
    problems.push({
      code: 'no-identity',
      message: `Git does not know who you are (${missing} is not set). Run \`git config --global user.name "Your Name"\` and \`git config --global user.email you@example.com\`, then try again.`,
      pushOnly: false,
    });
  }
  const remotes = remotesText.split('\n').filter(Boolean);
  if (remotes.length === 0) {
    problems.push({
      code: 'no-remote',
      message: 'This repository has no remote to push to. Add one (git remote add origin <url>) to push; committing works without it.',
      pushOnly: true,
    });
  }
  return { branch, head, remotes, problems };
}

/** Throws the first problem that stops a commit (and, when pushing, a push). */
export function refuseOnProblems(problems: readonly GitProblem[], pushing: boolean): void {
  const blocking = problems.find((p) => !p.pushOnly || pushing);
  if (blocking) throw new RecapError('refused', blocking.message);
}
