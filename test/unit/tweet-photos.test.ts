import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { AppState, createHandlers } from '../../electron/services/app-handlers';
import { TweetPhotoArchiver, type SiteForPhotos } from '../../electron/services/collect/archive-tweet-photos';
import { photoRequest, resolveTweetEndpoints } from '../../electron/services/collect/tweet-endpoints';
import { PreviewSettingsStore } from '../../electron/services/settings/preview-settings-store';
import { RecentFolders } from '../../electron/services/settings/recent-folders';
import { readTweetResult } from '../../electron/services/collect/read-tweet-result';
import { archiveTweets, archivableTweets, type ArchivedPhoto, type TweetFacts } from '../../shared/collect';
import { copyFixture, tempDir } from '../support/fixtures';
import { standInTweetPhoto, startOembedStandIn, tweetPhotoAltText, tweetText, type StandIn } from '../support/oembed-stand-in';

const POST = '_posts/2019-11-26-kubecon-san-diego-highlights.md';
const FOLDER = 'images/2019-kubecon-san-diego';
const ALEX = 'https://twitter.com/alexellisuk/status/1195828490290860032?ref_src=twsrc%5Etfw';
const KELSEY = 'https://x.com/kelseyhightower/status/1196540671231791104?s=20';
const BLOCKQUOTE =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Booth is open!</p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1195828490290860032?ref_src=twsrc">November 16, 2019</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startOembedStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const archiver = (photoTimeoutMs = 5000) =>
  new TweetPhotoArchiver({ endpoints: resolveTweetEndpoints({ base: standIn.base }), limits: { timeoutMs: 5000, maxBytes: 256 * 1024 }, photoLimits: { timeoutMs: photoTimeoutMs, maxBytes: 2 * 1024 * 1024 } });
const site = (root: string, photos: SiteForPhotos['photos'] = {}): SiteForPhotos => ({ root, kind: 'jekyll', photos });
const requests = () => (standIn.requests.get('syndication') ?? 0) + (standIn.requests.get('pbs') ?? 0);

