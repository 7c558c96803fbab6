/**
 * What "Archive tweets" takes from the syndication API's answer about a
 * tweet (react-tweet's `Tweet` shape): the author's handle and the photos
 * (`mediaDetails` of type photo, else `photos`), each with its alt text when
 * the author wrote one. Nothing else of the answer is used, and only photo
 * URLs on pbs.twimg.com survive (see photoRequest).
 */
import { decodeEntities } from '../../../shared/html/entities';
import { MAX_PHOTOS_PER_TWEET } from '../../../shared/collect/tweet-photos';
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
}

const MAX_ALT = 1000;

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
  return { handle, photos: photos.slice(0, MAX_PHOTOS_PER_TWEET) };
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
