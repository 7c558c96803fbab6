import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketApi, socketUrl } from '../../renderer/api';
import { App } from '../../renderer/app/App';
import { RecapError } from '../../shared/errors';
import './jsdom-gaps';

/** Just enough of a WebSocket to play the server's side by hand. */
class FakeSocket extends EventTarget {
  static instances: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  sent: unknown[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.instances.push(this);
  }
  send(frame: string) {
    this.sent.push(JSON.parse(frame));
  }
  serverOpens() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  serverSends(message: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  serverCloses() {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

function connect() {
  FakeSocket.instances = [];
  const client = createSocketApi('ws://127.0.0.1:4000/s/tok/api', (url) => new FakeSocket(url) as unknown as WebSocket);
  return { ...client, socket: () => FakeSocket.instances.at(-1)! };
}

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => vi.useRealTimers());

describe('the browser-mode client', () => {
  it('talks to the relative "api" address next to the page, keeping the token', () => {
    expect(socketUrl('http://127.0.0.1:4000/s/abc123/')).toBe('ws://127.0.0.1:4000/s/abc123/api');
    expect(socketUrl('https://127.0.0.1:4000/s/abc123/?x=1#y')).toBe('wss://127.0.0.1:4000/s/abc123/api');
  });

  it('sends {id, method, input} once open and resolves with the result', async () => {
    const { api, socket } = connect();
    const answer = api.listPosts({});
    expect(socket().sent).toEqual([]);
    socket().serverOpens();
    expect(socket().sent).toEqual([{ id: 1, method: 'listPosts', input: {} }]);
    socket().serverSends({ id: 1, ok: true, result: { site: null, posts: [] } });
    await expect(answer).resolves.toEqual({ site: null, posts: [] });
  });

  it('rejects with a RecapError carrying the code and message', async () => {
    const { api, socket } = connect();
    socket().serverOpens();
    const answer = api.savePost({ path: 'a.md', text: 'x', baseHash: '0'.repeat(64) });
    socket().serverSends({ id: 1, ok: false, error: { code: 'conflict', message: 'The file changed on disk.' } });
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecapError);
    expect(error).toMatchObject({ code: 'conflict', message: 'The file changed on disk.' });
  });

  it('delivers pushed events to subscribers', () => {
    const { api, socket } = connect();
    socket().serverOpens();
    const seen: string[] = [];
    const off = api.on('menu', (command) => seen.push(command));
    socket().serverSends({ event: 'menu', payload: 'save' });
    off();
    socket().serverSends({ event: 'menu', payload: 'find-post' });
    expect(seen).toEqual(['save']);
  });

  it('fails calls in flight when the server goes, says so, and reconnects when it is back', async () => {
    const { api, socket, connection } = connect();
    const first = socket();
    first.serverOpens();
    const inFlight = api.getSession({});
    first.serverCloses();
    await expect(inFlight).rejects.toMatchObject({ code: 'io' });
    expect(connection!.current()).toBe('connecting');

    await vi.advanceTimersByTimeAsync(300);
    socket().serverCloses();
    expect(connection!.current()).toBe('lost');
    await expect(api.getSession({})).rejects.toThrow('Lost connection to recap serve. Restart it and reload.');

    await vi.advanceTimersByTimeAsync(1100);
    socket().serverOpens();
    expect(connection!.current()).toBe('open');
  });

  it('the app shows a clear message when the server is gone', async () => {
    const { api, socket, connection } = connect();
    render(<App api={api} connection={connection} />);
    socket().serverCloses();
    expect(await screen.findByRole('alert')).toHaveTextContent('Lost connection to recap serve. Restart it and reload.');
  });
});
