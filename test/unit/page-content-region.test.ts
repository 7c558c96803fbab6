/**
 * The Page view updates the shown frame in place while the author types the
 * body: a render names its shell (everything around the body) and carries
 * the body's region, and only a page whose layouts print `{{ content }}`
 * once, in a flow container, gets one. The region is exactly the markup
 * between the markers of the document the frame would load.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyFixture } from '../support/fixtures';
import { JekyllSiteCache } from '../../electron/services/page/jekyll-site-cache';
import { pageContentSecurityPolicy, PageService } from '../../electron/services/page/page-service';
import { renderPage } from '../../electron/services/page/render-page';
import type { PagePreview } from '../../shared/page/page-preview';
import type { Site } from '../../shared/model';

let root: string;
let site: Site;
const POST = '_posts/2024-11-15-kubecon-salt-lake-city.md';
let text: string;

beforeAll(async () => {
  root = await copyFixture('sites', 'minima-jekyll');
  site = { root, name: 'minima', kind: 'jekyll' };
  text = await readFile(path.join(root, POST), 'utf8');
});

type Page = Extract<PagePreview, { status: 'page' }>;
async function render(service: PageService, body: string, on = site, externalContent = false): Promise<Page> {
  const result = await service.render(on, POST, body, externalContent);
  if (result.status !== 'page') throw new Error(result.reason);
  return result;
}

describe('the content region of a page', { timeout: 30_000 }, () => {
  test('typing in the body keeps the shell; the region holds the new text, as the document has it', async () => {
    const service = new PageService();
    const before = await render(service, text);
    const after = await render(service, `${text}\nA line typed at the end, with "quotes".\n`);
    expect(before.patch).not.toBeNull();
    expect(after.patch!.shell).toBe(before.patch!.shell);
    expect(after.patch!.html).toContain('<p>A line typed at the end, with “quotes”.</p>');
    expect(before.patch!.html).not.toContain('A line typed at the end');
    // The region is the document's own markup between the markers: the frame that loads it shows the same.
    const stored = service.page(after.pageId)!.html;
    const region = /<!--recap-content-start-[\w-]+-->([\s\S]*)<!--recap-content-end-[\w-]+-->/.exec(stored)![1];
    expect(region).toBe(after.patch!.html);
    expect(stored).toMatch(/<div class="post-content e-content" itemprop="articleBody">\s*<!--recap-content-start/);
  });

  test('a new title, or external content turned on, is a new shell: the frame loads the new document', async () => {
    const service = new PageService();
    const before = await render(service, text);
    const retitled = await render(service, text.replace(/^title: .*$/m, 'title: "A new title"'));
    expect(retitled.patch!.shell).not.toBe(before.patch!.shell);
    expect((await render(service, text, site, true)).patch!.shell).not.toBe(before.patch!.shell);
  });

  test('every page runs only Recap’s patcher, allowed by its hash; a page without a region is never patched', async () => {
    const service = new PageService();
    const page = await render(service, text);
    const stored = service.page(page.pageId)!;
    expect(stored.scriptHashes).toHaveLength(1);
    expect(pageContentSecurityPolicy([], stored)).toContain(`script-src ${stored.scriptHashes[0]};`);
    expect(pageContentSecurityPolicy([], stored)).toMatch(/; sandbox allow-scripts$/);

    const copy = await copyFixture('sites', 'minima-jekyll');
    const on: Site = { root: copy, name: 'minima', kind: 'jekyll' };
    const layout = path.join(copy, '_layouts', 'post.html');
    // `content` inside a paragraph: a body with blocks parses differently there than on its own.
    await writeFile(layout, (await readFile(layout, 'utf8')).replace(/<div class="post-content e-content" itemprop="articleBody">\s*\{\{ content \}\}/, '<p class="post-content">{{ content }}'));
    const plain = new PageService();
    const inParagraph = await render(plain, text, on);
    expect(inParagraph.patch).toBeNull();
    const unpatched = plain.page(inParagraph.pageId)!;
    expect(unpatched.html).not.toContain('<!--recap-content-start');
    expect(unpatched.scriptHashes).toEqual(stored.scriptHashes);
  });

  test('a layout that filters content has no region; `recap render` (no cache) never carries markers', async () => {
    const copy = await copyFixture('sites', 'minima-jekyll');
    const on: Site = { root: copy, name: 'minima', kind: 'jekyll' };
    const layout = path.join(copy, '_layouts', 'post.html');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('{{ content }}', '{{ content | replace: "KubeCon", "KubeCon" }}'));
    expect((await render(new PageService(), text, on)).patch).toBeNull();

    const once = await renderPage(site, POST, text, { externalContent: false, assets: 'inline' });
    expect(once.region).toBeNull();
    expect(once.html).not.toContain('recap-content-');
    const cached = await renderPage(site, POST, text, { externalContent: false, assets: 'inline', cache: new JekyllSiteCache() });
    expect(cached.region).not.toBeNull();
  });
});
