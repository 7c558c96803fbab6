import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, openPost, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';

const SEED = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
const EMPTY_LINK = "[k3sup ('ketchup')]()";

describe.skipIf(!hasChromium)('the Problems panel, end to end', () => {
  let app: AppSession;
  let root: string;
  let page: Page;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    app = await openApp(root);
    page = app.page;
    await openPost(page, 'san diego', 'Our KubeCon San Diego Highlights');
    await page.getByRole('textbox', { name: 'Markdown' }).waitFor();
    // Problems opens only when asked.
    expect(await page.getByRole('region', { name: 'Problems' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Problems \(\d+\)$/ }).click();
  });

  afterAll(() => app?.close());

  it('lists the empty link at line 128 and the mojibake lines, and counts them on the toggle', async () => {
    await expect.poll(() => page.getByRole('textbox', { name: 'Markdown' }).inputValue()).toContain('## Saturday @ Cloud Native Rejekts');
    const problems = page.getByRole('region', { name: 'Problems' });
    await expect.poll(() => problems.getByRole('button', { name: /^Line 128: The link .* has no target/ }).count()).toBe(1);
    for (const line of [26, 30, 66, 102]) {
      expect(await problems.getByRole('button', { name: new RegExp(`^Line ${line}: .*mojibake`) }).count()).toBeGreaterThan(0);
    }
    // widgets.js, eleven times, is one row with its fix; the toggle counts every finding.
    expect(await problems.getByRole('button', { name: /widgets\.js is included 11 times/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Problems (16)' }).count()).toBe(1);
  });

  it('clicking the empty-link problem selects it in the editor, at line 128', async () => {
    await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /^Line 128:/ }).click();
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    const selection = await editor.evaluate((el: HTMLTextAreaElement) => ({ start: el.selectionStart, end: el.selectionEnd, body: el.value, focused: document.activeElement === el }));
    expect(selection.focused).toBe(true);
    expect(selection.body.slice(selection.start, selection.end)).toBe(EMPTY_LINK);
    const file = await readFile(path.join(root, SEED), 'utf8');
    const frontMatterLength = file.length - selection.body.length;
    expect(file.slice(0, frontMatterLength + selection.start).split('\n')).toHaveLength(128);
  });

  it('"Repair emoji" fixes the text, marks it unsaved, and the mojibake problems go away', async () => {
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByRole('button', { name: 'Repair emoji' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Unsaved changes' }).count()).toBe(1);
    await expect.poll(() => problems.getByRole('button', { name: /mojibake/ }).count()).toBe(0);
    const body = await page.getByRole('textbox', { name: 'Markdown' }).inputValue();
    expect(body).toContain('😎');
    expect(body).not.toContain('ðŸ');
    expect(await problems.getByRole('button', { name: /^Line 128:/ }).count()).toBe(1);
  });
});
