/**
 * "Pull with rebase" after a rejected push, without ever stashing.
 *
 * The branch is rebased without a working tree: each local commit's file
 * changes are replayed onto the remote tip in a temporary index. If the
 * remote changed the same file differently, nothing moves and the author is
 * told. (`git pull --rebase` would refuse whenever any unrelated file is
 * dirty, which is exactly the case an editor is in.) For the checked-out
 * branch, only the files the remote changed are then updated on disk.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import type { ExportProgress } from '../../../shared/export';
import { requireRemote, requireValidBranchName } from './branch-name';
import { parseProgressLine } from './push';
import type { Repository } from './repository';
import { GitCommandError } from './run-git';

export interface PullRequest {
  remote: string;
  branch: string;
  onProgress?: (progress: ExportProgress) => void;
}

interface Change {
  status: string;
  mode: string;
  blob: string;
  path: string;
}

/** Returns the branch's new tip. */
export async function pullRebase(repo: Repository, request: PullRequest): Promise<string> {
  const { remote, branch, onProgress } = request;
  const git = repo.git;
  await requireRemote(git, remote);
  await requireValidBranchName(git, branch);
  try {
    // `--` ends git's options: the remote can never be read as one (`--upload-pack=…`).
    await git.run(['fetch', '--progress', '--', remote, `refs/heads/${branch}`], { onStderrLine: (l) => onProgress?.(parseProgressLine(l, 'pull')) });
  } catch (error) {
    if (error instanceof GitCommandError) throw new RecapError('refused', `git could not fetch ${branch} from ${remote}. git said:\n${error.stderr.trim()}`);
    throw error;
  }
  const upstream = await git.text(['rev-parse', 'FETCH_HEAD']);
  const local = await git.text(['rev-parse', '--verify', `refs/heads/${branch}^{commit}`]);
  const checkedOut = (await git.maybe(['symbolic-ref', '--quiet', '--short', 'HEAD'])) === branch;
  const tip = await replayOnto(repo, { remote, branch, local, upstream });
  if (tip === local) return local;
  if (!checkedOut) {
    await git.run(['update-ref', '-m', `recap: pull --rebase ${remote} ${branch}`, `refs/heads/${branch}`, tip, local]);
    return tip;
  }
  await moveCheckedOutBranch(repo, { remote, branch, local, tip });
  return tip;
}

/**
 * The checked-out branch: the files the remote changed must be clean here
 * (else nothing moves); then HEAD moves and exactly those files are updated
 * in the index and working tree. Other uncommitted work is not touched.
 */
async function moveCheckedOutBranch(repo: Repository, { remote, branch, local, tip }: { remote: string; branch: string; local: string; tip: string }): Promise<void> {
  const git = repo.git;
  const changed = (await git.text(['diff', '--name-only', '-z', '--no-renames', local, tip])).split('\0').filter(Boolean);
  if (changed.length > 0) {
    const { stdout } = await git.run(['status', '--porcelain=v2', '-z', '--untracked-files=all', '--', ...changed]);
    const dirty = stdout.split('\0').find((record) => /^[12u?] /.test(record));
    if (dirty) {
      throw new RecapError('conflict', `The remote changed files you have uncommitted changes in (${dirty.split(' ').at(-1)}). Nothing was changed; commit or put aside that work first, or pull in a terminal.`);
    }
  }
  await git.run(['update-ref', '-m', `recap: pull --rebase ${remote} ${branch}`, 'HEAD', tip, local]);
  if (changed.length === 0) return;
  const inTip = new Set((await git.text(['ls-tree', '-r', '-z', '--name-only', tip, '--', ...changed])).split('\0').filter(Boolean));
  const updated = changed.filter((p) => inTip.has(p));
  const removed = changed.filter((p) => !inTip.has(p));
  if (updated.length > 0) await git.run(['checkout', tip, '--', ...updated]);
  if (removed.length > 0) await git.run(['rm', '-q', '--ignore-unmatch', '--', ...removed]);
}

/** Replays local's own commits onto upstream in a temporary index; returns the new tip (local itself when up to date). */
async function replayOnto(repo: Repository, { remote, branch, local, upstream }: { remote: string; branch: string; local: string; upstream: string }): Promise<string> {
  const git = repo.git;
  const base = await git.maybe(['merge-base', local, upstream]);
  if (base === upstream) return local; // already contains everything
  if (base === null) throw new RecapError('conflict', `${branch} and ${remote}/${branch} share no history. Resolve it in a terminal.`);
  if (base === local) return upstream; // nothing of ours: a fast-forward
  const commits = (await git.text(['rev-list', '--reverse', '--no-merges', `${upstream}..${local}`])).split('\n').filter(Boolean);
  if ((await git.text(['rev-list', '--merges', `${upstream}..${local}`])) !== '') {
    throw new RecapError('conflict', `${branch} contains merge commits; rebase it in a terminal (git rebase ${remote}/${branch}).`);
  }
  const temp = await mkdtemp(path.join(os.tmpdir(), 'recap-rebase-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(temp, 'index') };
    const sign = (await git.maybe(['config', '--type=bool', 'commit.gpgSign'])) === 'true';
    let tip = upstream;
    for (const commit of commits) {
      const changes = await changesOf(repo, commit);
      await git.run(['read-tree', tip], { env });
      for (const change of changes) {
        // The remote changed this file too (since the common base) and differently: a real conflict.
        const atBase = await git.maybe(['rev-parse', '--verify', '--quiet', `${base}:${change.path}`]);
        const atTip = await git.maybe(['rev-parse', '--verify', '--quiet', `${upstream}:${change.path}`]);
        const ours = change.status === 'D' ? null : change.blob;
        if (atBase !== atTip && atTip !== ours) {
          throw new RecapError('conflict', `${change.path} was changed both in your commit and on ${remote}/${branch}. Nothing was changed; resolve it in a terminal (git rebase).`);
        }
        if (change.status === 'D') await git.run(['update-index', '--force-remove', '--', change.path], { env });
        else await git.run(['update-index', '--add', '--cacheinfo', `${change.mode},${change.blob},${change.path}`], { env });
      }
      const tree = await git.text(['write-tree'], { env });
      const [name, email, date] = (await git.text(['log', '-1', '--format=%an%x00%ae%x00%ad', '--date=raw', commit])).split('\0');
      const messageFile = path.join(temp, 'message');
      await writeFile(messageFile, await git.text(['log', '-1', '--format=%B', commit]));
      tip = await git.text(['commit-tree', tree, '-p', tip, ...(sign ? ['-S'] : []), '-F', messageFile], {
        env: { GIT_AUTHOR_NAME: name ?? '', GIT_AUTHOR_EMAIL: email ?? '', GIT_AUTHOR_DATE: date ?? '' },
      });
    }
    return tip;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function changesOf(repo: Repository, commit: string): Promise<Change[]> {
  // -z records: ":oldmode newmode oldsha newsha status\0path\0"
  const parts = (await repo.git.text(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', `${commit}^`, commit])).split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, mode, , blob, status] = parts[i]!.split(' ');
    changes.push({ status: status ?? 'M', mode: mode ?? '100644', blob: blob ?? '', path: parts[i + 1]! });
  }
  return changes;
}
