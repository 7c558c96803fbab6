/**
 * The red team's probes (issue 18), replayed over browser mode's real
 * WebSocket against a temporary site that is a git repository with a local
 * bare remote. Marker files prove no command ran.
 */
import { chmod, chown, link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SocketLimits } from '../../electron/server/api-socket';
import { startServer, type RunningServer } from '../../electron/server/server';
import { pullRebaseExport } from '../../electron/services/git/export-service';
import { tempDir } from '../support/fixtures';
import { git, isolateGitConfig, siteRepo } from '../support/git-fixture';
import { connect, type TestClient } from '../support/ws-client';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
let server: RunningServer | null = null;
const clients: TestClient[] = [];

beforeAll(() => isolateGitConfig());
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = null;
});

async function serveRepo(limits?: SocketLimits) {
  const repo = await siteRepo();
  const rendererDir = await tempDir();
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Recap</title>');
  server = await startServer({ root: repo.site, rendererDir, stateDir: await tempDir(), ...(limits ? { limits } : {}) });
  const origin = `http://127.0.0.1:${server.port}`;
  const apiUrl = `ws://127.0.0.1:${server.port}/s/${server.token}/api`;
  const open = async () => {
    const client = await connect(apiUrl, { Origin: origin });
    clients.push(client);
    return client;
  };
  const marker = path.join(await tempDir('recap-marker-'), 'pwned');
  return { ...repo, client: await open(), open, marker };
}

function refusal(response: { ok: boolean; error?: { code: string; message: string } }) {
  expect(response.ok).toBe(false);
  return response.error!;
}

describe('18.1 no command through git arguments', () => {
  it('pullRebase and pushBranch refuse option-like remotes and branches; no command runs', async () => {
    const { client, marker } = await serveRepo();
    const probes: [string, Record<string, string>][] = [
      ['pullRebase', { remote: `--upload-pack=touch ${marker};`, branch: 'main' }],
      ['pullRebase', { remote: 'origin', branch: `--upload-pack=touch ${marker};` }],
      ['pushBranch', { remote: `--receive-pack=touch ${marker};`, branch: 'main' }],
      ['pushBranch', { remote: 'origin', branch: `--exec=touch ${marker}` }],
      ['pullRebase', { remote: `ext::sh -c touch% ${marker}`, branch: 'main' }],
      ['pullRebase', { remote: 'not-a-remote', branch: 'main' }],
    ];
    for (const [method, input] of probes) {
      const error = refusal(await client.call(method, input));
      expect(error.code, `${method} ${JSON.stringify(input)}`).toMatch(/bad-request|refused/);
    }
    const exported = await client.call('exportPost', {
      path: SEED,
      files: [SEED],
      message: 'x',
      branch: { kind: 'new', name: `--upload-pack=touch ${marker}` },
      push: { remote: `--receive-pack=touch ${marker};` },
    });
    expect(refusal(exported).code).toBe('bad-request');
    expect(existsSync(marker)).toBe(false);
  });

  it('the service itself refuses an option as a remote (not only the contract)', async () => {
    const { site, marker } = await serveRepo();
    await expect(pullRebaseExport({ siteRoot: site }, { remote: `--upload-pack=touch ${marker};`, branch: 'main' })).rejects.toMatchObject({ code: 'refused' });
    expect(existsSync(marker)).toBe(false);
  });

  it('a push to a remote that does not exist is refused before anything is committed', async () => {
    const { site, client } = await serveRepo();
    const head = git(site, 'rev-parse', 'HEAD');
    await writeFile(path.join(site, SEED), (await readFile(path.join(site, SEED), 'utf8')) + '\nMore.\n');
    const result = await client.call('exportPost', { path: SEED, files: [SEED], message: 'Update', branch: { kind: 'current' }, push: { remote: 'upstream' } });
    expect(refusal(result).message).toMatch(/no remote named "upstream"/);
    expect(git(site, 'rev-parse', 'HEAD')).toBe(head);
  });
});

