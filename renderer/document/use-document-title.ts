import { useEffect } from 'react';
import type { RecapBridge } from '../../shared/bridge';

/** The window title, e.g. "• My talk — blog — Recap", shared with the shell for its close prompt. */
export function documentTitle(postTitle: string | null, siteName: string | null, dirty: boolean): string {
  if (postTitle === null) return siteName ? `${siteName} — Recap` : 'Recap';
  return `${dirty ? '• ' : ''}${postTitle}${siteName ? ` — ${siteName}` : ''} — Recap`;
}

export function useDocumentTitle(api: RecapBridge, postTitle: string | null, siteName: string | null, dirty: boolean): void {
  const title = documentTitle(postTitle, siteName, dirty);
  useEffect(() => {
    document.title = title;
    // The shell only needs to know; a failure here must not disturb editing.
    api.setDocumentState({ title: postTitle === null ? null : title, dirty }).catch(() => {});
  }, [api, title, postTitle, dirty]);
}

/** Browser mode: the tab can be closed under the author, so the browser asks. Electron's shell asks itself. */
export function useBeforeUnload(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium still needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [enabled]);
}
