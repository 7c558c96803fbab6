import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchAfterFirstList, type ListedWatch } from '../../electron/services/workspace/watch-after-first-list';
import { Workspace } from '../../electron/services/workspace/workspace';
import type { PostsChange } from '../../shared/model';
import { copyFixture } from '../support/fixtures';
import { openWatched } from '../support/watched-app';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const POST = (name: string) => `---\ntitle: ${name}\ndate: 2025-01-01\n---\nBody of ${name}.\n`;

const watches: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.close()));
});

describe('watching starts after the first list', () => {
  it('a post created, one edited and one deleted between the first list and the watcher start are reported', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const workspace = await Workspace.open(root, {});
    const created = '_posts/2025-04-01-created-meanwhile.md';
    const gone = (await workspace.list({ words: false })).posts.find((p) => p.path !== PARIS)!.path;
    let lists = 0;
    // Right after the first list is made, before the watcher's start-up scan: the scan takes these files as they are, unchanged.
    const racing = {
      site: workspace.site,
      list: async (options: { words?: boolean }) => {
        const listed = await workspace.list(options);
        if (lists++ === 0) {
          writeFileSync(path.join(root, created), POST('Created meanwhile'));
          writeFileSync(path.join(root, PARIS), readFileSync(path.join(root, PARIS), 'utf8') + '\nA line added by another editor.\n');
          rmSync(path.join(root, gone));
        }
        return listed;
      },
    };
    const changes: PostsChange[] = [];
    const watch: ListedWatch = watchAfterFirstList(racing, (change) => changes.push(change), { startAfterMs: 0 });
    watches.push(watch);
    const first = await watch.firstList;
    expect(first.posts.map((p) => p.path)).not.toContain(created);
    await watch.ready;
    expect(changes.flatMap((c) => c.paths).sort()).toEqual([created, gone, PARIS].sort());
    const now = (await workspace.list({ words: false })).posts.map((p) => p.path);
    expect(now).toContain(created);
    expect(now).not.toContain(gone);
  });

  it('nothing changed meanwhile: nothing is reported', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const changes: PostsChange[] = [];
    const watch = watchAfterFirstList(await Workspace.open(root, {}), (change) => changes.push(change), { startAfterMs: 0 });
    watches.push(watch);
    await watch.ready;
    expect(changes).toEqual([]);
  });

  it('waits for the window to take the first list, then watches', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const watch = watchAfterFirstList(await Workspace.open(root, {}), () => undefined, { startAfterMs: 60_000 });
    watches.push(watch);
    await watch.firstList;
    const early = await Promise.race([watch.ready.then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
    expect(early).toBe('waiting');
    watch.handedOut();
    await watch.ready;
  });
});

describe("the window's first list", () => {
  it('is the one started when the site opened, and a post added right after opening still shows up', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { state, handlers, changes } = await openWatched(root);
    const added = '_posts/2025-04-02-added-at-open.md';
    writeFileSync(path.join(root, added), POST('Added at open'));
    const first = await handlers.listPosts({});
    await state.watching();
    // Either the first list has it, or the change is reported (then the window lists again).
    if (!first.posts.some((p) => p.path === added)) expect(changes.flatMap((c) => c.paths)).toContain(added);
    expect((await handlers.listPosts({})).posts.map((p) => p.path)).toContain(added);
  });

  it('a post created through the app before the first list is in that list', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { handlers } = await openWatched(root);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the list started at open is done
    const created = await handlers.createPost({ title: 'Made before listing', date: '2025-06-01', draft: false });
    const listed = await handlers.listPosts({});
    expect(listed.posts.map((p) => p.path)).toContain(created.path);
  });
});
