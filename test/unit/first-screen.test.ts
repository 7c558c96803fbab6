/**
 * listPosts with `first`: a big site's first screen in the app's order, then
 * the rest. Through the contract's door (dispatch validates the input), on a
 * real site folder with the watcher the app and browser mode run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { Workspace } from '../../electron/services/workspace/workspace';
import type { PostsChange, PostSummary } from '../../shared/model';
import { firstPosts, sortPosts } from '../../shared/posts/post-order';
import { dispatch } from '../../shared/rpc';
import { copyFixture, tempDir } from '../support/fixtures';

const POST = (name: string, date: string) => `---\ntitle: ${name}\ndate: ${date}\n---\nBody of ${name}.\n`;

const states: AppState[] = [];
afterEach(async () => {
  await Promise.all(states.splice(0).map((state) => state.close()));
});

async function openSite(): Promise<{ root: string; state: AppState; handlers: ReturnType<typeof createHandlers>; changes: PostsChange[] }> {
  const root = await copyFixture('sites', 'events-jekyll');
  const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')), { watch: true });
  states.push(state);
  const changes: PostsChange[] = [];
  state.onPostsChanged((change) => changes.push(change));
  const handlers = createHandlers(state, { mode: 'browser' });
  await state.open(root);
  return { root, state, handlers, changes };
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
