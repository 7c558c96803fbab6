/**
 * Commits exactly the given files onto a branch without touching the
 * author's index or working tree: a temporary index is filled from the parent
 * commit plus the files, written as a tree and committed with commit-tree;
 * the branch moves only if nobody moved it meanwhile (update-ref old value).
 *
 * Plumbing skips what `git commit` does for free, so it is done here: the
 * pre-commit, commit-msg and post-commit hooks run (`git hook run`, with the
 * temporary index, so a hook sees what is being committed) and
 * commit.gpgSign is honoured.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { Repository } from './repository';
import { GitCommandError, type Git } from './run-git';

export interface FileToCommit {
  repoPath: string;
  content: Buffer;
  executable: boolean;
}

export interface CommitRequest {
  /** Commit the new one builds on; null for the first commit of a repository. */
  parent: string | null;
  /** `HEAD` for the checked-out branch (its entries in the real index are updated), else `refs/heads/<name>`. */
  ref: string;
  /** What the ref must point at now (null: it must not exist yet). */
  expectedOld: string | null;
  files: readonly FileToCommit[];
  message: string;
}

export async function commitFiles(repo: Repository, request: CommitRequest): Promise<string> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'recap-export-'));
  try {
    const git = repo.git;
    const indexEnv = { GIT_INDEX_FILE: path.join(temp, 'index') };
    await git.run(request.parent ? ['read-tree', request.parent] : ['read-tree', '--empty'], { env: indexEnv });
    for (const file of request.files) {
      // --path applies the repository's clean filters (autocrlf, LFS) as `git add` would.
      const blob = await git.text(['hash-object', '-w', `--path=${file.repoPath}`, '--stdin'], { input: file.content });
      await git.run(['update-index', '--add', '--cacheinfo', `${file.executable ? '100755' : '100644'},${blob},${file.repoPath}`], { env: indexEnv });
    }
    const tree = await git.text(['write-tree'], { env: indexEnv });
    if (request.parent && tree === (await git.text(['rev-parse', `${request.parent}^{tree}`]))) {
      throw new RecapError('refused', 'Nothing to commit: the chosen files are already committed exactly like this.');
    }

    await runHook(git, 'pre-commit', [], indexEnv);
    const messageFile = path.join(temp, 'COMMIT_EDITMSG');
    await writeFile(messageFile, request.message.trim() + '\n');
    await runHook(git, 'commit-msg', [messageFile], indexEnv);
    const message = (await readFile(messageFile, 'utf8')).trim();
    if (!message) throw new RecapError('refused', 'The commit message is empty. Write what this commit adds or changes.');
    await writeFile(messageFile, message + '\n');

    const sign = (await git.maybe(['config', '--type=bool', 'commit.gpgSign'])) === 'true';
    const commitArgs = ['commit-tree', tree, ...(request.parent ? ['-p', request.parent] : []), ...(sign ? ['-S'] : []), '-F', messageFile];
    const commit = await git.text(commitArgs).catch((error: unknown) => {
      throw commitFailure(error);
    });

    const reflog = `recap export: ${message.split('\n')[0]}`;
    try {
      await git.run(['update-ref', '-m', reflog, request.ref, commit, request.expectedOld ?? '']);
    } catch (error) {
      if (error instanceof GitCommandError) {
        throw new RecapError('conflict', `The branch changed while Recap was committing (${error.stderr.trim()}). Try again.`);
      }
      throw error;
    }
    if (request.ref === 'HEAD') {
      // The checked-out branch moved: make the real index agree for these paths only; other staged work stays staged.
      await git.run(['reset', '-q', '--', ...request.files.map((f) => f.repoPath)], { okCodes: [0, 1] });
    }
    await runHook(git, 'post-commit', [], {}).catch(() => undefined);
    return commit;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Runs a hook if the repository has one; older git without `git hook` skips hooks. */
async function runHook(git: Git, name: string, args: string[], env: Record<string, string>): Promise<void> {
  const result = await git.run(['hook', 'run', '--ignore-missing', name, ...(args.length ? ['--', ...args] : [])], { env }).catch((error: unknown) => {
    if (error instanceof GitCommandError) return error;
    throw error;
  });
  if (result.code === 0) return;
  const output = (result.stderr + result.stdout).trim();
  if (/is not a git command|unknown subcommand|usage: git hook/i.test(output)) return;
  throw new RecapError('refused', `The ${name} hook of this repository stopped the commit. Its output:\n${output || '(no output)'}`);
}

function commitFailure(error: unknown): unknown {
  if (!(error instanceof GitCommandError)) return error;
  const detail = error.stderr.trim();
  if (/gpg|sign/i.test(detail)) {
    return new RecapError('refused', `Git could not sign the commit (commit.gpgSign is on). Check your signing key setup. git said:\n${detail}`);
  }
  if (/identity|tell me who you are|user\.email|user\.name/i.test(detail)) {
    return new RecapError('refused', `Git does not know who you are. Set user.name and user.email (git config --global …). git said:\n${detail}`);
  }
  return new RecapError('refused', `git could not create the commit. git said:\n${detail}`);
}
