/**
 * How a site writes embeds, learned from its posts, and the markup for a
 * pasted URL in that style: raw HTML (iframe / tweet blockquote / script),
 * a bare URL, or the generator's shortcode.
 */
import type { SiteKind } from '../model';
import { recognizeEmbedUrl } from './providers';
import type { Embed, EmbedSyntax } from './types';

export type EmbedStyle = EmbedSyntax;

/** When posts show no embeds yet: what each generator's users usually write. */
const DEFAULT_STYLE: Record<SiteKind, EmbedStyle> = {
  hugo: 'hugo',
  jekyll: 'html',
  zola: 'html',
  eleventy: 'html',
  astro: 'html',
  unknown: 'html',
};

/** The syntax most embeds in these posts use; ties and no embeds fall back to the generator's usual style. */
export function detectEmbedStyle(embedsOfPosts: readonly (readonly Embed[])[], kind: SiteKind = 'unknown'): EmbedStyle {
  const counts = new Map<EmbedStyle, number>();
  for (const embeds of embedsOfPosts) for (const embed of embeds) counts.set(embed.syntax, (counts.get(embed.syntax) ?? 0) + 1);
  let best: EmbedStyle = DEFAULT_STYLE[kind];
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
  if (style === 'url') return page;

  if (style === 'hugo') {
    if (provider === 'youtube' || provider === 'vimeo') return `{{< ${provider} ${id} >}}`;
    if (provider === 'twitter') return `{{< tweet user="${tweetUser(url)}" id="${id}" >}}`;
    if (provider === 'gist' && id.includes('/')) return `{{< gist ${id.replace('/', ' ')} >}}`;
  }
  if (style === 'zola') {
    if (provider === 'youtube' || provider === 'vimeo') return `{{ ${provider}(id="${id}") }}`;
    if (provider === 'gist') return `{{ gist(url="${page}") }}`;
  }
  if (style === 'liquid') {
    if (provider === 'youtube' || provider === 'vimeo') return `{% ${provider} ${id} %}`;
    if (provider === 'twitter') return `{% twitter ${page} %}`;
    if (provider === 'gist') return `{% gist ${id} %}`;
  }
  return htmlMarkup(provider, id, page, options);
}

function htmlMarkup(provider: string, id: string, page: string, options: EmbedMarkupOptions): string | null {
  switch (provider) {
    case 'youtube':
      return `<iframe width="560" height="315" src="https://www.youtube.com/embed/${id}" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`;
    case 'vimeo':
      return `<iframe src="https://player.vimeo.com/video/${id}" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`;
    case 'twitter': {
      // Offline Recap cannot fetch the tweet's text; the widget fills it in on the site.
      const quote = `<blockquote class="twitter-tweet"><a href="${page}"></a></blockquote>`;
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
