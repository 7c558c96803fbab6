/**
 * The text that inserting collected cards puts into a post, written the way
 * the site writes embeds (raw HTML, bare URL or its generator's shortcode).
 * Twitter's widgets.js goes in once per post: after the last tweet inserted,
 * and not at all when the post already loads it.
 */
import { embedMarkup, type EmbedStyle } from '../embeds/embed-style';
import type { CollectedCard } from './types';

export interface InsertOptions {
  style: EmbedStyle;
  /** The post's text as the editor holds it: decides whether widgets.js is still needed. */
  postText: string;
  /** "Insert all": start with a `## <section>` heading. */
  section?: string;
}

export const TWITTER_WIDGETS_SCRIPT = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
const WIDGETS_JS = /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/platform\.twitter\.com\/widgets\.js/i;

/** Blocks separated by blank lines, without a trailing newline; '' for no cards. */
export function collectedMarkup(cards: readonly CollectedCard[], options: InsertOptions): string {
  const blocks = cards.map((card) => cardMarkup(card, options.style));
  const lastTweet = blocks.map((b) => b.needsWidgets).lastIndexOf(true);
  if (lastTweet >= 0 && !WIDGETS_JS.test(options.postText)) blocks[lastTweet]!.text += '\n' + TWITTER_WIDGETS_SCRIPT;
  const texts = blocks.map((b) => b.text);
  const section = options.section?.replace(/[\r\n]+/g, ' ').trim();
  if (section && texts.length > 0) texts.unshift(`## ${section}`);
  return texts.join('\n\n');
}

interface Block {
  text: string;
  /** A tweet blockquote that only becomes a tweet on the site with widgets.js. */
  needsWidgets: boolean;
}

export function cardMarkup(card: CollectedCard, style: EmbedStyle): Block {
  if (card.kind === 'tweet') {
    if (style === 'html') {
      const quote = card.details?.html ?? embedMarkup(card.url, 'html', { withWidgetScript: false });
      if (quote) return { text: quote, needsWidgets: true };
    } else {
      const code = embedMarkup(card.url, style, { withWidgetScript: false });
      if (code) return { text: code, needsWidgets: /twitter-tweet/.test(code) };
    }
  } else if (card.kind !== 'link' && card.kind !== 'github') {
    // Decks named by their page need the player id the provider told; videos and gists embed from the URL itself.
    const markup = (card.details?.embedUrl ? embedMarkup(card.details.embedUrl, style) : null) ?? embedMarkup(card.url, style);
    if (markup) return { text: markup, needsWidgets: false };
  }
  return { text: markdownLink(card), needsWidgets: false };
}

/** `[title](url)` when a title is known, else `<url>` (an autolink every Markdown flavour shows). */
export function markdownLink(card: CollectedCard): string {
  const title = card.details?.title ?? (card.kind === 'github' && card.facts.owner ? `${card.facts.owner}/${card.facts.name ?? ''}` : '');
  const url = card.url.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  if (!title) return `<${url}>`;
  return `[${title.replace(/[\\[\]]/g, (c) => '\\' + c)}](${url})`;
}
