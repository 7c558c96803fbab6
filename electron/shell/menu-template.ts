/**
 * The application menu as data. Only Electron's types are imported, so the
 * template (accelerators, Open Recent, what packaged builds hide) is
 * unit-tested; menu.ts turns it into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/model';

export interface MenuActions {
  /** Sends a menu command to the page (the 'menu' event). */
  command: (command: MenuCommand) => void;
  openFolder: () => void;
  openRecent: (folder: string) => void;
  clearRecent: () => void;
  about: () => void;
  shortcuts: () => void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Packaged builds hide the developer tools and reload. */
  isPackaged: boolean;
  /** Recent folders, newest first. */
  recent: readonly string[];
  actions: MenuActions;
}

export function menuTemplate({ isMac, isPackaged, recent, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const openRecent: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No Recent Folders', enabled: false }]
      : [
          ...recent.map((folder): MenuItemConstructorOptions => ({ label: folder, click: () => actions.openRecent(folder) })),
          { type: 'separator' },
          { label: 'Clear Menu', click: actions.clearRecent },
        ];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: actions.openFolder },
      { label: 'Open Recent', submenu: openRecent },
      { type: 'separator' },
      { label: 'New Post…', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-post') },
      // The page handles Ctrl/Cmd+S itself (it must in browser mode too); registering the
      // accelerator as well would save twice on Windows and Linux. The menu still shows it.
      { label: 'Save', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: () => actions.command('save') },
      { type: 'separator' },
      { role: 'close', label: 'Close Window' },
      ...(isMac ? [] : [{ role: 'quit' as const, label: 'E&xit' }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find Post…', accelerator: 'CmdOrCtrl+Shift+F', click: () => actions.command('find-post') },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Ctrl/Cmd+Shift+P is the command palette's (handled in the page, like every shortcut listed there).
      { label: 'Toggle Preview', accelerator: 'CmdOrCtrl+Alt+P', click: () => actions.command('toggle-preview') },
      { label: 'Focus Mode', accelerator: 'F8', click: () => actions.command('focus-mode') },
      { label: 'Open Post…', accelerator: 'CmdOrCtrl+P', click: () => actions.command('open-post') },
      { label: 'Commands…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.command('command-palette') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...developer,
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', click: actions.shortcuts },
      ...(isMac ? [] : [{ type: 'separator' as const }, { label: 'About Recap', click: actions.about }]),
    ],
  };

  if (!isMac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: 'Recap',
    submenu: [
      { label: 'About Recap', click: actions.about },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu' }, help];
}
