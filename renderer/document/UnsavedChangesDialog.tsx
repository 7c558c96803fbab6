import { Dialog } from '../dialog/Dialog';
import type { UnsavedGuard } from './use-unsaved-guard';

export function UnsavedChangesDialog({ guard, title }: { guard: UnsavedGuard; title: string }) {
  return (
    <Dialog
      title="Unsaved changes"
      onClose={guard.cancel}
      actions={
        <>
          <button type="button" className="button" onClick={guard.cancel}>
            Cancel
          </button>
          <button type="button" className="button" onClick={guard.discardThenContinue}>
            Discard
          </button>
          <button type="button" className="button primary" data-autofocus onClick={() => void guard.saveThenContinue()}>
            Save
          </button>
        </>
      }
      initialFocus="[data-autofocus]"
    >
      <p>“{title}” has changes that are not saved yet. Save them before you go on?</p>
    </Dialog>
  );
}
