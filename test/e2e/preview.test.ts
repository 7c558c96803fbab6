import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture, fixture, makeWritable } from '../support/fixtures';

describe.skipIf(!hasChromium)('the preview in browser mode: safe, private, faithful', () => {
  let app: AppSession;
  let page: Page;
  /** Every request that left 127.0.0.1, attempted or not. */
  const siteImages: { url: string; status: number }[] = [];
  const navigations: string[] = [];

  beforeAll(async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    await copyFile(fixture('bad', 'xss-vectors.md'), path.join(root, '_drafts', 'xss-vectors.md'));
    await makeWritable(root); // the author's own files: writable, as in a clone
    app = await openApp(root);
    page = app.page;
    page.on('response', (response) => {
      if (response.url().includes('/site/')) siteImages.push({ url: response.url(), status: response.status() });
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
  }, 60_000);

  afterAll(() => app?.close());

  async function open(search: string, title: string | RegExp) {
    const box = page.getByRole('searchbox', { name: 'Search posts' });
    await box.fill(search);
    await page.getByRole('navigation', { name: 'Posts' }).getByText(title).first().click();
  }

  it('the seed post: 11 tweet cards (10 by Alex Ellis), two YouTube facades and a SlideShare facade, with external content off', async () => {
    await open('san diego', 'Our KubeCon San Diego Highlights');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Saturday @ Cloud Native Rejekts' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await preview.getByRole('switch', { name: 'Load external content' }).getAttribute('aria-checked')).toBe('false');

    const tweets = preview.getByRole('figure', { name: /^Tweet by / });
    await expect.poll(() => tweets.count()).toBe(11);
    expect(await preview.getByRole('figure', { name: /^Tweet by Alex Ellis/ }).count()).toBe(10);
    expect(await tweets.filter({ hasNotText: 'Alex Ellis' }).count()).toBe(1);

    const youtube = preview.getByRole('figure', { name: /^YouTube video / });
    expect(await youtube.count()).toBe(2);
    expect(await preview.getByRole('button', { name: 'Play YouTube video NckMekZXRt8' }).count()).toBe(1);
    expect(await preview.getByRole('figure', { name: /^SlideShare presentation/ }).count()).toBe(1);
    expect(await preview.locator('iframe, script').count()).toBe(0);
  });

  it('the preview follows the editor by source line as it scrolls', async () => {
    const topBlockLine = (fraction: number) =>
      page.evaluate(async (at) => {
        const editor = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]')!;
        let scroller: HTMLElement | null = editor;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 2 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
        scroller!.scrollTop = (scroller!.scrollHeight - scroller!.clientHeight) * at;
        await new Promise((resolve) => setTimeout(resolve, 200));
        const preview = document.querySelector<HTMLElement>('[aria-label="Preview"] [data-line]')!.closest<HTMLElement>('article')!.parentElement!;
        const top = preview.getBoundingClientRect().top;
        const block = [...preview.querySelectorAll<HTMLElement>('[data-line]')].find((b) => b.getBoundingClientRect().bottom > top + 2);
        return { line: Number(block?.dataset.line ?? 0), scrollTop: preview.scrollTop };
      }, fraction);
    const start = await topBlockLine(0);
    const third = await topBlockLine(0.33);
    const twoThirds = await topBlockLine(0.66);
    expect(start.scrollTop).toBe(0);
    expect(third.line).toBeGreaterThan(start.line);
    expect(twoThirds.line).toBeGreaterThan(third.line);
    expect((await topBlockLine(0)).scrollTop).toBe(0);
  });

  it('site images come through the guarded route; a missing one is marked with its path', async () => {
    await open('paris', /KubeCon Paris/);
    const preview = page.getByRole('region', { name: 'Preview' });
    const booth = preview.getByRole('img', { name: 'The booth on day two' });
    await expect.poll(() => booth.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => booth.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await booth.evaluate((img: HTMLImageElement) => img.src)).toBe(`${app.served.origin}/s/${new URL(page.url()).pathname.split('/')[2]}/site/images/2024-kubecon-paris/booth.jpg`);
    expect(siteImages.some((r) => r.url.endsWith('/site/images/2024-kubecon-paris/booth.jpg') && r.status === 200)).toBe(true);

    await open('amsterdam', 'DevOpsDays Amsterdam notes');
    await expect.poll(() => preview.getByRole('img', { name: 'Missing image: /images/2023-devopsdays-amsterdam/board.jpg' }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => preview.getByRole('img', { name: 'Missing image: /images/missing.png' }).count()).toBe(1);
  });

  it('xss-vectors.md renders inert: nothing runs, nothing navigates', async () => {
    const before = page.url();
    await open('xss', 'XSS vectors');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByText('Every line below must render inert').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => preview.getByText('plain external link').count()).toBe(1);
    // Give anything that could fire (onerror, onload, ontoggle, meta refresh) its chance.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __recapPwned?: unknown }).__recapPwned)).toBeUndefined();
    expect(await preview.locator('script, iframe, object, embed, form, meta, base, link, svg').count()).toBe(0);
    expect(page.url()).toBe(before);
    expect(navigations.filter((url) => url !== before)).toEqual([]);
  });

  it('sent no request off the machine, not even one the CSP refused', () => {
    expect(app.offMachine).toEqual([]);
  });
});
