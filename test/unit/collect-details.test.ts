import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { CollectService } from '../../electron/services/collect/collect-service';
import { CollectedStore } from '../../electron/services/collect/collected-store';
import { DetailsCache } from '../../electron/services/collect/details-cache';
import { resolveEndpoints } from '../../electron/services/collect/oembed-endpoints';
import { PreviewSettingsStore } from '../../electron/services/settings/preview-settings-store';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { copyFixture, tempDir } from '../support/fixtures';
import { startOembedStandIn, tweetText, type StandIn } from '../support/oembed-stand-in';

const POST = '_posts/2024-03-22-kubecon-paris-recap.md';
const ELEVEN = Array.from({ length: 11 }, (_, i) => `https://${i % 2 ? 'x' : 'twitter'}.com/alexellisuk/status/19000000000000000${String(i).padStart(2, '0')}`);

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startOembedStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

async function service(stateDir?: string, timeoutMs = 2000) {
  const dir = stateDir ?? (await tempDir('recap-state-'));
  return {
    dir,
    collect: new CollectService({
      store: CollectedStore.inStateDir(dir),
      cache: DetailsCache.inStateDir(dir),
      endpoints: resolveEndpoints({ base: standIn.base }),
      limits: { timeoutMs, maxBytes: 256 * 1024 },
    }),
  };
}

const total = () => [...standIn.requests.values()].reduce((a, b) => a + b, 0);

