import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { listSiteImages } from '../../electron/services/media/site-images';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { RecapError } from '../../shared/errors';
import { siteImageChoices } from '../../shared/media/site-images';
import { copyFixture, tempDir } from '../support/fixtures';

async function files(root: string, entries: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  }
}

const POST = '_posts/2019-05-20-kubecon.md';

describe('the image picker’s list of site images', () => {
  test('a Jekyll post’s own image folder comes first; other images follow by path; only images, never build output or hidden folders', async () => {
    const root = await tempDir();
    await files(root, {
      '_config.yml': 'title: t\n',
      [POST]: '---\ntitle: KubeCon\n---\n![](/images/2019-kubecon/stage.jpg)\n',
      'images/2019-kubecon/stage.jpg': 'x',
      'images/2019-kubecon/booth.PNG': 'x',
      'images/2018-devoxx/hall.jpg': 'x',
      'assets/logo.svg': '<svg/>',
      'images/notes.txt': 'not an image',
      'images/2019-kubecon/slides.pdf': 'not an image',
      '_site/images/2019-kubecon/stage.jpg': 'build output',
      '.github/badge.png': 'hidden',
    });
    const images = await listSiteImages(root, 'jekyll', { staticDirs: [], contentDirs: [''] }, POST);
    expect(images.map((i) => i.value)).toEqual(['/images/2019-kubecon/booth.PNG', '/images/2019-kubecon/stage.jpg', '/assets/logo.svg', '/images/2018-devoxx/hall.jpg']);
    expect(images.map((i) => i.nearPost)).toEqual([true, true, false, false]);
  });

  test('a symlink that leads out of the site is not offered', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await files(outside, { 'secret.jpg': 'x' });
    await files(root, { '_config.yml': 'title: t\n', [POST]: '---\ntitle: K\n---\n', 'images/inside.jpg': 'x' });
    await symlink(path.join(outside, 'secret.jpg'), path.join(root, 'images', 'secret.jpg'));
    await symlink(path.join(root, 'images', 'inside.jpg'), path.join(root, 'images', 'alias.jpg'));
    const images = await listSiteImages(root, 'jekyll', { staticDirs: [], contentDirs: [''] }, POST);
    expect(images.map((i) => i.sitePath)).toEqual(['images/alias.jpg', 'images/inside.jpg']);
  });

  test('a Hugo page bundle’s images are written by name and listed first; other bundles’ and static/ files by their URL path', async () => {
    const root = await tempDir();
    await files(root, {
      'hugo.toml': 'title = "t"\n',
      'content/posts/trip/index.md': '---\ntitle: Trip\n---\n',
      'content/posts/trip/gallery/sea.webp': 'x',
      'content/posts/trip/cover.jpg': 'x',
      'content/posts/other/index.md': '---\ntitle: O\n---\n',
      'content/posts/other/a.jpg': 'x',
      'static/images/logo.png': 'x',
      'public/images/logo.png': 'build output',
      'themes/plain/images/theme-only.png': 'a theme file no post links to',
      'themes/plain/static/img/mounted.png': 'served through a static mount',
    });
    const folders = {
      staticDirs: [{ dir: 'static', url: '' }, { dir: 'themes/plain/static', url: '' }],
      contentDirs: ['content'],
      skippedDirs: new Set(['public', 'themes', 'layouts']),
    };
    const images = await listSiteImages(root, 'hugo', folders, 'content/posts/trip/index.md');
    expect(images.map((i) => i.value)).toEqual(['cover.jpg', 'gallery/sea.webp', '/posts/other/a.jpg', '/images/logo.png', '/img/mounted.png']);
  });

  test('the list is bounded', () => {
    const many = Array.from({ length: 2500 }, (_, n) => `images/p${String(n).padStart(4, '0')}.jpg`);
    const images = siteImageChoices(many, { postPath: POST, imageDir: 'images/kubecon', isBundle: false, staticDirs: [] });
    expect(images).toHaveLength(2000);
    expect(images[0]!.value).toBe('/images/p0000.jpg');
  });
});

describe('siteImages through the app’s handlers', () => {
  test('on a real Jekyll site the Paris post’s photos come first, as the paths the site writes; a post path outside the site is refused', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const state = new AppState(RecentFolders.inStateDir(await tempDir('recap-state-')));
    await state.open(root);
    const api = createHandlers(state, { mode: 'browser', allowedRoots: [root] });
    const images = await api.siteImages({ path: '_posts/2024-03-22-kubecon-paris-recap.md' });
    expect(images.slice(0, 2).map((i) => i.value)).toEqual(['/images/2024-kubecon-paris/booth.jpg', '/images/2024-kubecon-paris/hero.jpg']);
    expect(images.map((i) => i.value)).toContain('/images/staff/alex.jpg');
    expect(images.every((i) => /\.(jpe?g|png|gif|webp|avif|svg)$/i.test(i.sitePath))).toBe(true);
    await expect(api.siteImages({ path: '../elsewhere.md' })).rejects.toBeInstanceOf(RecapError);
  });
});
