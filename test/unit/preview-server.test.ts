import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { contentSecurityPolicy as browserModePolicy } from '../../electron/server/static-files';
import { resolveSiteImage } from '../../electron/services/preview/site-image';
import { CONTENT_SECURITY_POLICY, siteImagePath } from '../../electron/shell/policy';
import { cspDirectives } from '../../shared/csp';
import { EMBED_FRAME_HOSTS, liveFrameFor, liveFrameForUrl } from '../../shared/embeds';
import { copyFixture, tempDir } from '../support/fixtures';
import { connect } from '../support/ws-client';

let server: RunningServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve() {
  const root = await copyFixture('sites', 'events-jekyll');
  const rendererDir = await tempDir();
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recap</title>');
  const stateDir = await tempDir();
  server = await startServer({ root, rendererDir, stateDir });
  const origin = `http://127.0.0.1:${server.port}`;
  return { root, stateDir, origin, base: `${origin}/s/${server.token}/site/` };
}

/** GET without fetch's URL normalisation, so `..` reaches the server as written. */
function rawGet(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: pathname }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('the guarded site image route (browser mode)', () => {
  it('serves a site image with its type, confined and sandboxed', async () => {
    const { root, base } = await serve();
    const response = await fetch(`${base}images/2019-kubecon-san-diego/background.jpg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(await readFile(path.join(root, 'images/2019-kubecon-san-diego/background.jpg')))).toBe(true);
  });

  it('needs the token', async () => {
    const { origin } = await serve();
    expect((await fetch(`${origin}/s/wrong-token/site/images/2019-kubecon-san-diego/background.jpg`)).status).toBe(401);
    expect((await fetch(`${origin}/site/images/2019-kubecon-san-diego/background.jpg`)).status).toBe(401);
  });

  it('refuses traversal, encoded or not, and hidden folders', async () => {
    const { base } = await serve();
    const port = server!.port;
    const prefix = new URL(base).pathname;
    for (const bad of ['..%2f..%2f..%2fetc%2fpasswd.png', '%2e%2e/%2e%2e/secret.png', 'images/..%2F..%2Fsecret.png', '.git/logo.png', 'images%5c..%5c..%5csecret.png']) {
      expect(await rawGet(port, prefix + bad), bad).toBeGreaterThanOrEqual(400);
    }
    // A plain `..` is folded away by URL parsing before routing: it can only ever land inside /s/<token>/.
    expect(await rawGet(port, `${prefix}../../../../etc/passwd`)).toBe(401);
  });

  it('refuses files that are not images, and folders (no listing)', async () => {
    const { root, base } = await serve();
    expect((await fetch(`${base}_config.yml`)).status).toBe(403);
    expect((await fetch(`${base}_posts/2019-11-26-kubecon-san-diego-highlights.md`)).status).toBe(403);
    expect((await fetch(`${base}images/`)).status).toBe(403);
    expect((await fetch(`${base}images`)).status).toBe(403);
    await mkdir(path.join(root, 'images', 'folder.png'));
    expect((await fetch(`${base}images/folder.png`)).status).toBe(404);
    expect((await fetch(`${base}images/nope.png`)).status).toBe(404);
  });

  it('refuses a symlink that leads out of the site', async () => {
    const { root, base } = await serve();
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.png'), 'not for you');
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'images', 'escape.png'));
    await symlink(outside, path.join(root, 'images', 'elsewhere'));
    expect((await fetch(`${base}images/escape.png`)).status).toBe(403);
    expect((await fetch(`${base}images/elsewhere/secret.png`)).status).toBe(403);
  });
});

describe('resolveSiteImage (both doors)', () => {
  it('finds images inside the root and nothing else', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'content', 'post'), { recursive: true });
    await writeFile(path.join(root, 'content', 'post', 'a photo.webp'), 'x');
    await expect(resolveSiteImage(root, 'content/post/a%20photo.webp')).resolves.toMatchObject({ ok: true, type: 'image/webp' });
    await expect(resolveSiteImage(root, 'content/post/%E0%A4%A')).resolves.toEqual({ ok: false, status: 400 });
    await expect(resolveSiteImage(root, 'content/post/x.png%00.md')).resolves.toMatchObject({ ok: false });
    await expect(resolveSiteImage(root, 'content/../../x.png')).resolves.toEqual({ ok: false, status: 403 });
  });

  it('Electron maps only app://recap/site/… to the route, keeping the encoding', () => {
    expect(siteImagePath('app://recap/site/images/a%20b.png')).toBe('images/a%20b.png');
    expect(siteImagePath('app://recap/site/images/x.png?v=1')).toBe('images/x.png');
    expect(siteImagePath('app://recap/index.html')).toBeNull();
    expect(siteImagePath('app://other/site/x.png')).toBeNull();
  });
});

describe('per-site preview settings', () => {
  it('are off by default, remembered per site in the state folder, never in the site', async () => {
    const { root, stateDir, origin } = await serve();
    const client = await connect(`ws://127.0.0.1:${server!.port}/s/${server!.token}/api`, { Origin: origin });
    expect(await client.call('getPreviewSettings', {})).toMatchObject({ ok: true, result: { externalContent: false } });
    expect(await client.call('setPreviewSettings', { externalContent: true })).toMatchObject({ ok: true, result: { externalContent: true } });
    expect(await client.call('getPreviewSettings', {})).toMatchObject({ ok: true, result: { externalContent: true } });
    expect(await client.call('setPreviewSettings', { externalContent: 'yes' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    client.close();
    const file = path.join(stateDir, 'sites', `${createHash('sha256').update(server!.root).digest('hex')}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ externalContent: true });
    await expect(stat(path.join(root, '.recap.json'))).rejects.toThrow();
  });
});

describe('content security policy, one for both doors', () => {
  // 'self' is the Page view's own sandboxed page (page/<id>); everything else is the embed allowlist.
  const allowlist = ["'self'", ...EMBED_FRAME_HOSTS.map((host) => `https://${host}`)];

  it('frame-src is exactly Recap itself and the embed allowlist, in Electron and in browser mode', () => {
    expect(cspDirectives(CONTENT_SECURITY_POLICY).get('frame-src')).toEqual(allowlist);
    expect(cspDirectives(browserModePolicy(4321)).get('frame-src')).toEqual(allowlist);
  });

  it('both doors share every other directive; browser mode adds only its socket and frame-ancestors', () => {
    const electron = cspDirectives(CONTENT_SECURITY_POLICY);
    const browser = cspDirectives(browserModePolicy(4321));
    for (const [name, values] of electron) if (name !== 'connect-src') expect(browser.get(name), name).toEqual(values);
    expect(browser.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321', 'ws://localhost:4321']);
    expect(browser.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('every live frame the preview can build is on the allowlist, over https', () => {
    const frames = [
      liveFrameFor({ provider: 'youtube', id: 'NckMekZXRt8', valid: true }),
      liveFrameFor({ provider: 'vimeo', id: '76979871', valid: true }),
      liveFrameFor({ provider: 'slideshare', id: '5CIkLdzheA7P1', valid: true }),
      liveFrameFor({ provider: 'speakerdeck', id: 'abc123', valid: true }),
      liveFrameFor({ provider: 'gist', id: 'alexellis/0123abcd', valid: true }),
      liveFrameFor({ provider: 'codepen', id: 'user/abcde', valid: true }),
      liveFrameFor({ provider: 'twitter', id: '1195828490290860032', valid: true }),
    ];
    for (const frame of frames) {
      expect(frame).not.toBeNull();
      const url = new URL(frame!.src);
      expect(url.protocol).toBe('https:');
      expect(EMBED_FRAME_HOSTS).toContain(url.hostname);
    }
    expect(liveFrameFor({ provider: 'youtube', id: 'abc123', valid: false })).toBeNull();
    expect(liveFrameForUrl('javascript:alert(1)')).toBeNull();
    expect(liveFrameForUrl('http://player.vimeo.com/video/1')).toBeNull();
    expect(liveFrameForUrl('https://evil.example/embed')).toBeNull();
    expect(liveFrameForUrl('//www.slideshare.net/slideshow/embed_code/key/x')?.host).toBe('www.slideshare.net');
  });
});
