import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { DraftJournal } from '../../electron/services/documents/draft-journal';
import { readPost } from '../../electron/services/documents/read-post';
import { savePost } from '../../electron/services/documents/save-post';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { RecapError } from '../../shared/errors';
import { copyFixture, tempDir } from '../support/fixtures';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const HASH = 'a'.repeat(64);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function openedSite() {
  const root = await copyFixture('sites', 'events-jekyll');
  const stateDir = await tempDir('recap-state-');
  const journal = DraftJournal.inStateDir(stateDir);
  const state = new AppState(RecentFolders.inStateDir(stateDir), { journal });
  const handlers = createHandlers(state, { mode: 'browser' });
  await state.open(root);
  return { root: state.requireWorkspace().site.root, stateDir, journal, handlers };
}

describe('the recovery journal', () => {
  it('writes, reads, lists and discards a draft under <stateDir>/journal/<site>/<post>.json', async () => {
    const stateDir = await tempDir('recap-state-');
    const journal = DraftJournal.inStateDir(stateDir);
    const root = '/home/ada/blog';
    await journal.write(root, { path: '_posts/a.md', text: 'draft A', baseHash: HASH }, new Date('2024-01-01T00:00:00Z'));
    await journal.write(root, { path: '_posts/b.md', text: 'draft B', baseHash: HASH }, new Date('2024-01-02T00:00:00Z'));
    await journal.write('/home/ada/other', { path: '_posts/a.md', text: 'elsewhere', baseHash: HASH });

    const file = journal.fileFor(root, '_posts/a.md');
    expect(path.dirname(path.dirname(file))).toBe(path.join(stateDir, 'journal'));
    expect(path.basename(file)).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      root,
      path: '_posts/a.md',
      baseHash: HASH,
      text: 'draft A',
      savedAt: '2024-01-01T00:00:00.000Z',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    expect((await journal.read(root, '_posts/a.md'))?.text).toBe('draft A');
    expect((await journal.list(root)).map((d) => d.text)).toEqual(['draft A', 'draft B']);

    await journal.discard(root, '_posts/a.md');
    await journal.discard(root, '_posts/never-written.md');
    expect(await journal.read(root, '_posts/a.md')).toBeNull();
    expect((await journal.list(root)).map((d) => d.path)).toEqual(['_posts/b.md']);
    expect((await journal.list('/home/ada/other')).map((d) => d.text)).toEqual(['elsewhere']);
  });

  it('writes atomically: no temp files left, concurrent writes end with the last, a corrupt file is ignored', async () => {
    const stateDir = await tempDir('recap-state-');
    const journal = DraftJournal.inStateDir(stateDir);
    const root = '/home/ada/blog';
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.write(root, { path: 'p.md', text: `version ${i}`, baseHash: HASH })));
    expect((await journal.read(root, 'p.md'))?.text).toBe('version 19');
    expect((await listFiles(stateDir)).map((f) => path.basename(f))).toEqual([path.basename(journal.fileFor(root, 'p.md'))]);

    // A write cut short leaves only a temp file, which is never taken for a draft.
    await writeFile(path.join(journal.siteDir(root), `.${'b'.repeat(64)}.json.recap-0123.tmp`), '{"root":');
    await writeFile(journal.fileFor(root, 'broken.md'), '{ not json');
    expect((await journal.list(root)).map((d) => d.path)).toEqual(['p.md']);
  });

  it('a discard after a write is not undone by the write finishing late', async () => {
    const journal = DraftJournal.inStateDir(await tempDir('recap-state-'));
    const write = journal.write('/r', { path: 'p.md', text: 'late', baseHash: HASH });
    const discard = journal.discard('/r', 'p.md');
    await Promise.all([write, discard]);
    expect(await journal.read('/r', 'p.md')).toBeNull();
  });

  it('refuses to journal inside the site folder', async () => {
    const root = await tempDir('recap-site-');
    const journal = DraftJournal.inStateDir(path.join(root, '.state'));
    await expect(journal.write(root, { path: 'p.md', text: 'x', baseHash: HASH })).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('journaling through the API', () => {
  it('journalDraft writes into the state folder and never into the site', async () => {
    const { root, stateDir, handlers } = await openedSite();
    const before = await listFiles(root);
    const doc = await readPost(root, PARIS);
    await handlers.journalDraft({ path: PARIS, text: doc.text + 'unsaved words\n', baseHash: doc.hash });
    expect(await listFiles(root)).toEqual(before);
    expect((await listFiles(stateDir)).some((f) => f.includes(`${path.sep}journal${path.sep}`))).toBe(true);
  });

  it('journalDraft refuses a path outside the site', async () => {
    const { handlers } = await openedSite();
    await expect(handlers.journalDraft({ path: '../escape.md', text: 'x', baseHash: HASH })).rejects.toBeInstanceOf(RecapError);
  });

  it('listDrafts offers a draft with the file on disk; saving the post removes its journal', async () => {
    const { root, journal, handlers } = await openedSite();
    const doc = await readPost(root, PARIS);
    const text = doc.text.replace('Paris was busy', 'Paris was very busy');
    await handlers.journalDraft({ path: PARIS, text, baseHash: doc.hash });

    const [draft, ...rest] = await handlers.listDrafts({});
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({ path: PARIS, text, baseHash: doc.hash });
    expect(draft!.disk?.text).toBe(doc.text);

    await handlers.savePost({ path: PARIS, text, baseHash: doc.hash });
    expect(await journal.read(root, PARIS)).toBeNull();
    expect(await handlers.listDrafts({})).toEqual([]);
  });

  it('a draft equal to the file on disk is dropped silently', async () => {
    const { root, journal, handlers } = await openedSite();
    const doc = await readPost(root, PARIS);
    await handlers.journalDraft({ path: PARIS, text: doc.text, baseHash: doc.hash });
    expect(await handlers.listDrafts({})).toEqual([]);
    expect(await journal.read(root, PARIS)).toBeNull();
  });

  it('a draft of a deleted post is offered with no file on disk', async () => {
    const { root, handlers } = await openedSite();
    const doc = await readPost(root, PARIS);
    await handlers.journalDraft({ path: PARIS, text: doc.text + 'more', baseHash: doc.hash });
    await rm(path.join(root, PARIS));
    const drafts = await handlers.listDrafts({});
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.disk).toBeNull();
  });

  it('discardDraft forgets it', async () => {
    const { root, handlers } = await openedSite();
    const doc = await readPost(root, PARIS);
    await handlers.journalDraft({ path: PARIS, text: 'other', baseHash: doc.hash });
    await handlers.discardDraft({ path: PARIS });
    expect(await handlers.listDrafts({})).toEqual([]);
  });
});

describe('saving a post deleted on disk', () => {
  it('without recreate it is a conflict; with recreate it is created with the text', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const doc = await readPost(root, PARIS);
    await rm(path.join(root, PARIS));
    await expect(savePost(root, PARIS, 'kept\n', doc.hash)).rejects.toMatchObject({ code: 'conflict' });
    const result = await savePost(root, PARIS, 'kept\n', doc.hash, { recreate: true });
    expect(await readFile(path.join(root, PARIS), 'utf8')).toBe('kept\n');
    expect(result.hash).toBe((await readPost(root, PARIS)).hash);
    expect((await readdir(path.join(root, '_posts'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('recreate never overwrites a file that exists again: its hash is still checked', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const doc = await readPost(root, PARIS);
    await writeFile(path.join(root, PARIS), 'someone else wrote this\n');
    await expect(savePost(root, PARIS, 'mine\n', doc.hash, { recreate: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(path.join(root, PARIS), 'utf8')).toBe('someone else wrote this\n');
  });

  it('recreate can restore a post whose folder was removed, still inside the site', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const relative = '_drafts/community-meetup-notes.md';
    const doc = await readPost(root, relative);
    await rm(path.join(root, '_drafts'), { recursive: true });
    await savePost(root, relative, doc.text, doc.hash, { recreate: true });
    expect(await readFile(path.join(root, relative), 'utf8')).toBe(doc.text);
    await expect(savePost(root, '../outside.md', 'x', doc.hash, { recreate: true })).rejects.toMatchObject({ code: 'outside-folder' });
  });
});
