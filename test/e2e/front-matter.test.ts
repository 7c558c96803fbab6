import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture, fixture } from '../support/fixtures';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
const AMSTERDAM = '_posts/2023-09-14-devopsdays-amsterdam.md';
const FIELDS = ['Title', 'Description', 'Date', 'Image', 'Categories', 'Author staff member', 'Dark background'];

function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe.skipIf(!hasChromium)('the front matter form and "New post", end to end', () => {
  let app: AppSession;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    app = await openApp(root);
    page = app.page;
  });

  afterAll(() => app?.close());

  /** Opens a post from the sidebar and waits for its form to know the site (the author is a choice). */
  async function openPost(query: string, title: string) {
    await page.getByRole('searchbox', { name: 'Search posts' }).fill(query);
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('option', { name: title }).click();
    // The form opens from its one-line summary (and stays open for the next post: the choice is remembered).
    const summary = page.getByRole('button', { name: /^Front matter: / });
    await summary.waitFor();
    if ((await summary.getAttribute('aria-expanded')) === 'false') await summary.click();
    const region = page.getByRole('region', { name: 'Front matter' });
    // Wait for this post's own form: the previous post's controls are there until it loads.
    await expect.poll(() => region.getByLabel('Title', { exact: true }).inputValue().catch(() => ''), { timeout: 15_000 }).toBe(title);
    await expect.poll(() => region.getByRole('combobox', { name: 'Author staff member', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    return region;
  }

  it('the seed post shows a labelled control per field; the author is a choice of alex and sam', async () => {
    const region = await openPost('san diego', 'Our KubeCon San Diego Highlights');
    for (const label of FIELDS) expect(await region.getByLabel(label, { exact: true }).count(), label).toBe(1);
    expect(await region.getByLabel('Title', { exact: true }).inputValue()).toBe('Our KubeCon San Diego Highlights');
    expect(await region.getByLabel('Date', { exact: true }).inputValue()).toBe('2019-11-26');
    expect(await region.getByRole('checkbox', { name: 'Dark background' }).isChecked()).toBe(true);
    const author = region.getByRole('combobox', { name: 'Author staff member', exact: true });
    expect(await author.locator('option').allTextContents()).toEqual(['alex', 'sam']);
    expect(await author.inputValue()).toBe('alex');
    expect(await author.getAttribute('aria-invalid')).toBeNull();
  });

  it('the Amsterdam post flags jordan as unknown', async () => {
    const region = await openPost('amsterdam', 'DevOpsDays Amsterdam notes');
    const author = region.getByRole('combobox', { name: 'Author staff member', exact: true });
    expect(await author.inputValue()).toBe('jordan');
    expect(await author.getAttribute('aria-invalid')).toBe('true');
    expect(await region.textContent()).toContain('"jordan" is not a known author staff member');
    // Opening flags it; nothing was written.
    expect(await readFile(path.join(root, AMSTERDAM), 'utf8')).toBe(await readFile(fixture('sites', 'events-jekyll', AMSTERDAM), 'utf8'));
  });

  it('editing the title in the form and saving changes exactly one line on disk', async () => {
    const original = await readFile(fixture('sites', 'events-jekyll', SEED), 'utf8');
    const region = await openPost('san diego', 'Our KubeCon San Diego Highlights');
    const title = region.getByRole('textbox', { name: 'Title', exact: true });
    await title.fill('Our KubeCon San Diego Highlights, revisited');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Unsaved changes' }).count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);

    const before = original.split('\n');
    const after = (await readFile(path.join(root, SEED), 'utf8')).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed).toEqual([1]);
    expect(after[1]).toBe('title: "Our KubeCon San Diego Highlights, revisited"');
  });

  it('"New post" creates _posts/<today>-<slug>.md and opens it', async () => {
    const today = localToday();
    const created = `_posts/${today}-a-talk-written-in-recap.md`;
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    expect(await dialog.getByLabel('Date', { exact: true }).inputValue()).toBe(today);
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('A talk written in Recap');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => access(path.join(root, created)).then(() => true, () => false)).toBe(true);
    await expect.poll(() => page.getByText(created, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    const region = page.getByRole('region', { name: 'Front matter' });
    await expect.poll(() => region.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe('A talk written in Recap');
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('');
    const option = page.getByRole('navigation', { name: 'Posts' }).getByRole('option', { name: 'A talk written in Recap' });
    await expect.poll(() => option.getAttribute('aria-current')).toBe('true');
  });
});