describe('collected cards with details from a stand-in oEmbed server', () => {
  test('eleven pasted tweets load their blockquotes; "Insert all" gives eleven blockquotes and one widgets.js', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect } = await service();
    const added = await collect.add(root, POST, ELEVEN.join('\n'));
    expect(added.added).toHaveLength(11);
    const cards = await collect.loadDetails(root, POST, { allowNetwork: true });
    expect(standIn.requests.get('twitter')).toBe(11);
    expect(cards.every((c) => c.details?.html?.startsWith('<blockquote class="twitter-tweet">') && !c.error)).toBe(true);
    expect(cards[0]!.details!.title).toBe(`${tweetText('1900000000000000000')} pic.twitter.com/abc1900000000000000000 bad`);

    const text = (await collect.markup(root, POST, cards.map((c) => c.id), { style: 'html', postText: '' })).map((b) => b.text).join('\n\n');
    expect(text.match(/<blockquote class="twitter-tweet">/g)).toHaveLength(11);
    expect(text.match(/widgets\.js/g)).toHaveLength(1);
    expect(text).toContain('from the booth 😎🌮 "quoted" &amp; more <a href="https://t.co/abc1900000000000000000">');
    expect(text).not.toMatch(/onclick|onerror|javascript:|<img/);
  });

  test('details stay in the per-user state folder; the site gets nothing until inserted', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect, dir } = await service();
    await collect.add(root, POST, ELEVEN[0]!);
    expect(await readdir(path.join(dir, 'collected'))).toHaveLength(1);
    expect(await readdir(root)).not.toContain('collected');
  });

  test('a second load, even by another post, is answered from the disk cache', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect, dir } = await service();
    await collect.add(root, POST, `${ELEVEN[0]} https://www.youtube.com/watch?v=dQw4w9WgXcQ`);
    await collect.loadDetails(root, POST, { allowNetwork: true });
    expect(total()).toBe(2);
    const again = (await service(dir)).collect;
    await again.add(root, '_posts/2019-11-26-kubecon-san-diego-highlights.md', `${ELEVEN[0]} https://youtu.be/dQw4w9WgXcQ`);
    const cards = await again.loadDetails(root, '_posts/2019-11-26-kubecon-san-diego-highlights.md', { allowNetwork: true });
    expect(total()).toBe(2);
    expect(cards[1]!.details).toMatchObject({ title: 'Keynote: Kubernetes at 10 🎉', author: 'CNCF', thumbnailUrl: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg' });
  });

  test('timeouts, errors and oversized answers leave usable cards with a reason', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect } = await service(undefined, 300);
    standIn.behaviour.twitter = 'slow';
    standIn.behaviour.youtube = 'error';
    standIn.behaviour.github = 'huge';
    await collect.add(root, POST, `${ELEVEN[0]} https://www.youtube.com/watch?v=dQw4w9WgXcQ https://github.com/openfaas/faas`);
    const started = Date.now();
    const cards = await collect.loadDetails(root, POST, { allowNetwork: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(cards.map((c) => c.error)).toEqual([
      'The provider did not answer within 0.3 s.',
      'The provider answered with an error (500).',
      'The provider’s answer was larger than 256 KB; ignored.',
    ]);
    const text = (await collect.markup(root, POST, cards.map((c) => c.id), { style: 'html', postText: '' })).map((b) => b.text).join('\n\n');
    expect(text.split('\n\n')).toEqual([
      // Offline: the handle and the link, which widgets.js still turns into the tweet.
      expect.stringMatching(/^<blockquote class="twitter-tweet">&mdash; \(@alexellisuk\) <a href="https:\/\/twitter\.com\/alexellisuk\/status\/1900000000000000000">https:\/\/twitter\.com\/alexellisuk\/status\/1900000000000000000<\/a><\/blockquote>\n<script/),
      expect.stringContaining('https://www.youtube.com/embed/dQw4w9WgXcQ'),
      '[openfaas/faas](https://github.com/openfaas/faas)',
    ]);
    // Failures are not cached: the next load asks again and succeeds.
    standIn.behaviour.youtube = 'ok';
    const retried = await collect.loadDetails(root, POST, { allowNetwork: true, ids: [cards[1]!.id] });
    expect(retried[1]).toMatchObject({ details: { title: 'Keynote: Kubernetes at 10 🎉' } });
    expect(retried[1]!.error).toBeUndefined();
  });

  test('without "Load external content" no request leaves', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect } = await service();
    await collect.add(root, POST, ELEVEN.slice(0, 3).join(' '));
    const cards = await collect.loadDetails(root, POST, { allowNetwork: false });
    expect(total()).toBe(0);
    expect(cards.every((c) => !c.details && !c.error)).toBe(true);
  });

  test('decks get their player from the provider; only https thumbnails are kept', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect } = await service();
    await collect.add(root, POST, 'https://speakerdeck.com/alexellis/inlets https://www.slideshare.net/AlexEllis11/still-waiting');
    const cards = await collect.loadDetails(root, POST, { allowNetwork: true });
    expect(cards[0]!.details).toMatchObject({ embedUrl: 'https://speakerdeck.com/player/0123456789abcdef0123456789abcdef', title: 'Inlets deck' });
    expect(cards[1]!.details).toMatchObject({ embedUrl: 'https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1' });
    expect(cards[1]!.details!.thumbnailUrl).toBeUndefined();
    const text = (await collect.markup(root, POST, cards.map((c) => c.id), { style: 'html', postText: '' })).map((b) => b.text).join('\n\n');
    expect(text).toContain('<iframe src="https://speakerdeck.com/player/0123456789abcdef0123456789abcdef"');
    expect(text).toContain('<iframe src="https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1"');
  });

  test('remove and reorder keep the rest in place', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { collect } = await service();
    const { cards } = await collect.add(root, POST, ELEVEN.slice(0, 3).join(' '));
    const [a, b, c] = cards.map((card) => card.id);
    expect((await collect.reorder(root, POST, [c!, a!])).map((card) => card.id)).toEqual([c, a, b]);
    expect((await collect.remove(root, POST, a!)).map((card) => card.id)).toEqual([c, b]);
    expect((await collect.add(root, POST, ELEVEN[2]!)).added).toEqual([]);
  });
});

describe('the API', () => {
  test('details load only once the site allows external content; insertCollected writes in the site’s style', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const stateDir = await tempDir('recap-state-');
    const state = new AppState(RecentFolders.inStateDir(stateDir), {
      previewSettings: PreviewSettingsStore.inStateDir(stateDir),
      collect: (await service(stateDir)).collect,
    });
    await state.open(root);
    const api = createHandlers(state, { mode: 'browser', allowedRoots: [root] });
    const { cards } = await api.addCollected({ path: POST, text: ELEVEN.join('\n') });
    await api.loadCollectedDetails({ path: POST });
    expect(total()).toBe(0);
    await api.setPreviewSettings({ externalContent: true });
    const loaded = await api.loadCollectedDetails({ path: POST });
    expect(loaded.filter((c) => c.details?.html)).toHaveLength(11);
    // The Paris post already loads widgets.js: none is added.
    const post = await api.readPost({ path: POST });
    const { text } = await api.insertCollected({ path: POST, ids: cards.map((c) => c.id), postText: post.text });
    expect(text.match(/<blockquote/g)).toHaveLength(11);
    expect(text).not.toContain('widgets.js');
    await expect(api.listCollected({ path: '../outside.md' })).rejects.toMatchObject({ code: 'outside-folder' });
  });
});
