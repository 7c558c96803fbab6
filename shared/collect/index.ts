/** Collected material for a post and event write-ups: pure parts shared by main process and renderer. */
export type { AddCollectedResult, CardDetails, CardFacts, CardKind, CollectedCard } from './types';
export { cardKinds } from './types';
export { readLink, readPastedLinks, MAX_URL_LENGTH, type ReadLink } from './read-urls';
export { cleanTweetBlockquote, tweetBlockquote } from './tweet-markup';
export { cardMarkup, collectedBlocks, collectedMarkup, markdownLink, TWITTER_WIDGETS_SCRIPT, WIDGETS_JS, type CardBlock, type InsertOptions } from './insert-markup';
export { insertedCards, placeBlocks, sectionEnd, sectionOf, type CardSection, type Placement } from './place-cards';
export { archiveTweets, staticQuote, type ArchiveResult, type FromTwitter } from './archive-tweets';
export { archivableEmbeds, archivableTweets, MAX_PHOTOS_PER_TWEET, MAX_TWEETS_PER_ARCHIVE, tweetKey, tweetPhotoAlt, withFacts, type ArchivedPhoto, type TweetFacts, type SavedTweetPhoto, type SaveTweetPhotosResult } from './tweet-photos';
export { DEFAULT_EVENT_SECTIONS, eventCategories, eventPosts, eventSkeleton, formatDateRange, suggestEventTitle, type PostTerms } from './event-writeup';
