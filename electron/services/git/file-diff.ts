/**
 * How new bytes for a path differ from that path in a commit. Comparing
 * against the commit (not the index) is what the export commits, for the
 * site's own repository and for another one alike; blob ids come from
 * `git hash-object --path`, so autocrlf and LFS filters are respected.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExportFile } from '../../../shared/export';
import type { Repository } from './repository';

/** Diffs beyond this are cut: the dialog shows the start and says so. */
export const MAX_DIFF_BYTES = 256 * 1024;

export interface FileDiff {
  status: ExportFile['status'];
  diff: string;
  truncated: boolean;
}

export async function blobAt(repo: Repository, commit: string | null, repoPath: string): Promise<string | null> {
  if (commit === null) return null;
  return repo.git.maybe(['rev-parse', '--verify', '--quiet', `${commit}:${repoPath}`]);
}

export async function diffAgainstCommit(repo: Repository, commit: string | null, repoPath: string, content: Buffer): Promise<FileDiff> {
  const [oldBlob, newBlob] = await Promise.all([
    blobAt(repo, commit, repoPath),
    repo.git.text(['hash-object', `--path=${repoPath}`, '--stdin'], { input: content }),
  ]);
  if (oldBlob === newBlob) return { status: 'committed', diff: '', truncated: false };

  const temp = await mkdtemp(path.join(os.tmpdir(), 'recap-diff-'));
  try {
    // Files named a/<path> and b/<path> with --no-prefix give the headers git users expect.
    const before = path.join('a', ...repoPath.split('/'));
    const after = path.join('b', ...repoPath.split('/'));
    await mkdir(path.dirname(path.join(temp, after)), { recursive: true });
    await writeFile(path.join(temp, after), content);
    if (oldBlob !== null) {
      await mkdir(path.dirname(path.join(temp, before)), { recursive: true });
      await writeFile(path.join(temp, before), (await repo.git.run(['cat-file', 'blob', oldBlob])).stdoutBytes);
    }
    const result = await repo.git.run(['diff', '--no-index', '--no-prefix', '--no-color', '--no-ext-diff', '--', oldBlob === null ? '/dev/null' : before, after], {
      cwd: temp,
      okCodes: [0, 1],
      maxStdout: MAX_DIFF_BYTES,
    });
    return { status: oldBlob === null ? 'new' : 'modified', diff: result.stdout, truncated: result.truncated };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
