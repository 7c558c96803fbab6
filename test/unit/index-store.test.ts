import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile, realpath, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexStore } from '../../electron/services/cache/index-store';
import { asciiJson, unasciiJson } from '../../electron/services/cache/ascii-json';
import { readSealedText, writeSealedText } from '../../electron/services/cache/sealed-file';
import { defaultStateDir } from '../../electron/services/settings/state-dir';
import { countWords } from '../../electron/services/workspace/summarize-post';
import { summarizeFileSync } from '../../electron/services/workspace/summarize-file';
import { Workspace } from '../../electron/services/workspace/workspace';
import { splitFrontMatter } from '../../shared/document/front-matter-block';
import type { PostSummary } from '../../shared/model';
import { settle } from '../support/settle';
import { copyFixture, fixture, tempDir } from '../support/fixtures';

const POST = '_posts/2019-11-26-kubecon-san-diego-highlights.md';

async function site(): Promise<{ root: string; stateDir: string }> {
  const root = await copyFixture('sites', 'events-jekyll');
  await settle(root);
  return { root, stateDir: await tempDir('recap-state-') };
}

/** What a process that has never seen the site lists: no index at all. */
async function truth(root: string) {
  const workspace = await Workspace.open(root, {});
  return (await workspace.list()).posts;
}

/** A listing as a new process would make it: a new Workspace on the same state folder. */
async function listed(root: string, stateDir: string) {
  const workspace = await Workspace.open(root, { stateDir });
  const { posts } = await workspace.list();
  await workspace.close();
  return posts;
}

/** The index file's identity: Recap's own, for this site (by its real path). */
async function sealId(root: string) {
  return { kind: 'recap-index', format: 2, key: await realpath(root) };
}

/** The index's payload: a line of columns, then the array of each post's JSON text (in ASCII), of the lengths the columns say. */
async function readIndex(file: string, root: string): Promise<{ columns: Record<string, unknown[]>; texts: string[] }> {
  const payload = readSealedText(file, await sealId(root))!;
  const newline = payload.indexOf('\n');
  const columns = JSON.parse(payload.slice(0, newline)) as Record<string, unknown[]>;
  let at = newline + 2;
  const texts = (columns.lengths as number[]).map((length) => payload.slice(at, (at += length + 1) - 1));
  return { columns, texts };
}

async function writeIndex(file: string, root: string, { columns, texts }: { columns: Record<string, unknown[]>; texts: string[] }): Promise<void> {
  const ascii = texts.map(asciiJson);
  await writeSealedText(file, await sealId(root), `${JSON.stringify({ ...columns, lengths: ascii.map((t) => t.length) })}\n[${ascii.join(',')}]`);
}

/** `recap index --json`'s posts as a new process prints them. */
async function printed(root: string, stateDir: string): Promise<string> {
  const workspace = await Workspace.open(root, { stateDir });
  const json = await workspace.listJson();
  await workspace.close();
  return json;
}

/** What it must print: the listing's summaries with the documented fields, serialised. */
function asPrinted(posts: PostSummary[]): string {
  return JSON.stringify(posts.map(({ path, title, date, draft, tags, categories, words }) => ({ path, title, date, draft, tags, categories, words })));
}

function indexFile(stateDir: string): string {
  const dir = path.join(stateDir, 'index');
  const names = readdirSync(dir).filter((n) => n.endsWith('.cache'));
  expect(names).toHaveLength(1);
  return path.join(dir, names[0]!);
}

