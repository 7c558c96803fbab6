import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';

describe.skipIf(!hasChromium)('browser mode, end to end', () => {
  let app: AppSession;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    app = await openApp(root);
    page = app.page;
  });

  afterAll(() => app?.close());

  it('lists the four posts, drafts included, newest first', async () => {
    const posts = page.getByRole('navigation', { name: 'Posts' });
    await expect.poll(() => posts.getByRole('option').or(posts.getByRole('link')).count()).toBe(4);
    const names = await posts.getByRole('option').or(posts.getByRole('link')).allTextContents();
    expect(names[0]).toContain('KubeCon Paris');
    expect(names.some((n) => n.includes('Community meetup notes') && n.includes('Draft'))).toBe(true);
  });

  it('search "paris", open the post, type, see "Unsaved changes", Ctrl+S: the file changes only where typed', async () => {
    const before = await readFile(path.join(root, PARIS), 'utf8');
    const search = page.getByRole('searchbox', { name: 'Search posts' });
    await search.fill('paris');
    const posts = page.getByRole('navigation', { name: 'Posts' });
    await expect.poll(() => posts.getByRole('option').or(posts.getByRole('link')).count()).toBe(1);
    await search.press('ArrowDown');
    await search.press('Enter');

    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => editor.inputValue()).toContain('Paris was busy');
    await editor.focus();
    await editor.press('Control+Home');
    await page.keyboard.type('Typed in Recap. ');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Unsaved changes' }).count()).toBe(1);
    expect(await page.title()).toMatch(/KubeCon Paris/);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);
    const after = await readFile(path.join(root, PARIS), 'utf8');
    const bodyStart = before.indexOf('Paris was busy');
    expect(after).toBe(before.slice(0, bodyStart) + 'Typed in Recap. ' + before.slice(bodyStart));
  });

  it('the seed post opens with its body in the editor and a rendered preview', async () => {
    const search = page.getByRole('searchbox', { name: 'Search posts' });
    await search.fill('san diego');
    await page.getByRole('navigation', { name: 'Posts' }).getByText('Our KubeCon San Diego Highlights').click();
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => editor.inputValue()).toContain('## Saturday @ Cloud Native Rejekts');
    expect(await editor.inputValue()).not.toContain('author_staff_member');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Saturday @ Cloud Native Rejekts' }).count()).toBe(1);
    expect(await preview.locator('script').count()).toBe(0);
    expect((await readFile(path.join(root, SEED), 'utf8')).length).toBeGreaterThan(0);
  });

  it('renders the preview in its Web Worker, never on the page\'s main thread', async () => {
    // The main thread loads the Markdown pipeline only as a fallback when the worker fails to start.
    const pageScripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(pageScripts.some((name) => name.includes('preview.worker'))).toBe(true);
    expect(pageScripts.filter((name) => name.includes('block-renderer'))).toEqual([]);
  });

  it('sent no request off the machine', () => {
    expect(app.offMachine).toEqual([]);
  });
});
