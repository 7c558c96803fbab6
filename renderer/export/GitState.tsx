import type { PostGitState } from '../../shared/export';
import './export.css';

const LABELS: Partial<Record<PostGitState, string>> = { new: 'New', modified: 'Modified' };

/** "New" or "Modified" beside a post in the list; committed (and ignored) posts show nothing. */
export function GitStateBadge({ state }: { state: PostGitState | undefined }) {
  const label = state === undefined ? undefined : LABELS[state];
  if (!label) return null;
  return (
    <span className="badge git-state" data-git-state={state} title={state === 'new' ? 'Not yet committed to git' : 'Changed since the last commit'}>
      {label}
    </span>
  );
}

/** The checked-out branch, quietly at the foot of the sidebar. */
export function GitBranch({ branch }: { branch: string | null }) {
  return (
    <div className="git-branch">
      {branch === null ? (
        'Not on a branch (detached HEAD)'
      ) : (
        <>
          Branch <span className="git-branch-name">{branch}</span>
        </>
      )}
    </div>
  );
}
