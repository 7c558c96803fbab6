/**
 * "Archive tweets": every tweet blockquote of a post becomes a static quote
 * (text, author, handle, date, a link to the original) and widgets.js goes,
 * so nothing of Twitter loads for the post's readers and a deleted tweet no
 * longer leaves a hole. Works from what each blockquote already holds, so it
 * needs no network. The quote is Markdown by default (every generator
 * renders it), or the site's own markup from `.recap.json` `tweets.archiveMarkup`.
 * Photos the main process saved for a tweet (saveTweetPhotos, only while
 * external content is allowed) go into its quote: Markdown images, or the
 * markup's `{photos}` as `<img>` tags (after the markup when it has none).
 */
import { findEmbeds } from '../embeds/find-embeds';
import type { Tweet } from '../embeds/types';
import { withLinks } from './tweet-markup';
import { archivableEmbeds, tweetKey, withFacts, type ArchivedPhoto, type TweetFacts } from './tweet-photos';

export interface ArchiveResult {
  text: string;
  /** Tweets turned into quotes. */
  archived: number;
}

/** widgets.js script tags with the line break after them. */
const WIDGETS_SCRIPT = /[ \t]*<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/platform\.twitter\.com\/widgets\.js[^>]*>\s*<\/script>[ \t]*\n?/gi;

export interface FromTwitter {
  /** Saved photos, matched to tweets by status id. */
  photos?: readonly ArchivedPhoto[];
  /** Twitter's words for tweets whose blockquote has none. */
  tweets?: readonly TweetFacts[];
}

/**
 * Every tweet embed of the text, or with `only` just the embeds of that tweet (by its status id, else its URL).
 * What saveTweetPhotos found (`found`) fills the quotes; without it they hold what the blockquotes hold.
 */
export function archiveTweets(text: string, markup?: string, only?: string, found: FromTwitter = {}): ArchiveResult {
  const photos = found.photos ?? [];
  const facts = new Map((found.tweets ?? []).map((t) => [t.statusId, t]));
  const tweets = archivableEmbeds(text, only);
  const chosen = new Set(tweets.map((e) => e.start.offset));
  // Only once no tweet needs it; a Hugo or Liquid tweet shortcode does not use the script either.
  const scriptsGo = !findEmbeds(text).some((e) => e.provider === 'twitter' && e.syntax === 'html' && !chosen.has(e.start.offset));
  const clean = (segment: string) => (scriptsGo ? withoutWidgets(segment) : segment);
  let out = '';
  let at = 0;
  tweets.forEach((embed, index) => {
    const key = tweetKey(embed.tweet.url);
    out += clean(text.slice(at, embed.start.offset)) + staticQuote(withFacts(embed.tweet, facts.get(key)), markup, photos.filter((p) => p.statusId === key));
    at = embed.end.offset;
    const next = tweets[index + 1]?.start.offset ?? text.length;
    out += blockEnd(clean(text.slice(at, next)), next < text.length);
    at = next;
  });
  out += clean(text.slice(at));
  return { text: out, archived: tweets.length };
}

/**
 * What follows a quote, starting on a line of its own after a blank line:
 * a Markdown quote (or an HTML block) would otherwise swallow the next line,
 * as `</blockquote> <script…></script>\nMore text` leaves it once the script goes.
 */
function blockEnd(following: string, more: boolean): string {
  if ((following.trim() === '' && !more) || /^[ \t]*\n[ \t]*\n/.test(following)) return following;
  const rest = following.replace(/^[ \t]+/, '');
  return rest.startsWith('\n') ? `\n${rest}` : `\n\n${rest}`;
}

/** The text without widgets.js; a script alone between blank lines leaves one blank line, not two. */
function withoutWidgets(segment: string): string {
  let out = '';
  let at = 0;
  for (const match of segment.matchAll(WIDGETS_SCRIPT)) {
    out += segment.slice(at, match.index);
    at = match.index + match[0].length;
    const before = /\n*$/.exec(out)![0].length;
    const after = /^\n*/.exec(segment.slice(at))![0].length;
    if (before > 0 && before + after > 2) at += Math.min(after, before + after - 2);
  }
  return out + segment.slice(at);
}

export function staticQuote(tweet: Tweet, markup?: string, photos: readonly ArchivedPhoto[] = []): string {
  const url = tweet.url.replace(/^http:/, 'https:');
  if (markup) {
    const values: Record<string, string> = {
      text: htmlText(tweet),
      author: escapeHtml(tweet.author || `@${tweet.handle}`),
      handle: escapeHtml(tweet.handle),
      date: escapeHtml(tweet.date || 'the original'),
      url: escapeHtml(url),
      // One line of tags: a blank line would end the markup's HTML block in Markdown.
      photos: photos.map((p) => `<img src="${escapeHtml(p.src)}" alt="${escapeHtml(p.alt)}">`).join(''),
    };
    const quote = markup.replace(/\{(text|author|handle|date|url|photos)\}/g, (_m, key: string) => values[key]!);
    // A site markup without {photos} still keeps them: as Markdown images after it, which every generator renders.
    return photos.length > 0 && !markup.includes('{photos}') ? `${quote}\n\n${photos.map(markdownImage).join('\n')}` : quote;
  }
  const lines = markdownText(tweet).split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`));
  const who = tweet.author && tweet.handle ? `${escapeMarkdown(tweet.author)} (@${tweet.handle})` : tweet.handle ? `@${tweet.handle}` : escapeMarkdown(tweet.author || 'A tweet');
  const body = lines.length > 0 && tweet.text.trim() !== '' ? [...lines, '>'] : [];
  const images = photos.length > 0 ? [...photos.map((p) => `> ${markdownImage(p)}`), '>'] : [];
  return [...body, ...images, `> — ${who}, [${escapeMarkdown(tweet.date || 'on Twitter')}](${url})`].join('\n');
}

function markdownImage(photo: ArchivedPhoto): string {
  return `![${escapeMarkdown(photo.alt.replace(/\s+/g, ' ').trim())}](${photo.src.replace(/[()\s<>]/g, encodeURIComponent)})`;
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
