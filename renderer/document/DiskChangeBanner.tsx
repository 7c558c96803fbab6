import { useState } from 'react';
import { LineDiffView } from '../diff/LineDiffView';
import type { DiskState } from './use-document';

interface DiskChangeBannerProps {
  disk: DiskState;
  /** The editor's full text, for Compare. */
  editorText: string;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
  onSaveAgain: () => void;
  onClose: () => void;
}

/**
 * The open post changed or vanished on disk while it had unsaved edits (or,
 * for a deletion, at all). Nothing happens to either version until the author
 * picks one.
 */
export function DiskChangeBanner({ disk, editorText, onKeepMine, onLoadTheirs, onSaveAgain, onClose }: DiskChangeBannerProps) {
  const [comparing, setComparing] = useState(false);
  if (disk.kind === 'current') return null;

  if (disk.kind === 'deleted') {
    return (
      <div role="alert" className="notice warning">
        <p>
          <strong>Deleted on disk.</strong> Another program deleted or moved this file. Your text is still here.
        </p>
        <div className="notice-actions">
          <button type="button" className="button small" onClick={onSaveAgain}>
            Save again
          </button>
          <button type="button" className="button small" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    );
  }

  return (
    <div role="alert" className="notice warning">
      <p>
        <strong>Changed on disk.</strong> Another program changed this file while you have unsaved edits. Neither version is lost until you choose.
      </p>
      <div className="notice-actions">
        <button type="button" className="button small" aria-expanded={comparing} onClick={() => setComparing((shown) => !shown)}>
          Compare
        </button>
        <button type="button" className="button small" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button small" onClick={onLoadTheirs}>
          Load theirs
        </button>
      </div>
      {comparing && <LineDiffView label="The file on disk compared with your text" before={disk.doc.text} after={editorText} />}
    </div>
  );
}
