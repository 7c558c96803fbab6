/**
 * Compiled Sass kept in the state folder: the Page view after a restart does
 * not compile again; an edited partial compiles anew; a torn or foreign file
 * is ignored; the folder keeps a bounded number of files. A site read ahead
 * after it opens has its Sass compiled before the first Page asks.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyFixture } from '../support/fixtures';
import { CompiledCssStore } from '../../electron/services/page/compiled-css-store';
import { JekyllSiteCache } from '../../electron/services/page/jekyll-site-cache';
import { prepareJekyllSite } from '../../electron/services/page/render-jekyll';
import { renderPage } from '../../electron/services/page/render-page';
import { PageService } from '../../electron/services/page/page-service';
import { forgetCompiledStyles } from '../../electron/services/page/site-styles';
import type { Site } from '../../shared/model';

const POST = '_posts/2016-05-20-welcome-to-jekyll.md';

async function firstPageStyles(site: Site, stateDir: string) {
  forgetCompiledStyles(); // as a new process starts
  const result = await new PageService({ stateDir }).render(site, POST, await readFile(path.join(site.root, POST), 'utf8'), false);
  if (result.status !== 'page') throw new Error(result.reason);
  return result.rendered!.styles;
}

describe('compiled Sass in the state folder', { timeout: 30_000 }, () => {
  test('the first page after a restart takes the stored CSS; an edited partial compiles anew', async () => {
    const root = await copyFixture('sites', 'minima-jekyll');
    const site: Site = { root, name: 'minima', kind: 'jekyll' };
    const state = await mkdtemp(path.join(os.tmpdir(), 'recap-css-state-'));
    const first = await firstPageStyles(site, state);
    expect(first[0]!.ms).toBeGreaterThan(0);
    expect(await readdir(path.join(state, 'compiled-css'))).toHaveLength(1);

    const again = await firstPageStyles(site, state);
    expect(again[0]!.ms).toBe(0);
    expect(again[0]!.css).toBe(first[0]!.css);

    const partial = path.join(root, '_sass', 'minima', 'custom-styles.scss');
    await writeFile(partial, `${await readFile(partial, 'utf8')}\n.recap-stored-edit { color: #abcdef; }\n`);
    const edited = await firstPageStyles(site, state);
    expect(edited[0]!.ms).toBeGreaterThan(0);
    expect(edited[0]!.css).toContain('#abcdef');
  });

  test('a torn or foreign file reads as missing; at most 64 files are kept', async () => {
    const state = await mkdtemp(path.join(os.tmpdir(), 'recap-css-state-'));
    const store = new CompiledCssStore(state);
    await store.put('a', 'body { color: red; }');
    expect(store.get('a')).toBe('body { color: red; }');
    expect(store.get('b')).toBeNull();
    const [file] = await readdir(path.join(state, 'compiled-css'));
    const full = path.join(state, 'compiled-css', file!);
    await writeFile(full, (await readFile(full, 'utf8')).slice(0, -3));
    expect(store.get('a')).toBeNull();
    for (let i = 0; i < 70; i++) await store.put(`key-${i}`, `.k${i} { color: blue; }`);
    expect((await readdir(path.join(state, 'compiled-css'))).length).toBeLessThanOrEqual(64);
  });
});

describe('a Jekyll site read ahead (after it opens)', { timeout: 30_000 }, () => {
  test('its stylesheets are compiled before the first Page, which then only renders', async () => {
    const root = await copyFixture('sites', 'minima-jekyll');
    const site: Site = { root, name: 'minima', kind: 'jekyll' };
    forgetCompiledStyles();
    const cache = new JekyllSiteCache();
    expect(await cache.with(root, async (cached) => cached.styles)).toBeNull();
    await prepareJekyllSite(root, cache);
    const ahead = await cache.with(root, async (cached) => cached.styles);
    expect(ahead?.[0]?.css).toContain('.site-header');
    const page = await renderPage(site, POST, await readFile(path.join(root, POST), 'utf8'), { externalContent: false, assets: 'inline', cache });
    expect(page.styles).toBe(ahead); // the same compiled styles, not compiled again
    expect(page.html).toContain('.site-header');
  });
});
