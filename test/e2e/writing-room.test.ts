/**
 * The writing room (issue 14), in a real browser: the text owns the window at
 * both sizes, Focus mode, the dialogs, the skip link, and what a save costs
 * over the WebSocket.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, openPost, serve, type Served } from '../support/browser';
import { copyFixture } from '../support/fixtures';
import type { Browser } from 'playwright-core';

const SEED_TITLE = 'Our KubeCon San Diego Highlights';

async function share(page: Page, name: 'height' | 'width'): Promise<number> {
  const box = await page.getByRole('textbox', { name: 'Markdown' }).boundingBox();
  const viewport = page.viewportSize()!;
  return name === 'height' ? box!.height / viewport.height : box!.width / viewport.width;
}

describe.skipIf(!hasChromium)('the writing room, end to end', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await serve(await copyFixture('sites', 'events-jekyll'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function open(viewport: { width: number; height: number }) {
    const page = await browser.newPage({ viewport });
    const sent: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(String(frame.payload))));
    await page.goto(served.url);
    await openPost(page, 'san diego', SEED_TITLE);
    await expect.poll(() => page.getByRole('textbox', { name: 'Markdown' }).inputValue()).toContain('## Saturday @ Cloud Native Rejekts');
    return { page, sent };
  }

  it('at 1440×900 the text has at least 60 % of the height; the sidebar names the site by its title', async () => {
    const { page } = await open({ width: 1440, height: 900 });
    expect(await share(page, 'height')).toBeGreaterThanOrEqual(0.6);
    expect(await page.getByRole('navigation', { name: 'Posts' }).getByText('Example Events Blog').count()).toBe(1);
    // Front matter is one line that opens the form; Problems waits to be asked, and counts meanwhile.
    expect(await page.getByRole('region', { name: 'Front matter' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Problems' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /^Problems \(\d+\)$/ }).textContent(), { timeout: 15_000 }).toBe('Problems (16)');
    await page.getByRole('button', { name: /^Front matter: Our KubeCon San Diego Highlights · 2019-11-26/ }).click();
    expect(await page.getByRole('region', { name: 'Front matter' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Front matter: / }).click();
    await page.close();
  });

  it('at 1024×700 the text has at least 50 % of the height and 40 % of the width, even with a panel open', async () => {
    const { page } = await open({ width: 1024, height: 700 });
    expect(await share(page, 'height')).toBeGreaterThanOrEqual(0.5);
    expect(await share(page, 'width')).toBeGreaterThanOrEqual(0.4);
    await page.getByRole('button', { name: /^Collected \(\d+\)$/ }).click();
    await page.getByRole('region', { name: 'Collected' }).waitFor();
    expect(await share(page, 'width')).toBeGreaterThanOrEqual(0.4);
    // One side slot: opening Problems replaces Collected instead of stacking under it.
    await page.getByRole('button', { name: /^Problems \(\d+\)$/ }).click();
    await page.getByRole('region', { name: 'Problems' }).waitFor();
    expect(await page.getByRole('region', { name: 'Collected' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close Problems' }).click();
    await page.close();
  });

  it('Focus mode (button or F8): only the text, at least 85 % of the height, no Posts navigation', async () => {
    const { page } = await open({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Focus mode' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Posts' }).count()).toBe(0);
    expect(await share(page, 'height')).toBeGreaterThanOrEqual(0.85);
    expect(await page.getByRole('button', { name: 'Focus mode' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByRole('navigation', { name: 'Posts' }).count()).toBe(1);
    await page.close();
  });

  it('Ctrl+P opens dialog "Open post": fuzzy over titles, Enter opens, focus lands in the text', async () => {
    const { page } = await open({ width: 1440, height: 900 });
    await page.keyboard.press('Control+p');
    const dialog = page.getByRole('dialog', { name: 'Open post' });
    await dialog.waitFor();
    await page.keyboard.type('kcparis');
    await expect.poll(() => dialog.getByRole('option').first().textContent()).toContain('KubeCon Paris');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.title.includes('KubeCon Paris'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Markdown');
    await page.close();
  });

  it('Ctrl+Shift+P opens dialog "Commands": every action by name with its shortcut; Enter runs it', async () => {
    const { page } = await open({ width: 1440, height: 900 });
    await page.keyboard.press('Control+Shift+P');
    const dialog = page.getByRole('dialog', { name: 'Commands' });
    await dialog.waitFor();
    const names = await dialog.getByRole('option').allTextContents();
    for (const name of ['Save', 'Export', 'New post', 'Focus mode', 'Toggle preview', 'Problems', 'Outline', 'Collected', 'Insert all', 'Repair emoji', 'Open post']) {
      expect(names.some((text) => text.startsWith(name)), name).toBe(true);
    }
    expect(names.find((text) => text.startsWith('Save'))).toContain('Ctrl+S');
    expect(names.find((text) => text.startsWith('Focus mode'))).toContain('F8');
    await page.keyboard.type('outline');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    await page.close();
  });

  it('the skip link is the first Tab stop and reaches the text; preview links are out of the Tab order', async () => {
    const { page } = await open({ width: 1440, height: 900 });
    // Start from the top of the page, as after a reload.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to text');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Markdown');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('a[href]').count()).toBeGreaterThan(0);
    const tabbable = await preview.locator('a[href]').evaluateAll((links) => links.filter((link) => (link as HTMLElement).tabIndex >= 0).length);
    expect(tabbable).toBe(0);
    await page.close();
  });

  it('a save is at most 3 messages over the WebSocket, and typing leaves the rest of the workspace alone', async () => {
    const { page, sent } = await open({ width: 1440, height: 900 });
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.focus();
    await editor.press('Control+Home');
    await page.keyboard.type('Hi. ');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Unsaved changes' }).count()).toBe(1);
    // Let the check and the journal settle, then count only what the save causes.
    await page.waitForTimeout(1500);
    const before = sent.length;
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);
    await page.waitForTimeout(2500);
    const methods = sent.slice(before).map((frame) => (JSON.parse(frame) as { method?: string }).method);
    expect(methods).toContain('savePost');
    expect(methods.length, methods.join(', ')).toBeLessThanOrEqual(3);
    await page.close();
  });
  it('typing at the end of the text, which scrolls it, keeps the colours under the letters', async () => {
    const { page } = await open({ width: 1024, height: 700 });
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nA closing line typed at the very end.', { delay: 20 });
    const placed = async () =>
      page.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]')!;
        const overlay = document.querySelector<HTMLElement>('.md-overlay')!;
        const lastLine = overlay.lastElementChild!;
        return { scrolled: area.scrollTop > 0, same: overlay.scrollTop === area.scrollTop, last: lastLine.textContent };
      });
    await expect.poll(placed).toEqual({ scrolled: true, same: true, last: 'A closing line typed at the very end.' });
    await page.close();
  });
});
