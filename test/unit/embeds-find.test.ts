import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findEmbeds } from '../../shared/embeds';
import { fixture } from '../support/fixtures';

const post = (name: string) => readFile(fixture('sites', 'events-jekyll', '_posts', name), 'utf8');

describe('findEmbeds in the fixtures', () => {
  it('the seed post has 11 tweets (10 by Alex Ellis), two YouTube videos and one SlideShare deck', async () => {
    const embeds = findEmbeds(await readFile(fixture('seed-post.md'), 'utf8'));
    const tweets = embeds.filter((e) => e.provider === 'twitter');
    expect(tweets).toHaveLength(11);
    expect(tweets.every((t) => t.valid && /^\d+$/.test(t.id ?? ''))).toBe(true);
    expect(tweets.filter((t) => t.tweet?.author === 'Alex Ellis' && t.tweet.handle === 'alexellisuk')).toHaveLength(10);
    expect(tweets[0]!.tweet).toMatchObject({ date: 'November 16, 2019', url: 'https://twitter.com/alexellisuk/status/1195828490290860032' });
    expect(embeds.filter((e) => e.provider === 'youtube').map((e) => [e.id, e.start.line])).toEqual([
      ['NckMekZXRt8', 58],
      ['sD7hCwq3Gw0', 84],
    ]);
    expect(embeds.filter((e) => e.provider === 'slideshare')).toHaveLength(1);
    expect(embeds.find((e) => e.provider === 'slideshare')).toMatchObject({ id: '5CIkLdzheA7P1', start: { line: 42, column: 1 } });
  });

  it('the Paris post: YouTube, Vimeo, tweet and gist, all valid, at their lines', async () => {
    const embeds = findEmbeds(await post('2024-03-22-kubecon-paris-recap.md'));
    expect(embeds.map((e) => [e.provider, e.start.line, e.valid])).toEqual([
      ['youtube', 26, true],
      ['vimeo', 30, true],
      ['twitter', 34, true],
      ['gist', 39, true],
    ]);
    expect(embeds[0]!.id).toBe('dQw4w9WgXcQ');
    expect(embeds[2]!.tweet).toMatchObject({ author: 'Sam Sample', handle: 'samsample', id: '1771234567890123456' });
  });

  it('the Amsterdam post: a YouTube id of 6 characters is invalid', async () => {
    const [video] = findEmbeds(await post('2023-09-14-devopsdays-amsterdam.md'));
    expect(video).toMatchObject({ provider: 'youtube', id: 'abc123', valid: false, start: { line: 14, column: 1 }, target: { line: 14, column: 39 } });
    expect(video!.problem).toMatch(/11/);
  });
});

describe('findEmbeds by syntax', () => {
  it('reads Hugo, Zola and Liquid shortcodes', () => {
    const text = ['{{< youtube dQw4w9WgXcQ >}}', '{{< tweet user="rustlang" id="1234567890" >}}', '{{ youtube(id="NckMekZXRt8") }}', '{% youtube sD7hCwq3Gw0 %}', '{% gist parkr/c08ee0f2726fd0e3909d %}', '{{< vimeo 76979871 >}}', '{% twitter https://twitter.com/jekyllrb/status/12345 %}'].join('\n\n');
    const embeds = findEmbeds(text);
    expect(embeds.map((e) => [e.syntax, e.provider, e.id, e.valid, e.start.line])).toEqual([
      ['hugo', 'youtube', 'dQw4w9WgXcQ', true, 1],
      ['hugo', 'twitter', '1234567890', true, 3],
      ['zola', 'youtube', 'NckMekZXRt8', true, 5],
      ['liquid', 'youtube', 'sD7hCwq3Gw0', true, 7],
      ['liquid', 'gist', 'parkr/c08ee0f2726fd0e3909d', true, 9],
      ['hugo', 'vimeo', '76979871', true, 11],
      ['liquid', 'twitter', '12345', true, 13],
    ]);
  });

  it('takes a whole file: positions count the front matter, which is never an embed', () => {
    const [embed, ...rest] = findEmbeds('---\ntitle: t\nvideo: "{{< youtube dQw4w9WgXcQ >}}"\n---\n{{< youtube NckMekZXRt8 >}}\n');
    expect(rest).toEqual([]);
    expect(embed).toMatchObject({ id: 'NckMekZXRt8', start: { line: 5, column: 1, offset: 54 } });
  });

  it('flags a shortcode with a bad id at the id', () => {
    const [embed] = findEmbeds('Intro\n\n{{< youtube short >}}\n');
    expect(embed).toMatchObject({ valid: false, id: 'short', target: { line: 3, column: 13 } });
  });

  it('a bare provider URL on its own line is an embed; one inside a sentence is a link', () => {
    const embeds = findEmbeds('Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nor see https://vimeo.com/76979871 later.\n\nhttps://twitter.com/rustlang/status/42\n');
    expect(embeds.map((e) => [e.syntax, e.provider, e.id])).toEqual([
      ['url', 'youtube', 'dQw4w9WgXcQ'],
      ['url', 'twitter', '42'],
    ]);
  });

  it('recognises Speaker Deck, CodePen, other iframes, and skips code', () => {
    const text = [
      '<script async class="speakerdeck-embed" data-id="abc123def" src="//speakerdeck.com/assets/embed.js"></script>',
      '<p class="codepen" data-slug-hash="xyzAB" data-user="chris">See the pen</p>',
      '<iframe src="https://maps.example.org/embed?x=1"></iframe>',
      '```html',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
      '```',
      'Inline `{{< youtube dQw4w9WgXcQ >}}` is code too.',
    ].join('\n\n'); // blank lines end each HTML block, as CommonMark requires
    const embeds = findEmbeds(text);
    expect(embeds.map((e) => [e.provider, e.id, e.host])).toEqual([
      ['speakerdeck', 'abc123def', 'speakerdeck.com'],
      ['codepen', 'chris/xyzAB', 'codepen.io'],
      ['iframe', null, 'maps.example.org'],
    ]);
  });

  it('a tweet blockquote whose link has no status id is invalid', () => {
    const [tweet] = findEmbeds('<blockquote class="twitter-tweet"><p>Hi</p>&mdash; A (@a) <a href="https://twitter.com/a/likes">May 1, 2020</a></blockquote>');
    expect(tweet).toMatchObject({ provider: 'twitter', valid: false });
    expect(tweet!.problem).toMatch(/status id/);
  });
});
