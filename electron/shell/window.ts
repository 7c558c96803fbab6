/**
 * The editor window and the guards around everything web content could try:
 * navigating away, opening windows, asking for permissions, closing with
 * unsaved changes.
 */
import { BrowserWindow, nativeTheme, type Session, type WebContents } from 'electron';
import { safeEmbedLink } from '../../shared/links';
import { askUnsaved } from './dialogs';
import { refuseDictionaryDownloads } from './spellcheck';
import { openInSystemBrowser } from './external-links';
import { settleUnsavedChanges, type DocumentState } from './document-state';
import { sendEvent } from './ipc';
import { formatWindowTitle } from '../../shared/window-title';
import { APP_ENTRY_URL, WEB_PREFERENCES, isAppEntryUrl } from './policy';

/** Matches the renderer's page background, so the window never flashes white in dark mode. */
function backgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff';
}

function openOutside(url: string): void {
  openInSystemBrowser(url).catch((error: unknown) => console.error('Recap: could not open a link:', error));
}

/** For every web contents: no navigation away, no new windows (safe links go to the system browser), no webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppEntryUrl(url)) return;
    event.preventDefault();
    openOutside(url); // a plain link the page did not handle: the browser is where it belongs
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppEntryUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Popups come from embeds too: the same validation as links, and never to this machine or the local network.
    const safe = safeEmbedLink(url);
    if (safe !== null) openOutside(safe);
    return { action: 'deny' };
  });
}

/** Camera, notifications, clipboard reads, USB…: Recap needs none, so the page gets none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  refuseDictionaryDownloads(session);
}

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/preload.cjs). */
  preload: string;
  /** Renderer switches the preload reads (see bridge-protocol.ts). */
  preloadArguments: string[];
  documents: DocumentState;
}

export function createMainWindow({ preload, preloadArguments, documents }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Recap',
    show: false,
    backgroundColor: backgroundColor(),
    webPreferences: { ...WEB_PREFERENCES, preload, additionalArguments: preloadArguments },
  });

  window.once('ready-to-show', () => window.show());

  const followTheme = () => window.setBackgroundColor(backgroundColor());
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.off('updated', followTheme));

  // The title comes from setDocumentState, not from <title>, so it can carry the dirty mark.
  window.on('page-title-updated', (event) => event.preventDefault());
  const stopFollowing = documents.onChange((state) => {
    if (window.isDestroyed()) return;
    window.setTitle(formatWindowTitle(state));
    if (process.platform === 'darwin') window.setDocumentEdited(state.dirty);
  });
  window.on('closed', stopFollowing);

  // A new page (reload, crash) starts with nothing unsaved in it; the recovery journal has the rest.
  const forget = () => documents.update({ title: null, site: null, dirty: false });
  window.webContents.on('did-navigate', forget);
  window.webContents.on('render-process-gone', forget);

  guardClose(window, documents);

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Recap: the window could not load its page:', error));
  return window;
}

/** Closing with unsaved changes asks Save / Don't Save / Cancel; Save closes only once the page reports it saved. */
function guardClose(window: BrowserWindow, documents: DocumentState): void {
  let agreed = false;
  let asking = false;
  window.on('close', (event) => {
    if (agreed || !documents.current.dirty) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    settleUnsavedChanges({
      state: documents,
      ask: (snapshot) => askUnsaved(window, snapshot, 'closing'),
      requestSave: () => sendEvent(window, 'menu', 'save'),
    })
      .then((close) => {
        if (close && !window.isDestroyed()) {
          agreed = true;
          window.close();
        }
      })
      .catch((error: unknown) => console.error('Recap: closing failed:', error))
      .finally(() => {
        asking = false;
      });
  });
}