describe('18.2 .git/ and the site configuration are not posts', () => {
  it('.git/config cannot be read or saved; gitStatus never runs core.fsmonitor', async () => {
    const { site, client, marker } = await serveRepo();
    const before = await readFile(path.join(site, '.git', 'config'), 'utf8');
    for (const probe of ['.git/config', '.GIT/config', '.git./config', 'sub/../.git/HEAD', '.hg/hgrc', '.svn/entries', '.jj/repo/config.toml']) {
      refusal(await client.call('readPost', { path: probe }));
      refusal(await client.call('savePost', { path: probe, text: `[core]\n\tfsmonitor = "touch ${marker}"\n`, baseHash: '0'.repeat(64) }));
    }
    expect(await readFile(path.join(site, '.git', 'config'), 'utf8')).toBe(before);
    // A symlinked post leading into .git/ is refused by its real path.
    await symlink(path.join(site, '.git', 'config'), path.join(site, '_drafts', 'config.md'));
    expect(refusal(await client.call('readPost', { path: '_drafts/config.md' })).message).toMatch(/\.git/);

    // Even when the repository's config names an fsmonitor (set outside Recap), Recap's status does not run it.
    git(site, 'config', 'core.fsmonitor', `touch ${marker}; false`);
    const status = await client.call('gitStatus', {});
    expect(status.ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('setCover, readPost, savePost and checkPost take only posts: not _config.yml, not .git/HEAD, not a .txt', async () => {
    const { site, client } = await serveRepo();
    await writeFile(path.join(site, 'notes.txt'), 'plain\n');
    const config = await readFile(path.join(site, '_config.yml'), 'utf8');
    const head = await readFile(path.join(site, '.git', 'HEAD'), 'utf8');
    for (const probe of ['_config.yml', '.git/HEAD', 'notes.txt', '_posts/_defaults.md']) {
      const error = refusal(await client.call('setCover', { path: probe, image: '/images/a.png' }));
      expect(error.message.split('\n')).toHaveLength(1);
      refusal(await client.call('readPost', { path: probe }));
      refusal(await client.call('checkPost', { path: probe, text: 'x' }));
    }
    expect(refusal(await client.call('readPost', { path: '_config.yml' })).message).toMatch(/configuration, not a post/);
    expect(await readFile(path.join(site, '_config.yml'), 'utf8')).toBe(config);
    expect(await readFile(path.join(site, '.git', 'HEAD'), 'utf8')).toBe(head);
    // A cover is an image, and a post still takes one.
    refusal(await client.call('setCover', { path: SEED, image: '_config.yml' }));
    const cover = await client.call('setCover', { path: SEED, image: '/images/a.png' });
    expect(cover.ok).toBe(true);
  });
});

describe('18.3 two saves on one base', () => {
  it('from two connections at once: one wins, the other gets the conflict, no text is lost silently', async () => {
    const { site, client, open } = await serveRepo();
    const second = await open();
    for (let run = 0; run < 6; run++) {
      const read = await client.call('readPost', { path: SEED });
      if (!read.ok) throw new Error(read.error.message);
      const doc = read.result as { text: string; hash: string };
      const [a, b] = await Promise.all([
        client.call('savePost', { path: SEED, text: `${doc.text}\nA${run}\n`, baseHash: doc.hash }),
        second.call('savePost', { path: SEED, text: `${doc.text}\nB${run}\n`, baseHash: doc.hash }),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(!loser.ok && loser.error.code).toBe('conflict');
      const disk = await readFile(path.join(site, SEED), 'utf8');
      expect(disk.endsWith(a.ok ? `A${run}\n` : `B${run}\n`)).toBe(true);
    }
  });

  it('the journal keeps one slot per tab: saving in one tab does not forget the other tab’s draft', async () => {
    const { client, open } = await serveRepo();
    const second = await open();
    const read = await client.call('readPost', { path: SEED });
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.result as { text: string; hash: string };
    const tabA = 'a'.repeat(16);
    const tabB = 'b'.repeat(16);
    expect((await client.call('journalDraft', { path: SEED, text: `${doc.text}A`, baseHash: doc.hash, tab: tabA })).ok).toBe(true);
    expect((await second.call('journalDraft', { path: SEED, text: `${doc.text}B`, baseHash: doc.hash, tab: tabB })).ok).toBe(true);
    expect((await client.call('savePost', { path: SEED, text: `${doc.text}A`, baseHash: doc.hash, tab: tabA })).ok).toBe(true);
    const drafts = await second.call('listDrafts', {});
    expect(drafts.ok && (drafts.result as { text: string }[]).map((d) => d.text)).toEqual([`${doc.text}B`]);
  });
});

describe('18.4 no client floods the server', () => {
  it('connections per server are capped; a freed place can be taken again', async () => {
    const { open } = await serveRepo({ maxRequests: 600, windowMs: 10_000, maxConnections: 3 });
    const third = await open(); // the first is serveRepo's own
    await open();
    await expect(open()).rejects.toThrow(/503/);
    third.close();
    await third.closed;
    const again = await open();
    expect((await again.call('getSession')).ok).toBe(true);
  });

  it('the whole server’s request rate is shared: past it requests are answered "busy", not run', async () => {
    const { client, open } = await serveRepo({ maxRequests: 600, windowMs: 60_000, maxServerRequests: 40 });
    const other = await open();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? client : other).call('listPosts')).concat(Array.from({ length: 30 }, () => other.call('getSession'))),
    );
    const busy = answers.filter((a) => !a.ok && /busy/.test(a.error.message));
    expect(answers.filter((a) => a.ok)).toHaveLength(40);
    expect(busy).toHaveLength(20);
  });
});

describe('18.5 limits in bytes; read-only means read-only', () => {
  it('a text of 6.5 million € (19.5 MB as UTF-8) is refused at the door', async () => {
    const { client } = await serveRepo();
    const read = await client.call('readPost', { path: SEED });
    if (!read.ok) throw new Error(read.error.message);
    const saved = await client.call('savePost', { path: SEED, text: '€'.repeat(3_600_000), baseHash: (read.result as { hash: string }).hash });
    expect(refusal(saved).code).toBe('bad-request');
  });

  it('a 0444 post opens read-only and is not replaced unless the author confirms; mode and owner are kept', async () => {
    const { site, client } = await serveRepo();
    const file = path.join(site, SEED);
    await chmod(file, 0o444);
    const read = await client.call('readPost', { path: SEED });
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.result as { text: string; hash: string; readOnly: boolean; readOnlyReason: string | null };
    expect(doc.readOnly).toBe(true);
    expect(doc.readOnlyReason).toBe('permissions');
    const refused = await client.call('savePost', { path: SEED, text: `${doc.text}x`, baseHash: doc.hash });
    expect(refusal(refused).message).toMatch(/read-only/);
    expect(await readFile(file, 'utf8')).toBe(doc.text);

    const confirmed = await client.call('savePost', { path: SEED, text: `${doc.text}x`, baseHash: doc.hash, replaceReadOnly: true });
    expect(confirmed.ok).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });

  it.runIf(process.getuid?.() === 0)('as root, a post owned by another user keeps its owner on save', async () => {
    const { site, client } = await serveRepo();
    const file = path.join(site, SEED);
    await chown(file, 4321, 4321);
    const read = await client.call('readPost', { path: SEED });
    if (!read.ok) throw new Error(read.error.message);
    const doc = read.result as { text: string; hash: string };
    expect((await client.call('savePost', { path: SEED, text: `${doc.text}x`, baseHash: doc.hash })).ok).toBe(true);
    const info = await stat(file);
    expect([info.uid, info.gid]).toEqual([4321, 4321]);
  });
});

describe('18.6 hard links', () => {
  it('a post with a second hard link (which may lie outside the folder) is neither read nor saved', async () => {
    const { site, client } = await serveRepo();
    const outside = path.join(await tempDir('recap-outside-'), 'secret.md');
    await writeFile(outside, '---\ntitle: secret\n---\nprivate\n');
    await link(outside, path.join(site, '_drafts', 'linked.md'));
    const error = refusal(await client.call('readPost', { path: '_drafts/linked.md' }));
    expect(error.message).toMatch(/hard links/);
    refusal(await client.call('savePost', { path: '_drafts/linked.md', text: 'x', baseHash: '0'.repeat(64) }));
    expect(await readFile(outside, 'utf8')).toContain('private');
    // Nor is a hard-linked file served as a site image.
    await link(outside, path.join(site, 'images', 'leak.png'));
    const image = await fetch(`http://127.0.0.1:${server!.port}/s/${server!.token}/site/images/leak.png`);
    expect(image.status).toBe(403);
  });
});
