/**
 * Binds the API contract to Electron IPC: one invoke channel for calls, one
 * event channel for pushes (shared/bridge.ts names both). Every call is
 * checked for its sender before the contract validates its input.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventName, Events, Handlers } from '../../shared/api';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge';
import { RecapError, toErrorInfo } from '../../shared/errors';
import { dispatch } from '../../shared/rpc';
import type { IpcEnvelope } from './bridge-protocol';
import { isTrustedSender } from './policy';

function trusted(event: IpcMainInvokeEvent, windows: () => readonly BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    fromAppWindow: windows().some((window) => !window.isDestroyed() && window.webContents === event.sender),
  });
}

/** Serves `handlers` to the windows `windows()` lists. Returns a function that unbinds. */
export function bindIpc(handlers: Handlers, windows: () => readonly BrowserWindow[]): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown): Promise<IpcEnvelope> => {
    if (!trusted(event, windows)) {
      return { ok: false, error: toErrorInfo(new RecapError('refused', 'This page may not use Recap.')) };
    }
    try {
      return { ok: true, result: await dispatch(handlers, method, input) };
    } catch (error) {
      // toErrorInfo hides anything but a RecapError from the page; keep the details here.
      if (!(error instanceof RecapError)) console.error(`Recap: ${String(method)} failed:`, error);
      return { ok: false, error: toErrorInfo(error) };
    }
  });
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/** Pushes an event to a window's page; a window that is gone simply misses it. */
export function sendEvent<E extends EventName>(window: BrowserWindow | null, event: E, payload: Events[E]): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(IPC_EVENT, event, payload);
}
