/**
 * Server-side plumbing between the contract and a transport: one dispatcher
 * for every door, and the browser-mode wire format. (The renderer's client is
 * in rpc-client.ts, free of zod.)
 */
import { z } from 'zod';
import { contract, isMethodName, type Handlers } from './api';
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
