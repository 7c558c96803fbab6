/**
 * Tweet photos kept by "Archive tweets": what the main process saved into
 * the post's image folder for each tweet, and which tweets of a text an
 * archive would touch (so the photos asked for are the quotes' photos).
 */
import { findEmbeds } from '../embeds/find-embeds';
import type { Embed, Tweet } from '../embeds/types';

/** Tweets per saveTweetPhotos call: more than any write-up holds. */
export const MAX_TWEETS_PER_ARCHIVE = 100;
/** Twitter shows at most four photos per tweet. */
export const MAX_PHOTOS_PER_TWEET = 4;

export interface ArchivedPhoto {
  /** The tweet's numeric status id. */
  statusId: string;
  /** As the post writes it: `/images/slug/alexellisuk-1195828490290860032-1.jpg`, or the bare name in a page bundle. */
  src: string;
  /** The tweet's own alt text when it has one, else "Photo from @handle's tweet". */
  alt: string;
}

export interface SavedTweetPhoto extends ArchivedPhoto {
  /** Where it was written, site-relative. */
  sitePath: string;
  width?: number;
  height?: number;
}

export interface SaveTweetPhotosResult {
  /** Every photo saved, in the tweets' order. */
  photos: SavedTweetPhoto[];
  /** False when the site's "Load external content" is off: nothing was asked for, nothing saved. */
  fetched: boolean;
  /** Photos that could not be saved, in one sentence (the tweets are archived with their text anyway); null when none failed. */
  failed: string | null;
}

/** The tweet embeds an archive of `text` turns into quotes: all of them, or with `only` the embeds of that tweet (by its status id, else its URL). */
export function archivableEmbeds(text: string, only?: string): (Embed & { tweet: Tweet })[] {
  const wanted = only === undefined ? null : tweetKey(only);
  return findEmbeds(text).filter((e): e is Embed & { tweet: Tweet } => e.provider === 'twitter' && !!e.tweet && !!e.tweet.url && (wanted === null || tweetKey(e.tweet.url) === wanted));
}

/** The tweets of archivableEmbeds, each once (a tweet quoted twice has its photos saved once). */
export function archivableTweets(text: string, only?: string): Tweet[] {
  const seen = new Set<string>();
  return archivableEmbeds(text, only).flatMap(({ tweet }) => {
    const key = tweetKey(tweet.url);
    if (seen.has(key)) return [];
    seen.add(key);
    return [tweet];
  });
}

/** twitter.com, x.com, mobile links and tracking parameters all name one tweet by its status id. */
export function tweetKey(url: string): string {
  return /\/status(?:es)?\/(\d+)/.exec(url)?.[1] ?? url.trim();
}

/** The default alt text of a tweet's photo. */
export function tweetPhotoAlt(handle: string): string {
  return handle ? `Photo from @${handle}'s tweet` : 'Photo from a tweet';
}
