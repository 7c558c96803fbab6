/**
 * The Page view keeps the site, its parsed layouts, its stylesheets and the
 * layout chain's output around `content` between renders (the author types,
 * the page renders again). What it shows must be what a fresh render shows:
 * for every Minima post, after an edit and after editing the post's excerpt
 * or front matter; and an edited include, layout, `_config.yml`, data file or
 * Sass partial shows on the very next render.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture } from '../support/fixtures';
import { JekyllSiteCache } from '../../electron/services/page/jekyll-site-cache';
import { renderPage, type PageRenderOptions } from '../../electron/services/page/render-page';
import type { Site } from '../../shared/model';

let root: string;
let site: Site;
const linked: PageRenderOptions['assets'] = (p) => `../page-assets${p}`;

beforeAll(async () => {
  root = await copyFixture('sites', 'minima-jekyll');
  site = { root, name: 'minima', kind: 'jekyll' };
});

const fresh = async (postPath: string, text: string) => (await renderPage(site, postPath, text, { externalContent: false, assets: linked })).html;
/** The cached render without the content region's markers (which only the Page view's frame reads). */
const cached = async (cache: JekyllSiteCache, postPath: string, text: string, on = site) => unmarked((await renderPage(on, postPath, text, { externalContent: false, assets: linked, cache })).html);
const unmarked = (html: string) => html.replace(/<!--recap-content-(?:start|end)-[\w-]+-->/g, '');
/** Whether the post's last render was spliced into the kept layout output (rather than the layouts rendered again). */
const spliced = (cache: JekyllSiteCache, at = root) => cache.with(at, async (kept) => [...kept.layouts.values()].some((entry) => entry.spliced !== null));

async function posts(): Promise<string[]> {
  return (await readdir(path.join(root, '_posts'))).filter((f) => f.endsWith('.md')).map((f) => `_posts/${f}`);
}

describe('a render from the cache equals a fresh render', { timeout: 30_000 }, () => {
  test('every Minima post, typed into at its end and in its middle, spliced into the kept layouts', async () => {
    const cache = new JekyllSiteCache();
    for (const post of await posts()) {
      const text = await readFile(path.join(root, post), 'utf8');
      await cached(cache, post, text); // keeps this post's layout output
      const middle = text.indexOf('\n', Math.floor(text.length * 0.75));
      const edits: [string, string][] = [
        [`${text}\nA new closing line with "quotes" -- and {% raw %}{{ braces }}{% endraw %}.\n`, 'A new closing line with “quotes” – and {{ braces }}.'],
        [`${text.slice(0, middle)}\n\nA paragraph typed in the middle.\n${text.slice(middle)}`, 'A paragraph typed in the middle.'],
      ];
      for (const [edited, shown] of edits) {
        const fromCache = await cached(cache, post, edited);
        expect(fromCache, post).toBe(await fresh(post, edited));
        expect(fromCache, post).toContain(shown);
      }
      expect(await spliced(cache), `${post} is spliced`).toBe(true);
    }
  });

  test('an edited excerpt, title or layout in the front matter renders the layouts again', async () => {
    const cache = new JekyllSiteCache();
    const post = '_posts/2016-05-20-welcome-to-jekyll.md';
    const text = await readFile(path.join(root, post), 'utf8');
    await cached(cache, post, text);
    const firstParagraph = text.replace(/^(---[\s\S]*?---\s*\n)([^\n]+)/, '$1A different first sentence for the description.');
    const html = await cached(cache, post, firstParagraph);
    expect(html).toBe(await fresh(post, firstParagraph));
    expect(html).toMatch(/<meta name="description" content="A different first sentence for the description\./);

    const retitled = text.replace(/^layout: post$/m, 'layout: post\ntitle: "Retitled while typing"');
    expect(await cached(cache, post, retitled)).toBe(await fresh(post, retitled));
    expect(await cached(cache, post, retitled)).toContain('Retitled while typing</h1>');

    const asPage = text.replace(/^layout:.*$/m, 'layout: page');
    expect(await cached(cache, post, asPage)).toBe(await fresh(post, asPage));
  });

  test('one post’s unsaved text never shows in another post’s page', async () => {
    const copy = await copyFixture('sites', 'minima-jekyll');
    const on: Site = { root: copy, name: 'minima', kind: 'jekyll' };
    const footer = path.join(copy, '_includes', 'footer.html');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('<div class="wrapper">', '<div class="wrapper"><p class="titles">{% for p in site.posts %}{{ p.title }};{% endfor %}</p>'));
    const cache = new JekyllSiteCache();
    const a = '_posts/2016-05-20-welcome-to-jekyll.md';
    const b = '_posts/2016-05-19-super-short-article.md';
    const unsaved = (await readFile(path.join(copy, a), 'utf8')).replace(/^layout: post$/m, 'layout: post\ntitle: "Unsaved title of A"');
    expect(await cached(cache, a, unsaved, on)).toContain('Unsaved title of A;');
    const textB = await readFile(path.join(copy, b), 'utf8');
    const pageB = await cached(cache, b, textB, on);
    expect(pageB).not.toContain('Unsaved title of A');
    expect(pageB).toBe((await renderPage(on, b, textB, { externalContent: false, assets: linked })).html);
  });

  test('a layout that does more with content than print it is rendered in full, every time', async () => {
    const copy = await copyFixture('sites', 'minima-jekyll');
    const on: Site = { root: copy, name: 'minima', kind: 'jekyll' };
    await writeFile(path.join(copy, '_layouts', 'counted.html'), '---\nlayout: post\n---\n<p class="count">{{ content | number_of_words }} words</p>\n{{ content }}\n');
    const post = '_posts/2024-12-02-counted.md';
    const cache = new JekyllSiteCache();
    const one = await cached(cache, post, '---\nlayout: counted\ntitle: Counted\n---\none two three\n', on);
    const two = await cached(cache, post, '---\nlayout: counted\ntitle: Counted\n---\none two three four five\n', on);
    expect(one).toContain('<p class="count">3 words</p>');
    expect(two).toContain('<p class="count">5 words</p>');
    expect(await spliced(cache, copy)).toBe(false);
  });
});

