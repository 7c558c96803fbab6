/**
 * A newcomer's first minute (issue 12.7): `recap serve` without a folder shows
 * the start screen; "Try the sample site" opens a post list; a post is edited
 * and saved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser';
import { repoRoot, tempDir } from '../support/fixtures';

describe.skipIf(!hasChromium)('browser mode without a folder', () => {
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  let stateDir: string;
  let home: string;

  beforeAll(async () => {
    stateDir = await tempDir('recap-state-');
    home = await tempDir('recap-home-');
    await mkdir(path.join(home, 'sites', 'my-blog'), { recursive: true });
    child = spawn(process.execPath, [path.join(repoRoot, 'bin/recap.js'), 'serve'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home, RECAP_STATE_DIR: stateDir } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const match = /^Recap is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+) \(choose a folder on the page\)\n/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`recap serve exited ${code}`)));
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(url);
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('shows the start screen: a folder path with completion and "Try the sample site"', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Open a folder' }).count()).toBe(1);
    const input = page.getByRole('combobox', { name: 'Folder path' });
    await input.fill('~/si');
    // Completion lists the home folder's sub-folders as typed; Tab takes the common part.
    await expect.poll(() => page.locator('datalist option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['~/sites/']);
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe('~/sites/');
  });

  it('"Try the sample site" opens its posts, and a post is edited and saved in the copy', async () => {
    await page.getByRole('button', { name: 'Try the sample site' }).click();
    const posts = page.getByRole('navigation', { name: 'Posts' });
    await posts.getByRole('option', { name: /RustConf lightning talks/ }).click();
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nWritten in Recap.');
    await page.keyboard.press('ControlOrMeta+S');
    const copy = path.join(stateDir, 'sample-site', '_posts', '2024-05-16-rustconf-lightning-talks.md');
    await expect.poll(() => readFile(copy, 'utf8'), { timeout: 10_000 }).toContain('Written in Recap.');
    expect(await readFile(path.join(repoRoot, 'examples', 'sample-blog', '_posts', '2024-05-16-rustconf-lightning-talks.md'), 'utf8')).not.toContain('Written in Recap.');
  });
});
