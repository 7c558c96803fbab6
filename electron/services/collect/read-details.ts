/**
 * What a provider's answer may put on a card, and nothing else: titles and
 * names as plain text, https image URLs, the tweet as a blockquote rebuilt by
 * cleanTweetBlockquote (the provider's script never survives), and a deck's
 * player URL only when it is the provider's own player.
 */
import { cleanTweetBlockquote } from '../../../shared/collect/tweet-markup';
import type { CardDetails, CollectedCard } from '../../../shared/collect/types';
import { recognizeEmbedUrl } from '../../../shared/embeds/providers';
import { parseTweetBlockquote } from '../../../shared/embeds/tweet';
import { decodeEntities } from '../../../shared/html/entities';
import { scanTags, attribute } from '../../../shared/html/tags';
import { DetailsError } from './fetch-limited';
import type { DetailsProvider, OembedEndpoints } from './oembed-endpoints';

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 1000;

/** The request that asks about `card` (its URL only: no cookies, no tokens). */
export function detailsRequest(provider: DetailsProvider, card: CollectedCard, endpoints: OembedEndpoints): string {
  const url = encodeURIComponent(card.url);
  switch (provider) {
    case 'twitter':
      return `${endpoints.twitter}?url=${url}&omit_script=1&dnt=true`;
    case 'github':
      return `${endpoints.github.replace(/\/+$/, '')}/repos/${encodeURIComponent(card.facts.owner ?? '')}/${encodeURIComponent(card.facts.name ?? '')}`;
    case 'youtube':
    case 'slideshare':
      return `${endpoints[provider]}?url=${url}&format=json`;
    default:
      return `${endpoints[provider]}?url=${url}`;
  }
}

export function readDetails(provider: DetailsProvider, card: CollectedCard, answer: unknown, now: Date): CardDetails {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new DetailsError('The provider’s answer was not understood.');
  const data = answer as Record<string, unknown>;
  const details: CardDetails = { fetchedAt: now.toISOString() };
  const set = <K extends keyof CardDetails>(key: K, value: CardDetails[K] | null | undefined) => {
    if (value) details[key] = value;
  };

  if (provider === 'github') {
    const owner = data.owner && typeof data.owner === 'object' ? (data.owner as Record<string, unknown>) : {};
    set('title', plainText(data.full_name, MAX_TITLE));
    set('description', plainText(data.description, MAX_DESCRIPTION));
    set('author', plainText(owner.login, MAX_TITLE));
    set('thumbnailUrl', httpsUrl(owner.avatar_url));
    return details;
  }

  set('title', plainText(data.title, MAX_TITLE));
  set('author', plainText(data.author_name, MAX_TITLE));
  set('thumbnailUrl', httpsUrl(data.thumbnail_url));
  const html = typeof data.html === 'string' ? data.html : '';
  if (provider === 'twitter') {
    const quote = cleanTweetBlockquote(html);
    if (!quote) throw new DetailsError('The provider’s answer held no tweet.');
    // A blockquote for another tweet than the one collected is not this card's.
    if (parseTweetBlockquote(quote).id !== card.facts.statusId) throw new DetailsError('The provider answered about another tweet.');
    details.html = quote;
    set('title', plainText(parseTweetBlockquote(quote).text, MAX_TITLE));
  } else if (provider === 'slideshare' || provider === 'speakerdeck') {
    set('embedUrl', playerUrl(provider, html));
  }
  return details;
}

/** The deck's own player from the oEmbed iframe (`//speakerdeck.com/player/<id>`), rebuilt from its id. */
function playerUrl(provider: 'slideshare' | 'speakerdeck', html: string): string | null {
  const frame = scanTags(html).find((t) => t.name === 'iframe' && !t.closing);
  const src = frame ? attribute(frame, 'src')?.value?.trim() : undefined;
  if (!src) return null;
  const found = recognizeEmbedUrl(src.startsWith('//') ? `https:${src}` : src);
  if (!found || found.provider !== provider || !found.valid || !found.id || !/^[A-Za-z0-9_-]+$/.test(found.id)) return null;
  return provider === 'speakerdeck' ? `https://speakerdeck.com/player/${found.id}` : `https://www.slideshare.net/slideshow/embed_code/key/${found.id}`;
}

function plainText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  // Control characters (and any line break) become spaces: a title is one line of text.
  const text = decodeEntities(value.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').replace(/\p{Cc}/gu, ' ').trim();
  if (!text) return null;
  return text.length > max ? [...text].slice(0, max - 1).join('') + '…' : text;
}

function httpsUrl(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 4096 && /^https:\/\/[^\s"'<>]+$/i.test(value) ? value : null;
}