describe('an edited site file shows on the next render', { timeout: 30_000 }, () => {
  const post = '_posts/2016-05-19-super-short-article.md';
  let copy: string;
  let on: Site;
  let cache: JekyllSiteCache;
  let text: string;

  beforeAll(async () => {
    copy = await copyFixture('sites', 'minima-jekyll');
    on = { root: copy, name: 'minima', kind: 'jekyll' };
    cache = new JekyllSiteCache();
    text = await readFile(path.join(copy, post), 'utf8');
  });

  const edit = async (relative: string, change: (before: string) => string) => {
    const file = path.join(copy, relative);
    await writeFile(file, change(await readFile(file, 'utf8')));
  };

  test('an include', async () => {
    expect(await cached(cache, post, text, on)).not.toContain('Edited footer line');
    await edit('_includes/footer.html', (s) => s.replace('<div class="wrapper">', '<div class="wrapper"><p>Edited footer line</p>'));
    expect(await cached(cache, post, text, on)).toContain('<p>Edited footer line</p>');
  });

  test('a layout', async () => {
    await edit('_layouts/post.html', (s) => s.replace('<div class="post-content e-content"', '<p>Edited layout line</p><div class="post-content e-content"'));
    expect(await cached(cache, post, text, on)).toContain('<p>Edited layout line</p>');
  });

  test('_config.yml', async () => {
    await edit('_config.yml', (s) => s.replace('title: Cloud Native Field Notes', 'title: Renamed Field Notes'));
    expect(await cached(cache, post, text, on)).toContain('Renamed Field Notes');
  });

  test('a data file added to _data/', async () => {
    await edit('_includes/footer.html', (s) => s.replace('<div class="wrapper">', '<div class="wrapper"><p>{{ site.data.banner.line }}</p>'));
    await mkdir(path.join(copy, '_data'), { recursive: true });
    await writeFile(path.join(copy, '_data', 'banner.yml'), 'line: From the data file\n');
    expect(await cached(cache, post, text, on)).toContain('<p>From the data file</p>');
  });

  test('a Sass partial: the page links the new stylesheet', async () => {
    const before = await renderPage(on, post, text, { externalContent: false, assets: linked, cache });
    await edit('_sass/minima/custom-styles.scss', (s) => `${s}\n.recap-edited-rule { color: #123456; }\n`);
    const after = await renderPage(on, post, text, { externalContent: false, assets: linked, cache });
    expect(before.styles.some((s) => s.css.includes('#123456'))).toBe(false);
    expect(after.styles.some((s) => s.css.includes('#123456'))).toBe(true);
    expect(after.html).not.toBe(before.html); // the stylesheet's URL names its content
  });

  test('a post added to _posts/ is in site.posts once the documents are checked again (at most every 2 s; here at once)', async () => {
    const atOnce = new JekyllSiteCache({ documentsEveryMs: 0 });
    const later = new JekyllSiteCache({ documentsEveryMs: 60_000 });
    await edit('_includes/footer.html', (s) => s.replace('<div class="wrapper">', '<div class="wrapper"><p>{{ site.posts | size }} posts</p>'));
    const count = Number(/<p>(\d+) posts<\/p>/.exec(await cached(atOnce, post, text, on))?.[1]);
    await cached(later, post, text, on);
    await writeFile(path.join(copy, '_posts', '2024-12-03-another.md'), '---\ntitle: Another\n---\nHi\n');
    expect(await cached(atOnce, post, text, on)).toContain(`<p>${count + 1} posts</p>`);
    expect(await cached(later, post, text, on)).toContain(`<p>${count} posts</p>`); // not looked at yet
    await edit('_includes/footer.html', (s) => s.replace('posts</p>', 'posts in all</p>')); // a template is checked every time, and reloads all
    expect(await cached(later, post, text, on)).toContain(`<p>${count + 1} posts in all</p>`);
  });
});
