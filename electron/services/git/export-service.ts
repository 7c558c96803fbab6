/**
 * Exporting a post, as the Export dialog, the API and `recap export` see it:
 * preview, commit (and push), push again, pull with rebase. Exports into one
 * repository run one at a time.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecapError } from '../../../shared/errors';
import { PUBLISHING_BRANCH_NAMES } from '../../../shared/export-settings';
import { remoteNameProblem } from '../../../shared/git-names';
import type { ExportBranch, ExportPreview, ExportProgress, ExportResult, PushOutcome } from '../../../shared/export';
import { writeFileAtomic } from '../documents/atomic-write';
import { requirePost } from '../documents/post-gate';
import { detectSiteKind } from '../workspace/detect-site';
import { branchForPost, requireRemote, requireValidBranchName } from './branch-name';
import { commitFiles } from './commit-files';
import { describeFiles, planExport, resolveExportTarget, type ExportTarget, type PlannedFile } from './export-plan';
import { findCheckErrors, refuseOnCheckErrors, type PrePublishCheck } from './pre-publish-gate';
import { pullRebase } from './pull-rebase';
import { pushBranch } from './push';
import { inspectRepository, refuseOnProblems, type Repository, type RepositoryState } from './repository';
import { pathStates } from './status';

export interface ExportContext {
  siteRoot: string;
  /** The author's environment for git (io.env in the CLI). */
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: ExportProgress) => void;
  /** Overrides the pre-publish check (null: no check). */
  check?: PrePublishCheck | null;
}

export interface ExportRequest {
  path: string;
  /** Site-relative paths from the preview; the post and any of its images. */
  files: readonly string[];
  message: string;
  branch: ExportBranch;
  push?: { remote: string } | undefined;
  /** "Export anyway": commit although the check found errors. */
  force?: boolean;
  /** The author confirmed pushing to a branch the site publishes from. */
  confirmPublish?: boolean;
}

export async function exportPreview(context: ExportContext, postPath: string): Promise<ExportPreview> {
  requirePost({ kind: await detectSiteKind(context.siteRoot) }, postPath);
  const target = await resolveExportTarget(context.siteRoot, env(context));
  const state = await inspectRepository(target.repo);
  const plan = await planExport(context.siteRoot, postPath, target);
  const files = await describeFiles(target.repo, state.head, plan.files);
  const title = postTitle(plan.post.frontMatter, plan.post.post);
  const postFile = files.find((f) => f.kind === 'post');
  const suggested = branchForPost(target.config.branchPattern, plan.post.post);
  return {
    title,
    files,
    skipped: plan.post.skipped,
    message: `${postFile?.status === 'new' ? 'Add' : 'Update'} post: ${title}`,
    branches: {
      current: state.branch,
      suggested,
      suggestedExists: (await target.repo.git.maybe(['rev-parse', '--verify', '--quiet', `refs/heads/${suggested}`])) !== null,
    },
    remotes: state.remotes,
    publishing: await publishingBranches(target.repo, await defaultRemote(target, state)),
    defaultRemote: await defaultRemote(target, state),
    target: { kind: target.kind, root: target.repo.root },
    problems: state.problems,
    checkErrors: await findCheckErrors(context.check, context.siteRoot, plan.post.post),
  };
}

export async function exportPost(context: ExportContext, request: ExportRequest): Promise<ExportResult> {
  requirePost({ kind: await detectSiteKind(context.siteRoot) }, request.path);
  const target = await resolveExportTarget(context.siteRoot, env(context));
  return serialize(target.repo.root, async () => {
    const state = await inspectRepository(target.repo);
    refuseOnProblems(state.problems, request.push !== undefined);
    // A remote that does not exist is refused before anything is committed.
    if (request.push) await requireRemote(target.repo.git, request.push.remote);
    if (!request.force) refuseOnCheckErrors(request.path, await findCheckErrors(context.check, context.siteRoot, request.path));

    const plan = await planExport(context.siteRoot, request.path, target);
    const chosen = chooseFiles(plan.files, request.files);
    const destination = await resolveBranch(target.repo, state, request.branch);
    if (request.push && !request.confirmPublish && (await publishingBranches(target.repo, request.push.remote)).includes(destination.branch)) {
      throw new RecapError(
        'refused',
        `Pushing to ${destination.branch} publishes the site (${request.push.remote} publishes from it); nothing was committed. Confirm the push (recap export --yes, or the confirmation in the Export dialog), or export on a new branch.`,
      );
    }
    if (target.kind === 'other-repo' && destination.ref === 'HEAD') await refuseOverwritingWork(target.repo, chosen);

    context.onProgress?.({ phase: 'commit', message: `Committing ${chosen.length} file${chosen.length === 1 ? '' : 's'} on ${destination.branch}`, percent: null });
    const commit = await commitFiles(target.repo, { parent: destination.parent, ref: destination.ref, expectedOld: destination.parent === null ? null : destination.expectedOld, files: chosen, message: request.message });
    if (target.kind === 'other-repo' && destination.ref === 'HEAD') await writeIntoWorktree(target.repo, chosen);

    let push: PushOutcome | null = null;
    if (request.push) {
      const hasUpstream = (await target.repo.git.maybe(['config', `branch.${destination.branch}.remote`])) !== null;
      push = await pushBranch(target.repo, { remote: request.push.remote, branch: destination.branch, setUpstream: !hasUpstream, onProgress: context.onProgress });
    }
    return { commit, branch: destination.branch, files: chosen.map((f) => f.repoPath), push };
  });
}

