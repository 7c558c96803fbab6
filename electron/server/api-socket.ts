/**
 * The contract over a WebSocket: JSON requests in, JSON responses and events
 * out. Message size and rate are bounded per connection.
 */
import type { WebSocket } from 'ws';
import type { Handlers } from '../../shared/api';
import { RecapError, toErrorInfo } from '../../shared/errors';
import { dispatch, requestMessage, type EventMessage, type ResponseMessage } from '../../shared/rpc';

export interface SocketLimits {
  /** Requests allowed per window before the connection is closed. */
  maxRequests: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: SocketLimits = { maxRequests: 600, windowMs: 10_000 };

export function serveApi(socket: WebSocket, handlers: Handlers, limits: SocketLimits = DEFAULT_LIMITS): void {
  let windowStart = Date.now();
  let count = 0;

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
    void answer(socket, handlers, data.toString());
  });
}

async function answer(socket: WebSocket, handlers: Handlers, text: string): Promise<void> {
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
