import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ErrorInfo } from '../../shared/errors';
import type { ExportPreview, ExportProgress } from '../../shared/export';
import { useApi } from '../app/api-context';
import { describeError } from '../app/error-message';
import { Dialog } from '../dialog/Dialog';
import { exportRequest, initialChoices, whyNotReady, type ExportChoices } from './export-form';
import { ExportForm } from './ExportForm';
import { ExportOutcome, ExportProgressView, type Aftermath } from './ExportOutcome';
import './export.css';

interface ExportDialogProps {
  /** The open post, site-relative. */
  path: string;
  title: string;
  /** The editor holds text that is not on disk; export commits what is on disk. */
  dirty: boolean;
  /** The document's save: resolves true once the disk matches the editor. */
  save: () => Promise<boolean>;
  /** Why the last save failed, if it did. */
  saveError: ErrorInfo | null;
  /** A commit was made: the post list's git states are stale. */
  onCommitted: () => void;
  onClose: () => void;
}

type Stage =
  | { step: 'unsaved'; saving: boolean; failed: boolean }
  | { step: 'loading' }
  | { step: 'failed'; error: ErrorInfo }
  | { step: 'form'; preview: ExportPreview; choices: ExportChoices; committing: boolean; error: ErrorInfo | null }
  | { step: 'done'; after: Aftermath };

/**
 * Dialog "Export": review the post's files, write the message, pick the
 * branch, commit and optionally push. One Dialog for every step, so focus is
 * trapped once and returns to the Export button at the end.
 */
