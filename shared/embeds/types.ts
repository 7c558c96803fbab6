/** What an embed is, wherever in a post it was written and however it was spelled. */
import type { SourcePoint } from '../document/line-index';

export const embedProviders = ['twitter', 'youtube', 'vimeo', 'slideshare', 'speakerdeck', 'gist', 'codepen', 'iframe'] as const;
export type EmbedProvider = (typeof embedProviders)[number];

/**
 * How the embed was written: raw HTML (`<iframe>`, tweet `<blockquote>`,
 * embed `<script>`), a bare URL on its own line, a generator's shortcode, or
 * a Jekyll include named for the provider (`{% include youtube.html id="…" %}`).
 */
export type EmbedSyntax = 'html' | 'url' | 'hugo' | 'zola' | 'liquid' | 'include';

export interface Tweet {
  /** Display name, e.g. "Alex Ellis". */
  author: string;
  /** Without the `@`. */
  handle: string;
  /** Plain text of the tweet, `<br>` as line breaks, entities decoded. */
  text: string;
  links: { text: string; href: string }[];
  /** As the blockquote shows it ("November 16, 2019"). */
  date: string;
  /** The tweet's status URL (tracking query removed). */
  url: string;
  /** Numeric status id, or null when the URL has none. */
  id: string | null;
  lang: string | null;
}

export interface Embed {
  provider: EmbedProvider;
  syntax: EmbedSyntax;
  /** Provider's id (YouTube video id, tweet status id, `user/slug`…), null when none could be read. */
  id: string | null;
  /** The URL the embed loads or links to, as written (protocol-relative kept), or null for an id-only shortcode. */
  url: string | null;
  /** Host the embed loads from, e.g. `www.youtube.com` (for facades and the frame allowlist). */
  host: string | null;
  valid: boolean;
  /** Why it is invalid, as a sentence for the author. */
  problem?: string;
  /** Where the embed's markup starts and ends (end is exclusive). */
  start: SourcePoint;
  end: SourcePoint;
  /** Where its URL or id is written, when that is narrower than the whole embed (for precise problems). */
  target?: SourcePoint;
  /** For an include: its file and the parameter naming the id or URL (null when positional). */
  include?: { file: string; param: string | null };
  /** For tweet blockquotes: everything the offline card shows. */
  tweet?: Tweet;
}
