/**
 * The contract over a WebSocket: JSON requests in, JSON responses and events
 * out. Message size and rate are bounded per connection, requests waiting
 * for an answer per connection, and the rate of the whole server (shared by
 * all connections, whose number the server caps), so no client can keep
 * another from being answered.
 */
import type { WebSocket } from 'ws';
import type { Handlers } from '../../shared/api';
import { RecapError, toErrorInfo } from '../../shared/errors';
import { dispatch, requestMessage, type EventMessage, type ResponseMessage } from '../../shared/rpc';

export interface SocketLimits {
  /** Requests allowed per window before the connection is closed. */
  maxRequests: number;
  windowMs: number;
  /** Open connections per server; more are refused (HTTP 503) until one closes. */
  maxConnections?: number;
  /** Requests per window across all connections; beyond it requests are answered "busy", not run. */
  maxServerRequests?: number;
  /** Requests of one connection still running; beyond it requests are answered "busy". */
  maxPending?: number;
}

export const DEFAULT_LIMITS: SocketLimits = { maxRequests: 600, windowMs: 10_000, maxConnections: 16, maxServerRequests: 1200, maxPending: 32 };

/** The whole server's request budget per window, shared by its connections. */
export class ServerBudget {
  private windowStart = Date.now();
  private count = 0;

  constructor(private readonly limits: SocketLimits) {}

  take(): boolean {
    const now = Date.now();
    if (now - this.windowStart > this.limits.windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    return ++this.count <= (this.limits.maxServerRequests ?? Infinity);
  }
}

const busy = () => new RecapError('refused', 'Recap is busy answering too many requests; try again in a few seconds.');

export function serveApi(socket: WebSocket, handlers: Handlers, limits: SocketLimits = DEFAULT_LIMITS, budget: ServerBudget = new ServerBudget(limits)): void {
  let windowStart = Date.now();
  let count = 0;
  let pending = 0;

  // ws reports oversized or malformed frames as errors (and closes with 1009/1002);
  // without a listener they would crash the whole server.
  socket.on('error', () => socket.terminate());

  socket.on('message', (data, isBinary) => {
    const now = Date.now();
    if (now - windowStart > limits.windowMs) {
      windowStart = now;
      count = 0;
    }
    if (++count > limits.maxRequests) {
      socket.close(1008, 'Too many requests');
      return;
    }
    if (isBinary) {
      socket.close(1003, 'Text frames only');
      return;
    }
    const overloaded = pending >= (limits.maxPending ?? Infinity) || !budget.take();
    pending++;
    void answer(socket, handlers, data.toString(), overloaded).finally(() => pending--);
  });
}

async function answer(socket: WebSocket, handlers: Handlers, text: string, overloaded = false): Promise<void> {
  let id = -1;
  let response: ResponseMessage;
  try {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RecapError('bad-request', 'Request is not valid JSON.');
    }
    const message = requestMessage.safeParse(json);
    if (!message.success) throw new RecapError('bad-request', 'Request does not have the form {id, method, input}.');
    id = message.data.id;
    if (overloaded) throw busy();
    response = { id, ok: true, result: await dispatch(handlers, message.data.method, message.data.input) };
  } catch (error) {
    if (!(error instanceof RecapError)) console.error('recap: unexpected error while answering a request:', error);
    response = { id, ok: false, error: toErrorInfo(error) };
  }
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(response));
}

export function sendEvent(socket: WebSocket, event: EventMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}
