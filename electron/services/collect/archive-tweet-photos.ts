/**
 * The photos of archived tweets, kept in the site: for each tweet the
 * syndication API names its photos, each is fetched from pbs.twimg.com
 * (size and time limits as for details), then goes through the photo
 * pipeline like a dropped photo — upright, no EXIF or GPS, the site's width,
 * format and size budget — into the post's image folder as
 * `<handle>-<status id>-<n>.jpg`, never overwriting. Asked only while the
 * site allows external content (the caller decides); a failure costs that
 * tweet's photos, never the others or the archive itself. Twitter's words
 * for each tweet come back too, for quotes whose blockquote has none.
 */
import { RecapError } from '../../../shared/errors';
import { MAX_IMAGE_BYTES } from '../../../shared/media/images';
import { MAX_PHOTO_NAME } from '../../../shared/media/photo-names';
import type { PhotoResult } from '../../../shared/media/photos';
import { tweetKey, tweetPhotoAlt, type SavedTweetPhoto, type TweetFacts } from '../../../shared/collect/tweet-photos';
import type { SiteKind } from '../../../shared/model';
import { resolveLexically } from '../documents/confine';
import { importPhotos, type PhotoInput, type PhotoOptions } from '../media/process-photo';
import { isPostPath } from '../workspace/find-posts';
import { DEFAULT_LIMITS, DetailsError, fetchBytes, fetchJson, type FetchLimits } from './fetch-limited';
import { readTweetResult } from './read-tweet-result';
import { photoRequest, resolveTweetEndpoints, tweetResultRequest, type TweetEndpoints } from './tweet-endpoints';
import { inParallel } from './in-parallel';

/** Twitter's "large" photos are a few hundred KB; a bigger answer is not a photo worth waiting for. */
export const PHOTO_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: Math.min(MAX_IMAGE_BYTES, 10 * 1024 * 1024) };

export interface TweetPhotoArchiverOptions {
  endpoints?: TweetEndpoints;
  /** For the syndication API's JSON. */
  limits?: FetchLimits;
  /** For each photo file. */
  photoLimits?: FetchLimits;
  /** Tweets asked about at once. */
  concurrency?: number;
}

export interface SiteForPhotos {
  root: string;
  kind: SiteKind;
  photos: PhotoOptions;
}

export interface ArchivedTweetPhotos {
  photos: SavedTweetPhoto[];
  /** Twitter's words for each tweet it answered for. */
  tweets: TweetFacts[];
  /** One sentence naming what could not be saved, or null. */
  failed: string | null;
}

interface TweetOutcome {
  photos: SavedTweetPhoto[];
  facts?: TweetFacts | null;
  /** `@handle` (or the status id) when some photos were lost, with why and how many. */
  lost?: { who: string; reason: string; count: number | null };
}

export class TweetPhotoArchiver {
  private readonly endpoints: TweetEndpoints;
  private readonly limits: FetchLimits;
  private readonly photoLimits: FetchLimits;

  constructor(private readonly options: TweetPhotoArchiverOptions = {}) {
    this.endpoints = options.endpoints ?? resolveTweetEndpoints();
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.photoLimits = options.photoLimits ?? PHOTO_LIMITS;
  }

  /** `tweets` are status URLs; each tweet's photos are saved once, in the order given. */
  async save(site: SiteForPhotos, postPath: string, tweets: readonly string[]): Promise<ArchivedTweetPhotos> {
    resolveLexically(site.root, postPath);
    if (!isPostPath(site.kind, postPath)) throw new RecapError('refused', `${postPath} is not a post of this site.`);
    const ids = [...new Set(tweets.map(tweetKey).filter((id) => /^\d{1,25}$/.test(id)))];
    const outcomes: TweetOutcome[] = new Array(ids.length);
    await inParallel(ids, this.options.concurrency ?? 2, async (id, index) => {
      outcomes[index] = await this.saveTweet(site, postPath, id, handleOf(tweets, id));
    });
    return { photos: outcomes.flatMap((o) => o.photos), tweets: outcomes.flatMap((o) => (o.facts ? [o.facts] : [])), failed: failureSentence(outcomes.flatMap((o) => (o.lost ? [o.lost] : []))) };
  }

