import { useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { PagePreview } from '../../shared/page/page-preview';
import { describeError } from '../app/error-message';

/** Quiet time after the last keystroke before the page is rendered again: longer than the gap between a fast typist's keys (~100 ms), so renders do not compete with typing. */
export const PAGE_DEBOUNCE_MS = 150;

/**
 * The Page view's document, rendered in the main process (never on the typing
 * path): a new render starts once typing pauses, one at a time; text typed
 * while one runs is rendered right after it, so the page is never more than
 * one render behind.
 */
export function usePagePreview(api: RecapBridge, path: string, text: string, externalContent: boolean, enabled = true): { preview: PagePreview | null; error: string | null } {
  const [preview, setPreview] = useState<PagePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const wanted = useRef<{ path: string; text: string; externalContent: boolean } | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled) return;
    wanted.current = { path, text, externalContent };
    const run = () => {
      const next = wanted.current;
      if (busy.current || next === null) return;
      wanted.current = null;
      busy.current = true;
      api.renderPage({ path: next.path, text: next.text }).then(
        (result) => {
          if (!live.current) return;
          setPreview(result);
          setError(null);
        },
        (failure: unknown) => {
          if (live.current) setError(describeError(failure).message);
        },
      ).finally(() => {
        busy.current = false;
        if (live.current && wanted.current) run();
      });
    };
    const timer = setTimeout(run, PAGE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, path, text, externalContent, enabled]);

  return { preview, error };
}
