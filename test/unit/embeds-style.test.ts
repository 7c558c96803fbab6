import { describe, expect, it } from 'vitest';
import { detectEmbedStyle, embedMarkup, findEmbeds } from '../../shared/embeds';

describe('the site embed style', () => {
  it('is what most of its posts use', () => {
    const posts = ['{{< youtube dQw4w9WgXcQ >}}', '{{< tweet user="a" id="1" >}}\n\n<iframe src="https://player.vimeo.com/video/1"></iframe>'].map((p) => findEmbeds(p));
    expect(detectEmbedStyle(posts, 'jekyll')).toBe('hugo');
    expect(detectEmbedStyle([findEmbeds('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>')], 'hugo')).toBe('html');
  });

  it('falls back to the generator’s usual style when posts have no embeds', () => {
    expect(detectEmbedStyle([[]], 'hugo')).toBe('hugo');
    expect(detectEmbedStyle([], 'jekyll')).toBe('html');
  });
});

describe('embedMarkup', () => {
  const video = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10';
  const tweet = 'https://twitter.com/rustlang/status/1234567890?s=20';

  it('writes YouTube the way each style does', () => {
    expect(embedMarkup(video, 'hugo')).toBe('{{< youtube dQw4w9WgXcQ >}}');
    expect(embedMarkup(video, 'zola')).toBe('{{ youtube(id="dQw4w9WgXcQ") }}');
    expect(embedMarkup(video, 'liquid')).toBe('{% youtube dQw4w9WgXcQ %}');
    expect(embedMarkup(video, 'url')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(embedMarkup(video, 'html')).toMatch(/^<iframe [^>]*src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ"/);
  });

  it('writes tweets as a blockquote with one widgets.js, or a shortcode', () => {
    expect(embedMarkup(tweet, 'html')).toBe('<blockquote class="twitter-tweet">&mdash; (@rustlang) <a href="https://twitter.com/rustlang/status/1234567890">https://twitter.com/rustlang/status/1234567890</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>');
    expect(embedMarkup(tweet, 'html', { withWidgetScript: false })).not.toMatch(/script/);
    expect(embedMarkup(tweet, 'hugo')).toBe('{{< tweet user="rustlang" id="1234567890" >}}');
  });

  it('writes Vimeo and gists, and refuses what it cannot embed', () => {
    expect(embedMarkup('https://vimeo.com/76979871', 'html')).toMatch(/player\.vimeo\.com\/video\/76979871/);
    expect(embedMarkup('https://gist.github.com/parkr/c08ee0f2726fd0e3909d', 'html')).toBe('<script src="https://gist.github.com/parkr/c08ee0f2726fd0e3909d.js"></script>');
    expect(embedMarkup('https://www.youtube.com/watch?v=short', 'html')).toBeNull();
    expect(embedMarkup('https://example.org/page', 'html')).toBeNull();
  });

  it('markup it writes is found again as a valid embed', () => {
    for (const style of ['html', 'hugo', 'zola', 'liquid', 'url'] as const) {
      const [embed] = findEmbeds(embedMarkup(video, style)!);
      expect(embed, style).toMatchObject({ provider: 'youtube', id: 'dQw4w9WgXcQ', valid: true });
    }
  });
});
