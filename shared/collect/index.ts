/** Collected material for a post and event write-ups: pure parts shared by main process and renderer. */
export type { AddCollectedResult, CardDetails, CardFacts, CardKind, CollectedCard } from './types';
export { cardKinds } from './types';
export { readLink, readPastedLinks, MAX_URL_LENGTH, type ReadLink } from './read-urls';
export { cleanTweetBlockquote, tweetBlockquote } from './tweet-markup';
export { cardMarkup, collectedMarkup, markdownLink, TWITTER_WIDGETS_SCRIPT, type InsertOptions } from './insert-markup';
export { DEFAULT_EVENT_SECTIONS, eventCategories, eventPosts, eventSkeleton, formatDateRange, suggestEventTitle, type PostTerms } from './event-writeup';