export function ExportDialog({ path, title, dirty, save, saveError, onCommitted, onClose }: ExportDialogProps) {
  const api = useApi();
  const [stage, setStage] = useState<Stage>(() => (dirty ? { step: 'unsaved', saving: false, failed: false } : { step: 'loading' }));
  // Bumped to (re)load the preview; 0 waits for the unsaved text to be saved first.
  const [previewRequest, setPreviewRequest] = useState(dirty ? 0 : 1);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const notReadyId = useId();

  useEffect(() => api.on('exportProgress', setProgress), [api]);

  useEffect(() => {
    if (previewRequest === 0) return;
    let live = true;
    api.exportPreview({ path }).then(
      (preview) => {
        if (live) setStage({ step: 'form', preview, choices: initialChoices(preview), committing: false, error: null });
      },
      (err: unknown) => {
        // Not a repository, git missing, a bad .recap.json…: the service's sentence says what to do.
        if (live) setStage({ step: 'failed', error: describeError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, previewRequest]);

  // A step's buttons can vanish under the keyboard focus; keep focus inside the dialog.
  useEffect(() => {
    const dialog = bodyRef.current?.closest<HTMLElement>('[role="dialog"]');
    if (!dialog || dialog.contains(document.activeElement)) return;
    const target =
      dialog.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ??
      dialog.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), button:not([disabled])');
    target?.focus();
  }, [stage.step]);

  const working = (stage.step === 'unsaved' && stage.saving) || (stage.step === 'form' && stage.committing) || (stage.step === 'done' && stage.after.working !== null);
  // Closing mid-push would hide how it ended; the author waits for git (it never prompts, so it ends).
  const close = () => {
    if (!working) onClose();
  };

  const saveAndContinue = async () => {
    setStage({ step: 'unsaved', saving: true, failed: false });
    if (await save()) {
      setStage({ step: 'loading' });
      setPreviewRequest((n) => n + 1);
    } else {
      setStage({ step: 'unsaved', saving: false, failed: true });
    }
  };

  const retry = () => {
    setStage({ step: 'loading' });
    setPreviewRequest((n) => n + 1);
  };

  const commit = async (preview: ExportPreview, choices: ExportChoices) => {
    const force = preview.checkErrors.length > 0;
    setProgress(null);
    setStage({ step: 'form', preview, choices, committing: true, error: null });
    try {
      const result = await api.exportPost(exportRequest(path, preview, choices, force));
      onCommitted();
      setStage({ step: 'done', after: { result, push: result.push, pulled: null, working: null, error: null } });
    } catch (err) {
      setStage({ step: 'form', preview, choices, committing: false, error: describeError(err) });
    }
  };

  const follow = async (after: Aftermath, action: 'pull' | 'push') => {
    const push = after.push;
    if (!push) return;
    setProgress(null);
    setStage({ step: 'done', after: { ...after, working: action, error: null } });
    const target = { remote: push.remote, branch: push.branch };
    try {
      if (action === 'pull') {
        const { commit: tip } = await api.pullRebase(target);
        onCommitted();
        setStage({ step: 'done', after: { ...after, pulled: tip, working: null, error: null } });
      } else {
        const outcome = await api.pushBranch(target);
        setStage({ step: 'done', after: { ...after, push: outcome, working: null, error: null } });
      }
    } catch (err) {
      setStage({ step: 'done', after: { ...after, working: null, error: describeError(err) } });
    }
  };

  const cancel = (label = 'Cancel') => (
    <button type="button" className="button" onClick={close} disabled={working}>
      {label}
    </button>
  );

  let body: ReactNode;
  let actions: ReactNode;
  switch (stage.step) {
    case 'unsaved':
      body = (
        <>
          <p>
            “{title}” has unsaved changes. Export commits the post as it is on disk, so save it first.
          </p>
          {stage.saving && <p role="status">Saving…</p>}
          {stage.failed && (
            <div role="alert" className="export-notice notice danger">
              <p>
                <strong>Not saved.</strong> {saveError?.message ?? 'Recap cannot save this post.'} Close this dialog to sort it out, then export again.
              </p>
            </div>
          )}
        </>
      );
      actions = (
        <>
          {cancel()}
          <button type="button" className="button primary" data-autofocus disabled={stage.saving} onClick={() => void saveAndContinue()}>
            Save and continue
          </button>
        </>
      );
      break;
    case 'loading':
      body = <p role="status">Asking git what this post would commit…</p>;
      actions = cancel();
      break;
    case 'failed':
      body = (
        <div role="alert" className="export-notice notice danger">
          <p className="export-message">
            <strong>Cannot export.</strong> {stage.error.message}
          </p>
        </div>
      );
      actions = (
        <>
          {cancel('Close')}
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </>
      );
      break;
    case 'form': {
      const { preview, choices, committing, error } = stage;
      const notReady = whyNotReady(preview, choices);
      const anyway = preview.checkErrors.length > 0;
      const pushing = choices.push && preview.remotes.length > 0;
      body = (
        <>
          <ExportForm
            preview={preview}
            choices={choices}
            disabled={committing}
            onChange={(next) => setStage({ ...stage, choices: next })}
          />
          {error && (
            <div role="alert" className="export-notice notice danger">
              <p className="export-message">
                <strong>Not committed.</strong> {error.message}
              </p>
            </div>
          )}
          {committing && <ExportProgressView progress={progress} fallback={pushing ? 'Committing and pushing…' : 'Committing…'} />}
          {notReady && (
            <p id={notReadyId} className="export-hint">
              {notReady}
            </p>
          )}
        </>
      );
      actions = (
        <>
          {cancel()}
          <button
            type="button"
            className={anyway ? 'button danger' : 'button primary'}
            disabled={committing || notReady !== null}
            aria-describedby={notReady ? notReadyId : undefined}
            onClick={() => void commit(preview, choices)}
          >
            {anyway ? 'Export anyway' : pushing ? 'Commit and push' : 'Commit'}
          </button>
        </>
      );
      break;
    }
    case 'done': {
      const { after } = stage;
      body = (
        <ExportOutcome
          after={after}
          progress={progress}
          onPullRebase={() => void follow(after, 'pull')}
          onPushAgain={() => void follow(after, 'push')}
        />
      );
      actions = (
        <button type="button" className="button primary" data-autofocus onClick={close} disabled={working}>
          Close
        </button>
      );
      break;
    }
  }

  return (
    <Dialog title="Export" onClose={close} actions={actions} initialFocus="[data-autofocus]">
      <div ref={bodyRef} className="export-dialog" aria-busy={working || stage.step === 'loading' || undefined}>
        {body}
      </div>
    </Dialog>
  );
}
