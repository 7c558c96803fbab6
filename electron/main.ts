/**
 * The Electron main process: wiring only. Behaviour lives in electron/services
 * (plain Node) and the small platform modules in electron/shell.
 */
import { app, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { methodNames, type Handlers } from '../shared/api';
import { RecapError, toErrorInfo } from '../shared/errors';
import { AppState, createHandlers } from './services/app-handlers';
import { DraftJournal } from './services/documents/draft-journal';
import { collectServiceInStateDir } from './services/collect/collect-service';
import { PreviewSettingsStore } from './services/settings/preview-settings-store';
import { RecentFolders } from './services/settings/recent-folders';
import { methodsSwitch } from './shell/bridge-protocol';
import { attachContextMenu } from './shell/context-menu';
import { askUnsaved, chooseFolder, showAbout, showError, showShortcuts } from './shell/dialogs';
import { DocumentState, settleUnsavedChanges } from './shell/document-state';
import { openInSystemBrowser } from './shell/external-links';
import { bindIpc, sendEvent } from './shell/ipc';
import { installMenu } from './shell/menu';
import { folderFromArgv, type LaunchArgs } from './shell/policy';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { followPostLanguage } from './shell/spellcheck';
import { createMainWindow, hardenContents, hardenSession } from './shell/window';

// Bundled to out/main/main.cjs; the preload and the renderer are built beside it.
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.cjs');
const RENDERER = path.join(__dirname, '..', 'renderer');
const isMac = process.platform === 'darwin';

registerAppScheme();

const launch: LaunchArgs = { argv: process.argv, defaultApp: process.defaultApp === true, cwd: process.cwd() };

// One Recap at a time: a second launch hands its folder to this one and quits.
if (!app.requestSingleInstanceLock({ argv: launch.argv, cwd: launch.cwd })) {
  app.quit();
} else {
  start();
}

function start(): void {
  const stateDir = app.getPath('userData');
  const state = new AppState(RecentFolders.inStateDir(stateDir), {
    journal: DraftJournal.inStateDir(stateDir),
    stateDir,
    previewSettings: PreviewSettingsStore.inStateDir(stateDir),
    collect: collectServiceInStateDir(stateDir),
    watch: true,
  });
  const documents = new DocumentState();
  // The spell checker's languages before any post chose its own.
  let systemLanguages: string[] = [];
  let window: BrowserWindow | null = null;

  const base = createHandlers(state, {
    mode: 'electron',
    chooseFolder: () => chooseFolder(window),
    // The start screen's sample blog: shipped in the installer's resources (electron-builder extraResources), or the checkout's.
    sampleSite: { source: app.isPackaged ? path.join(process.resourcesPath, 'sample-blog') : path.join(app.getAppPath(), 'examples', 'sample-blog'), stateDir },
    openInBrowser: async (url) => {
      await openInSystemBrowser(url);
    },
    onDocumentState: (next) => {
      documents.update(next);
      // The spell checker follows the post's language; back to the system's when it names none.
      if (window && !window.isDestroyed()) followPostLanguage(window.webContents.session, next.language, systemLanguages);
    },
    emit: (event, payload) => {
      if (window) sendEvent(window, event, payload);
    },
  });

  // The folder named on the command line opens before the page's first getSession answers.
  let startup: Promise<unknown> = Promise.resolve();
  const handlers: Handlers = {
    ...base,
    async getSession(input) {
      await startup.catch(() => undefined);
      return base.getSession(input);
    },
    async openFolder(input) {
      const result = await base.openFolder(input);
      refreshMenu(result.recent);
      return result;
    },
    async openSampleSite(input) {
      const result = await base.openSampleSite(input);
      refreshMenu(result.recent);
      return result;
    },
  };

  function refreshMenu(recent: readonly string[]): void {
    installMenu({
      isMac,
      isPackaged: app.isPackaged,
      recent,
      actions: {
        command: (command) => sendEvent(window, 'menu', command),
        openFolder: () => void openFromShell(null),
        openRecent: (folder) => void openFromShell(folder),
        clearRecent: () => {
          app.clearRecentDocuments();
          state.recent.clear().then(() => refreshMenu([]), reportError);
        },
        about: () => void showAbout(window),
        shortcuts: () => void showShortcuts(window, isMac),
      },
    });
  }

  function reportError(error: unknown): void {
    if (!(error instanceof RecapError)) console.error('Recap:', error);
  }

  /** Open Folder…, Open Recent and a second launch: the shell asks, opens, then tells the page. */
  async function openFromShell(folder: string | null): Promise<void> {
    const target = ensureWindow();
    const root = folder ?? (await chooseFolder(target));
    if (root === null) return;
    const proceed = await settleUnsavedChanges({
      state: documents,
      ask: (snapshot) => askUnsaved(target, snapshot, 'opening another folder'),
      requestSave: () => sendEvent(target, 'menu', 'save'),
    });
    if (!proceed) return;
    try {
      await state.open(root);
    } catch (error) {
      reportError(error);
      await showError(target, `Recap could not open ${root}`, toErrorInfo(error).message);
      return;
    }
    app.addRecentDocument(root);
    const current = await base.getSession({});
    refreshMenu(current.recent);
    sendEvent(target, 'session', current);
  }

  function ensureWindow(): BrowserWindow {
    if (window && !window.isDestroyed()) return window;
    const created = createMainWindow({ preload: PRELOAD, preloadArguments: [methodsSwitch(methodNames)], documents });
    attachContextMenu(created);
    systemLanguages = created.webContents.session.getSpellCheckerLanguages();
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
    return created;
  }

  function focus(target: BrowserWindow): void {
    if (target.isMinimized()) target.restore();
    target.focus();
  }

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const data = additionalData as Partial<{ argv: unknown; cwd: unknown }> | null;
    // The other instance's own argv and cwd: Chromium may rewrite the argv this event carries.
    const theirs: LaunchArgs =
      data && Array.isArray(data.argv) && data.argv.every((a) => typeof a === 'string') && typeof data.cwd === 'string'
        ? { argv: data.argv as string[], defaultApp: launch.defaultApp, cwd: data.cwd }
        : { argv, defaultApp: launch.defaultApp, cwd: workingDirectory };
    const target = ensureWindow();
    focus(target);
    const folder = folderFromArgv(theirs);
    if (folder !== null) void openFromShell(folder);
  });

  // Files changed by other tools: the page re-lists its posts and re-checks the open one.
  state.onPostsChanged((change) => sendEvent(window, 'postsChanged', change));
  app.on('will-quit', () => void state.close());

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  app.on('activate', () => {
    if (app.isReady()) focus(ensureWindow());
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      // Site images for the preview come from whichever site is open now.
      serveRenderer(RENDERER, () => state.workspace?.site.root ?? null, () => ({ service: state.pages, site: state.workspace?.site ?? null }));
      bindIpc(handlers, () => (window ? [window] : []));
      refreshMenu(await state.recent.list());

      const folder = folderFromArgv(launch);
      if (folder !== null) {
        startup = state.open(folder).then(async () => refreshMenu(await state.recent.list()));
        startup.catch(async (error: unknown) => {
          reportError(error);
          await showError(window, `Recap could not open ${folder}`, toErrorInfo(error).message);
        });
      }
      ensureWindow();
    })
    .catch((error: unknown) => {
      console.error('Recap could not start:', error);
      app.exit(1);
    });
}
