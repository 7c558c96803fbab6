import { useEffect } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { Session } from '../../shared/model';
import { formatWindowTitle, type WindowState } from '../../shared/window-title';

/**
 * The tab's title, and in the desktop app the shell's: it gets the fields
 * (post, site, dirty) and formats them with the same shared function, so the
 * title is decorated once and the close prompt can name the post itself.
 */
export function useDocumentTitle(api: RecapBridge, mode: Session['mode'], state: WindowState): void {
  const { title, site, dirty, language = null } = state;
  useEffect(() => {
    document.title = formatWindowTitle({ title, site, dirty });
    // Browser mode has no shell to tell: no message per save or per first keystroke.
    if (mode === 'browser') return;
    // The shell only needs to know; a failure here must not disturb editing.
    api.setDocumentState({ title, site, dirty, language }).catch(() => {});
  }, [api, mode, title, site, dirty, language]);
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
