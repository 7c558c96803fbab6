import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { copyFixture, repoRoot, tempDir } from '../support/fixtures';
import { connect } from '../support/ws-client';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
let server: RunningServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(options: { limits?: { maxRequests: number; windowMs: number } } = {}) {
  const root = await copyFixture('sites', 'events-jekyll');
  const rendererDir = await tempDir();
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recap</title>');
  server = await startServer({ root, rendererDir, stateDir: await tempDir(), ...options });
  const origin = `http://127.0.0.1:${server.port}`;
  const apiUrl = `ws://127.0.0.1:${server.port}/s/${server.token}/api`;
  return { root, server, origin, apiUrl };
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with a long random token', async () => {
    const { server: a } = await serve();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const other = await startServer({ root: a.root, rendererDir: repoRoot, stateDir: await tempDir() });
    expect(other.token).not.toBe(a.token);
    await other.close();
  });

  it('the printed URL leads to the app; any request without the token gets 401', async () => {
    const { server: s, origin } = await serve();
    const entry = await fetch(s.url, { redirect: 'manual' });
    expect(entry.status).toBe(302);
    expect(entry.headers.get('location')).toBe(`/s/${s.token}/`);
    const page = await fetch(`${origin}/s/${s.token}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    for (const url of [`${origin}/`, `${origin}/?token=wrong`, `${origin}/s/wrong/`, `${origin}/s/${s.token.slice(1)}/index.html`, `${origin}/index.html`]) {
      expect((await fetch(url)).status, url).toBe(401);
    }
  });

  it('refuses a foreign Origin or Host (DNS rebinding) with 403', async () => {
    const { server: s, origin } = await serve();
    const withOrigin = await fetch(`${origin}/s/${s.token}/`, { headers: { Origin: 'https://evil.example' } });
    expect(withOrigin.status).toBe(403);
    // fetch() will not forge Host; speak HTTP directly.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: s.port, path: `/s/${s.token}/`, headers: { Host: `attacker.example:${s.port}` } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it('the WebSocket API needs the token and this server as Origin', async () => {
    const { server: s, origin, apiUrl } = await serve();
    await expect(connect(apiUrl)).rejects.toThrow(/403/); // no Origin
    await expect(connect(apiUrl, { Origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(`ws://127.0.0.1:${s.port}/s/nope/api`, { Origin: origin })).rejects.toThrow(/403/);
    const client = await connect(apiUrl, { Origin: origin });
    const listed = await client.call('listPosts');
    expect(listed.ok && (listed.result as { posts: unknown[] }).posts).toHaveLength(4);
    client.close();
  });

  it('reads and saves through the API; a stale hash is a conflict', async () => {
    const { root, origin, apiUrl } = await serve();
    const client = await connect(apiUrl, { Origin: origin });
    const read = await client.call('readPost', { path: SEED });
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.result as { text: string; hash: string };
    const saved = await client.call('savePost', { path: SEED, text: doc.text.replace('Highlights"', 'Highlights!"'), baseHash: doc.hash });
    expect(saved.ok).toBe(true);
    expect(await readFile(path.join(root, SEED), 'utf8')).toContain('title: "Our KubeCon San Diego Highlights!"');
    const stale = await client.call('savePost', { path: SEED, text: 'x', baseHash: doc.hash });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    client.close();
  });

  it('refuses path traversal, absolute paths and symlinks out of the folder', async () => {
    const { root, origin, apiUrl } = await serve();
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.md'), 'secret');
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'escape.md'));
    const client = await connect(apiUrl, { Origin: origin });
    for (const bad of ['../secret.md', '/etc/passwd', 'escape.md', '_posts/../../../etc/passwd']) {
      expect(await client.call('readPost', { path: bad }), bad).toMatchObject({ ok: false, error: { code: 'outside-folder' } });
    }
    client.close();
  });

  it('rejects malformed requests with a clear error, and will not open another folder', async () => {
    const { origin, apiUrl } = await serve();
    const client = await connect(apiUrl, { Origin: origin });
    expect(await client.call('nope')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await client.call('readPost', { path: 42 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('path') } });
    expect(await client.call('savePost', { path: SEED, text: 'x', baseHash: 'abc' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await client.call('openFolder', { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await client.call('openLink', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    client.close();
  });

  it('closes a connection that sends a message over the size limit', async () => {
    const { origin, apiUrl } = await serve();
    const client = await connect(apiUrl, { Origin: origin });
    client.send('x'.repeat(21 * 1024 * 1024));
    expect(await client.closed).toBe(1009);
  });

  it('refuses to listen beyond loopback unless asked explicitly, and then still needs the token', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const base = { root, rendererDir: repoRoot, stateDir: await tempDir() };
    await expect(startServer({ ...base, host: '0.0.0.0' })).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('--allow-remote') });
    server = await startServer({ ...base, host: '0.0.0.0', allowRemote: true });
    const { request } = await import('node:http');
    const get = (pathName: string, headers: Record<string, string>) =>
      new Promise<number>((resolve) => request({ host: '127.0.0.1', port: server!.port, path: pathName, headers }, (res) => resolve(res.statusCode ?? 0)).end());
    expect(await get('/', { Host: `192.0.2.10:${server.port}` })).toBe(401);
    expect(await get(`/?token=${server.token}`, { Host: `192.0.2.10:${server.port}` })).toBe(302);
    expect(await get(`/?token=${server.token}`, { Host: `192.0.2.10:${server.port}`, Origin: 'http://evil.example' })).toBe(403);
  });

  it('closes connections that flood it with requests', async () => {
    const { origin, apiUrl } = await serve({ limits: { maxRequests: 20, windowMs: 60_000 } });
    const client = await connect(apiUrl, { Origin: origin });
    for (let i = 0; i < 25; i++) client.send(JSON.stringify({ id: i, method: 'getSession', input: {} }));
    expect(await client.closed).toBe(1008);
  });
});
