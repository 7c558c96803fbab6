import { useId } from 'react';
import type { ExportPreview, SkippedReference } from '../../shared/export';
import { blockingProblems, canPush, publishingTarget, statusLabel, type ExportChoices } from './export-form';

interface ExportFormProps {
  preview: ExportPreview;
  choices: ExportChoices;
  onChange: (choices: ExportChoices) => void;
  /** While committing and pushing nothing can change. */
  disabled: boolean;
}

const SKIP_REASONS: Record<SkippedReference['reason'], string> = {
  missing: 'file not found',
  'outside-site': 'outside the site folder',
  ignored: 'ignored by .gitignore',
};

/** The review part of the Export dialog: repository problems, check errors, files, message, branch and push. */
export function ExportForm({ preview, choices, onChange, disabled }: ExportFormProps) {
  const id = useId();
  const blocking = blockingProblems(preview);
  const pushOnly = preview.problems.filter((problem) => problem.pushOnly);
  const pushable = canPush(preview);
  const publishing = publishingTarget(preview, choices);
  const set = (change: Partial<ExportChoices>) => onChange({ ...choices, ...change });
  const toggle = (path: string, on: boolean) => {
    const selected = new Set(choices.selected);
    if (on) selected.add(path);
    else selected.delete(path);
    set({ selected });
  };
  const branchName = choices.branchName.trim();
  const { current, suggested, suggestedExists } = preview.branches;

  return (
    <div className="export-form">
      {blocking.length > 0 && (
        <div role="alert" className="export-notice notice danger">
          {blocking.map((problem) => (
            <p key={problem.code}>{problem.message}</p>
          ))}
        </div>
      )}

      {preview.checkErrors.length > 0 && (
        <div role="alert" className="export-notice notice danger" aria-labelledby={`${id}-check`}>
          <p id={`${id}-check`}>
            <strong>
              The check found {preview.checkErrors.length} error{preview.checkErrors.length === 1 ? '' : 's'} in this post.
            </strong>{' '}
            Fix them and save, or export anyway.
          </p>
          <ul className="export-check-errors">
            {preview.checkErrors.map((error, index) => (
              <li key={`${error.line}-${error.rule}-${index}`}>
                Line {error.line}: {error.message} <code>{error.rule}</code>
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview.target.kind === 'other-repo' && (
        <p className="export-target">
          Exports into the repository at <code>{preview.target.root}</code> (set in .recap.json).
        </p>
      )}

      <fieldset className="export-fieldset" disabled={disabled}>
        <legend>Files</legend>
        <ul className="export-files">
          {preview.files.map((file, index) => {
            const statusId = `${id}-file-${index}-status`;
            return (
              <li key={file.path} className="export-file">
                <div className="export-file-row">
                  <label className="export-file-label">
                    <input
                      type="checkbox"
                      checked={choices.selected.has(file.path)}
                      onChange={(event) => toggle(file.path, event.target.checked)}
                      aria-describedby={statusId}
                    />
                    <span className="export-path">{file.path}</span>
                  </label>
                  <span id={statusId} className="badge git-state" data-git-state={file.status}>
                    {statusLabel(file.status)}
                  </span>
                </div>
                {file.repoPath !== file.path && <div className="export-repo-path">to {file.repoPath}</div>}
                {file.diff !== '' && (
                  <details className="export-diff">
                    <summary>
                      Diff<span className="visually-hidden"> of {file.path}</span>
                    </summary>
                    <pre>{file.diff}</pre>
                    {file.diffTruncated && <p className="export-hint">The diff is cut short here; the whole file is committed.</p>}
                  </details>
                )}
              </li>
            );
          })}
        </ul>
        {preview.skipped.length > 0 && (
          <div className="export-hint">
            Not exported:
            <ul>
              {preview.skipped.map((skip) => (
                <li key={skip.reference}>
                  <code>{skip.reference}</code> ({SKIP_REASONS[skip.reason]})
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <div className="export-field">
        <label htmlFor={`${id}-message`}>Commit message</label>
        <textarea
          id={`${id}-message`}
          rows={3}
          value={choices.message}
          disabled={disabled}
          spellCheck
          onChange={(event) => set({ message: event.target.value })}
        />
      </div>

      <fieldset className="export-fieldset" disabled={disabled}>
        <legend>Branch</legend>
        <label className="export-choice">
          <input
            type="radio"
            name={`${id}-branch`}
            checked={choices.branch === 'current'}
            disabled={current === null}
            onChange={() => set({ branch: 'current' })}
          />
          {current === null ? 'Current branch (none: HEAD is detached)' : `Current branch (${current})`}
        </label>
        <label className="export-choice">
          <input type="radio" name={`${id}-branch`} checked={choices.branch === 'new'} onChange={() => set({ branch: 'new' })} />
          New branch
        </label>
        <div className="export-field export-indented">
          <label htmlFor={`${id}-branch-name`}>Branch name</label>
          <input
            id={`${id}-branch-name`}
            type="text"
            value={choices.branchName}
            disabled={choices.branch !== 'new'}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-branch-note`}
            onChange={(event) => set({ branchName: event.target.value })}
          />
          <p id={`${id}-branch-note`} className="export-hint" aria-live="polite">
            {choices.branch === 'new' && suggestedExists && branchName === suggested
              ? `${suggested} already exists (from an earlier export?): the commit goes on top of it.`
              : choices.branch === 'new' && current !== null && branchName === current
                ? `${current} is the current branch: the commit goes on it.`
                : choices.branch === 'new'
                  ? 'Created from the current commit; your working tree stays as it is.'
                  : ''}
          </p>
        </div>
      </fieldset>

      <fieldset className="export-fieldset" disabled={disabled}>
        <legend>Push</legend>
        <label className="export-choice">
          <input type="checkbox" checked={choices.push && pushable} disabled={!pushable} onChange={(event) => set({ push: event.target.checked })} />
          Push after commit
        </label>
        <div className="export-field export-indented">
          <label htmlFor={`${id}-remote`}>Remote</label>
          <select
            id={`${id}-remote`}
            value={choices.remote}
            disabled={!pushable || !choices.push}
            onChange={(event) => set({ remote: event.target.value })}
          >
            {preview.remotes.map((remote) => (
              <option key={remote} value={remote}>
                {remote}
              </option>
            ))}
          </select>
        </div>
        {publishing !== null && (
          <label className="export-choice export-indented">
            <input type="checkbox" checked={choices.confirmPublish} onChange={(event) => set({ confirmPublish: event.target.checked })} />
            Publish: push to {publishing}, the branch the site is published from
          </label>
        )}
        {pushOnly.map((problem) => (
          <p key={problem.code} className="export-hint">
            {problem.message}
          </p>
        ))}
      </fieldset>
    </div>
  );
}
