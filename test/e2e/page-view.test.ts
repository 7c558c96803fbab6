/**
 * The Page view end to end (browser mode, Chromium): the Minima post in the
 * site's own layouts and font inside a frame that runs nothing, no request
 * off the machine, scripts planted in a layout and in the post never run,
 * and typed text reaches the page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, openPost, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';

const PLANT = '<script>window.__recapPwned=1</script>';

describe.skipIf(!hasChromium)('the Page view: the post through the site’s own layouts, safely', () => {
  let app: AppSession;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const root = await copyFixture('sites', 'minima-jekyll');
    const layout = path.join(root, '_layouts', 'base.html');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('<body>', `<body onload="window.__recapPwned=2">${PLANT}`));
    const post = path.join(root, '_posts', '2024-11-15-kubecon-salt-lake-city.md');
    await writeFile(post, (await readFile(post, 'utf8')) + `\n${PLANT}\n\n<img src="x" onerror="window.__recapPwned=3">\n`);
    app = await openApp(root);
    page = app.page;
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 60_000);

  afterAll(() => app?.close());

  async function pageFrame(): Promise<Frame> {
    const element = page.getByRole('region', { name: 'Preview' }).locator('iframe[title="Page preview"]');
    await element.waitFor({ timeout: 20_000 });
    const frame = await (await element.elementHandle())!.contentFrame();
    return frame!;
  }

  it('opens on the Page tab: the post in Minima’s layout and font, in a frame that runs only Recap’s patcher, without same-origin', async () => {
    await openPost(page, 'salt lake', 'KubeCon Salt Lake City: our highlights');
    const preview = page.getByRole('region', { name: 'Preview' });
    const tabs = preview.getByRole('tablist', { name: 'Preview as' });
    await tabs.waitFor({ timeout: 20_000 });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Page', 'Text', 'Share card']);
    await expect.poll(() => tabs.getByRole('tab', { name: 'Page' }).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    const iframe = preview.locator('iframe[title="Page preview"]');
    await iframe.waitFor({ timeout: 20_000 });
    // Scripts only for Recap's patcher (the page's CSP allows it alone, by hash); never the app's origin.
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts');
    const frame = await pageFrame();
    await expect.poll(() => frame.locator('h1.post-title').textContent().catch(() => null), { timeout: 20_000 }).toBe('KubeCon Salt Lake City: our highlights');
    expect(await frame.locator('p.speaker').textContent()).toContain('Tomás Herrera');
    expect(await frame.locator('.site-title').textContent()).toBe('Cloud Native Field Notes');
    // Minima's own font stack and colours, from its Sass compiled by Recap.
    expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(/-apple-system|system-ui|Segoe UI/);
    expect(await frame.locator('a.recap-embed-facade').count()).toBe(1);
    expect(await frame.locator('iframe').count()).toBe(0);
    // The one script is Recap's patcher (the layout's and the post's were removed).
    expect(await frame.locator('script').count()).toBe(1);
    expect(await frame.locator('script').textContent()).toContain('recap-page-port');
  });

  it('no script ran, neither the post’s nor the site’s, and nothing left the machine', async () => {
    const frame = await pageFrame();
    expect(await page.evaluate(() => (window as unknown as { __recapPwned?: number }).__recapPwned)).toBeUndefined();
    // Playwright's own evaluate still works in a script-less frame; the page's scripts never did.
    expect(await frame.evaluate(() => (window as unknown as { __recapPwned?: number }).__recapPwned).catch(() => undefined)).toBeUndefined();
    expect(app.offMachine).toEqual([]);
  });

  it('typed text appears in the page, in place: the shown document is patched, not reloaded', async () => {
    const before = await pageFrame();
    const document = before.url().split('#')[0];
    await before.evaluate(() => ((window as unknown as { __recapShown?: number }).__recapShown = 1));
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.click();
    await editor.press('Control+End');
    await editor.pressSequentially('\n\nTyped into the page view.');
    await expect.poll(async () => (await pageFrame()).locator('.post-content').textContent().catch(() => ''), { timeout: 10_000 }).toContain('Typed into the page view.');
    const after = await pageFrame();
    // The same document (the editor's scroll may have moved its fragment), with what was set in it before.
    expect(after.url().split('#')[0]).toBe(document);
    expect(await after.evaluate(() => (window as unknown as { __recapShown?: number }).__recapShown)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __recapPwned?: number }).__recapPwned)).toBeUndefined();
    expect(app.offMachine).toEqual([]);
  });

  it('a link in the page does not take the frame anywhere', async () => {
    const frame = await pageFrame();
    const url = frame.url();
    await frame.locator('a.site-title').click();
    await page.waitForTimeout(300);
    expect((await pageFrame()).url()).toBe(url);
    expect(app.offMachine).toEqual([]);
  });

  it('Share card shows the links’ previews from the same values recap share prints', async () => {
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('tab', { name: 'Share card' }).click();
    const share = preview.getByRole('region', { name: 'Share card' });
    await expect.poll(() => share.getByRole('figure', { name: 'X' }).textContent(), { timeout: 10_000 }).toContain('KubeCon Salt Lake City: our highlights');
    expect(await share.getByRole('figure', { name: 'Facebook and LinkedIn' }).textContent()).toContain('fieldnotes.example.org');
    expect(await share.getByRole('figure', { name: 'Mastodon' }).count()).toBe(1);
    expect(await share.getByRole('figure', { name: 'Slack' }).textContent()).toContain('Cloud Native Field Notes');
    expect(app.offMachine).toEqual([]);
  });
  it('the page follows the editor: scrolling the text brings the heading above it to the top of the page', async () => {
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('content styles');
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('option', { name: 'This post demonstrates post content styles' }).click();
    // The text typed by the test before is not kept.
    await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard' }).click();
    await page.waitForFunction(() => document.title.includes('This post demonstrates post content styles'));
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('tab', { name: 'Page' }).click();
    const frame = await pageFrame();
    await expect.poll(() => frame.locator('h1.post-title').textContent().catch(() => null), { timeout: 20_000 }).toBe('This post demonstrates post content styles');
    const iframe = preview.locator('iframe[title="Page preview"]');
    expect(new URL((await iframe.getAttribute('src'))!, page.url()).hash).toBe('');
    // Scroll the editor's text about two thirds down: past "Headings are cool! (h2)" on line 107 of 120-odd.
    await page.evaluate(() => {
      const editor = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]')!;
      let scroller: HTMLElement | null = editor;
      while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 2 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
      scroller!.scrollTop = scroller!.scrollHeight;
    });
    await expect.poll(async () => new URL((await iframe.getAttribute('src'))!, page.url()).hash, { timeout: 10_000 }).not.toBe('');
    const heading = decodeURIComponent(new URL((await iframe.getAttribute('src'))!, page.url()).hash.slice(1));
    const shown = await pageFrame();
    expect(await shown.locator(`[id="${heading}"]`).count()).toBe(1);
    await expect.poll(() => shown.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasChromium)('the Page view of an Eleventy site with Liquid layouts', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp(await copyFixture('sites', 'eleventy-liquid'));
  }, 60_000);

  afterAll(() => app?.close());

  it('opens on Page: the post in its layouts and the site’s own stylesheet, with nothing off the machine', async () => {
    const { page } = app;
    await openPost(page, 'berlin', 'OpenTelemetry meetup, Berlin');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('tab', { name: 'Page' }).getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    const element = preview.locator('iframe[title="Page preview"]');
    await element.waitFor({ timeout: 20_000 });
    const frame = (await (await element.elementHandle())!.contentFrame())!;
    await expect.poll(() => frame.locator('h1.post-title').textContent().catch(() => null), { timeout: 20_000 }).toBe('OpenTelemetry meetup, Berlin');
    expect(await frame.locator('p.speaker strong').allTextContents()).toEqual(['Lin Park', 'Sam Rivera']);
    expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(/Georgia/);
    expect(app.offMachine).toEqual([]);
  });
});
