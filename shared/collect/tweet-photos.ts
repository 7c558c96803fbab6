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

/** What Twitter says about a tweet, for a quote whose blockquote lacks it (inserted offline: only the handle and link). */
export interface TweetFacts {
  statusId: string;
  /** Plain text, links shown by their display text (see `links`); the photos' own t.co links left out. */
  text: string;
  links: { text: string; href: string }[];
  author: string;
  handle: string;
  /** As Twitter's embeds show it: "November 16, 2019". */
  date: string;
}

export interface SaveTweetPhotosResult {
  /** Every photo saved, in the tweets' order. */
  photos: SavedTweetPhoto[];
  /** What Twitter said about each tweet it answered for. */
  tweets: TweetFacts[];
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

/** The tweet as a quote shows it: the blockquote's own words first, Twitter's where the blockquote has none. */
export function withFacts(tweet: Tweet, facts: TweetFacts | undefined): Tweet {
  if (!facts) return tweet;
  const hasText = tweet.text.trim() !== '';
  // An offline blockquote shows its status URL where the date goes.
  const hasDate = tweet.date.trim() !== '' && !/^https?:\/\//i.test(tweet.date.trim());
  return {
    ...tweet,
    text: hasText ? tweet.text : facts.text,
    links: hasText ? tweet.links : facts.links,
    author: tweet.author || facts.author,
    handle: tweet.handle || facts.handle,
    date: hasDate ? tweet.date : facts.date || tweet.date,
  };
}

/** The default alt text of a tweet's photo. */
export function tweetPhotoAlt(handle: string): string {
  return handle ? `Photo from @${handle}'s tweet` : 'Photo from a tweet';
}
