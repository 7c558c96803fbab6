import { chmod, cp, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture, fixture, makeWritable, repoRoot } from '../support/fixtures';

/** Opens a post by searching its file name, as a person would. */
async function open(page: Page, name: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search posts' });
  await search.fill(name);
  await expect.poll(() => page.getByRole('navigation', { name: 'Posts' }).getByRole('option').count()).toBe(1);
  await search.press('ArrowDown');
  await search.press('Enter');
  const unsaved = page.getByRole('dialog', { name: 'Unsaved changes' });
  if (await unsaved.isVisible().catch(() => false)) await unsaved.getByRole('button', { name: 'Discard' }).click();
}

const alertWith = (page: Page, text: RegExp) => page.getByRole('alert').filter({ hasText: text });

describe.skipIf(!hasChromium)('hostile and broken files in browser mode', () => {
  let app: AppSession;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    for (const name of await readdir(fixture('bad'))) await cp(fixture('bad', name), path.join(root, '_drafts', name));
    await makeWritable(root); // the author's own files: writable, as in a clone (Recap honours read-only files)
    app = await openApp(root);
    page = app.page;
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('option').first().waitFor();
  });

  afterAll(() => app?.close());

  it.each([
    ['malformed-yaml', /never closed/, 'Body text that must not be lost.'],
    ['duplicate-keys', /Duplicate key "title"/, 'Duplicate keys.'],
    ['unterminated', /never closed/, ''],
    ['malformed-toml', /TOML/, 'Body.'],
    ['billion-laughs', /aliases/, 'Alias expansion bomb.'],
    ['js-front-matter', /JavaScript is not supported/, 'This front matter must never be evaluated.'],
    ['javascript-front-matter', /JavaScript is not supported/, 'Also never evaluated.'],
  ])('%s opens with a clear error, its text intact and editable', async (name, error, body) => {
    await open(page, name);
    await expect.poll(() => alertWith(page, error).count()).toBeGreaterThan(0);
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    if (body) await expect.poll(() => editor.inputValue()).toContain(body);
    expect(await editor.isEditable()).toBe(true);
  });

  it('front matter in JavaScript was never run', async () => {
    const everywhere = [...(await readdir(root, { recursive: true })), ...(await readdir(repoRoot))];
    expect(everywhere.filter((f) => String(f).includes('RECAP_PWNED'))).toEqual([]);
  });

  it('a binary file is refused, not opened in the editor', async () => {
    await open(page, 'binary');
    await expect.poll(() => alertWith(page, /binary file/).count()).toBeGreaterThan(0);
  });

  it('a Latin-1 file opens read-only with a warning and is never re-encoded', async () => {
    const before = await readFile(path.join(root, '_drafts/latin1.md'));
    await open(page, 'latin1');
    await expect.poll(() => alertWith(page, /not valid UTF-8/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('textbox', { name: 'Markdown' }).isEditable()).toBe(false);
    await page.keyboard.press('Control+s');
    expect((await readFile(path.join(root, '_drafts/latin1.md'))).equals(before)).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit anyway' }).count()).toBe(0);
  });

  it('a 0444 post opens read-only; after Edit anyway the save asks, then replaces it keeping its mode', async () => {
    const file = path.join(root, '_drafts/malformed-toml.md');
    await chmod(file, 0o444);
    await open(page, 'malformed-toml');
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await alertWith(page, /read-only on disk/).getByRole('button', { name: 'Edit anyway' }).click();
    await editor.focus();
    await editor.press('Control+End');
    await page.keyboard.type(' Replaced.');
    await page.keyboard.press('Control+s');
    await page.getByRole('dialog', { name: 'Replace the read-only file?' }).getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => readFile(file, 'utf8')).toContain('Replaced.');
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });

  it.each(['crlf', 'bom'])('%s.md keeps its line endings and BOM through an edit and save', async (name) => {
    const file = path.join(root, '_drafts', `${name}.md`);
    const before = await readFile(file, 'utf8');
    await open(page, `${name}.md`);
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => editor.inputValue()).not.toBe('');
    await editor.focus();
    await editor.press('Control+End');
    await page.keyboard.type('Edited.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);
    const after = await readFile(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('Edited.');
    if (name === 'crlf') expect(after.replace(/\r\n/g, '').includes('\n')).toBe(false);
    if (name === 'bom') expect(after.charCodeAt(0)).toBe(0xfeff);
  });
});
