import type { MethodInput } from '../../shared/api';
import type { ExportFile, ExportPreview } from '../../shared/export';

/** What the author chose in the Export dialog. */
export interface ExportChoices {
  /** Paths of the ticked files. */
  selected: ReadonlySet<string>;
  message: string;
  branch: 'current' | 'new';
  branchName: string;
  push: boolean;
  remote: string;
  /** The author confirmed pushing to a branch the site publishes from. */
  confirmPublish: boolean;
}

/** The dialog's starting point: the service's picks (new and changed files, its message, its remote). */
export function initialChoices(preview: ExportPreview): ExportChoices {
  return {
    selected: new Set(preview.files.filter((file) => file.selected).map((file) => file.path)),
    message: preview.message,
    // A review branch is the usual way to publish; without a current branch it is the only one.
    branch: 'new',
    branchName: preview.branches.suggested,
    push: false,
    remote: preview.defaultRemote ?? preview.remotes[0] ?? '',
    confirmPublish: false,
  };
}

/** The branch the commit goes on, when pushing it would publish the site (main, gh-pages…); else null. */
export function publishingTarget(preview: ExportPreview, choices: ExportChoices): string | null {
  if (!choices.push || !canPush(preview)) return null;
  const branch = choices.branch === 'current' ? preview.branches.current : choices.branchName.trim();
  return branch !== null && (preview.publishing ?? []).includes(branch) ? branch : null;
}

/** Problems that stop the commit itself; push-only ones (no remote) just disable pushing. */
export function blockingProblems(preview: ExportPreview) {
  return preview.problems.filter((problem) => !problem.pushOnly);
}

export function canPush(preview: ExportPreview): boolean {
  return preview.remotes.length > 0 && !preview.problems.some((problem) => problem.pushOnly);
}

/** Why the commit button is disabled, in words (null when it is not). */
export function whyNotReady(preview: ExportPreview, choices: ExportChoices): string | null {
  if (blockingProblems(preview).length > 0) return 'Fix the problem above first.';
  if (preview.files.every((file) => file.status === 'committed')) return 'Nothing to export: the post and its images are committed as they are.';
  if (choices.selected.size === 0) return 'Tick at least one file.';
  if (choices.message.trim() === '') return 'Write a commit message.';
  if (choices.branch === 'new' && choices.branchName.trim() === '') return 'Name the new branch.';
  if (choices.branch === 'current' && preview.branches.current === null) return 'Not on a branch: choose a new branch.';
  if (choices.push && choices.remote === '') return 'Choose a remote to push to.';
  const publishing = publishingTarget(preview, choices);
  if (publishing !== null && !choices.confirmPublish) return `Confirm the push to ${publishing}: it publishes the site.`;
  return null;
}

export type ExportRequest = MethodInput<'exportPost'>;

/** The exportPost call: only the ticked files, in the order the dialog lists them. */
export function exportRequest(path: string, preview: ExportPreview, choices: ExportChoices, force: boolean): ExportRequest {
  const files = preview.files.filter((file) => choices.selected.has(file.path)).map((file) => file.path);
  const request: ExportRequest = {
    path,
    files,
    message: choices.message.trim(),
    branch: choices.branch === 'new' ? { kind: 'new', name: choices.branchName.trim() } : { kind: 'current' },
  };
  if (choices.push && canPush(preview)) request.push = { remote: choices.remote };
  if (force) request.force = true;
  if (request.push && choices.confirmPublish && publishingTarget(preview, choices) !== null) request.confirmPublish = true;
  return request;
}

export function statusLabel(status: ExportFile['status']): string {
  return status === 'new' ? 'new' : status === 'modified' ? 'modified' : 'unchanged';
}
