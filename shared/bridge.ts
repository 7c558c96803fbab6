/**
 * What the Electron preload exposes as `window.recap`: the typed API plus an
 * event subscription. Functions only; no raw ipcRenderer ever reaches the page.
 */
import type { EventName, Events, RecapApi } from './api';

export interface RecapBridge extends RecapApi {
  /** Subscribes to an event from the main process; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** IPC channel names: one for calls, one for events. No other channel strings exist. */
export const IPC_INVOKE = 'recap:invoke';
export const IPC_EVENT = 'recap:event';
