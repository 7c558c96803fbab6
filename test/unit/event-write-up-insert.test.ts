import { describe, expect, test } from 'vitest';
import { archiveTweets, collectedBlocks, insertedCards, placeBlocks, readLink, type CollectedCard } from '../../shared/collect';
import { embedMarkup, findEmbeds, learnSiteStyle, explainSiteStyle, type PostEmbeds } from '../../shared/embeds';
import { Workspace } from '../../electron/services/workspace/workspace';
import { siteEmbedStyle } from '../../electron/services/embeds/site-embed-style';
import { recap } from '../support/cli';
import { copyFixture, fixture } from '../support/fixtures';

const card = (url: string, extra: Partial<CollectedCard> = {}): CollectedCard => {
  const link = readLink(url)!;
  return { id: link.key.replace(/\W/g, '').slice(0, 16).padEnd(16, '0'), url: link.url, kind: link.kind, facts: link.facts, addedAt: '', ...extra };
};
const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const post = (date: string, text: string): PostEmbeds => ({ date, embeds: findEmbeds(text) });
const INCLUDE = '{% include youtube.html id="M7lc1UVf-VE" %}';
const IFRAME = '<iframe src="https://www.youtube.com/embed/NckMekZXRt8"></iframe>';

describe('the site’s style, by evidence', () => {
  test('an include named for its provider is a valid embed of it', () => {
    expect(findEmbeds(`Intro\n\n${INCLUDE}\n`)).toMatchObject([{ provider: 'youtube', syntax: 'include', id: 'M7lc1UVf-VE', valid: true, include: { file: 'youtube.html', param: 'id' } }]);
  });

  test('the dominant style wins; a tie goes to the newest post', () => {
    const dominant = learnSiteStyle([post('2025-09-18', INCLUDE), post('2024-06-12', INCLUDE), post('2021-06-10', IFRAME)], [], 'jekyll');
    expect(embedMarkup(VIDEO, dominant)).toBe('{% include youtube.html id="dQw4w9WgXcQ" %}');
    const tie = learnSiteStyle([post('2025-09-18', IFRAME), post('2024-06-12', INCLUDE)], [], 'jekyll');
    expect(embedMarkup(VIDEO, tie)).toMatch(/^<iframe /);
    // Other providers keep the site's HTML habit: an include serves only its own provider.
    expect(embedMarkup('https://vimeo.com/76979871', dominant)).toMatch(/player\.vimeo\.com/);
  });

  test('a template with no post using it yet is still the site’s way', () => {
    const style = learnSiteStyle([], [{ syntax: 'hugo', file: 'slideshare', provider: 'slideshare', param: null }], 'hugo');
    expect(embedMarkup('https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1', style)).toBe('{{< slideshare 5CIkLdzheA7P1 >}}');
  });

  test('the include fixture: learned from posts and _includes, explained by `recap embed --explain`', async () => {
    const workspace = await Workspace.open(await copyFixture('sites', 'events-include-jekyll'));
    const style = await siteEmbedStyle(workspace);
    await workspace.close();
    expect(style.kinds.youtube).toMatchObject({ syntax: 'include', include: { file: 'youtube.html', param: 'id' }, source: 'posts' });
    expect(style.gallery).toMatchObject({ syntax: 'include', file: 'gallery.html' });
    expect(explainSiteStyle(style, ['youtube'])[0]).toBe('YouTube: include youtube.html: 3 posts, newest 2025-09 (over HTML (iframe, blockquote or script): 1 post, newest 2021-06)');

    const cli = await recap(['embed', VIDEO, '--site', fixture('sites', 'events-include-jekyll'), '--explain']);
    expect(cli).toMatchObject({ code: 0, stdout: '{% include youtube.html id="dQw4w9WgXcQ" %}\n' });
    expect(cli.stderr).toContain('YouTube: include youtube.html: 3 posts, newest 2025-09');
  });
});

