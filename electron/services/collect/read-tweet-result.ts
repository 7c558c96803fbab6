/**
 * What "Archive tweets" takes from the syndication API's answer about a
 * tweet (react-tweet's `Tweet` shape): the author's handle and the photos
 * (`mediaDetails` of type photo, else `photos`), each with its alt text when
 * the author wrote one, and the tweet's words (text with its links, name,
 * date) for a quote whose blockquote was inserted without them. All plain
 * text; only https links and photo URLs on pbs.twimg.com survive.
 */
import { decodeEntities } from '../../../shared/html/entities';
import { MAX_PHOTOS_PER_TWEET, type TweetFacts } from '../../../shared/collect/tweet-photos';
import { DetailsError } from './fetch-limited';

export interface TweetResultPhoto {
  /** `https://pbs.twimg.com/media/<key>.jpg`. */
  url: string;
  /** The author's alt text, or null when the photo has none. */
  alt: string | null;
}

export interface TweetResult {
  /** screen_name, without the `@`; null when the answer names none. */
  handle: string | null;
  photos: TweetResultPhoto[];
  /** The tweet's words as a quote shows them; null when the answer holds no text. */
  facts: TweetFacts | null;
}

const MAX_ALT = 1000;
const MAX_TEXT = 4000;
const MAX_LINKS = 50;

export function readTweetResult(statusId: string, answer: unknown): TweetResult {
  if (!isRecord(answer) || Object.keys(answer).length === 0) throw new DetailsError('Twitter does not know this tweet; it may be private or deleted.');
  if (answer.__typename === 'TweetTombstone') throw new DetailsError('Twitter no longer shows this tweet.');
  if (typeof answer.id_str === 'string' && answer.id_str !== statusId) throw new DetailsError('Twitter answered about another tweet.');
  const user = isRecord(answer.user) ? answer.user : {};
  const handle = typeof user.screen_name === 'string' && /^[A-Za-z0-9_]{1,15}$/.test(user.screen_name) ? user.screen_name : null;

  const photos: TweetResultPhoto[] = [];
  const details = Array.isArray(answer.mediaDetails) ? answer.mediaDetails.filter(isRecord) : [];
  for (const media of details) {
    if (media.type === 'photo' && typeof media.media_url_https === 'string') photos.push({ url: media.media_url_https, alt: altText(media.ext_alt_text) });
  }
  // Older answers carry only `photos` (no alt text there).
  if (photos.length === 0 && Array.isArray(answer.photos)) {
    for (const photo of answer.photos.filter(isRecord)) if (typeof photo.url === 'string') photos.push({ url: photo.url, alt: null });
  }
  return { handle, photos: photos.slice(0, MAX_PHOTOS_PER_TWEET), facts: readFacts(statusId, answer, handle, details) };
}

/** The text within `display_text_range` (the photos' t.co links fall after it), t.co links shown by their display text. */
function readFacts(statusId: string, answer: Record<string, unknown>, handle: string | null, media: Record<string, unknown>[]): TweetFacts | null {
  if (typeof answer.text !== 'string') return null;
  // Decoded first: Twitter escapes & < > in `text` but counts the range on the characters themselves.
  const chars = [...decodeEntities(answer.text)];
  const range = Array.isArray(answer.display_text_range) ? answer.display_text_range : [];
  const end = typeof range[1] === 'number' && range[1] >= 0 && range[1] <= chars.length ? range[1] : chars.length;
  let text = chars.slice(0, end).join('');
  for (const m of media) if (typeof m.url === 'string') text = text.split(m.url).join('');
  const links: TweetFacts['links'] = [];
  const entities = isRecord(answer.entities) ? answer.entities : {};
  for (const entity of (Array.isArray(entities.urls) ? entities.urls : []).filter(isRecord).slice(0, MAX_LINKS)) {
    const { url, display_url: display, expanded_url: expanded } = entity;
    if (typeof url !== 'string' || !url || typeof display !== 'string' || !display || !text.includes(url)) continue;
    text = text.split(url).join(display);
    if (typeof expanded === 'string' && expanded.length <= 4096 && /^https:\/\/[^\s"'<>]+$/i.test(expanded)) links.push({ text: oneLine(display), href: expanded });
  }
  text = text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n]/gu, ' ').trim();
  if (!text) return null;
  if (text.length > MAX_TEXT) text = [...text].slice(0, MAX_TEXT - 1).join('') + '…';
  const user = isRecord(answer.user) ? answer.user : {};
  return { statusId, text, links, author: typeof user.name === 'string' ? oneLine(decodeEntities(user.name)).slice(0, 300) : '', handle: handle ?? '', date: tweetDate(answer.created_at) };
}

/** "November 16, 2019", as Twitter's embed code writes it (in UTC: the same day for every reader of the post). */
function tweetDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function oneLine(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim();
}

function altText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = decodeEntities(value).replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > MAX_ALT ? [...text].slice(0, MAX_ALT - 1).join('') + '…' : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