/** Push a branch of the export repository again (after a failure or a pull). */
export async function pushExport(context: ExportContext, request: { remote: string; branch: string }): Promise<PushOutcome> {
  const target = await resolveExportTarget(context.siteRoot, env(context));
  return serialize(target.repo.root, () => pushBranch(target.repo, { ...request, setUpstream: false, onProgress: context.onProgress }));
}

/** "Pull with rebase" offered after a rejected push; returns the branch's new tip. */
export async function pullRebaseExport(context: ExportContext, request: { remote: string; branch: string }): Promise<{ commit: string }> {
  const target = await resolveExportTarget(context.siteRoot, env(context));
  return serialize(target.repo.root, async () => ({ commit: await pullRebase(target.repo, { ...request, onProgress: context.onProgress }) }));
}

function env(context: ExportContext): NodeJS.ProcessEnv {
  return context.env ?? process.env;
}

function postTitle(frontMatter: Record<string, unknown> | null, postPath: string): string {
  const title = frontMatter?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  return path.posix.basename(postPath).replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/[-_]+/g, ' ');
}

function chooseFiles(planned: readonly PlannedFile[], chosen: readonly string[]): PlannedFile[] {
  if (chosen.length === 0) throw new RecapError('bad-request', 'Choose at least one file to export.');
  const files: PlannedFile[] = [];
  for (const name of new Set(chosen)) {
    const file = planned.find((f) => f.path === name);
    if (!file) throw new RecapError('bad-request', `${name} is not one of this post's files (the post and the images it references).`);
    files.push(file);
  }
  return files;
}

interface Destination {
  branch: string;
  ref: string;
  parent: string | null;
  expectedOld: string | null;
}

async function resolveBranch(repo: Repository, state: RepositoryState, choice: ExportBranch): Promise<Destination> {
  if (choice.kind === 'current' || choice.name === state.branch) {
    if (state.branch === null) throw new RecapError('refused', 'HEAD is detached: you are not on a branch. Switch to one first (git switch <branch>), then export.');
    return { branch: state.branch, ref: 'HEAD', parent: state.head, expectedOld: state.head };
  }
  await requireValidBranchName(repo.git, choice.name);
  const existing = await repo.git.maybe(['rev-parse', '--verify', '--quiet', `refs/heads/${choice.name}^{commit}`]);
  // A new branch starts from the checked-out commit; an existing one (an earlier export of this post) gets a commit on top.
  return { branch: choice.name, ref: `refs/heads/${choice.name}`, parent: existing ?? state.head, expectedOld: existing };
}

/** The remote's default branch (its HEAD, as a clone records it) and the conventional publishing names. */
async function publishingBranches(repo: Repository, remote: string | null): Promise<string[]> {
  const names = new Set(PUBLISHING_BRANCH_NAMES);
  if (remote !== null && remoteNameProblem(remote) === null) {
    const head = await repo.git.maybe(['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`]);
    if (head?.startsWith(`${remote}/`)) names.add(head.slice(remote.length + 1));
  }
  return [...names];
}

async function defaultRemote(target: ExportTarget, state: RepositoryState): Promise<string | null> {
  const configured = target.config.remote;
  if (configured && state.remotes.includes(configured)) return configured;
  const upstream = state.branch ? await target.repo.git.maybe(['config', `branch.${state.branch}.remote`]) : null;
  if (upstream && state.remotes.includes(upstream)) return upstream;
  if (state.remotes.includes('origin')) return 'origin';
  return state.remotes[0] ?? null;
}

/** Exporting onto another clone's checked-out branch writes its files: never over uncommitted work there. */
async function refuseOverwritingWork(repo: Repository, files: readonly PlannedFile[]): Promise<void> {
  const { states } = await pathStates(repo, files.map((f) => f.repoPath));
  for (const file of files) {
    const state = states.get(file.repoPath);
    if (state === 'changed' || state === 'added') {
      throw new RecapError('conflict', `${file.repoPath} has uncommitted changes in ${repo.root}. Commit or discard them there first, or export on a new branch.`);
    }
    if (state === 'untracked') {
      const existing = await readFile(path.join(repo.root, file.repoPath)).catch(() => null);
      if (existing && !existing.equals(file.content)) {
        throw new RecapError('conflict', `${file.repoPath} already exists (uncommitted) in ${repo.root} with other content. Move it away first, or export on a new branch.`);
      }
    }
  }
}

async function writeIntoWorktree(repo: Repository, files: readonly PlannedFile[]): Promise<void> {
  for (const file of files) {
    const absolute = path.join(repo.root, ...file.repoPath.split('/'));
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFileAtomic(absolute, file.content);
  }
  // Refresh the index entries' file stats so the files show as committed, not modified.
  await repo.git.run(['reset', '-q', '--', ...files.map((f) => f.repoPath)], { okCodes: [0, 1] });
}

const queues = new Map<string, Promise<unknown>>();

/** One export at a time per repository: two dialogs must not race for the same branch. */
function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
