import { useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { PagePreview } from '../../shared/page/page-preview';
import { describeError } from '../app/error-message';

/** Longest quiet time after the last keystroke before the page is rendered again: longer than the gap between a fast typist's keys (~100 ms), so renders do not compete with typing. */
export const PAGE_DEBOUNCE_MS = 150;
/** Shortest quiet time: a burst of keys 30 ms apart has paused after 90 ms. */
export const PAGE_DEBOUNCE_MIN_MS = 90;
const GAPS_KEPT = 6;

/**
 * How long to wait for a pause, from the typist's own rhythm: twice the
 * median gap between their last few changes, between the bounds above. A
 * burst of fast keys renders sooner once it stops; steady typing at ~100 ms
 * a key waits the full 150 ms, so no render starts between its keys.
 */
export function quietTime(changes: readonly number[]): number {
  const gaps = changes.slice(1).map((at, i) => at - changes[i]!).sort((a, b) => a - b);
  if (gaps.length < 2) return PAGE_DEBOUNCE_MS;
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return Math.min(PAGE_DEBOUNCE_MS, Math.max(PAGE_DEBOUNCE_MIN_MS, 2 * median));
}

interface Wanted {
  path: string;
  text: string;
  externalContent: boolean;
}

/**
 * The Page view's document, rendered in the main process (never on the typing
 * path): a render is asked for once typing pauses (a post's first page at
 * once), one at a time. A page that
 * comes back after the author typed on is dropped (loading it would only
 * compete with the keys, and it is already behind); the newer text is
 * rendered at the next pause. Each keystroke costs a timestamp and a timer.
 */
export function usePagePreview(api: RecapBridge, path: string, text: string, externalContent: boolean, enabled = true): { preview: PagePreview | null; error: string | null } {
  const [preview, setPreview] = useState<PagePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = useRef({ busy: false, wanted: null as Wanted | null, changes: [] as number[], timer: null as ReturnType<typeof setTimeout> | null, shown: null as string | null });
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const s = state.current;
    s.changes = [...s.changes.slice(-GAPS_KEPT), performance.now()];
    s.wanted = { path, text, externalContent };
    const schedule = () => {
      if (s.timer !== null) clearTimeout(s.timer);
      const last = s.changes[s.changes.length - 1] ?? 0;
      // A post's first page is asked for at once: nobody is typing into it yet.
      const wait = s.shown === s.wanted?.path ? Math.max(0, last + quietTime(s.changes) - performance.now()) : 0;
      s.timer = setTimeout(run, wait);
    };
    const run = () => {
      s.timer = null;
      const next = s.wanted;
      if (s.busy || next === null) return;
      s.wanted = null;
      s.busy = true;
      // Stale when newer text is waiting — except the first page of a post, which shows at once.
      const stale = () => s.wanted !== null && s.shown === next.path;
      api.renderPage({ path: next.path, text: next.text }).then(
        (result) => {
          if (!live.current || stale()) return;
          s.shown = next.path;
          setPreview(result);
          setError(null);
        },
        (failure: unknown) => {
          if (live.current && !stale()) setError(describeError(failure).message);
        },
      ).finally(() => {
        s.busy = false;
        if (live.current && s.wanted !== null && s.timer === null) schedule();
      });
    };
    schedule();
    return () => {
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = null;
    };
  }, [api, path, text, externalContent, enabled]);

  return { preview, error };
}
