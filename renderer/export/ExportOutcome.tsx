import type { ErrorInfo } from '../../shared/errors';
import type { ExportProgress, ExportResult, PushOutcome } from '../../shared/export';

/** Commit ids as git shows them in one line; the full id stays in the tooltip. */
function shortId(commit: string): string {
  return commit.slice(0, 7);
}

/** git's progress while committing, pushing or pulling: a bar when git gives a percentage, its line as status text. */
export function ExportProgressView({ progress, fallback }: { progress: ExportProgress | null; fallback: string }) {
  const percent = progress?.percent ?? null;
  return (
    <div className="export-progress">
      {/* Without a value, <progress> is indeterminate: git does not report one for every step. */}
      {percent === null ? <progress aria-label="Export progress" /> : <progress aria-label="Export progress" max={100} value={percent} />}
      <p role="status" className="export-progress-text">
        {progress?.message ?? fallback}
      </p>
    </div>
  );
}

export interface Aftermath {
  result: ExportResult;
  /** The latest push outcome: from the export, or from "Push again". */
  push: PushOutcome | null;
  /** The new tip after "Pull with rebase", once it succeeded. */
  pulled: string | null;
  /** What runs now, if anything. */
  working: 'pull' | 'push' | null;
  /** A failed "Pull with rebase" or "Push again" call (not a push refusal: that is in `push`). */
  error: ErrorInfo | null;
}

interface ExportOutcomeProps {
  after: Aftermath;
  progress: ExportProgress | null;
  onPullRebase: () => void;
  onPushAgain: () => void;
}

/** The result: the commit, what was pushed, or why the push failed with git's own words and the way out. */
export function ExportOutcome({ after, progress, onPullRebase, onPushAgain }: ExportOutcomeProps) {
  const { result, push, pulled, working, error } = after;
  const commit = pulled ?? result.commit;
  return (
    <div className="export-outcome">
      <p role="status">
        Committed{' '}
        <code className="export-commit" title={commit}>
          {shortId(commit)}
        </code>{' '}
        on <strong>{result.branch}</strong>
        {push?.ok ? (
          <>
            {' '}
            and pushed it to <strong>{push.remote}</strong>.
          </>
        ) : (
          '.'
        )}
      </p>
      <div className="export-hint">
        Files in the commit:
        <ul>
          {result.files.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
      </div>
      {push && !push.ok && (
        <div role="alert" className="export-notice notice danger">
          <p>
            <strong>Not pushed to {push.remote}.</strong> {push.explanation ?? 'git could not push.'}
          </p>
          {push.output !== '' && (
            <>
              <p>git said:</p>
              <pre className="export-git-output" aria-label="Git output">
                {push.output}
              </pre>
            </>
          )}
          {pulled !== null && <p>Pulled with rebase: your commit is now {shortId(pulled)}, on top of the remote's commits.</p>}
          <div className="notice-actions">
            {push.reason === 'rejected' && pulled === null ? (
              <button type="button" className="button small" disabled={working !== null} onClick={onPullRebase}>
                Pull with rebase
              </button>
            ) : (
              <button type="button" className="button small" disabled={working !== null} onClick={onPushAgain}>
                Push again
              </button>
            )}
          </div>
        </div>
      )}
      {error && (
        <div role="alert" className="export-notice notice danger">
          <p className="export-message">{error.message}</p>
        </div>
      )}
      {working && <ExportProgressView progress={progress} fallback={working === 'pull' ? 'Pulling with rebase…' : 'Pushing…'} />}
    </div>
  );
}
