/** Collected material: links gathered for a post before they are written into it. */

export const cardKinds = ['tweet', 'youtube', 'vimeo', 'slideshare', 'speakerdeck', 'gist', 'codepen', 'github', 'link'] as const;
export type CardKind = (typeof cardKinds)[number];

/** What the URL itself tells, without asking anyone. */
export interface CardFacts {
  /** Tweet author's handle, without `@`. */
  handle?: string;
  /** Tweet status id. */
  statusId?: string;
  /** YouTube or Vimeo video id. */
  videoId?: string;
  /** GitHub repository owner and name; Speaker Deck / SlideShare `user` and `slug`. */
  owner?: string;
  name?: string;
}

/** What the provider said (oEmbed or the GitHub API), sanitised: plain text and https URLs only. */
export interface CardDetails {
  title?: string;
  author?: string;
  thumbnailUrl?: string;
  /** Tweets: the clean blockquote (no script), rebuilt from what the provider sent. */
  html?: string;
  /** Decks: the player URL the iframe loads (`https://speakerdeck.com/player/<id>`). */
  embedUrl?: string;
  /** GitHub repositories: the description. */
  description?: string;
  /** ISO timestamp of the answer. */
  fetchedAt: string;
}

export interface CollectedCard {
  /** Stable for the same link: pasting it again finds the same card. */
  id: string;
  /** The link as collected (https, tracking query removed). */
  url: string;
  kind: CardKind;
  facts: CardFacts;
  details?: CardDetails;
  /** Why details could not be loaded; the card still inserts (offline markup or a link). */
  error?: string;
  /** ISO timestamp. */
  addedAt: string;
}

export interface AddCollectedResult {
  /** Every card of the post, in order. */
  cards: CollectedCard[];
  /** Ids of the cards this paste added (links already collected are not added twice). */
  added: string[];
  /** Words of the pasted text that are not web links. */
  ignored: string[];
}

/** What the "Event write-up" choice of the New post dialog shows before creating the post. */
export interface EventPostDefaults {
  /** "<Event> <City> highlights". */
  title: string;
  /** The front-matter key categories go to (`categories`, or `tags` on a site without categories); null when the site uses neither. */
  categoryKey: string | null;
  /** Learned from the site's event posts (or `.recap.json` eventWriteUp.categories). */
  categories: string[];
  /** The body's `##` sections. */
  sections: string[];
}
