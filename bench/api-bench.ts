/** Opening and saving the seed post through the API, as browser mode's page does (WebSocket). */
import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { PostDocument } from '../shared/model';
import type { ResponseMessage } from '../shared/rpc';
import { startServer } from '../electron/server/server';
import { median } from './stats';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';

export interface ApiResults {
  open_ms: number;
  save_ms: number;
}

export async function benchApi(fixturesDir: string, rendererDir: string, runs: number): Promise<ApiResults> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'recap-bench-api-'));
  const root = path.join(tmp, 'events-jekyll');
  await cp(path.join(fixturesDir, 'sites', 'events-jekyll'), root, { recursive: true });
  await chmod(path.join(root, SEED), 0o644); // the project's fixtures may be write-protected; a copy is the author's own
  const server = await startServer({ root, rendererDir, stateDir: path.join(tmp, 'state') });
  const origin = `http://127.0.0.1:${server.port}`;
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/s/${server.token}/api`, { headers: { Origin: origin } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const call = (method: string, input: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as ResponseMessage;
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        if (message.ok) resolve(message.result);
        else reject(new Error(message.error.message));
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, input }));
    });

  try {
    const open: number[] = [];
    const save: number[] = [];
    let doc = (await call('readPost', { path: SEED })) as PostDocument;
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      doc = (await call('readPost', { path: SEED })) as PostDocument;
      open.push(performance.now() - start);
      // A real edit each time, so every save writes, fsyncs and renames.
      const text = doc.text.replace(/\n$/, `\nEdit ${i}.\n`);
      start = performance.now();
      await call('savePost', { path: SEED, text, baseHash: doc.hash });
      save.push(performance.now() - start);
    }
    return { open_ms: median(open), save_ms: median(save) };
  } finally {
    socket.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
