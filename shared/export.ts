/**
 * What the Export dialog, the post list and `recap export` exchange with the
 * git service: repository status, an export preview, and the result of a
 * commit and push. Plain data, so it crosses every door unchanged.
 */

/** A post relative to the last commit: untracked, changed, or as committed. `ignored` means .gitignore hides it. */
export type PostGitState = 'new' | 'modified' | 'committed' | 'ignored';

/** Something about the repository that stops an export (or only a push), with what to do about it. */
export interface GitProblem {
  code: 'git-missing' | 'not-a-repo' | 'detached-head' | 'operation-in-progress' | 'no-remote' | 'no-identity';
  /** A sentence for the author, ending with what to do. */
  message: string;
  /** True when it only stops pushing (no remote); committing still works. */
  pushOnly: boolean;
}

export interface GitStatus {
  /** False when the site is not in a git repository (or git is missing: see problems). */
  repo: boolean;
  /** The checked-out branch; null when detached or not a repository. */
  branch: string | null;
  problems: GitProblem[];
  /** Every post of the site by its site-relative path. Empty when `repo` is false. */
  posts: Record<string, PostGitState>;
}

/** One file that belongs to a post: the post itself or an image it references. */
export interface ExportFile {
  /** Site-relative path, `/` separators: the id to send back in `exportPost.files`. */
  path: string;
  /** Where it lands in the export repository (differs from `path` when exporting to another repository). */
  repoPath: string;
  kind: 'post' | 'image';
  /** Compared with the commit the export builds on. */
  status: 'new' | 'modified' | 'committed';
  /** Unified diff (git's format); cut at a size limit, see `diffTruncated`. */
  diff: string;
  diffTruncated: boolean;
  /** Pre-ticked in the dialog: everything new or modified. */
  selected: boolean;
}

/** An image the post references that will not be exported, and why. */
export interface SkippedReference {
  reference: string;
  reason: 'missing' | 'outside-site' | 'ignored';
}

export interface ExportPreview {
  /** The post's title, as used in the message. */
  title: string;
  files: ExportFile[];
  skipped: SkippedReference[];
  /** "Add post: …" or "Update post: …". */
  message: string;
  branches: {
    /** The checked-out branch of the export repository (null when detached). */
    current: string | null;
    /** `post/<slug>`, or the pattern from `.recap.json`. */
    suggested: string;
    /** True when the suggested branch already exists: the export adds a commit on top of it. */
    suggestedExists: boolean;
  };
  remotes: string[];
  /**
   * Branches the site publishes from (the default remote's default branch,
   * main, master, gh-pages…): pushing to one needs `confirmPublish`.
   */
  publishing?: string[];
  /** The remote to preselect: the branch's upstream remote, else `origin`, else the first. */
  defaultRemote: string | null;
  /** Where the commit goes: the site's own repository, or the target from `.recap.json`. */
  target: { kind: 'site' | 'other-repo'; root: string };
  /** Problems that stop the export (or only the push); the dialog shows them and disables what they stop. */
  problems: GitProblem[];
  /**
   * Errors from the pre-publish check: when not empty, exporting needs `force`
   * ("Export anyway"). Empty until the check service is wired in.
   */
  checkErrors: { line: number; rule: string; message: string }[];
}

export type ExportBranch = { kind: 'current' } | { kind: 'new'; name: string };

export type PushFailureReason = 'rejected' | 'auth' | 'network' | 'remote-missing' | 'other';

export interface PushOutcome {
  ok: boolean;
  remote: string;
  branch: string;
  /** On failure: what it means in plain words and what to do. */
  explanation: string | null;
  reason: PushFailureReason | null;
  /** git's own output, verbatim (shown under the explanation). */
  output: string;
}

export interface ExportResult {
  /** Full id of the new commit. */
  commit: string;
  branch: string;
  /** Repository-relative paths committed. */
  files: string[];
  /** Null when no push was asked for. A failed push leaves the commit in place. */
  push: PushOutcome | null;
}

/** Sent while committing and pushing; `percent` when git reports one. */
export interface ExportProgress {
  phase: 'commit' | 'push' | 'pull';
  /** git's progress line without the trailing noise, e.g. "Writing objects: 100% (3/3)". */
  message: string;
  percent: number | null;
}
