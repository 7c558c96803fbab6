import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, postSlug, sanitizeImageName } from '../../shared/media/images';
import { siteEmbedStyle } from '../../electron/services/embeds/site-embed-style';
import { importImage } from '../../electron/services/media/import-image';
import { Workspace } from '../../electron/services/workspace/workspace';
import { copyFixture, tempDir } from '../support/fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201d8a5c3f70000000049454e44ae426082', 'hex');
const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';

async function jekyllSite(): Promise<string> {
  const root = await tempDir();
  await writeFile(path.join(root, '_config.yml'), 'title: t\n');
  await mkdir(path.join(root, '_posts'));
  await writeFile(path.join(root, '_posts', '2024-05-01-hello-world.md'), '---\ntitle: Hello\n---\nNo images yet.\n');
  return root;
}

describe('image names and slugs', () => {
  it('cleans names Unicode-aware and keeps the extension', () => {
    expect(sanitizeImageName('My Photo (1).PNG')).toBe('my-photo-1.png');
    expect(sanitizeImageName('Café du Monde.jpeg')).toBe('cafe-du-monde.jpeg');
    expect(sanitizeImageName('東京 タワー.webp')).toBe('東京-タワー.webp');
    expect(sanitizeImageName('../../etc/passwd.png')).toBe('passwd.png');
    expect(sanitizeImageName('.png')).toBe('image.png');
    expect(sanitizeImageName('notes.pdf')).toBeNull();
  });

  it('takes the post slug from the file name without its date, or from the bundle folder', () => {
    expect(postSlug(SEED)).toBe('kubecon-san-diego-highlights');
    expect(postSlug('content/Rust-1.12/index.md')).toBe('rust-1-12');
    expect(postSlug('_drafts/community-meetup-notes.md')).toBe('community-meetup-notes');
  });
});

describe('importing an image', () => {
  it('Jekyll: follows the folder the post already uses for its images', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const imported = await importImage(root, 'jekyll', { postPath: SEED, fileName: 'Booth Photo.png', data: PNG });
    expect(imported).toEqual({ sitePath: 'images/2019-kubecon-san-diego/booth-photo.png', markdownPath: '/images/2019-kubecon-san-diego/booth-photo.png' });
    expect(await readFile(path.join(root, imported.sitePath))).toEqual(PNG);
  });

  it('Jekyll: a post without images gets images/<post-slug>/, under the root the site uses', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const imported = await importImage(root, 'jekyll', { postPath: '_drafts/community-meetup-notes.md', fileName: 'a.png', data: PNG });
    expect(imported.sitePath).toBe('images/community-meetup-notes/a.png');
    expect(imported.markdownPath).toBe('/images/community-meetup-notes/a.png');

    const plain = await jekyllSite();
    expect((await importImage(plain, 'jekyll', { postPath: '_posts/2024-05-01-hello-world.md', fileName: 'x.png', data: PNG })).sitePath).toBe('images/hello-world/x.png');
  });

  it('Zola page bundle: next to index.md, written relative', async () => {
    const root = await copyFixture('sites', 'rust-blog');
    const imported = await importImage(root, 'zola', { postPath: 'content/Rust-1.12/index.md', fileName: 'Graph.PNG', data: PNG });
    expect(imported).toEqual({ sitePath: 'content/Rust-1.12/graph.png', markdownPath: 'graph.png' });
  });

  it('Zola and Hugo single files: static/images/<slug>/, served from the site root', async () => {
    const root = await copyFixture('sites', 'rust-blog');
    const zola = await importImage(root, 'zola', { postPath: 'content/Cargo.md', fileName: 'x.png', data: PNG });
    expect(zola).toEqual({ sitePath: 'static/images/cargo/x.png', markdownPath: '/images/cargo/x.png' });

    const hugo = await tempDir();
    await writeFile(path.join(hugo, 'hugo.toml'), 'title = "t"\n');
    await mkdir(path.join(hugo, 'content', 'posts', 'bundle'), { recursive: true });
    expect(await importImage(hugo, 'hugo', { postPath: 'content/posts/first.md', fileName: 'x.png', data: PNG })).toEqual({ sitePath: 'static/images/first/x.png', markdownPath: '/images/first/x.png' });
    expect(await importImage(hugo, 'hugo', { postPath: 'content/posts/bundle/index.md', fileName: 'x.png', data: PNG })).toEqual({ sitePath: 'content/posts/bundle/x.png', markdownPath: 'x.png' });
  });

  it('never overwrites: the same name again becomes -2, then -3', async () => {
    const root = await jekyllSite();
    const post = '_posts/2024-05-01-hello-world.md';
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await importImage(root, 'jekyll', { postPath: post, fileName: 'shot.png', data: PNG })).sitePath);
    expect(names).toEqual(['images/hello-world/shot.png', 'images/hello-world/shot-2.png', 'images/hello-world/shot-3.png']);
    expect((await readdir(path.join(root, 'images', 'hello-world'))).sort()).toEqual(['shot-2.png', 'shot-3.png', 'shot.png']);
  });

  it('refuses files that are not images, or only pretend to be', async () => {
    const root = await jekyllSite();
    const post = '_posts/2024-05-01-hello-world.md';
    await expect(importImage(root, 'jekyll', { postPath: post, fileName: 'notes.pdf', data: Buffer.from('%PDF-1.4') })).rejects.toMatchObject({ code: 'refused' });
    await expect(importImage(root, 'jekyll', { postPath: post, fileName: 'evil.png', data: Buffer.from('<html><script>') })).rejects.toMatchObject({ code: 'refused' });
    const svg = await importImage(root, 'jekyll', { postPath: post, fileName: 'logo.svg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    expect(svg.note).toMatch(/script/);
  });

  it('refuses post paths outside the folder and image folders that lead out through a symlink', async () => {
    const root = await jekyllSite();
    await expect(importImage(root, 'jekyll', { postPath: '../elsewhere/_posts/2024-01-01-x.md', fileName: 'a.png', data: PNG })).rejects.toMatchObject({ code: 'outside-folder' });
    await expect(importImage(root, 'jekyll', { postPath: '/etc/_posts/2024-01-01-x.md', fileName: 'a.png', data: PNG })).rejects.toMatchObject({ code: 'outside-folder' });
    const outside = await tempDir();
    await symlink(outside, path.join(root, 'images'));
    await expect(importImage(root, 'jekyll', { postPath: '_posts/2024-05-01-hello-world.md', fileName: 'a.png', data: PNG })).rejects.toMatchObject({ code: 'outside-folder' });
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses images over the size limit', async () => {
    const root = await jekyllSite();
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    await expect(importImage(root, 'jekyll', { postPath: '_posts/2024-05-01-hello-world.md', fileName: 'big.png', data: big })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('the site embed style, learned from its posts', () => {
  it('events-jekyll writes embeds as HTML (iframes and tweet blockquotes)', async () => {
    const workspace = await Workspace.open(await copyFixture('sites', 'events-jekyll'));
    expect(await siteEmbedStyle(workspace)).toMatchObject({ fallback: 'html', kinds: { youtube: { syntax: 'html' }, twitter: { syntax: 'html' } } });
  });

  it('rust-blog (Zola) is learned from its posts too', async () => {
    const workspace = await Workspace.open(await copyFixture('sites', 'rust-blog'));
    expect(await siteEmbedStyle(workspace)).toMatchObject({ fallback: 'html' });
  });
});
