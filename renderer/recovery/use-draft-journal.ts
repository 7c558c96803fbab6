import { useEffect, useRef } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import { fullText, type OpenPost } from '../document/use-document';
import { journalStatus, TAB_ID } from './journal-status';

/**
 * How long unsaved text may wait before it is journaled. A throttle, not a
 * debounce: steady typing is journaled too, never more than this behind.
 */
export const JOURNAL_DELAY_MS = 700;

/**
 * Journals the open post's unsaved text in the per-user state folder, so a
 * crash or kill loses at most the last second of typing. When the edits are
 * saved (the main process forgets the draft) or thrown away, the journal goes.
 */
export function useDraftJournal(api: RecapBridge, post: OpenPost | null, dirty: boolean): void {
  const latest = useRef({ post, dirty });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The post whose draft may be journaled now. */
  const journaled = useRef<string | null>(null);

  useEffect(() => {
    latest.current = { post, dirty };
    const path = post && dirty && !post.loaded.readOnly ? post.path : null;
    if (journaled.current !== null && journaled.current !== path) {
      // Saved, reloaded, discarded or another post opened after "Don't save": nothing left to recover.
      const stale = journaled.current;
      journaled.current = null;
      api.discardDraft({ path: stale, tab: TAB_ID }).catch(() => undefined);
    }
    if (path === null) return;
    journaled.current = path;
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const now = latest.current;
      if (!now.post || !now.dirty || now.post.loaded.readOnly) return;
      // A failed journal write must not disturb typing (the next keystroke tries again), but the status bar says so.
      api.journalDraft({ path: now.post.path, text: fullText(now.post), baseHash: now.post.baseHash, tab: TAB_ID }).then(
        () => journalStatus.ok(),
        (error: unknown) => journalStatus.failed(error instanceof Error ? error.message : 'the recovery journal could not be written.'),
      );
    }, JOURNAL_DELAY_MS);
  }, [api, post, dirty]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
}
