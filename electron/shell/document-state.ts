/**
 * What the window's renderer last said it shows (setDocumentState), and a way
 * to wait until it reports its changes saved. Plain code, no 'electron', so
 * the close-without-losing-work logic is unit-tested.
 */
import type { WindowState } from '../../shared/window-title';

/** The open post's own name (never a decorated window title), its site, and whether it has unsaved changes. */
export type DocumentSnapshot = WindowState;

export class DocumentState {
  private snapshot: DocumentSnapshot = { title: null, site: null, dirty: false };
  private waiters = new Set<(clean: boolean) => void>();
  private readonly listeners = new Set<(snapshot: DocumentSnapshot) => void>();

  get current(): DocumentSnapshot {
    return { ...this.snapshot };
  }

  update(next: DocumentSnapshot): void {
    this.snapshot = { title: next.title, site: next.site, dirty: next.dirty };
    for (const listener of this.listeners) listener(this.current);
    if (!next.dirty) this.settle(true);
  }

  onChange(listener: (snapshot: DocumentSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves true once the renderer reports no unsaved changes, false after
   * `timeoutMs` (a failed save leaves the document dirty, and then the
   * window must stay open rather than close later by surprise).
   */
  waitUntilClean(timeoutMs: number): Promise<boolean> {
    if (!this.snapshot.dirty) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (clean: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(clean);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(done);
    });
  }

  private settle(clean: boolean): void {
    for (const waiter of [...this.waiters]) waiter(clean);
  }
}

/** The three answers to "You have unsaved changes". */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/**
 * Decides whether an action that would drop the open document (closing the
 * window, opening another folder) may go ahead, asking only when there is
 * something to lose. `requestSave` asks the renderer to save (menu command).
 */
export async function settleUnsavedChanges(options: {
  state: DocumentState;
  ask: (snapshot: DocumentSnapshot) => Promise<UnsavedChoice>;
  requestSave: () => void;
  saveTimeoutMs?: number;
}): Promise<boolean> {
  const { state } = options;
  if (!state.current.dirty) return true;
  const choice = await options.ask(state.current);
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  const clean = state.waitUntilClean(options.saveTimeoutMs ?? 15_000);
  options.requestSave();
  return clean;
}