/** EXIF's GPS IFD pointer tag (0x8825), in either byte order. */
function hasGpsIfd(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

describe('saving tweet photos', () => {
  test('the stand-in photo really carries EXIF with GPS', async () => {
    const meta = await sharp(await standInTweetPhoto()).metadata();
    expect(meta.exif?.toString('latin1')).toContain('PhonyPhone');
    expect(hasGpsIfd(meta.exif!)).toBe(true);
  });

  test('each tweet’s photo lands in the post’s image folder as <handle>-<id>-1.jpg without EXIF or GPS, with the tweet’s alt text or a default; again never overwrites', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const first = await archiver().save(site(root), POST, [ALEX, KELSEY]);
    expect(first.failed).toBeNull();
    expect(first.photos).toEqual([
      { statusId: '1195828490290860032', src: `/${FOLDER}/alexellisuk-1195828490290860032-1.jpg`, alt: tweetPhotoAltText('1195828490290860032'), sitePath: `${FOLDER}/alexellisuk-1195828490290860032-1.jpg`, width: 1600, height: 1200 },
      // No alt text on this one (and the video poster beside it is no photo of the tweet).
      { statusId: '1196540671231791104', src: `/${FOLDER}/kelseyhightower-1196540671231791104-1.jpg`, alt: "Photo from @kelseyhightower's tweet", sitePath: `${FOLDER}/kelseyhightower-1196540671231791104-1.jpg`, width: 1600, height: 1200 },
    ]);
    const saved = await readFile(path.join(root, first.photos[0]!.sitePath));
    const meta = await sharp(saved).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(saved.toString('latin1')).not.toContain('PhonyPhone');
    for (const photo of first.photos) expect(path.basename(photo.sitePath).length).toBeLessThanOrEqual(60);

    // Twitter's words come back too, without the photo's t.co link.
    expect(first.tweets[0]).toEqual({ statusId: '1195828490290860032', text: tweetText('1195828490290860032'), links: [], author: 'Alex Ellis', handle: 'alexellisuk', date: 'November 16, 2019' });

    const again = await archiver().save(site(root), POST, [ALEX]);
    expect(again.photos.map((p) => p.sitePath)).toEqual([`${FOLDER}/alexellisuk-1195828490290860032-1-2.jpg`]);
    expect(await readFile(path.join(root, first.photos[0]!.sitePath))).toEqual(saved);
  });

  test('the site’s photo settings apply: WebP at most 800 px wide', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    const { photos } = await archiver().save(site(root, { format: 'webp', maxWidth: 800 }), POST, [ALEX]);
    expect(photos[0]).toMatchObject({ sitePath: `${FOLDER}/alexellisuk-1195828490290860032-1.webp`, width: 800 });
    expect((await sharp(path.join(root, photos[0]!.sitePath)).metadata()).format).toBe('webp');
  });

  test('a failed photo costs only that tweet’s photos, named in one sentence; nothing is written for it', async () => {
    const root = await copyFixture('sites', 'events-jekyll');
    standIn.behaviour.pbs = 'error';
    const failed = await archiver().save(site(root), POST, [ALEX]);
    expect(failed.photos).toEqual([]);
    expect(failed.failed).toBe('Could not save 1 photo of @alexellisuk’s tweet (Twitter answered with an error (500)); the tweets are archived with their text.');
    expect((await readdir(path.join(root, FOLDER))).filter((name) => name.startsWith('alexellisuk-'))).toEqual([]);

    standIn.behaviour.pbs = 'slow';
    const slow = await archiver(300).save(site(root), POST, [ALEX, KELSEY]);
    expect(slow.failed).toBe('Could not save 1 photo of @alexellisuk’s tweet and 1 photo of @kelseyhightower’s tweet (Twitter did not answer within 0.3 s); the tweets are archived with their text.');

    delete standIn.behaviour.pbs;
    standIn.behaviour.syndication = 'huge';
    const huge = await archiver().save(site(root), POST, [ALEX]);
    expect(huge.failed).toBe('Could not save the photos of @alexellisuk’s tweet (Twitter’s answer was larger than 256 KB; ignored); the tweets are archived with their text.');
  });

  test('only photos on pbs.twimg.com are fetched, and only from the endpoint (or the stand-in) they are mapped to', () => {
    const endpoints = resolveTweetEndpoints({}, {});
    expect(photoRequest('https://pbs.twimg.com/media/EJgTd2NXkAAfKyN.jpg', endpoints)).toEqual({ url: 'https://pbs.twimg.com/media/EJgTd2NXkAAfKyN?format=jpg&name=large', extension: 'jpg' });
    expect(photoRequest('https://pbs.twimg.com/media/EJgTd2N?format=png&name=small', endpoints)?.extension).toBe('png');
    for (const url of ['http://pbs.twimg.com/media/a.jpg', 'https://pbs.twimg.com.evil.example/media/a.jpg', 'https://127.0.0.1/media/a.jpg', 'https://pbs.twimg.com/media/../../etc.jpg', 'https://pbs.twimg.com/profile_images/1/a.jpg']) {
      expect(photoRequest(url, endpoints)).toBeNull();
    }
    expect(resolveTweetEndpoints({}, {}).syndication).toBe('https://cdn.syndication.twimg.com/tweet-result');
    expect(photoRequest('https://pbs.twimg.com/media/a.jpg', resolveTweetEndpoints({ base: 'http://127.0.0.1:9' }))?.url).toBe('http://127.0.0.1:9/pbs/media/a?format=jpg&name=large');
  });
});

