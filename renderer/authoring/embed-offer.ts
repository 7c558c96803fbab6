/**
 * Pasting a tweet, video or gist URL alone on an empty line can become an
 * embed. These decide when to offer that, and where the URL is when the
 * author accepts (they may have typed elsewhere in between).
 */
import { embedMarkup, recognizeEmbedUrl, type EmbedProvider, type EmbedStyle } from '../../shared/embeds';

export interface EmbedOffer {
  url: string;
  provider: EmbedProvider;
  /** Where the pasted URL sits in the body after the paste. */
  start: number;
  end: number;
}

const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  twitter: 'Tweet',
  youtube: 'YouTube video',
  vimeo: 'Vimeo video',
  slideshare: 'SlideShare deck',
  speakerdeck: 'Speaker Deck',
  gist: 'Gist',
  codepen: 'CodePen',
  iframe: 'Embed',
};

export function providerName(provider: EmbedProvider): string {
  return PROVIDER_NAMES[provider];
}

/**
 * The offer for pasting `pasted` over body[selStart, selEnd), or null: the
 * text must be one embeddable URL and the rest of its line blank.
 */
export function embedOfferFor(body: string, selStart: number, selEnd: number, pasted: string): EmbedOffer | null {
  const url = pasted.trim();
  if (!/^https?:\/\/\S+$/i.test(url)) return null;
  const found = recognizeEmbedUrl(url);
  if (!found || !found.valid || found.provider === 'iframe' || embedMarkup(url, 'html') === null) return null;
  const lineStart = body.lastIndexOf('\n', selStart - 1) + 1;
  const lineEndAt = body.indexOf('\n', selEnd);
  const lineEnd = lineEndAt === -1 ? body.length : lineEndAt;
  if (body.slice(lineStart, selStart).trim() !== '' || body.slice(selEnd, lineEnd).trim() !== '') return null;
  const start = selStart + (pasted.length - pasted.trimStart().length);
  return { url, provider: found.provider, start, end: start + url.length };
}

/** Where the offered URL is now: where it was pasted, else the nearest line holding only it; null once it is gone. */
export function locateOffer(body: string, offer: EmbedOffer): number | null {
  if (body.slice(offer.start, offer.end) === offer.url) return offer.start;
  let best: number | null = null;
  for (let at = body.indexOf(offer.url); at !== -1; at = body.indexOf(offer.url, at + 1)) {
    const lineStart = body.lastIndexOf('\n', at - 1) + 1;
    const lineEndAt = body.indexOf('\n', at);
    const line = body.slice(lineStart, lineEndAt === -1 ? body.length : lineEndAt);
    if (line.trim() !== offer.url) continue;
    if (best === null || Math.abs(at - offer.start) < Math.abs(best - offer.start)) best = at;
  }
  return best;
}

/** The markup replacing the URL in the site's style; null when that style is the bare URL itself. */
export function offerMarkup(offer: EmbedOffer, style: EmbedStyle, body: string): string | null {
  // One widgets.js per post is enough; the check flags repeats.
  const markup = embedMarkup(offer.url, style, { withWidgetScript: !body.includes('platform.twitter.com/widgets.js') });
  return markup === null || markup === offer.url ? null : markup;
}
