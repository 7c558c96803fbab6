import { Dialog } from '../dialog/Dialog';
import { LineDiffView } from '../diff/LineDiffView';
import type { RecoveredDraft } from '../../shared/model';
import './recovery.css';

interface RecoveryDialogProps {
  drafts: RecoveredDraft[];
  onRestore: (draft: RecoveredDraft) => void;
  onDiscard: (draft: RecoveredDraft) => void;
  /** Decide later: the drafts stay journaled. */
  onClose: () => void;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** After a crash: each draft with its differences from the file on disk, to restore or discard. */
export function RecoveryDialog({ drafts, onRestore, onDiscard, onClose }: RecoveryDialogProps) {
  return (
    <Dialog
      title="Recover unsaved changes"
      onClose={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Decide later
        </button>
      }
    >
      <p>Recap was closed with changes that were not saved. Compare each with the file on disk, then restore or discard it.</p>
      <ul className="recovery-list">
        {drafts.map((draft) => (
          <li key={draft.path} className="recovery-item" aria-label={draft.path}>
            <div className="recovery-heading">
              <span className="recovery-path">{draft.path}</span>
              <span className="recovery-time">Last typed {when(draft.savedAt)}</span>
            </div>
            {draft.disk === null ? (
              <p className="recovery-note">The file is no longer on disk; restoring lets you save it again.</p>
            ) : draft.disk.hash !== draft.baseHash ? (
              <p className="recovery-note">The file has also changed on disk since; after restoring you can compare and choose.</p>
            ) : null}
            <LineDiffView label={`${draft.path}: the file on disk compared with the unsaved text`} before={draft.disk?.text ?? ''} after={draft.text} />
            <div className="notice-actions">
              <button type="button" className="button small primary" onClick={() => onRestore(draft)}>
                Restore
              </button>
              <button type="button" className="button small" onClick={() => onDiscard(draft)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