describe('word counts from the bytes', () => {
  it('equal the count of the decoded body for every fixture post', async () => {
    for (const name of ['events-jekyll', 'jekyll-docs', 'minima-jekyll', 'rust-blog']) {
      const root = fixture('sites', name);
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
          const relative = dir ? `${dir}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(relative);
          else if (/\.(md|markdown)$/.test(entry.name)) files.push(relative);
        }
      };
      walk('');
      for (const relative of files) {
        const text = (await readFile(path.join(root, relative), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
        expect(summarizeFileSync(root, relative, true)!.summary.words, relative).toBe(countWords(splitFrontMatter(text).body));
      }
    }
  });

  it('count multi-byte words, CRLF line ends and a byte order mark like the text', async () => {
    const root = await tempDir();
    const text = '\uFEFF---\r\ntitle: Été\r\n---\r\nÇa   marche\u00a0bien — vraiment\r\n\r\n日本語 テキスト\n';
    await writeFile(path.join(root, 'post.md'), text);
    // "marche\u00a0bien" is one word: only ASCII white space separates words, as in the text count.
    expect(summarizeFileSync(root, 'post.md', true)!.summary).toMatchObject({ title: 'Été', words: 6 });
  });
});

describe('the persistent index', () => {
  it('lives in the state folder, not in the site, and is what a new process lists from', async () => {
    const { root, stateDir } = await site();
    const before = readdirSync(root).sort();
    expect(await listed(root, stateDir)).toEqual(await truth(root));
    expect(readdirSync(root).sort()).toEqual(before);
    const file = indexFile(stateDir);

    // Proof the next listing reads the index instead of the files: a stored title (re-sealed) shows up.
    const index = await readIndex(file, root);
    const at = index.texts.findIndex((t) => t.startsWith(`{"path":${JSON.stringify(POST)},`));
    index.texts[at] = JSON.stringify({ ...JSON.parse(index.texts[at]!), title: 'Title from the index' });
    await writeIndex(file, root, index);
    expect((await listed(root, stateDir)).find((p) => p.path === POST)!.title).toBe('Title from the index');
    expect(await printed(root, stateDir)).toContain('"title":"Title from the index"');
  });

  it('is invalidated by an edit, a rename and a deleted file', async () => {
    const { root, stateDir } = await site();
    await listed(root, stateDir);

    // An edit of the same size: only the mtime tells.
    const file = path.join(root, POST);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('title: "Our KubeCon San Diego Highlights"', 'title: "Our KubeCon San Diego Highlightz"'));
    await settle(root, 1_800_000);
    let posts = await listed(root, stateDir);
    expect(posts.find((p) => p.path === POST)!.title).toBe('Our KubeCon San Diego Highlightz');
    expect(posts).toEqual(await truth(root));

    const renamed = '_posts/2019-11-26-renamed.md';
    await rename(file, path.join(root, renamed));
    posts = await listed(root, stateDir);
    expect(posts.map((p) => p.path)).toContain(renamed);
    expect(posts.map((p) => p.path)).not.toContain(POST);
    expect(posts).toEqual(await truth(root));

    await rm(path.join(root, renamed));
    posts = await listed(root, stateDir);
    expect(posts.map((p) => p.path)).not.toContain(renamed);
    expect(posts).toEqual(await truth(root));
  });

  it('never changes a result when the file is torn, flipped, foreign or of another format', async () => {
    const { root, stateDir } = await site();
    const expected = await truth(root);
    await listed(root, stateDir);
    const file = indexFile(stateDir);
    const good = await readFile(file);
    const newline = good.indexOf(0x0a);
    const damaged: Array<[string, Buffer]> = [
      ['torn', good.subarray(0, Math.floor(good.length / 2))],
      ['flipped byte', Buffer.from(good.map((b, i) => (i === good.length - 20 ? b ^ 1 : b)))],
      ['garbage', Buffer.from('not an index at all\n{}')],
      ['empty', Buffer.alloc(0)],
      ['another format', Buffer.from(good.toString().replace('"format":1', '"format":999'))],
      ['another site', Buffer.from(good.toString().replace(/"key":"[^"]*"/, '"key":"/somewhere/else"'))],
      ['header only', good.subarray(0, newline + 1)],
    ];
    for (const [what, bytes] of damaged) {
      await writeFile(file, bytes);
      expect(await listed(root, stateDir), what).toEqual(expected);
      // …and it was rebuilt whole.
      expect(readSealedText(file, await sealId(root)), what).not.toBeNull();
    }
  });

  it('entries of the wrong shape make the whole file ignored, even when sealed', async () => {
    const { root, stateDir } = await site();
    const expected = await truth(root);
    await listed(root, stateDir);
    const file = indexFile(stateDir);
    const good = await readIndex(file, root);
    const { key } = await sealId(root);
    good.columns.words![0] = 'many'; // words must be a number
    await writeIndex(file, root, good);
    expect(new IndexStore(path.join(stateDir, 'index'), key).load()).toBeNull();
    expect(await listed(root, stateDir)).toEqual(expected);
  });

  it('a stored post text that is not a summary is never listed or printed: the site is read again', async () => {
    const { root, stateDir } = await site();
    const expected = await truth(root);
    await listed(root, stateDir);
    const file = indexFile(stateDir);
    // Printing checks each text's shape (not that it agrees with the file's other columns, as parsing it does).
    const bad: Array<[string, (text: string) => string, { printed: boolean }]> = [
      ['a number for a title', (t) => JSON.stringify({ ...JSON.parse(t), title: 42 }), { printed: true }],
      ['not JSON', (t) => t.slice(0, -3), { printed: true }],
      ['a field more', (t) => t.replace('{', '{"x":1,'), { printed: true }],
      ['another post', (t) => JSON.stringify({ ...JSON.parse(t), path: '_posts/2001-01-01-other.md' }), { printed: false }],
    ];
    for (const [what, spoil, { printed: checked }] of bad) {
      const index = await readIndex(file, root);
      const good = index.texts[0]!;
      index.texts[0] = spoil(good);
      await writeIndex(file, root, index);
      expect(await listed(root, stateDir), what).toEqual(expected);
      if (!checked) continue;
      await writeIndex(file, root, index);
      expect(await printed(root, stateDir), what).toBe(asPrinted(expected));
    }
  });

  it('recap index --json prints what the listing serialises, cold and from the index, in any script', async () => {
    const { root, stateDir } = await site();
    await writeFile(path.join(root, '_posts', '2020-01-01-unicode.md'), '---\ntitle: "Été à Zürich — 日本語 🎉 \\u0041 \\\\u00e9"\ntags: [café, naïve]\n---\nÇa marche.\n');
    await writeFile(path.join(root, '_posts', '2020-01-02-broken.md'), '---\ntitle: [unclosed\n---\nBody.\n');
    await settle(root);
    const expected = asPrinted(await truth(root));
    expect(expected).toContain('Été à Zürich');
    expect(await printed(root, stateDir)).toBe(expected);
    expect(await printed(root, stateDir)).toBe(expected);
    // One post edited: its text made afresh among the stored ones.
    const file = path.join(root, POST);
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: "Our KubeCon San Diego Highlights"', 'title: "Édité, \\"quoted\\" },{\\"path\\":"'));
    const halfAnHourAgo = new Date(Date.now() - 1_800_000);
    await utimes(file, halfAnHourAgo, halfAnHourAgo); // only this file: the others stay as the index has them
    const edited = asPrinted(await truth(root));
    expect(edited).toContain('Édité');
    expect(await printed(root, stateDir)).toBe(edited);
    expect(await printed(root, stateDir)).toBe(edited);
    // The stored texts are ASCII: the characters come back from their escapes.
    expect((await readIndex(indexFile(stateDir), root)).texts.join('\n')).not.toMatch(/[\u0080-\uffff]/);
  });

  it('two writers at once leave one whole index, and listings stay right', async () => {
    const { root, stateDir } = await site();
    const expected = await truth(root);
    const { key } = await sealId(root);
    expect(expected.length).toBeGreaterThan(2);
    // Two processes' stores of the same site saving different contents, interleaved.
    const a = new IndexStore(path.join(stateDir, 'index'), key);
    const b = new IndexStore(path.join(stateDir, 'index'), key);
    const entry = (p: (typeof expected)[number], words: number) => ({ path: p.path, size: 1, mtimeMs: 1, ino: 1, summary: { ...p, words } });
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      saves.push(a.save(expected.map((p) => entry(p, 1))), b.save(expected.slice(0, 2).map((p) => entry(p, 2))));
    }
    await Promise.all([...saves, ...Array.from({ length: 4 }, () => listed(root, stateDir))]);
    const loaded = new IndexStore(path.join(stateDir, 'index'), key).load()!.all();
    expect([expected.length, 2]).toContain(loaded.length);
    expect(new Set(loaded.map((f) => f.summary.words)).size).toBe(1); // one writer's version, never a mixture
    // Those entries have a made-up size and mtime: they are never taken for the real files.
    expect(await listed(root, stateDir)).toEqual(expected);
    // No temp files are left behind.
    expect(readdirSync(path.join(stateDir, 'index')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps titles in any script exactly, and still reads an index written as UTF-8 by an earlier Recap', async () => {
    const { root, stateDir } = await site();
    await writeFile(path.join(root, '_posts', '2020-01-01-unicode.md'), '---\ntitle: "Été à Zürich — 日本語 🎉 \\u0041"\ntags: [café, naïve]\n---\nÇa marche.\n');
    await settle(root);
    const expected = await truth(root);
    await listed(root, stateDir);
    expect(await listed(root, stateDir)).toEqual(expected);
    expect(expected.find((p) => p.path.endsWith('unicode.md'))).toMatchObject({ title: 'Été à Zürich — 日本語 🎉 A', tags: ['café', 'naïve'] });

    // The payload as UTF-8, with no "ascii" mark in its header.
    const file = indexFile(stateDir);
    const text = unasciiJson(readSealedText(file, await sealId(root))!);
    expect(text).toContain('Été à Zürich');
    const body = Buffer.from(text, 'utf8');
    const header = { ...(await sealId(root)), bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
    await writeFile(file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body]));
    expect(readSealedText(file, await sealId(root))).toBe(text);
    expect(await listed(root, stateDir)).toEqual(expected);
    expect(await printed(root, stateDir)).toBe(asPrinted(expected));
  });

  it('the default state folder honours RECAP_STATE_DIR', () => {
    expect(defaultStateDir({ RECAP_STATE_DIR: '/tmp/somewhere' })).toBe('/tmp/somewhere');
  });
});
