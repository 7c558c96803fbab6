/**
 * The renderer's one door to the main process: the Electron bridge when the
 * preload exposed it, otherwise the browser-mode WebSocket client. Features
 * only ever see a RecapBridge, so they work the same in both.
 */
import type { EventName, Events, MethodName } from '../shared/api';
import type { RecapBridge } from '../shared/bridge';
import { RecapError, fromErrorInfo, isErrorInfo } from '../shared/errors';
import { isEventName } from '../shared/event-names';
import { createClient } from '../shared/rpc-client';

export type ConnectionState = 'open' | 'connecting' | 'lost';

/** How the UI learns that browser mode lost its server. Electron's IPC never drops. */
export interface Connection {
  current(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export const LOST_CONNECTION_MESSAGE = 'Lost connection to recap serve. Restart it and reload.';

declare global {
  interface Window {
    recap?: RecapBridge;
  }
}

export interface RendererApi {
  api: RecapBridge;
  connection: Connection | null;
}

export function connectApi(): RendererApi {
  if (window.recap) return { api: withRecapErrors(window.recap), connection: null };
  return createSocketApi(socketUrl(window.location.href), (url) => new WebSocket(url));
}

/**
 * The Electron bridge rejects with the plain ErrorInfo the preload could pass
 * across the context bridge ({ code, message }); browser mode rejects with a
 * RecapError. Both doors reject with RecapError here, so no feature ever
 * shows "[object Object]".
 */
export function withRecapErrors(bridge: RecapBridge): RecapBridge {
  const toRecapError = (error: unknown): never => {
    if (error instanceof RecapError) throw error;
    if (isErrorInfo(error)) throw fromErrorInfo(error);
    throw new RecapError('internal', error instanceof Error && error.message ? error.message : 'Recap’s main process did not answer. Restart Recap.');
  };
  return new Proxy(bridge, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key === 'on' || typeof value !== 'function') return value;
      return (input: unknown) => Promise.resolve((value as (input: unknown) => unknown).call(target, input)).catch(toRecapError);
    },
  });
}

/** The page lives at /s/<token>/, so the relative 'api' keeps the token in the path. */
export function socketUrl(pageUrl: string): string {
  const url = new URL('api', pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  return url.href;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Reconnect delays: quick at first (a server restart), then every few seconds, never a busy loop. */
const RETRY_DELAYS_MS = [250, 1000, 2000, 5000];

export function createSocketApi(url: string, open: (url: string) => WebSocket): RendererApi {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let failures = 0;
  let everOpened = false;
  const pending = new Map<number, Pending>();
  /** Calls made before the socket opens wait here instead of failing. */
  const queue: string[] = [];
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const lostError = () => new RecapError('io', LOST_CONNECTION_MESSAGE);

  const connect = () => {
    const ws = open(url);
    socket = ws;
    ws.addEventListener('open', () => {
      failures = 0;
      everOpened = true;
      setState('open');
      for (const frame of queue.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data === 'string') receive(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      // Calls in flight may or may not have run; the caller must decide, so fail them.
      for (const call of pending.values()) call.reject(lostError());
      pending.clear();
      failures += 1;
      // One quick silent retry covers a blip; after that the author needs to know.
      if (failures > 1 || !everOpened) {
        setState('lost');
        // Queued frames belong to calls just rejected above.
        queue.length = 0;
      } else {
        setState('connecting');
      }
      const delay = RETRY_DELAYS_MS[Math.min(failures - 1, RETRY_DELAYS_MS.length - 1)] ?? 5000;
      setTimeout(connect, delay);
    });
  };

  const receive = (text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const record = message as Record<string, unknown>;
    if (typeof record.id === 'number') {
      const call = pending.get(record.id);
      if (!call) return;
      pending.delete(record.id);
      if (record.ok === true) call.resolve(record.result);
      else if (isErrorInfo(record.error)) call.reject(fromErrorInfo(record.error));
      else call.reject(new RecapError('internal', 'Recap sent an answer it could not read. Reload the page.'));
      return;
    }
    if (isEventName(record.event)) {
      const listeners = eventListeners.get(record.event);
      if (listeners) for (const listener of listeners) (listener as (payload: unknown) => void)(record.payload);
    }
  };

  const call = (method: MethodName, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (state === 'lost') {
        reject(lostError());
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const frame = JSON.stringify({ id, method, input });
      if (socket && socket.readyState === socket.OPEN) socket.send(frame);
      else queue.push(frame);
    });

  const api: RecapBridge = createClient(call, {
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let listeners = eventListeners.get(event);
      if (!listeners) {
        listeners = new Set();
        eventListeners.set(event, listeners);
      }
      const stored = listener as (payload: never) => void;
      listeners.add(stored);
      return () => {
        listeners.delete(stored);
      };
    },
  });

  connect();

  return {
    api,
    connection: {
      current: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => {
          stateListeners.delete(listener);
        };
      },
    },
  };
}
