/**
 * How a site writes embeds, learned from its posts, and the markup for a
 * pasted URL in that style: raw HTML (iframe / tweet blockquote / script),
 * a bare URL, or the generator's shortcode.
 */
import type { SiteKind } from '../model';
import { recognizeEmbedUrl } from './providers';
import { GENERATOR_STYLE, styleForProvider, type SiteEmbedStyle, type StyleChoice } from './site-style';
import type { Embed, EmbedSyntax } from './types';

/** One syntax for every provider, or the site's style learned per provider (site-style.ts). */
export type EmbedStyle = EmbedSyntax | SiteEmbedStyle;

/** The syntax most embeds in these posts use; ties and no embeds fall back to the generator's usual style. */
export function detectEmbedStyle(embedsOfPosts: readonly (readonly Embed[])[], kind: SiteKind = 'unknown'): EmbedSyntax {
  const counts = new Map<EmbedSyntax, number>();
  for (const embeds of embedsOfPosts) for (const embed of embeds) counts.set(embed.syntax, (counts.get(embed.syntax) ?? 0) + 1);
  let best: EmbedSyntax = GENERATOR_STYLE[kind];
  let bestCount = counts.get(best) ?? 0;
  for (const [style, count] of counts) {
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  return best;
}

export interface EmbedMarkupOptions {
  /** Add Twitter's widgets.js after a tweet blockquote (leave it out when the post already has one). */
  withWidgetScript?: boolean;
}

const TWITTER_SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/** Markup that embeds `url` in `style`, or null when the URL is not a provider Recap knows how to embed. */
export function embedMarkup(url: string, style: EmbedStyle, options: EmbedMarkupOptions = {}): string | null {
  const found = recognizeEmbedUrl(url);
  if (!found || !found.valid || found.id === null) return null;
  const { provider, id } = found;
  const page = canonicalUrl(url);
  const choice: StyleChoice = typeof style === 'string' ? { syntax: style } : styleForProvider(style, provider);
  const syntax = choice.syntax;
  if (syntax === 'url') return page;
  const named = choice.include ? templateMarkup(choice, provider, id, page) : null;
  if (named) return named;

  if (syntax === 'hugo') {
    if (provider === 'youtube' || provider === 'vimeo') return `{{< ${provider} ${id} >}}`;
    if (provider === 'twitter') return `{{< tweet user="${tweetUser(url)}" id="${id}" >}}`;
    if (provider === 'gist' && id.includes('/')) return `{{< gist ${id.replace('/', ' ')} >}}`;
  }
  if (syntax === 'zola') {
    if (provider === 'youtube' || provider === 'vimeo') return `{{ ${provider}(id="${id}") }}`;
    if (provider === 'gist') return `{{ gist(url="${page}") }}`;
  }
  if (syntax === 'liquid') {
    if (provider === 'youtube' || provider === 'vimeo') return `{% ${provider} ${id} %}`;
    if (provider === 'twitter') return `{% twitter ${page} %}`;
    if (provider === 'gist') return `{% gist ${id} %}`;
  }
  return htmlMarkup(provider, id, page, options);
}

/** The site's own include or shortcode for the provider; null when the id it needs is not known from the URL. */
function templateMarkup(choice: StyleChoice, provider: string, id: string, page: string): string | null {
  const { file, param } = choice.include!;
  // Decks named by their page have no player key yet: the URL is the only argument that works then.
  const byUrl = param === 'url' || param === 'src' || ((provider === 'slideshare' || provider === 'speakerdeck') && id.includes('/'));
  if (byUrl && param !== 'url' && param !== 'src') return null;
  const value = byUrl ? page : provider === 'gist' ? id.split('/').pop()! : id;
  if (choice.syntax === 'include') return `{% include ${file} ${param ?? 'id'}="${value}" %}`;
  if (choice.syntax === 'hugo') return param ? `{{< ${file} ${param}="${value}" >}}` : `{{< ${file} ${value} >}}`;
  if (choice.syntax === 'zola') return `{{ ${file}(${param ?? 'id'}="${value}") }}`;
  return null;
}

function htmlMarkup(provider: string, id: string, page: string, options: EmbedMarkupOptions): string | null {
  switch (provider) {
    case 'youtube':
      return `<iframe width="560" height="315" src="https://www.youtube.com/embed/${id}" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`;
    case 'vimeo':
      return `<iframe src="https://player.vimeo.com/video/${id}" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`;
    case 'twitter': {
      // Offline Recap cannot fetch the tweet's text: the handle and the link, which widgets.js turns into the tweet on the site.
      const handle = tweetUser(page);
      const byline = /^[A-Za-z0-9_]{1,15}$/.test(handle) ? `&mdash; (@${handle}) ` : '';
      const quote = `<blockquote class="twitter-tweet">${byline}<a href="${page}">${page}</a></blockquote>`;
      return options.withWidgetScript === false ? quote : `${quote}\n${TWITTER_SCRIPT}`;
    }
    case 'gist':
      return `<script src="https://gist.github.com/${id}.js"></script>`;
    case 'speakerdeck':
      return id.includes('/') ? null : `<iframe src="https://speakerdeck.com/player/${id}" width="710" height="399" frameborder="0" allowfullscreen></iframe>`;
    case 'slideshare':
      return id.includes('/') ? null : `<iframe src="https://www.slideshare.net/slideshow/embed_code/key/${id}" width="595" height="485" frameborder="0" allowfullscreen></iframe>`;
    case 'codepen': {
      const [user, hash] = id.split('/');
      return `<iframe height="300" style="width: 100%;" scrolling="no" src="https://codepen.io/${user}/embed/${hash}?default-tab=result" frameborder="no" loading="lazy" allowtransparency="true" allowfullscreen="true"></iframe>`;
    }
    default:
      return null;
  }
}

/** The URL with https, without tracking parameters (`?ref_src=…`, `?s=20`). */
function canonicalUrl(url: string): string {
  const withScheme = url.trim().replace(/^(https?:)?\/\//i, 'https://');
  return /youtube\.com\/watch/.test(withScheme) ? withScheme.replace(/&.*$/, '') : withScheme.replace(/\?.*$/, '');
}

function tweetUser(url: string): string {
  return /\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([^/]+)/.exec(url)?.[1] ?? '';
}
