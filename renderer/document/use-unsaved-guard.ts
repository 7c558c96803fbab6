import { useCallback, useRef, useState } from 'react';

export interface UnsavedGuard {
  /** Runs `action` now when clean; when dirty, asks first. */
  guard: (action: () => void) => void;
  /** True while the "Unsaved changes" dialog is showing. */
  asking: boolean;
  saveThenContinue: () => Promise<void>;
  discardThenContinue: () => void;
  cancel: () => void;
}

/** Leaving a post with unsaved edits needs the author's word: save, discard or stay. */
export function useUnsavedGuard(dirty: boolean, save: () => Promise<boolean>): UnsavedGuard {
  const [asking, setAsking] = useState(false);
  const pending = useRef<(() => void) | null>(null);

  const guard = useCallback(
    (action: () => void) => {
      if (!dirty) {
        action();
        return;
      }
      pending.current = action;
      setAsking(true);
    },
    [dirty],
  );

  const finish = (run: boolean) => {
    const action = pending.current;
    pending.current = null;
    setAsking(false);
    if (run && action) action();
  };

  return {
    guard,
    asking,
    async saveThenContinue() {
      // A failed save keeps the author on the post; the save error explains why.
      finish(await save());
    },
    discardThenContinue: () => finish(true),
    cancel: () => finish(false),
  };
}
