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
  previewShown: boolean;
  onSave: () => void;
  onTogglePreview: () => void;
  /** Opens dialog "Export" (absent where exporting is not offered). */
  onExport?: () => void;
  /** The post's tools: stats, "Problems (3)", "Outline". */
  tools?: ReactNode;
}

export function DocumentHeader({ title, path, dirty, saving, readOnly, previewShown, onSave, onTogglePreview, onExport, tools }: DocumentHeaderProps) {
  return (
    <header className="document-header">
      <div className="document-heading">
        <h1 className="document-title">{title}</h1>
        <div className="document-path">{path}</div>
      </div>
      <div className="document-actions">
        <span role="status" className="document-status" data-dirty={dirty || undefined}>
          {readOnly ? 'Read-only' : dirty ? 'Unsaved changes' : 'Saved'}
        </span>
        <JournalStatus />
        {tools}
        <button type="button" className="button" onClick={onTogglePreview}>
          {previewShown ? 'Hide preview' : 'Show preview'}
        </button>
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
