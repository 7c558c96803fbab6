/**
 * `git push` with progress, and its failures in plain words: the
 * explanation first, git's own message verbatim after it.
 */
import type { ExportProgress, PushFailureReason, PushOutcome } from '../../../shared/export';
import { remoteNameProblem } from '../../../shared/git-names';
import { listRemotes, requireValidBranchName, unknownRemoteMessage } from './branch-name';
import type { Repository } from './repository';
import { GitCommandError } from './run-git';

export interface PushRequest {
  remote: string;
  branch: string;
  /** Record the remote branch as upstream (for a branch Recap created). */
  setUpstream: boolean;
  onProgress?: (progress: ExportProgress) => void;
}

const EXPLANATIONS: Record<PushFailureReason, string> = {
  rejected:
    'The remote branch has commits that are not in yours, so git refused to overwrite them. Pull them with rebase (your commit is replayed on top), then push again.',
  auth: 'The remote did not accept your credentials. Check that your SSH key or credential helper works for this remote (try `git push` in a terminal), then push again.',
  network: 'Could not reach the remote: check your network connection (and VPN or proxy), then push again. Your commit is saved locally.',
  'remote-missing': 'The remote repository was not found. Check the remote\'s URL (git remote -v) and that the repository exists and you have access.',
  other: 'git could not push. Read git\'s message below; your commit is saved locally.',
};

/** What a failed push means, from git's stderr. Order matters: ssh prints "Could not read from remote" for auth failures too. */
export function classifyPushFailure(stderr: string): PushFailureReason {
  if (/\[rejected\]|non-fast-forward|fetch first|Updates were rejected/i.test(stderr)) return 'rejected';
  if (/Authentication failed|Permission denied|could not read (Username|Password)|terminal prompts disabled|Invalid username or password|HTTP(?:\/\S+)? 40[13]|returned error: 40[13]|Host key verification failed/i.test(stderr)) {
    return 'auth';
  }
  if (/does not appear to be a git repository|Repository not found|No such remote|not found\b.*repository/i.test(stderr)) return 'remote-missing';
  if (/Could not resolve host|Could not resolve hostname|Network is unreachable|Connection (refused|timed out|reset)|Operation timed out|No route to host|Failed to connect|unable to access/i.test(stderr)) {
    return 'network';
  }
  return 'other';
}

export function explainPushFailure(reason: PushFailureReason): string {
  return EXPLANATIONS[reason];
}

/** "Writing objects:  50% (1/2), 300 bytes | …" → a progress event. */
export function parseProgressLine(line: string, phase: ExportProgress['phase']): ExportProgress {
  const message = line.replace(/\s+/g, ' ').trim();
  const percent = /(\d{1,3})% \(/.exec(message);
  return { phase, message, percent: percent ? Number(percent[1]) : null };
}

export async function pushBranch(repo: Repository, request: PushRequest): Promise<PushOutcome> {
  const { remote, branch } = request;
  await requireValidBranchName(repo.git, branch);
  const remotes = await listRemotes(repo.git);
  if (remoteNameProblem(remote) !== null || !remotes.includes(remote)) {
    return { ok: false, remote, branch, reason: 'remote-missing', explanation: unknownRemoteMessage(remote, remotes), output: '' };
  }
  // `--` ends git's options: the remote can never be read as one.
  const args = ['push', '--progress', ...(request.setUpstream ? ['--set-upstream'] : []), '--', remote, `refs/heads/${branch}:refs/heads/${branch}`];
  try {
    const result = await repo.git.run(args, { onStderrLine: (line) => request.onProgress?.(parseProgressLine(line, 'push')) });
    return { ok: true, remote, branch, reason: null, explanation: null, output: result.stderr.trim() };
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    const reason = classifyPushFailure(error.stderr);
    return { ok: false, remote, branch, reason, explanation: explainPushFailure(reason), output: lastLines(error.stderr) };
  }
}

/** git's message without the progress chatter before it. */
function lastLines(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .map((line) => line.split('\r').at(-1) ?? '')
    .filter((line) => line.trim() && !/^(Enumerating|Counting|Compressing|Writing|Delta|Total) /.test(line))
    .join('\n');
}
