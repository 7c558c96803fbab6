/**
 * listPosts with `first`: a big site's first screen in the app's order, then
 * the rest. Through the contract's door (dispatch validates the input), on a
 * real site folder with the watcher the app and browser mode run.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenCandidates } from '../../electron/services/workspace/screen-candidates';
import { Workspace } from '../../electron/services/workspace/workspace';
import type { PostSummary } from '../../shared/model';
import { firstPosts, sortPosts } from '../../shared/posts/post-order';
import { dispatch } from '../../shared/rpc';
import { copyFixture, tempDir } from '../support/fixtures';
import { openWatched, type WatchedApp } from '../support/watched-app';

const POST = (name: string, date: string) => `---\ntitle: ${name}\ndate: ${date}\n---\nBody of ${name}.\n`;

async function openSite(): Promise<WatchedApp & { root: string }> {
  const root = await copyFixture('sites', 'events-jekyll');
  return { root, ...(await openWatched(root)) };
}

const summary = (title: string, date: string | null): PostSummary => ({ path: `_posts/${title}.md`, title, date, draft: false, tags: [], categories: [], words: null });

describe('firstPosts', () => {
  it('is the start of the whole sorted list, whatever the dates look like', () => {
    const dates = ['2024-05-01', '2024-05-01', '2024-05-01 10:00:00 +0100', '2024-05-01T08:00:00Z', '2019-13-01', '0099-01-01', '2024-02-31', 'soon', null, '2023-12-31', '2025-01-01'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round++) {
      const posts = Array.from({ length: 40 }, (_, i) => summary(`Post ${Math.floor(random() * 30)} ${i}`, dates[Math.floor(random() * dates.length)]!));
      for (const count of [1, 5, 17, 39, 40, 60]) expect(firstPosts(posts, count)).toEqual(sortPosts(posts).slice(0, count));
    }
  });

  it('takes undated posts when there are too few dated ones', () => {
    const posts = [summary('Undated B', null), summary('Dated', '2024-01-01'), summary('Undated A', null)];
    expect(firstPosts(posts, 2).map((p) => p.title)).toEqual(['Dated', 'Undated A']);
  });
});

describe('listPosts with first', () => {
  it('answers the first posts in the order the app lists them and how many there are; the rest then lists them all', async () => {
    const { root, handlers } = await openSite();
    const all = (await (await Workspace.open(root, {})).list({ words: false })).posts;
    expect(all.length).toBeGreaterThan(3);

    const screen = (await dispatch(handlers, 'listPosts', { first: 3 })) as { posts: PostSummary[]; total: number };
    expect(screen.posts).toEqual(sortPosts(all).slice(0, 3));
    expect(screen.total).toBe(all.length);

    const rest = (await dispatch(handlers, 'listPosts', {})) as { posts: PostSummary[]; total?: number };
    expect(sortPosts(rest.posts)).toEqual(sortPosts(all));
    expect(rest.total).toBeUndefined();
  });

  it('refuses a first that is not a positive whole number, at the door', async () => {
    const { handlers } = await openSite();
    for (const input of [{ first: 0 }, { first: -1 }, { first: 2.5 }, { first: '3' }, { first: 3, rest: true }]) {
      await expect(dispatch(handlers, 'listPosts', input)).rejects.toMatchObject({ code: 'bad-request' });
    }
  });

  it('a post added on disk between the first screen and the rest is in the rest', async () => {
    const { root, state, handlers, changes } = await openSite();
    await handlers.listPosts({ first: 2 });
    await state.watching();
    const added = '_posts/2030-01-01-added-meanwhile.md';
    writeFileSync(path.join(root, added), POST('Added meanwhile', '2030-01-01'));
    await expect.poll(() => changes.flatMap((change) => change.paths), { timeout: 10_000 }).toContain(added);

    const rest = await handlers.listPosts({});
    expect(rest.posts.map((p) => p.path)).toContain(added);
  });

  it('a post created through the app between the first screen and the rest is in the rest', async () => {
    const { handlers } = await openSite();
    const before = await handlers.listPosts({ first: 2 });
    const created = await handlers.createPost({ title: 'Made in between', date: '2030-02-01', draft: false });
    const rest = await handlers.listPosts({});
    expect(rest.posts.map((p) => p.path)).toContain(created.path);
    expect(rest.posts).toHaveLength(before.total! + 1);
  });
});

/** A day `n` days after 2015-01-01, as YYYY-MM-DD. */
const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A Jekyll site big enough for a quick first screen: dated posts (two a day),
 * drafts without dates in their names (one dated after every post), and a
 * post whose front matter dates it a few days after its name.
 */
