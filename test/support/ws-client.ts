/** A minimal browser-mode API client for tests, speaking the wire format in shared/rpc.ts. */
import WebSocket from 'ws';
import type { ResponseMessage } from '../../shared/rpc';

export interface TestClient {
  call(method: string, input?: unknown): Promise<ResponseMessage>;
  send(raw: string): void;
  closed: Promise<number>;
  close(): void;
}

export function connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
  const socket = new WebSocket(url, { headers });
  const pending = new Map<number, (message: ResponseMessage) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ResponseMessage;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () =>
      resolve({
        call(method, input = {}) {
          const id = nextId++;
          return new Promise((done) => {
            pending.set(id, done);
            socket.send(JSON.stringify({ id, method, input }));
          });
        },
        send: (raw) => socket.send(raw),
        closed,
        close: () => socket.close(),
      }),
    );
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
