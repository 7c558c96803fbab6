import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState } from '../../electron/services/app-handlers';
import { readPost } from '../../electron/services/documents/read-post';
import { savePost } from '../../electron/services/documents/save-post';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { isIgnoredPath, watchSite, type SiteWatcher } from '../../electron/services/workspace/watch-site';
import type { PostsChange } from '../../shared/model';
import { copyFixture, tempDir } from '../support/fixtures';

/** How long a change may take to be reported: debounce (150 ms) plus the watcher's own delays, with room for a slow machine. */
const WITHIN_MS = 3000;
const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const POST = (name: string) => `---\ntitle: ${name}\ndate: 2025-01-01\n---\nBody of ${name}.\n`;

interface Recorder {
  batches: PostsChange[];
  /** Resolves with the paths reported (from batch `since` on) once they include `path`. */
  until(path: string, since?: number): Promise<string[]>;
  /** Waits, then returns what was reported meanwhile. */
  quietFor(ms: number): Promise<PostsChange[]>;
}

function recorder(): { onChange: (change: PostsChange) => void; recorded: Recorder } {
  const batches: PostsChange[] = [];
  const waiters: Array<() => void> = [];
  const onChange = (change: PostsChange) => {
    batches.push(change);
    for (const wake of waiters.splice(0)) wake();
  };
  const recorded: Recorder = {
    batches,
    async until(wanted, since = 0) {
      const deadline = Date.now() + WITHIN_MS;
      for (;;) {
        const seen = batches.slice(since).flatMap((b) => b.paths);
        if (seen.includes(wanted)) return seen;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no change reported for ${wanted} within ${WITHIN_MS} ms (saw ${JSON.stringify(seen)})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async quietFor(ms) {
      const start = batches.length;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return batches.slice(start);
    },
  };
  return { onChange, recorded };
}

const open: SiteWatcher[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

async function watchedSite() {
  const root = await copyFixture('sites', 'events-jekyll');
  const { onChange, recorded } = recorder();
  const watcher = watchSite(root, onChange);
  open.push(watcher);
  await watcher.ready;
  return { root, recorded };
}

describe('watching a site for changes by other tools', () => {
  it('reports an added, an edited, a renamed and a deleted post', async () => {
    const { root, recorded } = await watchedSite();

    await writeFile(path.join(root, '_posts/2025-01-01-new.md'), POST('New'));
    await recorded.until('_posts/2025-01-01-new.md');

    await writeFile(path.join(root, PARIS), POST('Paris, edited elsewhere'));
    await recorded.until(PARIS);

    await rename(path.join(root, '_posts/2025-01-01-new.md'), path.join(root, '_posts/2025-01-02-renamed.md'));
    const renamed = await recorded.until('_posts/2025-01-02-renamed.md');
    expect(renamed).toContain('_posts/2025-01-01-new.md');

    await recorded.quietFor(200);
    const before = recorded.batches.length;
    await rm(path.join(root, '_posts/2025-01-02-renamed.md'));
    await recorded.until('_posts/2025-01-02-renamed.md', before);
  });

  it('debounces: a burst of writes (a git checkout) is one or two batches, not one per file', async () => {
    const { root, recorded } = await watchedSite();
    for (let i = 0; i < 30; i++) await writeFile(path.join(root, `_posts/2025-02-${String(i + 1).padStart(2, '0')}-burst.md`), POST(`Burst ${i}`));
    await recorded.until('_posts/2025-02-30-burst.md');
    await recorded.quietFor(300);
    expect(recorded.batches.length).toBeLessThanOrEqual(2);
    expect(new Set(recorded.batches.flatMap((b) => b.paths)).size).toBe(30);
  });

  it('ignores .git, node_modules, _site and the temp files of atomic saves', async () => {
    const { root, recorded } = await watchedSite();
    await mkdir(path.join(root, '.git'), { recursive: true });
    await mkdir(path.join(root, 'node_modules/pkg'), { recursive: true });
    await mkdir(path.join(root, '_site'), { recursive: true });
    await writeFile(path.join(root, '.git/index'), 'x');
    await writeFile(path.join(root, 'node_modules/pkg/readme.md'), 'x');
    await writeFile(path.join(root, '_site/index.html'), 'x');
    await writeFile(path.join(root, '_posts/.2019-01-01-x.md.recap-0a1b2c.tmp'), 'x');
    const reported = (await recorded.quietFor(600)).flatMap((b) => b.paths);
    expect(reported).toEqual([]);
  });

  it('an atomic save is reported as the post itself, never its temp file', async () => {
    const { root, recorded } = await watchedSite();
    const doc = await readPost(root, PARIS);
    await savePost(root, PARIS, doc.text + 'Saved by Recap.\n', doc.hash);
    const seen = await recorded.until(PARIS);
    await recorded.quietFor(300);
    expect(recorded.batches.flatMap((b) => b.paths).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(seen).toContain(PARIS);
  });

  it('isIgnoredPath: dot-named entries and build or dependency folders, not posts', () => {
    const root = '/site';
    expect(isIgnoredPath(root, '/site/_posts/2020-01-01-a.md')).toBe(false);
    expect(isIgnoredPath(root, '/site')).toBe(false);
    expect(isIgnoredPath(root, '/site/.git/HEAD')).toBe(true);
    expect(isIgnoredPath(root, '/site/node_modules/x/y.md')).toBe(true);
    expect(isIgnoredPath(root, '/site/_site/index.html')).toBe(true);
    expect(isIgnoredPath(root, '/site/_posts/.a.md.recap-12ab.tmp')).toBe(true);
    // The site's settings change its schema, so they are watched; other dot files are not.
    expect(isIgnoredPath(root, '/site/.recap.json')).toBe(false);
    expect(isIgnoredPath(root, '/site/_posts/.recap.json')).toBe(true);
  });
});

describe('the app state keeps the post list current', () => {
  it('a post added on disk is listed after the postsChanged event, without re-reading the site', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')), { watch: true });
    const workspace = await state.open(root);
    const changes: PostsChange[] = [];
    state.onPostsChanged((change) => changes.push(change));
    await state.watching();
    try {
      const before = await workspace.list({ words: false });
      await writeFile(path.join(root, '_posts/2025-03-01-appeared.md'), POST('Appeared'));
      await expect.poll(() => changes.flatMap((c) => c.paths), { timeout: WITHIN_MS }).toContain('_posts/2025-03-01-appeared.md');
      const after = await workspace.list({ words: false });
      expect(after.posts.length).toBe(before.posts.length + 1);
      expect(after.posts[0]!.title).toBe('Appeared');
    } finally {
      await state.close();
    }
  });

  it('opening another site stops watching the first', async () => {
    const first = await copyFixture('sites', 'events-jekyll');
    const second = await copyFixture('sites', 'events-jekyll');
    const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')), { watch: true });
    const changes: PostsChange[] = [];
    state.onPostsChanged((change) => changes.push(change));
    await state.open(first);
    await state.open(second);
    await state.watching();
    try {
      await writeFile(path.join(first, '_posts/2025-03-02-old-site.md'), POST('Old site'));
      await writeFile(path.join(second, '_posts/2025-03-02-new-site.md'), POST('New site'));
      await expect.poll(() => changes.flatMap((c) => c.paths), { timeout: WITHIN_MS }).toContain('_posts/2025-03-02-new-site.md');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(changes.flatMap((c) => c.paths)).not.toContain('_posts/2025-03-02-old-site.md');
    } finally {
      await state.close();
    }
  });
});
