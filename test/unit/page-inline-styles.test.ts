/**
 * The Page view's frame gets the compiled Sass and Recap's own styles in the
 * document (its opaque origin would fetch a linked stylesheet again for each
 * render), and its CSP allows exactly those <style>s by hash — not a
 * template's own <style>.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyFixture } from '../support/fixtures';
import { pageContentSecurityPolicy, PageService } from '../../electron/services/page/page-service';

test('compiled styles are inlined and allowed by hash; a stylesheet with url() stays linked', async () => {
  const root = await copyFixture('sites', 'minima-jekyll');
  const post = '_posts/2016-05-20-welcome-to-jekyll.md';
  await writeFile(path.join(root, '_includes', 'custom-head.html'), '<style>body { color: red; }</style>\n');
  const service = new PageService();
  const site = { root, name: 'minima', kind: 'jekyll' } as const;
  const result = await service.render(site, post, await readFile(path.join(root, post), 'utf8'), false);
  if (result.status !== 'page') throw new Error(result.reason);
  const stored = service.page(result.pageId)!;
  const styles = [...stored.html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(stored.html).not.toMatch(/<link[^>]+stylesheet/);
  expect(styles.some((css) => css.includes('.site-header'))).toBe(true); // Minima's compiled Sass
  const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const policy = pageContentSecurityPolicy(['http://127.0.0.1:1'], stored);
  const styleSrc = /style-src ([^;]+)/.exec(policy)![1]!;
  expect(styles.filter((css) => styleSrc.includes(hashOf(css)))).toHaveLength(styles.length - 1);
  expect(styleSrc).not.toContain(hashOf('body { color: red; }')); // the template's own <style> does not apply
  expect(policy).not.toMatch(/unsafe-inline/);
  // The one script allowed is Recap's patcher, by its hash; the page has no other.
  const scripts = [...stored.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(/script-src ([^;]+)/.exec(policy)![1]!).toBe(hashOf(scripts[0]!));
  expect(policy).toMatch(/sandbox allow-scripts$/);

  await writeFile(path.join(root, '_sass', 'minima', 'custom-styles.scss'), '.logo { background: url("/images/logo.png"); }\n');
  const linked = await service.render(site, post, await readFile(path.join(root, post), 'utf8'), false);
  if (linked.status !== 'page') throw new Error(linked.reason);
  expect(service.page(linked.pageId)!.html).toMatch(/<link[^>]+href="..\/page-assets\/assets\/css\/style.css\?v=[\w-]+"/);
}, 20_000);
