/**
 * Crash recovery and external changes against a real `recap serve`: the
 * process is killed with SIGKILL mid-edit, and files are changed behind the
 * app's back the way another editor or git would.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serve, type Served } from '../support/browser';
import { copyFixture, tempDir } from '../support/fixtures';

const PARIS = '_posts/2024-03-22-kubecon-paris-recap.md';
const PARIS_TITLE = /KubeCon Paris/;

async function openPost(page: Page, title: RegExp) {
  const posts = page.getByRole('navigation', { name: 'Posts' });
  await posts.getByRole('option', { name: title }).or(posts.getByRole('link', { name: title })).first().click();
  const editor = page.getByRole('textbox', { name: 'Markdown' });
  await expect.poll(() => editor.inputValue()).toContain('Paris was busy');
  return editor;
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^(Saved|Unsaved changes)$/ });

describe.skipIf(!hasChromium)('crash recovery and external changes, end to end', () => {
  let browser: Browser;
  const servers: Served[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('after kill -9 mid-edit, the restarted server offers the draft and Restore brings the text back', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const stateDir = await tempDir('recap-state-');
    const before = await readFile(path.join(root, PARIS), 'utf8');
    const first = await serve(root, { stateDir });
    servers.push(first);
    const page = await browser.newPage();
    await page.goto(first.url);

    const editor = await openPost(page, PARIS_TITLE);
    await editor.focus();
    await editor.press('Control+Home');
    await page.keyboard.type('Typed just before the crash. ');
    await page.waitForTimeout(1200); // the journal is at most a second behind
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;

    const second = await serve(root, { stateDir });
    servers.push(second);
    await page.goto(second.url);
    const dialog = page.getByRole('dialog', { name: 'Recover unsaved changes' });
    await dialog.waitFor();
    const item = dialog.getByRole('listitem', { name: PARIS });
    await expect.poll(() => item.locator('ins').allTextContents()).toContainEqual(expect.stringContaining('Typed just before the crash.'));
    await item.getByRole('button', { name: 'Restore' }).click();

    const restored = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => restored.inputValue()).toMatch(/^Typed just before the crash\. Paris was busy/m);
    await expect.poll(() => status(page).textContent()).toBe('Unsaved changes');
    expect(await readFile(path.join(root, PARIS), 'utf8')).toBe(before);
    await page.close();
  });

  describe('files changed behind the app', () => {
    let root: string;
    let page: Page;

    beforeAll(async () => {
      root = await copyFixture('sites', 'events-jekyll');
      const served = await serve(root);
      servers.push(served);
      page = await browser.newPage();
      await page.goto(served.url);
    });

    it('a new file appears in the post list without a reload', async () => {
      const posts = page.getByRole('navigation', { name: 'Posts' });
      await expect.poll(() => posts.getByRole('option').count()).toBe(4);
      await writeFile(path.join(root, '_posts/2025-05-05-written-elsewhere.md'), '---\ntitle: Written elsewhere\ndate: 2025-05-05\n---\nHello.\n');
      await expect.poll(() => posts.getByRole('option', { name: 'Written elsewhere' }).count(), { timeout: 5000 }).toBe(1);
    });

    it('without unsaved edits the open post reloads in place, keeping the cursor', async () => {
      const editor = await openPost(page, PARIS_TITLE);
      const body = await editor.inputValue();
      const caret = body.indexOf('Paris was busy') + 5;
      await editor.evaluate((node, at) => (node as HTMLTextAreaElement).setSelectionRange(at, at), caret);

      const file = path.join(root, PARIS);
      const onDisk = await readFile(file, 'utf8');
      await writeFile(file, onDisk + '\nA paragraph added by another editor.\n');
      await expect.poll(() => editor.inputValue(), { timeout: 5000 }).toContain('A paragraph added by another editor.');
      expect(await editor.evaluate((node) => [(node as HTMLTextAreaElement).selectionStart, (node as HTMLTextAreaElement).selectionEnd])).toEqual([caret, caret]);
      expect(await status(page).textContent()).toBe('Saved');
      expect(await page.getByRole('alert').count()).toBe(0);
    });

    it('with unsaved edits it shows "Changed on disk"; Load theirs and Keep mine both work', async () => {
      const editor = page.getByRole('textbox', { name: 'Markdown' });
      const file = path.join(root, PARIS);
      await editor.focus();
      await editor.press('Control+Home');
      await page.keyboard.type('Mine, first. ');
      await writeFile(file, (await readFile(file, 'utf8')).replace('Paris was busy', 'Paris was REALLY busy'));

      const banner = page.getByRole('alert').filter({ hasText: 'Changed on disk' });
      await banner.waitFor({ timeout: 5000 });
      expect(await editor.inputValue()).toContain('Mine, first.');
      await banner.getByRole('button', { name: 'Load theirs' }).click();
      await expect.poll(() => editor.inputValue()).toContain('Paris was REALLY busy');
      expect(await editor.inputValue()).not.toContain('Mine, first.');
      await expect.poll(() => status(page).textContent()).toBe('Saved');

      await editor.focus();
      await editor.press('Control+Home');
      await page.keyboard.type('Mine, second. ');
      const theirs = (await readFile(file, 'utf8')).replace('REALLY', 'truly');
      await writeFile(file, theirs);
      await banner.waitFor({ timeout: 5000 });
      await banner.getByRole('button', { name: 'Compare' }).click();
      await expect.poll(() => banner.locator('del').allTextContents()).toContainEqual(expect.stringContaining('Paris was truly busy'));
      await banner.getByRole('button', { name: 'Keep mine' }).click();
      await expect.poll(() => banner.count()).toBe(0);
      await page.keyboard.press('Control+s');
      await expect.poll(() => status(page).textContent()).toBe('Saved');
      const saved = await readFile(file, 'utf8');
      expect(saved).toContain('Mine, second. Paris was REALLY busy');
      expect(saved).not.toContain('truly');
    });
  });
});
