/**
 * The text that inserting collected cards puts into a post, written the way
 * the site writes each kind of embed (raw HTML, bare URL, its generator's
 * shortcode or its own include). Twitter's widgets.js goes in once per
 * post: after the last tweet inserted, and not at all when the post already
 * loads it. Nothing here adds a heading: cards go where the author is, or
 * into the write-up's own sections (place-cards.ts).
 */
import { embedMarkup, type EmbedStyle } from '../embeds/embed-style';
import type { CollectedCard } from './types';

export interface InsertOptions {
  style: EmbedStyle;
  /** The post's text as the editor holds it: decides whether widgets.js is still needed. */
  postText: string;
}

export const TWITTER_WIDGETS_SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
export const WIDGETS_JS = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/platform\.twitter\.com\/widgets\.js/i;

/** One card's markup, for the renderer to place (`widgets` marks the block that carries the post's one widgets.js). */
export interface CardBlock {
  id: string;
  text: string;
  widgets: boolean;
}

/** Each card's block, widgets.js after the last tweet that needs it (none when the post has it already). */
export function collectedBlocks(cards: readonly CollectedCard[], options: InsertOptions): CardBlock[] {
  const blocks = cards.map((card) => ({ id: card.id, ...cardMarkup(card, options.style), widgets: false }));
  const lastTweet = blocks.map((b) => b.needsWidgets).lastIndexOf(true);
  if (lastTweet >= 0 && !WIDGETS_JS.test(options.postText)) {
    blocks[lastTweet]!.text += '\n' + TWITTER_WIDGETS_SCRIPT;
    blocks[lastTweet]!.widgets = true;
  }
  return blocks.map(({ id, text, widgets }) => ({ id, text, widgets }));
}

/** Blocks separated by blank lines, without a trailing newline; '' for no cards. */
export function collectedMarkup(cards: readonly CollectedCard[], options: InsertOptions): string {
  return collectedBlocks(cards, options).map((b) => b.text).join('\n\n');
}

interface Block {
  text: string;
  /** A tweet blockquote that only becomes a tweet on the site with widgets.js. */
  needsWidgets: boolean;
}

export function cardMarkup(card: CollectedCard, style: EmbedStyle): Block {
  if (card.kind === 'tweet') {
    const code = embedMarkup(card.url, style, { withWidgetScript: false });
    // The provider's blockquote (text, author, date) replaces the offline one whenever the site writes tweets as HTML.
    if (code && /twitter-tweet/.test(code)) return { text: card.details?.html ?? code, needsWidgets: true };
    if (code) return { text: code, needsWidgets: false };
  } else if (card.kind !== 'link' && card.kind !== 'github') {
    // Decks named by their page need the player id the provider told; videos and gists embed from the URL itself.
    const markup = (card.details?.embedUrl ? embedMarkup(card.details.embedUrl, style) : null) ?? embedMarkup(card.url, style);
    if (markup) return { text: markup, needsWidgets: false };
  }
  return { text: markdownLink(card), needsWidgets: false };
}

/** `[title](url)`: with the provider's title when known, else what the link itself names; never a bare `<url>`, which HTML-minded renderers show with its brackets. */
export function markdownLink(card: CollectedCard): string {
  const url = card.url.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  const title = card.details?.title ?? linkName(card);
  return `[${title.replace(/[\\[\]]/g, (c) => '\\' + c)}](${url})`;
}

function linkName(card: CollectedCard): string {
  const { owner, name } = card.facts;
  if (card.kind === 'github' && owner) return `${owner}/${name ?? ''}`;
  if ((card.kind === 'slideshare' || card.kind === 'speakerdeck') && name) {
    const words = name.replace(/[-_]+/g, ' ').trim();
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}${owner ? ` (slides by ${owner})` : ''}`;
  }
  return card.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}
