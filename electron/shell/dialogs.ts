/** Native dialogs, each attached to the window when there is one. */
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { DocumentSnapshot, UnsavedChoice } from './document-state';

function messageBox(window: BrowserWindow | null, options: MessageBoxOptions) {
  return window && !window.isDestroyed() ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** The folder the user picked, or null when they cancelled. */
export async function chooseFolder(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Open Site Folder',
    buttonLabel: 'Open',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const result = window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Save / Don't Save / Cancel, in each platform's usual order. */
export async function askUnsaved(window: BrowserWindow | null, snapshot: DocumentSnapshot, action: string): Promise<UnsavedChoice> {
  const name = snapshot.title?.trim() || 'this post';
  const { response } = await messageBox(window, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Save your changes to “${name}” before ${action}?`,
    detail: "If you don't save, your changes will be lost.",
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

export async function showError(window: BrowserWindow | null, message: string, detail: string): Promise<void> {
  await messageBox(window, { type: 'error', buttons: ['OK'], message, detail, noLink: true });
}

export async function showAbout(window: BrowserWindow | null): Promise<void> {
  await messageBox(window, {
    type: 'info',
    buttons: ['OK'],
    title: 'About Recap',
    message: `Recap ${app.getVersion()}`,
    detail:
      'A desktop editor for event write-ups and blog posts kept as Markdown in a static-site repository.\n\n' +
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
  });
}

export async function showShortcuts(window: BrowserWindow | null, isMac: boolean): Promise<void> {
  const mod = isMac ? '⌘' : 'Ctrl+';
  const shift = isMac ? '⇧' : 'Shift+';
  const alt = isMac ? '⌥' : 'Alt+';
  const lines = [
    `${mod}O\tOpen folder`,
    `${mod}N\tNew post`,
    `${mod}S\tSave`,
    `${mod}P\tOpen post`,
    `${shift}${mod}P\tCommands (every action, with its shortcut)`,
    `${alt}${mod}P\tShow or hide the preview`,
    `F8\tFocus mode`,
    `${shift}${mod}F\tFind a post`,
    `${mod}=  ${mod}-  ${mod}0\tZoom in, out, reset`,
  ];
  await messageBox(window, { type: 'info', buttons: ['OK'], title: 'Keyboard Shortcuts', message: 'Keyboard shortcuts', detail: lines.join('\n') });
}
