import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../shared/errors';
import { JournalStatus } from '../recovery/JournalStatus';
import './document.css';

interface DocumentHeaderProps {
  title: string;
  path: string;
  dirty: boolean;
  saving: boolean;
  readOnly: boolean;
  onSave: () => void;
  /** Opens dialog "Export" (absent where exporting is not offered). */
  onExport?: () => void;
  /** Words and reading time. */
  stats?: ReactNode;
  /** The side panels' toggles: "Problems (3)", "Outline", "Collected (2)". */
  tools?: ReactNode;
  /** The workspace's view controls: preview, Focus mode. */
  viewControls?: ReactNode;
}

/** One slim row: the post's name and path, its state, its tools, and Save. */
export function DocumentHeader({ title, path, dirty, saving, readOnly, onSave, onExport, stats, tools, viewControls }: DocumentHeaderProps) {
  return (
    <header className="document-header">
      <div className="document-heading">
        <h1 className="document-title" title={path}>
          {title}
        </h1>
        <div className="document-meta">
          <span role="status" className="document-status" data-dirty={dirty || undefined}>
            {readOnly ? 'Read-only' : dirty ? 'Unsaved changes' : 'Saved'}
          </span>
          <JournalStatus />
          {stats}
          <span className="document-path">{path}</span>
        </div>
      </div>
      <div className="document-actions">
        {tools}
        {viewControls}
        {onExport && (
          <button type="button" className="button" onClick={onExport} aria-haspopup="dialog">
            Export
          </button>
        )}
        <button
          type="button"
          className="button primary"
          onClick={onSave}
          disabled={readOnly || saving}
          title="Save (Ctrl+S)"
          aria-keyshortcuts="Control+S Meta+S"
        >
          Save
        </button>
      </div>
    </header>
  );
}

interface SaveProblemProps {
  error: ErrorInfo;
  onReload: () => void;
  onOverwrite: () => void;
}

/** A failed save, in words; a conflict offers the two ways out, neither silent. */
export function SaveProblem({ error, onReload, onOverwrite }: SaveProblemProps) {
  return (
    <div role="alert" className="notice danger">
      <p>
        <strong>Not saved.</strong> {error.message}
      </p>
      {error.code === 'conflict' && (
        <div className="notice-actions">
          <button type="button" className="button small" onClick={onReload}>
            Discard my changes and reload
          </button>
          <button type="button" className="button small" onClick={onOverwrite}>
            Overwrite the file on disk
          </button>
        </div>
      )}
    </div>
  );
}
