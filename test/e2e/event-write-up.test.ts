import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openApp, openPost, type AppSession } from '../support/browser';
import { copyFixture } from '../support/fixtures';
import { startOembedStandIn, tweetPhotoAltText, tweetText, type StandIn } from '../support/oembed-stand-in';

const TWEETS = ['https://twitter.com/alexellisuk/status/1195828490290860032', 'https://x.com/kelseyhightower/status/1196540671231791104?s=20'];
const LINKS = [...TWEETS, 'https://www.youtube.com/watch?v=M7lc1UVf-VE', 'https://www.slideshare.net/AlexEllis11/still-waiting-for-ipv6', 'https://github.com/openfaas/faas'];
const editorText = (page: Page) => page.getByRole('textbox', { name: 'Markdown' }).inputValue();

/** A small JPEG with EXIF, as a phone would send it. */
async function photo(colour: string): Promise<string> {
  const data = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().withMetadata({ exif: { IFD0: { Make: 'Phone' } } }).toBuffer();
  return data.toString('base64');
}

describe.skipIf(!hasChromium)('an event write-up in one pass, in browser mode, on a site that writes YouTube through an include', () => {
  let app: AppSession;
  let standIn: StandIn;
  let root: string;
  let page: Page;
  let postFile: string;

  beforeAll(async () => {
    root = await copyFixture('sites', 'events-include-jekyll');
    standIn = await startOembedStandIn();
    app = await openApp(root, { env: { RECAP_OEMBED_BASE: standIn.base }, viewport: { width: 1440, height: 1000 } });
    page = app.page;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await standIn?.close();
  });

  it('New post with unsaved changes: the dialog names the file; Cancel in the prompt leaves nothing on disk', async () => {
    await openPost(page, 'Tokyo', 'KubeCon Tokyo recap');
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.click();
    await page.keyboard.type(' More soon.');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Unsaved changes$/ }).count()).toBe(1);

    await page.getByRole('navigation', { name: 'Posts' }).getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByRole('checkbox', { name: 'Event write-up' }).check();
    await dialog.getByRole('textbox', { name: 'Event name' }).fill('KubeCon');
    await dialog.getByRole('textbox', { name: 'City' }).fill('Atlanta');
    await dialog.getByLabel('Start date').fill('2025-11-10');
    await dialog.getByLabel('Date', { exact: true }).fill('2025-11-14');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('KubeCon Atlanta highlights');
    await expect.poll(() => dialog.getByText(/^Creates /).textContent()).toBe('Creates _posts/2025-11-14-kubecon-atlanta-highlights.md');

    const before = (await readdir(path.join(root, '_posts'))).sort();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog', { name: /unsaved/i }).getByRole('button', { name: 'Cancel' }).click();
    expect((await readdir(path.join(root, '_posts'))).sort()).toEqual(before);

    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog', { name: /unsaved/i }).getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain('## Highlights');
    postFile = path.join(root, '_posts', '2025-11-14-kubecon-atlanta-highlights.md');
    expect(await readFile(postFile, 'utf8')).toContain('## Talks');
  });

  it('five pasted links and "Insert all": two tweets with their text, one widgets.js, the include, the deck’s embed, no new heading; again adds nothing', async () => {
    await page.getByRole('region', { name: 'Preview' }).getByRole('switch', { name: 'Load external content' }).click();
    await page.getByRole('button', { name: /^Collected \(\d+\)$/ }).click();
    const panel = page.getByRole('region', { name: 'Collected' });
    const paste = panel.getByRole('textbox', { name: 'Paste links' });
    await paste.focus();
    // A real paste: the cards arrive with no extra click.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, LINKS.join('\n'));
    const cards = panel.getByRole('list', { name: 'Collected links' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(5);
    await expect.poll(() => panel.getByText(tweetText(TWEETS[1]!.split('/').pop()!.replace(/\?.*/, ''))).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => panel.getByText('Still waiting for IPv6?').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const headingsBefore = (await editorText(page)).match(/^#+ /gm)?.length;
    await panel.getByRole('button', { name: 'Insert all' }).click();
    await expect.poll(async () => (await editorText(page)).match(/class="twitter-tweet"/g)?.length ?? 0).toBe(2);
    const text = await editorText(page);
    expect(text).toContain(tweetText('1195828490290860032').replace(/&/g, '&amp;'));
    expect(text.match(/widgets\.js/g)).toHaveLength(1);
    expect(text).toContain('{% include youtube.html id="M7lc1UVf-VE" %}');
    expect(text).toContain('<iframe src="https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1"');
    expect(text).toContain('[openfaas/faas](https://github.com/openfaas/faas)');
    expect(text).not.toMatch(/<https?:/);
    expect(text.match(/^#+ /gm)?.length).toBe(headingsBefore);
    // Filed into the skeleton: tweets under Highlights, the video and the deck under Talks.
    const section = (marker: string) => text.slice(0, text.indexOf(marker)).match(/^## (.*)$/gm)?.pop();
    expect(section('class="twitter-tweet"')).toBe('## Highlights');
    expect(section('{% include youtube.html')).toBe('## Talks');
    expect(section('embed_code/key/5CIkLdzheA7P1')).toBe('## Talks');
    await expect.poll(() => panel.getByText('Inserted', { exact: true }).count()).toBe(5);

    await panel.getByRole('button', { name: 'Insert all' }).click();
    await expect.poll(() => panel.getByText('Everything collected is already in the post.').count()).toBe(1);
    expect(await editorText(page)).toBe(text);
  });

  it('three dropped photos show three thumbnails whose alt text reaches the Markdown', async () => {
    const files = await Promise.all(['#c33', '#3c3', '#33c'].map(photo));
    await page.getByRole('textbox', { name: 'Markdown' }).evaluate((area, photos) => {
      const data = new DataTransfer();
      photos.forEach((base64, i) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], `IMG_204${i + 1}.jpg`, { type: 'image/jpeg' }));
      });
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    const photos = page.getByRole('region', { name: 'Photos' });
    const thumbnails = photos.getByRole('list', { name: 'Photos of this post' }).locator('img[src^="data:image/webp"]');
    await expect.poll(() => thumbnails.count(), { timeout: 30_000 }).toBe(3);
    const name = 'kubecon-atlanta-img-2042.jpg';
    await photos.getByRole('textbox', { name: `Alt text for ${name}` }).fill('The booth at noon');
    await expect.poll(() => editorText(page)).toContain(`![The booth at noon](/images/kubecon-atlanta-highlights/${name})`);
  });

  it('"Archive tweets" leaves no widgets.js, keeps every tweet’s text and link, and saves each tweet’s photo (no EXIF) for its quote; one Ctrl+Z takes it back', async () => {
    const panel = page.getByRole('region', { name: 'Collected' });
    const before = await editorText(page);
    await panel.getByRole('button', { name: 'Archive tweets' }).click();
    await expect.poll(async () => (await editorText(page)).includes('widgets.js'), { timeout: 20_000 }).toBe(false);
    const text = await editorText(page);
    expect(text).not.toContain('twitter-tweet');
    // Each quote links its original (the provider names it on twitter.com).
    for (const url of TWEETS) expect(text).toContain(`/status/${url.replace(/\?.*/, '').split('/').pop()}`);
    expect(text).toContain('from the booth 😎🌮');
    // External content is on: each tweet's photo is in the post's image folder, inside its quote, with the tweet's alt text or a default.
    const folder = '/images/kubecon-atlanta-highlights/';
    expect(text).toContain(`> ![${tweetPhotoAltText('1195828490290860032')}](${folder}alexellisuk-1195828490290860032-1.jpg)`);
    expect(text).toContain(`> ![Photo from @kelseyhightower's tweet](${folder}kelseyhightower-1196540671231791104-1.jpg)`);
    await expect.poll(() => panel.getByText('Archived 2 tweets: they no longer need Twitter. Saved 2 tweet photos into the post’s image folder.').count()).toBe(1);
    const saved = await sharp(await readFile(path.join(root, 'images/kubecon-atlanta-highlights/alexellisuk-1195828490290860032-1.jpg'))).metadata();
    expect(saved.exif).toBeUndefined();

    // One undo step: the whole archive goes back, and comes again.
    await page.getByRole('textbox', { name: 'Markdown' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => editorText(page)).toBe(text);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved$/ }).count()).toBe(1);
    const file = await readFile(postFile, 'utf8');
    expect(file).not.toContain('widgets.js');
    expect(file).toContain('The booth at noon');
    expect(file).toContain(`${folder}kelseyhightower-1196540671231791104-1.jpg`);
  });

  it('with external content off, "Archive tweet" uses what the blockquote holds and asks nothing', async () => {
    await page.getByRole('region', { name: 'Preview' }).getByRole('switch', { name: 'Load external content' }).click();
    const id = '1197061893690552320';
    const editor = page.getByRole('textbox', { name: 'Markdown' });
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(
      `\n\n<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Offline words</p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/${id}">November 20, 2019</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n`,
    );
    const asked = () => (standIn.requests.get('syndication') ?? 0) + (standIn.requests.get('pbs') ?? 0);
    const askedBefore = asked();
    await page.getByRole('region', { name: 'Collected' }).getByRole('button', { name: 'Archive tweets' }).click();
    await expect.poll(async () => (await editorText(page)).includes('widgets.js')).toBe(false);
    const text = await editorText(page);
    expect(text).toContain(`> Offline words\n>\n> — Alex Ellis (@alexellisuk), [November 20, 2019](https://twitter.com/alexellisuk/status/${id})`);
    expect(text).not.toContain(`alexellisuk-${id}-1`);
    expect(asked()).toBe(askedBefore);
    expect(await readdir(path.join(root, 'images/kubecon-atlanta-highlights'))).not.toContain(`alexellisuk-${id}-1.jpg`);
  });

  it('sent no request off the machine from the page but the thumbnails the author allowed', () => {
    expect(app.offMachine.filter((url) => !/^https:\/\/(i\.ytimg\.com|avatars\.githubusercontent\.com)\//.test(url))).toEqual([]);
  });
});
