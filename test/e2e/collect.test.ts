import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';
import { startOembedStandIn, tweetText, type StandIn } from '../support/oembed-stand-in';

const TWEETS = Array.from({ length: 11 }, (_, i) => `https://${i % 2 ? 'x' : 'twitter'}.com/alexellisuk/status/11958284902908600${String(i).padStart(2, '0')}`);

describe.skipIf(!hasChromium)('an event write-up from collected tweets, in browser mode', () => {
  let app: AppSession;
  let standIn: StandIn;
  let root: string;
  let page: Page;
  /** Every request the page made that left 127.0.0.1. */

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-jekyll');
    standIn = await startOembedStandIn();
    app = await openApp(root, { env: { RECAP_OEMBED_BASE: standIn.base } });
    page = app.page;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await standIn?.close();
  });

  it('"New post" as an event write-up, eleven tweets pasted, "Insert all", saved: eleven blockquotes and one widgets.js', async () => {
    await page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByRole('checkbox', { name: 'Event write-up' }).check();
    await dialog.getByRole('textbox', { name: 'Event name' }).fill('KubeCon');
    await dialog.getByRole('textbox', { name: 'City' }).fill('Salt Lake City');
    await dialog.getByLabel('Start date').fill('2024-11-12');
    await dialog.getByLabel('End date').fill('2024-11-15');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('KubeCon Salt Lake City highlights');
    await expect.poll(() => dialog.getByText(/^Categories: /).textContent()).toBe('Categories: events, kubernetes, kubecon');
    await dialog.getByRole('button', { name: 'Create' }).click();

    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await expect.poll(() => editor.inputValue(), { timeout: 20_000 }).toContain('## Thanks');
    const file = (await readdir(path.join(root, '_posts'))).find((name) => name.endsWith('-kubecon-salt-lake-city-highlights.md'));
    expect(file).toBeDefined();
    const postPath = path.join(root, '_posts', file!);
    expect(await readFile(postPath, 'utf8')).toMatch(/categories:\n {2}- events\n {2}- kubernetes\n {2}- kubecon\n/);

    // Details come from the stand-in through the main process, once the author allows external content.
    await page.getByRole('region', { name: 'Preview' }).getByRole('switch', { name: 'Load external content' }).click();
    await page.getByRole('button', { name: 'Collected (0)' }).click();
    const panel = page.getByRole('region', { name: 'Collected' });
    await panel.getByRole('textbox', { name: 'Paste links' }).fill(TWEETS.join('\n'));
    await panel.getByRole('textbox', { name: 'Paste links' }).press('Enter');
    const cards = panel.getByRole('list', { name: 'Collected links' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Collected (11)' }).count()).toBe(1);
    await expect.poll(() => panel.getByText(tweetText(TWEETS[10]!.split('/').pop()!)).count(), { timeout: 20_000 }).toBe(1);
    expect(standIn.requests.get('twitter')).toBe(11);

    await panel.getByRole('button', { name: 'Insert all' }).click();
    await expect.poll(() => editor.inputValue().then((text) => text.match(/class="twitter-tweet"/g)?.length ?? 0)).toBe(11);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);

    const saved = await readFile(postPath, 'utf8');
    expect(saved.match(/<blockquote class="twitter-tweet"/g)).toHaveLength(11);
    expect(saved.match(/widgets\.js/g)).toHaveLength(1);
    // Filed into the write-up's own Highlights section: no new heading.
    expect(saved).toContain('## Highlights\n\n<blockquote class="twitter-tweet"');
    expect(saved).not.toContain('## Collected');
    // The tweets' words arrive as UTF-8: emoji stay emoji, no mojibake.
    expect(saved).toContain('😎🌮');
    expect(saved).not.toMatch(/Ã|ðŸ/);
    expect(saved).not.toMatch(/onclick|onerror|javascript:/);
  });

  it('a card dragged onto the editor lands where it is dropped', async () => {
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    const before = await editor.inputValue();
    const highlights = before.indexOf('## Highlights');
    const card = page.getByRole('region', { name: 'Collected' }).getByRole('list', { name: 'Collected links' }).getByRole('listitem').first();
    // Onto the editor's first lines: above "## Highlights", far from the caret at the end of the Collected section.
    await card.dragTo(editor, { targetPosition: { x: 40, y: 6 } });
    await expect.poll(() => editor.inputValue().then((text) => text.match(/class="twitter-tweet"/g)?.length ?? 0)).toBe(12);
    const after = await editor.inputValue();
    const dropped = after.indexOf(`<blockquote class="twitter-tweet"`);
    expect(dropped).toBeLessThan(after.indexOf('## Highlights'));
    expect(after.slice(highlights + (after.length - before.length))).toBe(before.slice(highlights));
    expect(after.match(/widgets\.js/g)).toHaveLength(1);
  });

  it('sent no request off the machine from the page', () => {
    expect(app.offMachine).toEqual([]);
  });
});
