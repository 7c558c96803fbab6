import { describe, expect, test } from 'vitest';
import { collectedMarkup } from '../../shared/collect/insert-markup';
import { readPastedLinks } from '../../shared/collect/read-urls';
import { cleanTweetBlockquote } from '../../shared/collect/tweet-markup';
import type { CollectedCard } from '../../shared/collect/types';
import { findEmbeds } from '../../shared/embeds/find-embeds';

const card = (url: string, extra: Partial<CollectedCard> = {}): CollectedCard => {
  const link = readPastedLinks(url).links[0]!;
  return { id: link.key, url: link.url, kind: link.kind, facts: link.facts, addedAt: '', ...extra };
};

describe('pasting links', () => {
  test('each kind is recognised offline with what its URL tells', () => {
    const { links, ignored } = readPastedLinks(`
      https://twitter.com/alexellisuk/status/1195828490290860032?ref_src=twsrc%5Etfw
      https://x.com/kelseyhightower/status/1196540671231791104?s=20
      https://youtu.be/dQw4w9WgXcQ https://vimeo.com/76979871
      https://www.slideshare.net/AlexEllis11/still-waiting-for-ipv6-try-the-inletsoperator
      https://speakerdeck.com/alexellis/inlets
      https://github.com/openfaas/faas, <https://www.balboapark.org/>
      thanks!`);
    expect(links.map((l) => [l.kind, l.facts])).toEqual([
      ['tweet', { handle: 'alexellisuk', statusId: '1195828490290860032' }],
      ['tweet', { handle: 'kelseyhightower', statusId: '1196540671231791104' }],
      ['youtube', { videoId: 'dQw4w9WgXcQ' }],
      ['vimeo', { videoId: '76979871' }],
      ['slideshare', { owner: 'AlexEllis11', name: 'still-waiting-for-ipv6-try-the-inletsoperator' }],
      ['speakerdeck', { owner: 'alexellis', name: 'inlets' }],
      ['github', { owner: 'openfaas', name: 'faas' }],
      ['link', {}],
    ]);
    expect(links[0]!.url).toBe('https://twitter.com/alexellisuk/status/1195828490290860032');
    expect(links[7]!.url).toBe('https://www.balboapark.org/');
    expect(ignored).toEqual(['thanks!']);
  });

  test('the same tweet or video pasted twice, in any spelling, is one card', () => {
    const { links } = readPastedLinks(
      'https://twitter.com/a/status/1 https://x.com/a/status/1?s=20 https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10 https://youtu.be/dQw4w9WgXcQ',
    );
    expect(links.map((l) => l.kind)).toEqual(['tweet', 'youtube']);
  });

  test('only web links count', () => {
    expect(readPastedLinks('javascript:alert(1) file:///etc/passwd ftp://x.org/a').links).toEqual([]);
  });
});

describe('inserting in the site’s style', () => {
  const tweets = Array.from({ length: 11 }, (_, i) => card(`https://twitter.com/alexellisuk/status/11958284902908600${String(i).padStart(2, '0')}`));

  test('eleven tweets: eleven blockquotes and widgets.js exactly once, after the last; no heading', () => {
    const text = collectedMarkup(tweets, { style: 'html', postText: '---\ntitle: x\n---\n' });
    expect(text).not.toMatch(/^#/m);
    expect(text.match(/<blockquote class="twitter-tweet">/g)).toHaveLength(11);
    expect(text.match(/widgets\.js/g)).toHaveLength(1);
    expect(text.trimEnd().endsWith('</script>')).toBe(true);
    const embeds = findEmbeds(text);
    expect(embeds.filter((e) => e.provider === 'twitter' && e.valid)).toHaveLength(11);
  });

  test('no widgets.js when the post already loads it', () => {
    const post = 'Hi\n\n<script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script>\n';
    expect(collectedMarkup(tweets.slice(0, 2), { style: 'html', postText: post })).not.toMatch(/widgets\.js/);
  });

  test('videos, decks and links follow the style; generator shortcodes need no script', () => {
    const video = card('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const deck = card('https://speakerdeck.com/alexellis/inlets', { details: { embedUrl: 'https://speakerdeck.com/player/0123456789abcdef', fetchedAt: '' } });
    const repo = card('https://github.com/openfaas/faas');
    const page = card('https://example.org/a_(b)', { details: { title: 'A [great] page', fetchedAt: '' } });
    const html = collectedMarkup([video, deck, repo, page], { style: 'html', postText: '' });
    expect(html.split('\n\n')).toEqual([
      expect.stringContaining('src="https://www.youtube.com/embed/dQw4w9WgXcQ"'),
      expect.stringContaining('src="https://speakerdeck.com/player/0123456789abcdef"'),
      '[openfaas/faas](https://github.com/openfaas/faas)',
      '[A \\[great\\] page](https://example.org/a_%28b%29)',
    ]);
    expect(collectedMarkup([video, tweets[0]!], { style: 'hugo', postText: '' })).toBe(
      '{{< youtube dQw4w9WgXcQ >}}\n\n{{< tweet user="alexellisuk" id="1195828490290860000" >}}',
    );
    // A deck known only by its page (no details yet) is still usable: a Markdown link with a title, never a bare <url>.
    expect(collectedMarkup([card('https://speakerdeck.com/alexellis/inlets')], { style: 'html', postText: '' })).toBe('[Inlets (slides by alexellis)](https://speakerdeck.com/alexellis/inlets)');
  });

  test('a provider’s tweet is rebuilt: text and emoji kept, script and handlers gone', () => {
    const html =
      '<blockquote class="twitter-tweet" onmouseover="x()"><p lang="en" dir="ltr">Tacos 😎🌮 &amp; <a href="https://twitter.com/rejektsio">@rejektsio</a> <a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1195821181305118721?ref_src=twsrc%5Etfw">November 16, 2019</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>';
    expect(cleanTweetBlockquote(html)).toBe(
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Tacos 😎🌮 &amp; <a href="https://twitter.com/rejektsio">@rejektsio</a> x</p>&mdash; Alex Ellis (@alexellisuk) <a href="https://twitter.com/alexellisuk/status/1195821181305118721">November 16, 2019</a></blockquote>',
    );
    expect(cleanTweetBlockquote('<p>no tweet</p>')).toBeNull();
  });
});
