/**
 * What travels over IPC between ipc.ts (main) and the preload, in plain data.
 * The sandboxed preload bundles this file, so it imports neither Node nor
 * zod: only the tiny error helpers.
 */
import { RecapError, isErrorInfo, type ErrorInfo } from '../../shared/errors';

/**
 * ipcRenderer.invoke keeps only the message of a thrown error, so main
 * answers every call with an envelope and the preload decides what to throw.
 */
export type IpcEnvelope = { ok: true; result: unknown } | { ok: false; error: ErrorInfo };

/** The result of a call, or the ErrorInfo it failed with, to be rejected across the context bridge. */
export function openEnvelope(value: unknown): { ok: true; result: unknown } | { ok: false; error: ErrorInfo } {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const envelope = value as { ok: unknown; result?: unknown; error?: unknown };
    if (envelope.ok === true) return { ok: true, result: envelope.result };
    if (envelope.ok === false && isErrorInfo(envelope.error)) return { ok: false, error: envelope.error };
  }
  return { ok: false, error: { code: 'internal', message: 'Recap received an unreadable answer from its main process. Restart Recap.' } };
}

/**
 * The method names reach the preload as one renderer switch
 * (webPreferences.additionalArguments), so the preload learns the contract
 * from shared/api.ts through main instead of bundling zod or a second list.
 */
export const METHODS_SWITCH = '--recap-methods=';

const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

export function methodsSwitch(names: readonly string[]): string {
  const valid = names.filter((name) => METHOD_NAME.test(name));
  if (valid.length !== names.length) throw new RecapError('internal', 'A method name in the API contract is not a plain identifier.');
  return METHODS_SWITCH + valid.join(',');
}

/** The method names from the renderer's argv; unknown shapes are dropped rather than trusted. */
export function methodsFromArgv(argv: readonly string[]): string[] {
  const found = argv.find((arg) => arg.startsWith(METHODS_SWITCH));
  if (found === undefined) return [];
  const names = found.slice(METHODS_SWITCH.length).split(',');
  // `on` is the bridge's own subscription function and cannot be shadowed by a method.
  return [...new Set(names.filter((name) => METHOD_NAME.test(name) && name !== 'on'))];
}
