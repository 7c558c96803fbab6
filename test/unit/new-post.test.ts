import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePost } from '../../shared/front-matter/post-document';
import { slugify } from '../../shared/posts/slug';
import { createPost } from '../../electron/services/posts/create-post';
import { readSiteFacts } from '../../electron/services/schema/read-site-facts';
import { copyFixture, tempDir } from '../support/fixtures';

async function newPost(root: string, kind: 'jekyll' | 'hugo' | 'zola' | 'unknown', input: { title: string; date?: string; draft: boolean }) {
  const created = await createPost(root, kind, await readSiteFacts(root, kind), input);
  return { path: created.path, text: await readFile(path.join(root, created.path), 'utf8') };
}

describe('slugs', () => {
  test('are lower-case, hyphenated, without accents, keeping other scripts', () => {
    expect(slugify('KubeCon Paris: what we saw, what we shipped')).toBe('kubecon-paris-what-we-saw-what-we-shipped');
    expect(slugify('Café in Zürich — Ærø')).toBe('cafe-in-zurich-ærø');
    expect(slugify('東京 Meetup')).toBe('東京-meetup');
    expect(slugify("Don't panic!")).toBe('dont-panic');
    expect(slugify('!!!')).toBe('untitled');
  });
});

describe('a new post follows the site’s conventions', () => {
  test('Jekyll: _posts/YYYY-MM-DD-slug.md with the template’s fields in order', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const post = await newPost(site, 'jekyll', { title: 'Berlin meetup: notes', date: '2025-06-01', draft: false });
    expect(post.path).toBe('_posts/2025-06-01-berlin-meetup-notes.md');
    expect(post.text).toBe('---\ntitle: "Berlin meetup: notes"\ndate: 2025-06-01\ndescription:\ncategories:\nimage:\nauthor_staff_member:\n---\n\n');
  });

  test('Jekyll drafts go to _drafts/slug.md without a date; names never clash', async () => {
    const site = await copyFixture('sites', 'events-jekyll');
    const first = await newPost(site, 'jekyll', { title: 'Community meetup notes', draft: true });
    expect(first.path).toBe('_drafts/community-meetup-notes-2.md'); // the fixture has community-meetup-notes.md
    expect(parsePost(first.text).data).toMatchObject({ title: 'Community meetup notes', date: null });
    const again = await newPost(site, 'jekyll', { title: 'Community meetup notes', draft: true });
    expect(again.path).toBe('_drafts/community-meetup-notes-3.md');
    const dated = await newPost(site, 'jekyll', { title: 'DevOpsDays Amsterdam', date: '2025-01-01', draft: false });
    // Another date, same slug: the site's permalink (/blog/:title/) would still clash.
    expect(dated.path).toBe('_posts/2025-01-01-devopsdays-amsterdam-2.md');
  });

  test('jekyll-docs: the site’s .markdown extension and its usual fields', async () => {
    const site = await copyFixture('sites', 'jekyll-docs');
    const post = await newPost(site, 'jekyll', { title: 'Jekyll 9 Released', date: '2030-01-01', draft: false });
    expect(post.path).toBe('_posts/2030-01-01-jekyll-9-released.markdown');
    expect(parsePost(post.text).data).toMatchObject({ title: 'Jekyll 9 Released', date: '2030-01-01' });
  });

  test('Zola (rust-blog): flat content/slug.md with TOML front matter, draft flag when asked', async () => {
    const site = await copyFixture('sites', 'rust-blog');
    const post = await newPost(site, 'zola', { title: 'Rust 2.0', date: '2030-01-01', draft: true });
    expect(post.path).toBe('content/rust-2-0.md');
    expect(post.text.startsWith('+++\n')).toBe(true);
    expect(parsePost(post.text).data).toMatchObject({ title: 'Rust 2.0', draft: true });
  });

  test('Hugo: the most used section, as a bundle when the site uses bundles, from the archetype', async () => {
    const site = await tempDir();
    await writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org"\n');
    await mkdir(path.join(site, 'archetypes'));
    await writeFile(path.join(site, 'archetypes', 'default.md'), "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = '{{ .Date }}'\ndraft = true\ntags = []\n+++\n");
    for (const name of ['one', 'two']) {
      await mkdir(path.join(site, 'content', 'blog', name), { recursive: true });
      await writeFile(path.join(site, 'content', 'blog', name, 'index.md'), `+++\ntitle = "${name}"\ndraft = false\n+++\n`);
    }
    await writeFile(path.join(site, 'content', 'about.md'), '+++\ntitle = "About"\n+++\n');
    const post = await newPost(site, 'hugo', { title: 'Hello Hugo', date: '2030-01-01', draft: false });
    expect(post.path).toBe('content/blog/hello-hugo/index.md');
    expect(post.text).toBe('+++\ntitle = "Hello Hugo"\ndate = 2030-01-01\ndraft = false\ntags = []\n+++\n\n');
  });
});
