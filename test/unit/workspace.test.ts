import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace/workspace';
import { detectSiteKind } from '../../electron/services/workspace/detect-site';
import { copyFixture, tempDir } from '../support/fixtures';

describe('opening the fixture sites', () => {
  it('events-jekyll is a Jekyll site with 4 posts, the draft included and marked, newest first', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { site, posts } = await (await Workspace.open(root)).list();
    expect(site.kind).toBe('jekyll');
    expect(posts.map((p) => [p.title, p.date, p.draft])).toEqual([
      ['KubeCon Paris: what we saw, what we shipped', '2024-03-22 09:30:00 +0100', false],
      ['DevOpsDays Amsterdam notes', '2023-09-15', false],
      ['Our KubeCon San Diego Highlights', '2019-11-26', false],
      ['Community meetup notes', null, true],
    ]);
    const seed = posts.find((p) => p.path === '_posts/2019-11-26-kubecon-san-diego-highlights.md')!;
    expect(seed.categories).toEqual(['serverless', 'paas', 'kubernetes', 'kubecon', 'events']);
    expect(seed.words).toBeGreaterThan(1000);
    expect(posts.some((p) => p.path.endsWith('_defaults.md'))).toBe(false);
  });

  it('jekyll-docs is a Jekyll site of 102 .markdown posts with their dates', async () => {
    const root = await copyFixture('sites', 'jekyll-docs');
    const { site, posts } = await (await Workspace.open(root)).list();
    expect(site.kind).toBe('jekyll');
    expect(posts).toHaveLength(102);
    const two = posts.find((p) => p.path === '_posts/2014-05-06-jekyll-turns-2-0-0.markdown')!;
    expect(two).toMatchObject({ title: 'Jekyll turns 2.0.0', date: '2014-05-06', categories: ['release'], draft: false });
    expect(posts.every((p) => p.date !== null && p.title.length > 0)).toBe(true);
  });

  it('rust-blog is a Zola site; section files are not posts, bundles are, dates come from the permalink', async () => {
    const root = await copyFixture('sites', 'rust-blog');
    const { site, posts } = await (await Workspace.open(root)).list();
    expect(site.kind).toBe('zola');
    expect(posts.length).toBeGreaterThan(740);
    expect(posts.some((p) => p.path.endsWith('_index.md'))).toBe(false);
    expect(posts.find((p) => p.path === 'content/Cargo.md')).toMatchObject({ title: "Cargo: Rust's community crate host", date: '2014-11-20' });
    expect(posts.find((p) => p.path === 'content/Rust-1.12/index.md')?.date).toMatch(/^2016-09-/);
    expect(posts.filter((p) => p.date === null).length).toBeLessThanOrEqual(1);
  });

  it('detects Hugo, Astro, Eleventy and plain folders, and lists every Markdown file of an unknown one', async () => {
    const hugo = await tempDir();
    await writeFile(path.join(hugo, 'hugo.toml'), 'baseURL = "https://example.org"\n');
    expect(await detectSiteKind(hugo)).toBe('hugo');
    const astro = await tempDir();
    await writeFile(path.join(astro, 'astro.config.mjs'), 'export default {}\n');
    expect(await detectSiteKind(astro)).toBe('astro');
    const eleventy = await tempDir();
    await writeFile(path.join(eleventy, 'eleventy.config.js'), 'module.exports = {}\n');
    expect(await detectSiteKind(eleventy)).toBe('eleventy');
    const plain = await tempDir();
    await writeFile(path.join(plain, 'notes.md'), '# Notes\n\nhello world\n');
    await writeFile(path.join(plain, 'image.png'), 'x');
    const { site, posts } = await (await Workspace.open(plain)).list();
    expect(site.kind).toBe('unknown');
    expect(posts).toEqual([{ path: 'notes.md', title: 'Notes', date: null, draft: false, tags: [], categories: [], words: 4 }]);
  });

  it('Hugo sections, drafts and page bundles', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'hugo.toml'), 'baseURL = "/"\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(root, 'content/posts/bundle'), { recursive: true });
    await mkdir(path.join(root, 'archetypes'), { recursive: true });
    await writeFile(path.join(root, 'archetypes/default.md'), '---\ntitle: "{{ .Name }}"\n---\n');
    await writeFile(path.join(root, 'content/posts/_index.md'), '---\ntitle: Posts\n---\n');
    await writeFile(path.join(root, 'content/posts/first.md'), '---\ntitle: First\ndate: 2024-01-02\ndraft: true\ntags: [a, b]\n---\nHi\n');
    await writeFile(path.join(root, 'content/posts/bundle/index.md'), '+++\ntitle = "Bundle"\ndate = 2024-02-03\n+++\nText\n');
    const { posts } = await (await Workspace.open(root)).list();
    expect(posts.map((p) => [p.path, p.title, p.date, p.draft, p.tags])).toEqual([
      ['content/posts/bundle/index.md', 'Bundle', '2024-02-03', false, []],
      ['content/posts/first.md', 'First', '2024-01-02', true, ['a', 'b']],
    ]);
  });

  it('a post whose front matter is broken is still listed, with the reason', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    await writeFile(path.join(root, '_posts/2024-05-01-broken.md'), '---\ntitle: "oops\n---\nBody\n');
    const { posts } = await (await Workspace.open(root)).list();
    const broken = posts.find((p) => p.path === '_posts/2024-05-01-broken.md')!;
    expect(broken.title).toBe('Broken');
    expect(broken.error).toMatch(/never closed.*line 2/);
  });

  it('listing again sees edits, new and deleted files (cache keyed by mtime and size)', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const workspace = await Workspace.open(root);
    await workspace.list();
    const file = path.join(root, '_posts/2023-09-14-devopsdays-amsterdam.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('DevOpsDays Amsterdam notes', 'DevOpsDays Amsterdam, revised'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    await rm(path.join(root, '_drafts/community-meetup-notes.md'));
    await writeFile(path.join(root, '_posts/2025-01-01-new.md'), '---\ntitle: New one\n---\n');
    const titles = (await workspace.list()).posts.map((p) => p.title);
    expect(titles).toEqual(['New one', 'KubeCon Paris: what we saw, what we shipped', 'DevOpsDays Amsterdam, revised', 'Our KubeCon San Diego Highlights']);
  });

  it('refuses a folder that does not exist or is a file, with a clear message', async () => {
    const dir = await tempDir();
    await expect(Workspace.open(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'not-a-folder', message: expect.stringMatching(/does not exist/) });
    await writeFile(path.join(dir, 'file.md'), 'x');
    await expect(Workspace.open(path.join(dir, 'file.md'))).rejects.toMatchObject({ code: 'not-a-folder' });
  });
});
