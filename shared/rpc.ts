/**
 * Generic plumbing between the contract and a transport: one dispatcher for
 * every server-side door, one client factory for the renderer.
 */
import { z } from 'zod';
import { contract, isMethodName, methodNames, type Handlers, type MethodName, type RecapApi } from './api';
import { RecapError, type ErrorInfo } from './errors';

/** Validates the method name and its input, then runs the handler. Throws RecapError('bad-request') on bad input. */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new RecapError('bad-request', `Unknown request ${JSON.stringify(String(method)).slice(0, 80)}.`);
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    throw new RecapError('bad-request', `Invalid request to ${method}${where}: ${first?.message ?? 'bad input'}.`);
  }
  const handler = handlers[method] as (value: unknown) => unknown;
  return await handler(parsed.data);
}

/** Builds a typed RecapApi from one function that sends a call over some transport. */
export function createClient(call: (method: MethodName, input: unknown) => Promise<unknown>): RecapApi {
  const api: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of methodNames) api[name] = (input: unknown) => call(name, input);
  return api as RecapApi;
}

/** Browser-mode wire format (WebSocket, JSON text frames). */
export const requestMessage = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.string().max(64),
    input: z.unknown(),
  })
  .strict();
export type RequestMessage = z.infer<typeof requestMessage>;

export type ResponseMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ErrorInfo };

export interface EventMessage {
  event: string;
  payload: unknown;
}
