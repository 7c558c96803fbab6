/**
 * The sandboxed preload: exposes `window.recap` (shared/bridge.ts) to the
 * page. Functions only; the page never sees ipcRenderer or any Electron
 * object. It learns the method names from main through one renderer switch,
 * so the contract stays declared once and zod stays out of this bundle.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName, RecapApi } from '../shared/api';
import { IPC_EVENT, IPC_INVOKE, type RecapBridge } from '../shared/bridge';
import { methodsFromArgv, openEnvelope } from './shell/bridge-protocol';

async function call(method: MethodName, input: unknown): Promise<unknown> {
  const envelope = openEnvelope(await ipcRenderer.invoke(IPC_INVOKE, method, input));
  if (envelope.ok) return envelope.result;
  // contextBridge copies only the message of an Error into the page, so the
  // page receives the plain ErrorInfo ({ code, message, line? }) and
  // renderer/api.ts turns it back into a RecapError.
  throw envelope.error;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

function on(event: EventName, listener: (payload: never) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('recap.on needs a listener function.');
  const wrapped = (payload: unknown) => (listener as (payload: unknown) => void)(payload);
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

const api: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
for (const name of methodsFromArgv(process.argv) as MethodName[]) {
  api[name] = (input: unknown) => call(name, input ?? {});
}

const bridge = { ...(api as RecapApi), on: on as RecapBridge['on'] } satisfies RecapBridge;

contextBridge.exposeInMainWorld('recap', bridge);