describe('archived quotes with photos', () => {
  const photo: ArchivedPhoto = { statusId: '1195828490290860032', src: '/images/x/alexellisuk-1195828490290860032-1.jpg', alt: 'The [booth] at noon' };

  test('Markdown: the photos sit in the quote between the text and the byline', () => {
    const { text } = archiveTweets(`Before\n\n${BLOCKQUOTE}\nAfter\n`, undefined, undefined, { photos: [photo, { ...photo, statusId: '7' }] });
    expect(text).toBe(
      'Before\n\n> Booth is open!\n>\n> ![The \\[booth\\] at noon](/images/x/alexellisuk-1195828490290860032-1.jpg)\n>\n> — Alex Ellis (@alexellisuk), [November 16, 2019](https://twitter.com/alexellisuk/status/1195828490290860032)\n\nAfter\n',
    );
  });

  test('the site’s markup: {photos} becomes <img> tags; without {photos} they follow the quote; without photos it is as before', () => {
    const markup = '<figure class="tweet"><blockquote>{text}</blockquote>{photos}<figcaption>@{handle} <a href="{url}">{date}</a></figcaption></figure>';
    const withPhotos = archiveTweets(BLOCKQUOTE, markup, undefined, { photos: [{ ...photo, alt: 'A "quoted" <alt>' }] }).text;
    expect(withPhotos).toBe(
      '<figure class="tweet"><blockquote>Booth is open!</blockquote><img src="/images/x/alexellisuk-1195828490290860032-1.jpg" alt="A &quot;quoted&quot; &lt;alt&gt;"><figcaption>@alexellisuk <a href="https://twitter.com/alexellisuk/status/1195828490290860032">November 16, 2019</a></figcaption></figure>\n',
    );
    expect(archiveTweets(BLOCKQUOTE, markup).text).toBe(
      '<figure class="tweet"><blockquote>Booth is open!</blockquote><figcaption>@alexellisuk <a href="https://twitter.com/alexellisuk/status/1195828490290860032">November 16, 2019</a></figcaption></figure>\n',
    );
    const noPlaceholder = archiveTweets(BLOCKQUOTE, '<blockquote>{text}</blockquote>', undefined, { photos: [photo] }).text;
    expect(noPlaceholder).toBe('<blockquote>Booth is open!</blockquote>\n\n![The \\[booth\\] at noon](/images/x/alexellisuk-1195828490290860032-1.jpg)\n');
  });

  test('a quote never swallows what follows it, and a script alone between blank lines leaves one blank line', () => {
    const quote = (id: string) => `<blockquote class="twitter-tweet"><p>T${id}</p>&mdash; A (@a) <a href="https://twitter.com/a/status/${id}">May 1</a></blockquote>`;
    const script = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
    const out = (id: string) => `> T${id}\n>\n> — A (@a), [May 1](https://twitter.com/a/status/${id})`;
    expect(archiveTweets(`${quote('1')} ${script}\nNext line\n`).text).toBe(`${out('1')}\n\nNext line\n`);
    expect(archiveTweets(`${quote('1')}${quote('2')}\n`).text).toBe(`${out('1')}\n\n${out('2')}\n`);
    expect(archiveTweets(`${quote('1')}\n\n${script}\n\nAfter\n\n\n\nKept as written\n`).text).toBe(`${out('1')}\n\nAfter\n\n\n\nKept as written\n`);
  });

  test('a blockquote inserted offline (handle and link only) takes Twitter’s words; one with words keeps its own', () => {
    const offline = `<blockquote class="twitter-tweet">&mdash; (@alexellisuk) <a href="${ALEX}">${ALEX}</a></blockquote>\n`;
    const facts: TweetFacts = { statusId: '1195828490290860032', text: 'Booth is open at example.com/x & more', links: [{ text: 'example.com/x', href: 'https://example.com/x?y=1' }], author: 'Alex Ellis', handle: 'alexellisuk', date: 'November 16, 2019' };
    expect(archiveTweets(offline, undefined, undefined, { tweets: [facts] }).text).toBe(
      '> Booth is open at [example.com/x](https://example.com/x?y=1) & more\n>\n> — Alex Ellis (@alexellisuk), [November 16, 2019](https://twitter.com/alexellisuk/status/1195828490290860032)\n',
    );
    expect(archiveTweets(BLOCKQUOTE, undefined, undefined, { tweets: [facts] }).text).toBe(archiveTweets(BLOCKQUOTE).text);
  });

  test('Twitter’s answer is read as plain text: entities decoded, t.co links shown by their display text, the photo’s link and other tweets’ answers left out', () => {
    const answer = {
      __typename: 'Tweet',
      id_str: '5',
      text: 'Q&amp;A at 5 &lt;3 https://t.co/aa 🎉 https://t.co/photo',
      display_text_range: [0, 29],
      entities: { urls: [{ url: 'https://t.co/aa', display_url: 'k3sup.dev', expanded_url: 'https://k3sup.dev/' }, { url: 'https://t.co/bad', display_url: 'x', expanded_url: 'javascript:alert(1)' }] },
      user: { name: 'Alex\nEllis', screen_name: 'alexellisuk' },
      created_at: '2019-11-16T23:59:10.000Z',
      mediaDetails: [{ type: 'photo', url: 'https://t.co/photo', media_url_https: 'https://pbs.twimg.com/media/a.jpg' }],
    };
    expect(readTweetResult('5', answer)).toEqual({
      handle: 'alexellisuk',
      photos: [{ url: 'https://pbs.twimg.com/media/a.jpg', alt: null }],
      facts: { statusId: '5', text: 'Q&A at 5 <3 k3sup.dev 🎉', links: [{ text: 'k3sup.dev', href: 'https://k3sup.dev/' }], author: 'Alex Ellis', handle: 'alexellisuk', date: 'November 16, 2019' },
    });
    expect(() => readTweetResult('6', answer)).toThrow('Twitter answered about another tweet.');
    expect(() => readTweetResult('5', { __typename: 'TweetTombstone' })).toThrow('Twitter no longer shows this tweet.');
    expect(() => readTweetResult('5', {})).toThrow(/may be private or deleted/);
  });

  test('the tweets an archive touches are named once each', () => {
    const text = `${BLOCKQUOTE}\n${BLOCKQUOTE.replace('?ref_src=twsrc', '')}\n<blockquote class="twitter-tweet"><a href="${KELSEY}">x</a></blockquote>`;
    expect(archivableTweets(text).map((t) => t.id)).toEqual(['1195828490290860032', '1196540671231791104']);
    expect(archivableTweets(text, 'https://twitter.com/kelseyhightower/status/1196540671231791104').map((t) => t.id)).toEqual(['1196540671231791104']);
  });
});

