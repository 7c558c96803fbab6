/**
 * The Page view and `recap render` for an Eleventy site whose layouts are
 * Liquid (test/fixtures/sites/eleventy-liquid), against real Eleventy 3.1's
 * build of it (its `www/`): the same visible text, the layout chain, the
 * data cascade (directory data, global data, merged tags), `collections`,
 * a `{% render %}` include with parameters. A Nunjucks layout is not
 * rendered, and the page says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { recap } from '../support/cli';
import { copyFixture } from '../support/fixtures';
import { similarity, visibleWords } from '../support/visible-text';
import { PageService } from '../../electron/services/page/page-service';
import { renderPage } from '../../electron/services/page/render-page';
import type { Site } from '../../shared/model';

let root: string;
let site: Site;

beforeAll(async () => {
  root = await copyFixture('sites', 'eleventy-liquid');
  site = { root, name: 'eleventy-liquid', kind: 'eleventy' };
});

const PAGES: [string, string][] = [
  ['src/blog/otel-meetup-berlin.md', 'blog/otel-meetup-berlin'],
  ['src/blog/kubecon-paris.md', 'blog/kubecon-paris'],
  ['src/about.md', 'about'],
];

const render = async (postPath: string, text?: string) => renderPage(site, postPath, text ?? (await readFile(path.join(root, postPath), 'utf8')), { externalContent: false, assets: 'inline' });

describe('an Eleventy site with Liquid layouts', () => {
  test('every page: the visible text matches Eleventy’s build word for word', async () => {
    for (const [postPath, url] of PAGES) {
      const page = await render(postPath);
      expect(page.layoutsRendered, postPath).toBe(true);
      expect(page.note).toBeNull();
      const reference = await readFile(path.join(root, 'www', url, 'index.html'), 'utf8');
      const score = similarity(visibleWords(page.html), visibleWords(reference));
      expect(score, `${postPath}: ${score.toFixed(3)}`).toBeGreaterThanOrEqual(0.98);
    }
  });

  test('the layout chain, the data cascade, collections and a render include with parameters', async () => {
    const { html } = await render('src/blog/otel-meetup-berlin.md');
    expect(html).toContain('<title>OpenTelemetry meetup, Berlin · Meetup Notes</title>'); // base.liquid, global data
    expect(html).toContain('<h1 class="post-title">OpenTelemetry meetup, Berlin</h1>'); // post.liquid, from blog/blog.json
    expect(html).toContain('<time datetime="2024-10-08">October 8, 2024</time>');
    expect(html).toContain('<p class="speaker"><strong>Lin Park</strong> <span>Maintainer, OpenTelemetry</span></p>');
    // Tags from the directory data and the front matter, joined; the nav lists collections.posts newest first.
    expect(html).toMatch(/<span class="tag">#meetups<\/span> <span class="tag">#observability<\/span>/);
    expect(html).toMatch(/<nav><a href="\/blog\/otel-meetup-berlin\/">OpenTelemetry meetup, Berlin<\/a> <a href="\/blog\/kubecon-paris\/">KubeCon Paris, briefly<\/a>/);
    expect(html).not.toContain('analytics.example.com'); // the layout's script is gone
    expect(html).toContain('font-family: Georgia'); // the site's stylesheet, inline in `recap render`
  });

  test('the share card: title and description from the data, else the post’s own opening text', async () => {
    expect((await render('src/blog/otel-meetup-berlin.md')).share.description).toBe('Three talks on tracing, and what we took home.');
    const paris = await render('src/blog/kubecon-paris.md');
    expect(paris.share.title).toBe('KubeCon Paris, briefly');
    expect(paris.share.description).toMatch(/^Four days, two keynotes worth watching, one booth\./);
    expect(paris.share.url).toBe('https://meetups.example.org/blog/kubecon-paris/');
  });

  test('unsaved text shows, in the body and in what the layouts print of it', async () => {
    const text = (await readFile(path.join(root, 'src/blog/kubecon-paris.md'), 'utf8')).replace('title: KubeCon Paris, briefly', 'title: KubeCon Paris, at length').concat('\nA paragraph typed just now.\n');
    const { html } = await render('src/blog/kubecon-paris.md', text);
    expect(html).toContain('<p>A paragraph typed just now.</p>');
    expect(html).toContain('<h1 class="post-title">KubeCon Paris, at length</h1>');
    expect(html).toContain('<a href="/blog/kubecon-paris/">KubeCon Paris, at length</a>'); // collections carry the live post
  });

  test('the collection-item filters find the page and its neighbours in a collection', async () => {
    const copy = await copyFixture('sites', 'eleventy-liquid');
    const layout = path.join(copy, 'src/_includes/layouts/post.liquid');
    const links = '{% assign prev = collections.posts | getPreviousCollectionItem %}{% assign next = collections.posts | getNextCollectionItem %}<p class="pager">{{ collections.posts | getCollectionItemIndex }}|{{ prev.data.title }}|{{ next.data.title }}|{{ collections.posts | getCollectionItem | map: "url" }}</p>';
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('</article>', `${links}</article>`));
    const on: Site = { root: copy, name: 'eleventy-liquid', kind: 'eleventy' };
    const page = (postPath: string) => readFile(path.join(copy, postPath), 'utf8').then((text) => renderPage(on, postPath, text, { externalContent: false, assets: 'inline' }));
    expect((await page('src/blog/kubecon-paris.md')).html).toContain('<p class="pager">0||OpenTelemetry meetup, Berlin|/blog/kubecon-paris/</p>');
    expect((await page('src/blog/otel-meetup-berlin.md')).html).toContain('<p class="pager">1|KubeCon Paris, briefly||/blog/otel-meetup-berlin/</p>');
  });

  test('a Nunjucks layout is not rendered: the post with its header, and one line saying why', async () => {
    const page = await render('src/nunjucks-page.md');
    expect(page.layoutsRendered).toBe(false);
    expect(page.note).toBe('Its layout layouts/plain.njk is Nunjucks, which Recap does not render: this is the post with its header in the site’s stylesheet.');
    expect(page.html).toContain('layout is Nunjucks, which Recap does not render.');
  });

  test('the Page view: page status with its layouts, headings it can follow, no request off the machine', async () => {
    const service = new PageService();
    const text = await readFile(path.join(root, 'src/blog/otel-meetup-berlin.md'), 'utf8');
    const result = await service.render(site, 'src/blog/otel-meetup-berlin.md', text, false);
    if (result.status !== 'page') throw new Error(result.reason);
    expect(result.layoutsRendered).toBe(true);
    expect(result.anchors.map((a) => a.id)).toEqual(['the-talks', 'links']);
    const stored = service.page(result.pageId)!.html;
    expect(stored).toContain('<h2 id="the-talks">The talks</h2>');
    // The site's stylesheet comes inline with the document, allowed by its hash.
    expect(stored).toContain('font-family: Georgia');
    expect(stored).not.toMatch(/<link[^>]+site\.css/);
    expect(service.page(result.pageId)!.styleHashes.length).toBeGreaterThanOrEqual(2);
  });

  test('recap render prints the page', async () => {
    const { code, stdout, stderr } = await recap(['render', path.join(root, 'src/blog/otel-meetup-berlin.md')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('<p class="speaker"><strong>Sam Rivera</strong>');
  });
});
