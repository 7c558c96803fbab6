/**
 * A tweet blockquote rebuilt from what parseTweetBlockquote read, so what
 * a provider sends never reaches a post as is: only the paragraph text, its
 * http(s) links, the byline and the status link survive, all escaped.
 * The result has the shape Twitter's own embed code has, without the script.
 */
import { parseTweetBlockquote } from '../embeds/tweet';
import type { Tweet } from '../embeds/types';

/** The clean blockquote for oEmbed `html`, or null when it holds no tweet with a status link. */
export function cleanTweetBlockquote(html: string): string | null {
  const start = html.search(/<blockquote\b/i);
  const end = html.search(/<\/blockquote\s*>/i);
  if (start < 0 || end < start) return null;
  const tweet = parseTweetBlockquote(html.slice(start, end + html.slice(end).indexOf('>') + 1));
  return tweet.id && isHttps(tweet.url) ? tweetBlockquote(tweet) : null;
}

export function tweetBlockquote(tweet: Tweet): string {
  const lang = tweet.lang && /^[A-Za-z-]{1,16}$/.test(tweet.lang) ? ` lang="${tweet.lang}"` : '';
  const byline = tweet.handle ? `&mdash; ${escapeText(tweet.author)} (@${escapeText(tweet.handle)}) ` : '';
  return `<blockquote class="twitter-tweet"><p${lang} dir="ltr">${paragraph(tweet)}</p>${byline}<a href="${escapeAttribute(tweet.url)}">${escapeText(tweet.date || tweet.url)}</a></blockquote>`;
}

/** The tweet's text with its links put back where their text appears, in order. */
function paragraph(tweet: Tweet): string {
  return withLinks(tweet, escapeText, (text, href) => `<a href="${escapeAttribute(href)}">${escapeText(text)}</a>`);
}

/** The tweet's text, its https links written by `link` where their text appears (in order), the rest by `plain`. */
export function withLinks(tweet: Tweet, plain: (text: string) => string, link: (text: string, href: string) => string): string {
  let out = '';
  let at = 0;
  for (const { text, href } of tweet.links) {
    if (!text || !isHttps(href)) continue;
    const found = tweet.text.indexOf(text, at);
    if (found < 0) continue;
    out += plain(tweet.text.slice(at, found)) + link(text, href);
    at = found + text.length;
  }
  return out + plain(tweet.text.slice(at));
}

function isHttps(url: string): boolean {
  return /^https:\/\/[^\s"'<>]+$/i.test(url);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