describe('the API', () => {
  async function open() {
    const root = await copyFixture('sites', 'events-jekyll');
    const stateDir = await tempDir('recap-state-');
    const state = new AppState(RecentFolders.inStateDir(stateDir), { previewSettings: PreviewSettingsStore.inStateDir(stateDir) });
    await state.open(root);
    return { root, api: createHandlers(state, { mode: 'browser', allowedRoots: [root] }) };
  }

  test('saveTweetPhotos asks nothing while external content is off; on, archiveTweets puts the saved photos in the quotes', async () => {
    const previous = process.env.RECAP_OEMBED_BASE;
    process.env.RECAP_OEMBED_BASE = standIn.base;
    try {
      const { root, api } = await open();
      const post = await api.readPost({ path: POST });
      const tweets = archivableTweets(post.text).map((t) => t.url);
      expect(tweets).toHaveLength(11);

      expect(await api.saveTweetPhotos({ path: POST, tweets })).toEqual({ photos: [], tweets: [], fetched: false, failed: null });
      expect(requests()).toBe(0);
      const offline = await api.archiveTweets({ path: POST, postText: post.text });
      expect(offline.text).not.toMatch(/!\[[^\]]*\]\([^)]*alexellisuk-/);
      // The line after a tweet (its script gone) is not swallowed by the quote.
      expect(offline.text).toContain('(https://twitter.com/alexellisuk/status/1196607816078745600)\n\nCheckout the GitHub repo');

      await api.setPreviewSettings({ externalContent: true });
      const saved = await api.saveTweetPhotos({ path: POST, tweets });
      expect(saved).toMatchObject({ fetched: true, failed: null });
      expect(saved.photos).toHaveLength(11);
      const { text, archived } = await api.archiveTweets({ path: POST, postText: post.text, photos: saved.photos.map(({ statusId, src, alt }) => ({ statusId, src, alt })) });
      expect(archived).toBe(11);
      expect(text).toContain(`> ![${tweetPhotoAltText('1195828490290860032')}](/${FOLDER}/alexellisuk-1195828490290860032-1.jpg)`);
      expect(text).not.toContain('widgets.js');
      for (const photo of saved.photos) await expect(readFile(path.join(root, photo.sitePath))).resolves.toBeInstanceOf(Buffer);
      // Without the photos, the quotes are exactly what they are offline; Twitter's words never replace the blockquotes' own.
      expect(saved.tweets).toHaveLength(11);
      expect((await api.archiveTweets({ path: POST, postText: post.text, tweets: saved.tweets })).text).toBe(offline.text);

      await expect(api.saveTweetPhotos({ path: '../outside.md', tweets })).rejects.toMatchObject({ code: 'outside-folder' });
      await expect(api.saveTweetPhotos({ path: 'about.md', tweets })).rejects.toMatchObject({ code: 'refused' });
    } finally {
      if (previous === undefined) delete process.env.RECAP_OEMBED_BASE;
      else process.env.RECAP_OEMBED_BASE = previous;
    }
  });
});