describe('inserting that needs no cleaning', () => {
  const body = '## Highlights\n\nWhat a week.\n\n## Talks\n\n## Photos\n\n## Thanks\n';
  const tweet = card('https://twitter.com/alexellisuk/status/1195828490290860032');
  const video = card(VIDEO);
  const deck = card('https://www.slideshare.net/AlexEllis11/still-waiting', { details: { title: 'Still waiting?', embedUrl: 'https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1', fetchedAt: '' } });

  test('"Insert all" files tweets into Highlights and talks into Talks, without a new heading', () => {
    const blocks = collectedBlocks([tweet, video, deck], { style: 'html', postText: body }).map((b, i) => ({ ...b, kind: [tweet, video, deck][i]!.kind }));
    const placements = placeBlocks(body, blocks, 0);
    expect(placements.map((p) => body.slice(0, p.at).split('\n').filter((l) => l.startsWith('## ')).pop())).toEqual(['## Highlights', '## Talks']);
    expect(placements[0]!.text).toMatch(/^<blockquote class="twitter-tweet">[\s\S]*widgets\.js/);
    expect(placements[1]!.text).toContain('src="https://www.slideshare.net/slideshow/embed_code/key/5CIkLdzheA7P1"');
    // A post without the sections: everything at the caret.
    expect(placeBlocks('Just text.\n', blocks, 4).map((p) => p.at)).toEqual([4]);
  });

  test('cards whose embed or link the post holds are inserted already', () => {
    const text = `${body}\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n`;
    expect([...insertedCards([tweet, video, deck], text)]).toEqual([video.id]);
  });

  test('"Archive tweets" keeps text, author, date and link; widgets.js goes', () => {
    const text =
      'Before\n\n<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Booth is open! <a href="https://t.co/x">#KubeCon</a></p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1?ref_src=twsrc">November 16, 2019</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n\nAfter\n';
    const { text: archived, archived: count } = archiveTweets(text);
    expect(count).toBe(1);
    expect(archived).toBe('Before\n\n> Booth is open! [\\#KubeCon](https://t.co/x)\n>\n> — Alex Ellis (@alexellisuk), [November 16, 2019](https://twitter.com/alexellisuk/status/1)\n\nAfter\n');
    const custom = archiveTweets(text, '<figure class="tweet"><blockquote>{text}</blockquote><figcaption>{author} (@{handle}) <a href="{url}">{date}</a></figcaption></figure>');
    expect(custom.text).toContain('<figure class="tweet"><blockquote>Booth is open! <a href="https://t.co/x">#KubeCon</a></blockquote><figcaption>Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1">November 16, 2019</a></figcaption></figure>');
    expect(custom.text).not.toContain('widgets.js');
  });

  test('archiving one tweet (by its URL, twitter.com or x.com) leaves the others and widgets.js until the last goes', () => {
    const quote = (handle: string, id: string, words: string) => `<blockquote class="twitter-tweet"><p>${words}</p>&mdash; ${handle} (@${handle}) <a href="https://twitter.com/${handle}/status/${id}">May 1, 2024</a></blockquote>`;
    const text = `${quote('ann', '11', 'First')}

${quote('bob', '22', 'Second')}
<script async src="https://platform.twitter.com/widgets.js"></script>
`;
    const one = archiveTweets(text, undefined, 'https://x.com/bob/status/22?s=20');
    expect(one.archived).toBe(1);
    expect(one.text).toContain('> Second\n>\n> — bob (@bob), [May 1, 2024](https://twitter.com/bob/status/22)');
    expect(one.text).toContain(quote('ann', '11', 'First'));
    expect(one.text).toContain('widgets.js');
    expect(archiveTweets(text, undefined, 'https://twitter.com/carol/status/33')).toEqual({ text, archived: 0 });
    const last = archiveTweets(one.text, undefined, 'https://twitter.com/ann/status/11');
    expect(last.archived).toBe(1);
    expect(last.text).not.toContain('widgets.js');
    expect(last.text).not.toContain('twitter-tweet');
  });
});
