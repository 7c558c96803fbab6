/** Browser mode's start screen on the server side: folder completion only before a folder is open, and the sample site (issue 12.7). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { listFolders } from '../../electron/services/start-screen/list-folders';
import { RecapError } from '../../shared/errors';
import { copyFixture, repoRoot, tempDir } from '../support/fixtures';

const sample = path.join(repoRoot, 'examples', 'sample-blog');

async function startScreen() {
  const stateDir = await tempDir('recap-state-');
  const state = new AppState(RecentFolders.inStateDir(stateDir), { stateDir });
  const api = createHandlers(state, { mode: 'browser', allowedRoots: [], typedFolders: true, sampleSite: { source: sample, stateDir } });
  return { api, state, stateDir };
}

describe('folder completion', () => {
  it('names sub-folders only (never files), by prefix, hidden ones only when asked', async () => {
    const home = await tempDir('recap-home-');
    for (const dir of ['sites/blog', 'sites/book', 'site-old', '.config', 'talks']) await mkdir(path.join(home, dir), { recursive: true });
    await writeFile(path.join(home, 'sites', 'notes.md'), 'secret\n');
    expect(await listFolders('~/si', home)).toEqual({ folder: home, folders: ['site-old', 'sites'] });
    expect(await listFolders(`${home}/sites/`, home)).toEqual({ folder: path.join(home, 'sites'), folders: ['blog', 'book'] });
    expect((await listFolders('~/', home)).folders).toEqual(['site-old', 'sites', 'talks']);
    expect((await listFolders('~/.c', home)).folders).toEqual(['.config']);
    expect((await listFolders('~/nowhere/x', home)).folders).toEqual([]);
    await expect(listFolders('relative/path', home)).rejects.toThrow(/full path/);
  });

  it('works only on the start screen: refused once a folder is open, and on a server started with a folder', async () => {
    const { api } = await startScreen();
    expect((await api.listFolders({ path: repoRoot + '/' })).folders).toContain('examples');
    const site = await copyFixture('sites', 'events-jekyll');
    const session = await api.openFolder({ path: site });
    expect(session.site?.root).toBe(site);
    await expect(api.listFolders({ path: '/' })).rejects.toMatchObject({ code: 'refused' });
    // Once a folder is open, another typed path is refused like any browser-mode server; the opened one may be reopened.
    await expect(api.openFolder({ path: repoRoot })).rejects.toBeInstanceOf(RecapError);
    expect((await api.openFolder({ path: site })).site?.root).toBe(site);

    const stateDir = await tempDir('recap-state-');
    const served = createHandlers(new AppState(RecentFolders.inStateDir(stateDir), { stateDir }), { mode: 'browser', allowedRoots: [site] });
    await expect(served.listFolders({ path: '/' })).rejects.toMatchObject({ code: 'refused' });
    await expect(served.openSampleSite({})).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('Try the sample site', () => {
  it('opens a copy in the state folder; a second try opens the same copy with its edits', async () => {
    const { api, stateDir } = await startScreen();
    const session = await api.openSampleSite({});
    const copy = path.join(stateDir, 'sample-site');
    expect(session.site).toMatchObject({ root: copy, kind: 'jekyll' });
    expect(session.recent).toEqual([copy]);
    const { posts } = await api.listPosts({});
    expect(posts.map((p) => p.title)).toContain('RustConf lightning talks');
    const post = path.join(copy, '_posts', '2024-03-07-local-meetup-march.md');
    await writeFile(post, (await readFile(post, 'utf8')).replace('pizza', 'pasta'));

    const second = createHandlers(new AppState(RecentFolders.inStateDir(stateDir), { stateDir }), { mode: 'browser', allowedRoots: [], typedFolders: true, sampleSite: { source: sample, stateDir } });
    await second.openSampleSite({});
    expect(await readFile(post, 'utf8')).toContain('pasta');
    expect(await readFile(path.join(sample, '_posts', '2024-03-07-local-meetup-march.md'), 'utf8')).toContain('pizza');
  });
});
