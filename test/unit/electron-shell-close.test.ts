/**
 * Closing the window (or opening another folder) never loses unsaved work:
 * the decision logic behind the Save / Don't Save / Cancel prompt.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentState, settleUnsavedChanges, type UnsavedChoice } from '../../electron/shell/document-state';

function dirtyState(): DocumentState {
  const state = new DocumentState();
  state.update({ title: 'KubeCon write-up', site: null, dirty: true });
  return state;
}

describe('unsaved changes on close', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes at once, without asking, when nothing is unsaved', async () => {
    const ask = vi.fn<() => Promise<UnsavedChoice>>();
    const state = new DocumentState();
    await expect(settleUnsavedChanges({ state, ask, requestSave: vi.fn() })).resolves.toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('stays open when the author cancels', async () => {
    const requestSave = vi.fn();
    const result = settleUnsavedChanges({ state: dirtyState(), ask: async () => 'cancel', requestSave });
    await expect(result).resolves.toBe(false);
    expect(requestSave).not.toHaveBeenCalled();
  });

  it("closes without saving when the author chooses Don't Save", async () => {
    await expect(settleUnsavedChanges({ state: dirtyState(), ask: async () => 'discard', requestSave: vi.fn() })).resolves.toBe(true);
  });

  it('asks the page to save and closes only once it reports the post saved', async () => {
    const state = dirtyState();
    const requestSave = vi.fn(() => {
      // The page saves, then reports it through setDocumentState.
      setTimeout(() => state.update({ title: 'KubeCon write-up', site: null, dirty: false }), 50);
    });
    const result = settleUnsavedChanges({ state, ask: async () => 'save', requestSave });
    await vi.advanceTimersByTimeAsync(60);
    await expect(result).resolves.toBe(true);
    expect(requestSave).toHaveBeenCalledOnce();
  });

  it('stays open when the save fails (the post is still unsaved after the wait)', async () => {
    const state = dirtyState();
    const result = settleUnsavedChanges({ state, ask: async () => 'save', requestSave: vi.fn(), saveTimeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(result).resolves.toBe(false);
    // A later successful save must not close the window by surprise: nobody is waiting any more.
    state.update({ title: 'KubeCon write-up', site: null, dirty: false });
    expect(state.current.dirty).toBe(false);
  });

  it('tells listeners (the window title) about every change', () => {
    const state = new DocumentState();
    const seen: string[] = [];
    const stop = state.onChange(({ title, dirty }) => seen.push(`${title}:${dirty}`));
    state.update({ title: 'A', site: null, dirty: true });
    stop();
    state.update({ title: 'B', site: null, dirty: false });
    expect(seen).toEqual(['A:true']);
  });
});
