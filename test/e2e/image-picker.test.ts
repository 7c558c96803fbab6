import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const TITLE = 'KubeCon Paris: what we saw, what we shipped';

describe.skipIf(!hasChromium)('the image field’s picker in browser mode', () => {
  let app: AppSession;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    app = await openApp(root);
    page = app.page;
  });

  afterAll(() => app?.close());

  it('shows the post’s photos first as real thumbnails; search and a click set the image, one line of the saved file', async () => {
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('paris');
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('option', { name: TITLE }).click();
    const summary = page.getByRole('button', { name: /^Front matter: / });
    await summary.waitFor();
    if ((await summary.getAttribute('aria-expanded')) === 'false') await summary.click();
    const region = page.getByRole('region', { name: 'Front matter' });
    await expect.poll(() => region.getByLabel('Title', { exact: true }).inputValue().catch(() => ''), { timeout: 15_000 }).toBe(TITLE);

    await region.getByRole('button', { name: 'Choose image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image' });
    const grid = dialog.getByRole('list', { name: 'Site images' });
    await grid.getByRole('button').first().waitFor();
    expect((await grid.getByRole('button').allTextContents()).slice(0, 2)).toEqual(['images/2024-kubecon-paris/booth.jpg', 'images/2024-kubecon-paris/hero.jpg']);
    // The thumbnail is sharp's cached WebP, decoded by the browser.
    const thumb = dialog.getByRole('button', { name: 'images/2024-kubecon-paris/booth.jpg' }).locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => (img.src.startsWith('data:image/webp') && img.complete ? img.naturalWidth : 0)), { timeout: 15_000 }).toBeGreaterThan(0);

    await dialog.getByRole('searchbox', { name: 'Search images' }).fill('staff alex');
    expect(await grid.getByRole('button').allTextContents()).toEqual(['images/staff/alex.jpg']);
    await grid.getByRole('button', { name: 'images/staff/alex.jpg' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await region.getByLabel('Image', { exact: true }).inputValue()).toBe('/images/staff/alex.jpg');

    const before = (await readFile(path.join(root, PARIS), 'utf8')).split('\n');
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await readFile(path.join(root, PARIS), 'utf8')).includes('image: /images/staff/alex.jpg'), { timeout: 15_000 }).toBe(true);
    const after = (await readFile(path.join(root, PARIS), 'utf8')).split('\n');
    expect(after).toHaveLength(before.length);
    expect(before.flatMap((line, i) => (line === after[i] ? [] : [line]))).toEqual(['image: /images/2024-kubecon-paris/hero.jpg']);
  });
});