  private async saveTweet(site: SiteForPhotos, postPath: string, id: string, urlHandle: string | null): Promise<TweetOutcome> {
    let result;
    try {
      result = readTweetResult(id, await fetchJson(tweetResultRequest(id, this.endpoints), this.limits));
    } catch (error) {
      return { photos: [], lost: { who: who(urlHandle, id), reason: reasonOf(error), count: null } };
    }
    const handle = result.handle ?? urlHandle;
    const inputs: (PhotoInput & { alt: string })[] = [];
    const reasons: string[] = [];
    for (const [index, photo] of result.photos.entries()) {
      const request = photoRequest(photo.url, this.endpoints);
      if (!request) {
        reasons.push('its photo is not on Twitter’s photo server');
        continue;
      }
      try {
        const data = await fetchBytes(request.url, this.photoLimits);
        inputs.push({ name: `${id}-${index + 1}.${request.extension}`, stem: photoStem(handle, id, index + 1), data, alt: photo.alt ?? tweetPhotoAlt(handle ?? '') });
      } catch (error) {
        reasons.push(reasonOf(error));
      }
    }
    const saved: SavedTweetPhoto[] = [];
    if (inputs.length > 0) {
      let results: PhotoResult[];
      try {
        results = await importPhotos(site.root, site.kind, postPath, inputs, site.photos);
      } catch (error) {
        if (!(error instanceof RecapError)) throw error;
        results = inputs.map((input) => ({ name: input.name, error: error.message }));
      }
      results.forEach((r, i) => {
        if (r.sitePath && r.markdownPath) saved.push({ statusId: id, src: r.markdownPath, alt: inputs[i]!.alt, sitePath: r.sitePath, ...(r.width ? { width: r.width } : {}), ...(r.height ? { height: r.height } : {}) });
        else reasons.push(r.error ?? 'the photo could not be processed');
      });
    }
    const lostCount = result.photos.length - saved.length;
    const facts = result.facts;
    return lostCount > 0 ? { photos: saved, facts, lost: { who: who(handle, id), reason: reasons[0] ?? 'unknown error', count: lostCount } } : { photos: saved, facts };
  }
}

/** `alexellisuk-1195828490290860032-1`: whose tweet, which tweet, which photo; within the 60 characters of a photo name. */
export function photoStem(handle: string | null, id: string, number: number): string {
  const who = (handle ?? '').toLowerCase().replace(/[^a-z0-9_]/g, '') || 'tweet';
  const room = MAX_PHOTO_NAME - '.webp'.length - '-99'.length; // the longest extension and a possible `-2`
  return `${who}-${id}-${number}`.slice(-room).replace(/^[-_]+/, '');
}

/** The handle the post's own link names (`twitter.com/<handle>/status/<id>`), for messages when Twitter names none. */
function handleOf(tweets: readonly string[], id: string): string | null {
  for (const url of tweets) {
    const match = /^https?:\/\/(?:(?:www|mobile)\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/i.exec(url);
    if (match && match[2] === id && match[1]!.toLowerCase() !== 'i') return match[1]!;
  }
  return null;
}

function who(handle: string | null, id: string): string {
  return handle ? `@${handle}’s tweet` : `tweet ${id}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof DetailsError || error instanceof RecapError) return error.message.replace(/\.$/, '').replace(/^The provider/, 'Twitter');
  return 'unknown error';
}

/** "The photos of @a’s tweet could not be saved (Twitter did not answer within 20 s); the tweets keep their text." */
export function failureSentence(lost: readonly { who: string; reason: string; count: number | null }[]): string | null {
  if (lost.length === 0) return null;
  const first = lost[0]!;
  const what = (l: (typeof lost)[number]) => (l.count === null ? `the photos of ${l.who}` : l.count === 1 ? `1 photo of ${l.who}` : `${l.count} photos of ${l.who}`);
  const list = lost.length === 1 ? what(first) : lost.length === 2 ? `${what(first)} and ${what(lost[1]!)}` : `${what(first)} and of ${lost.length - 1} more tweets`;
  return `Could not save ${list} (${lowerFirst(first.reason)}); the tweets are archived with their text.`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !/^Twitter/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
