/**
 * "Archive tweets": every tweet blockquote of a post becomes a static quote
 * (text, author, handle, date, a link to the original) and widgets.js goes,
 * so nothing of Twitter loads for the post's readers and a deleted tweet no
 * longer leaves a hole. Works from what each blockquote already holds, so it
 * needs no network. The quote is Markdown by default (every generator
 * renders it), or the site's own markup from `.recap.json` `tweets.archiveMarkup`.
 */
import { findEmbeds } from '../embeds/find-embeds';
import type { Tweet } from '../embeds/types';
import { withLinks } from './tweet-markup';

export interface ArchiveResult {
  text: string;
  /** Tweets turned into quotes. */
  archived: number;
}

/** widgets.js script tags with the line break after them. */
const WIDGETS_SCRIPT = /[ \t]*<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/platform\.twitter\.com\/widgets\.js[^>]*>\s*<\/script>[ \t]*\n?/gi;

/** Every tweet embed of the text, or with `only` just the embeds of that tweet (by its status id, else its URL). */
export function archiveTweets(text: string, markup?: string, only?: string): ArchiveResult {
  const wanted = only === undefined ? null : tweetKey(only);
  const tweets = findEmbeds(text).filter((e) => e.provider === 'twitter' && e.tweet && e.tweet.url && (wanted === null || tweetKey(e.tweet.url) === wanted));
  let out = '';
  let at = 0;
  for (const embed of tweets) {
    out += text.slice(at, embed.start.offset) + staticQuote(embed.tweet!, markup);
    at = embed.end.offset;
  }
  out += text.slice(at);
  // Only once no tweet needs it; a Hugo or Liquid tweet shortcode does not use the script either.
  const remaining = findEmbeds(out).some((e) => e.provider === 'twitter' && e.syntax === 'html');
  if (!remaining) out = out.replace(WIDGETS_SCRIPT, '').replace(/\n{3,}/g, '\n\n');
  return { text: out, archived: tweets.length };
}

/** twitter.com, x.com, mobile links and tracking parameters all name one tweet by its status id. */
function tweetKey(url: string): string {
  return /\/status(?:es)?\/(\d+)/.exec(url)?.[1] ?? url.trim();
}

export function staticQuote(tweet: Tweet, markup?: string): string {
  const url = tweet.url.replace(/^http:/, 'https:');
  if (markup) {
    const values: Record<string, string> = { text: htmlText(tweet), author: escapeHtml(tweet.author || `@${tweet.handle}`), handle: escapeHtml(tweet.handle), date: escapeHtml(tweet.date || 'the original'), url: escapeHtml(url) };
    return markup.replace(/\{(text|author|handle|date|url)\}/g, (_m, key: string) => values[key]!);
  }
  const lines = markdownText(tweet).split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
  const who = tweet.author && tweet.handle ? `${escapeMarkdown(tweet.author)} (@${tweet.handle})` : tweet.handle ? `@${tweet.handle}` : escapeMarkdown(tweet.author || 'A tweet');
  const body = lines.length > 0 && tweet.text.trim() !== '' ? [...lines, '>'] : [];
  return [...body, `> — ${who}, [${escapeMarkdown(tweet.date || 'on Twitter')}](${url})`].join('\n');
}

/** The tweet's text with its links as Markdown links. */
function markdownText(tweet: Tweet): string {
  return withLinks(tweet, escapeMarkdown, (text, href) => `[${escapeMarkdown(text)}](${href.replace(/[()\s]/g, encodeURIComponent)})`);
}

function htmlText(tweet: Tweet): string {
  return withLinks(tweet, (t) => escapeHtml(t).replace(/\n/g, '<br>'), (text, href) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`);
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