async function bigSite(posts = 2400): Promise<{ root: string; farOff: string }> {
  const root = path.join(await tempDir('recap-big-'), 'site');
  mkdirSync(path.join(root, '_posts'), { recursive: true });
  mkdirSync(path.join(root, '_drafts'));
  writeFileSync(path.join(root, '_config.yml'), 'title: Big\n');
  for (let i = 0; i < posts; i++) {
    const date = day(Math.floor(i / 2));
    writeFileSync(path.join(root, '_posts', `${date}-post-${i}.md`), POST(`Post ${i}`, date));
  }
  const last = Math.floor((posts - 1) / 2);
  // Named a month before the newest posts, dated by its front matter three days after its name: still on the screen.
  writeFileSync(path.join(root, '_posts', `${day(last - 30)}-renamed.md`), POST('Dated after its name', day(last - 27)));
  // Named years back, dated in its front matter after every post: only the whole list puts it first.
  const farOff = `_posts/${day(10)}-far-off.md`;
  writeFileSync(path.join(root, farOff), POST('Dated far from its name', day(last + 5)));
  writeFileSync(path.join(root, '_drafts', 'undated-draft.md'), '---\ntitle: Undated draft\n---\nA draft.\n');
  writeFileSync(path.join(root, '_drafts', 'dated-draft.md'), POST('Dated draft', day(last + 1)));
  // Written an hour ago: the index keeps no file changed in the last moments (its mtime could still hide an edit).
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const folder of ['_posts', '_drafts']) for (const name of readdirSync(path.join(root, folder))) utimesSync(path.join(root, folder, name), anHourAgo, anHourAgo);
  return { root, farOff };
}

describe('screenCandidates', () => {
  const paths = ['_posts/2020-01-03-c.md', '_posts/2020-01-01-a.md', '_drafts/x.md', '_posts/2020-1-2-b.md', '_posts/2019-12-31-z.md'];

  it('picks the files whose names are newest, twice the screen, and every file whose name has no date', () => {
    expect(screenCandidates(paths, 1)).toEqual(['_posts/2020-01-03-c.md', '_posts/2020-1-2-b.md', '_drafts/x.md']);
    expect(screenCandidates(paths, 2)).toEqual(paths); // no more dated names than it would read: all of them
  });

  it('keeps every file of the last day picked', () => {
    const sameDay = ['_posts/2020-01-02-a.md', '_posts/2020-01-02-b.md', '_posts/2020-01-02-c.md', '_posts/2020-01-01-d.md'];
    expect(screenCandidates(sameDay, 1)).toEqual(sameDay.slice(0, 3));
  });

  it('gives up when more names carry no date than it would read', () => {
    expect(screenCandidates(['content/a.md', 'content/b.md', 'content/c.md', '_posts/2020-01-01-a.md'], 1)).toBeNull();
  });
});

describe('a big site seen for the first time', () => {
  it('has its first screen read before its posts are all read, in the order the whole list gives', async () => {
    const { root } = await bigSite();
    const workspace = await Workspace.open(root, {});
    const screen = await workspace.firstScreen(60);
    const all = (await (await Workspace.open(root, {})).list({ words: false })).posts;
    expect(screen!.total).toBe(all.length);
    // The far-off post aside, it is the start of the whole list: drafts and a post dated after its name included.
    const whole = sortPosts(all).filter((post) => post.title !== 'Dated far from its name');
    expect(screen!.posts).toEqual(whole.slice(0, 60));
    expect(screen!.posts.map((post) => post.title)).toEqual(expect.arrayContaining(['Dated draft', 'Dated after its name']));
    // What it read is not read again: the whole list hands out the same summaries.
    const listed = (await workspace.list({ words: false })).posts;
    for (const post of screen!.posts) expect(listed.find((p) => p.path === post.path)).toBe(post);
  });

  it('is not made where the whole list is quick or the names tell nothing', async () => {
    const small = await copyFixture('sites', 'events-jekyll');
    expect(await (await Workspace.open(small, {})).firstScreen(60)).toBeNull();

    const { root } = await bigSite();
    const listed = await Workspace.open(root, {});
    await listed.list({ words: false });
    expect(await listed.firstScreen(60)).toBeNull(); // in the cache

    const stateDir = await tempDir('recap-state-');
    const earlier = await Workspace.open(root, { stateDir });
    await earlier.list({ words: false });
    await earlier.close();
    expect(await (await Workspace.open(root, { stateDir })).firstScreen(60)).toBeNull(); // in the index

    const hugo = path.join(await tempDir('recap-hugo-'), 'site');
    mkdirSync(path.join(hugo, 'content', 'posts'), { recursive: true });
    writeFileSync(path.join(hugo, 'hugo.toml'), 'title = "Undated names"\n');
    for (let i = 0; i < 2400; i++) writeFileSync(path.join(hugo, 'content', 'posts', `post-${i}.md`), POST(`Post ${i}`, day(i)));
    expect(await (await Workspace.open(hugo, {})).firstScreen(60)).toBeNull();
  });

  it('the window gets that screen first and then the whole list, which puts a post dated far from its name in its place', async () => {
    const { root, farOff } = await bigSite();
    const { handlers } = await openWatched(root);
    const all = sortPosts((await (await Workspace.open(root, {})).list({ words: false })).posts);
    expect(all[0]!.path).toBe(farOff);

    const screen = (await dispatch(handlers, 'listPosts', { first: 60 })) as { posts: PostSummary[]; total: number };
    expect(screen.total).toBe(all.length);
    expect(screen.posts.map((post) => post.path)).not.toContain(farOff);
    expect(screen.posts).toEqual(all.filter((post) => post.path !== farOff).slice(0, 60));

    const rest = (await dispatch(handlers, 'listPosts', {})) as { posts: PostSummary[] };
    expect(sortPosts(rest.posts)).toEqual(all);
  });
});
