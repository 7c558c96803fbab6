/**
 * Finds every embed in a post: tweet blockquotes, iframes, provider embed
 * scripts (gist, Speaker Deck, CodePen), bare provider URLs on their own
 * line, and shortcodes. Code blocks and spans, and a front-matter block at
 * the start, are skipped. Positions are in the text given: pass the whole
 * file for file positions, or just the body for body positions.
 */
import { splitFrontMatter } from '../document/front-matter-block';
import { LineIndex } from '../document/line-index';
import { attribute, elementEnd, scanTags, type HtmlTag, type SkipRange } from '../html/tags';
import { codeRanges, isInRanges, parseMarkdown } from '../markdown/parse-markdown';
import { parseWebUrl } from './parse-url';
import { recognizeEmbedUrl, type RecognizedUrl } from './providers';
import { findShortcodes } from './shortcodes';
import { isTweetBlockquote, parseTweetBlockquote } from './tweet';
import type { Embed, EmbedSyntax } from './types';

export interface FindEmbedsOptions {
  /** Ranges to ignore, sorted (front matter, code). Computed from the front-matter split and a Markdown parse when absent. */
  skip?: readonly SkipRange[];
  /** Tags already scanned with the same `skip`, to avoid scanning twice. */
  tags?: readonly HtmlTag[];
  lines?: LineIndex;
}

const TEMPLATE_EXPRESSION = /\{\{[\s\S]{0,400}?\}\}|\{%[\s\S]{0,400}?%\}/g;
const BARE_URL_LINE = /^[ \t]*<?((?:https?:)?\/\/[^\s<>]+?)>?[ \t]*$/gm;

export function findEmbeds(text: string, options: FindEmbedsOptions = {}): Embed[] {
  const skip = options.skip ?? defaultSkip(text);
  const tags = options.tags ?? scanTags(text, skip);
  const lines = options.lines ?? new LineIndex(text);
  const embeds: Embed[] = [];
  /** Ranges already claimed by an embed, so a tweet's links or a URL inside an iframe are not embeds again. */
  const claimed: [number, number][] = [];
  const claim = (start: number, end: number) => claimed.push([start, end]);
  const isClaimed = (offset: number) => claimed.some(([s, e]) => offset >= s && offset < e);

  const add = (syntax: EmbedSyntax, start: number, end: number, target: number, url: string | null, found: RecognizedUrl, extra: Partial<Embed> = {}) => {
    const embed: Embed = {
      provider: found.provider,
      syntax,
      id: found.id,
      url,
      host: found.host,
      valid: found.valid,
      start: lines.point(start),
      end: lines.point(end),
      target: lines.point(target),
      ...extra,
    };
    if (found.problem !== undefined) embed.problem = found.problem;
    embeds.push(embed);
    claim(start, end);
  };

  for (const tag of tags) {
    if (tag.closing || isClaimed(tag.start)) continue;
    if (isTweetBlockquote(tag)) {
      const end = elementEnd(tags, tag) ?? tag.end;
      const tweet = parseTweetBlockquote(text.slice(tag.start, end));
      const found: RecognizedUrl = tweet.id
        ? { provider: 'twitter', id: tweet.id, host: 'twitter.com', valid: true }
        : { provider: 'twitter', id: null, host: 'twitter.com', valid: false, problem: tweet.url ? 'This tweet link has no numeric status id (…/status/<number>).' : 'This tweet embed has no link to the tweet.' };
      const urlAt = tweet.url ? text.indexOf(tweet.url, tag.start) : -1;
      add('html', tag.start, end, urlAt >= 0 && urlAt < end ? urlAt : tag.start, tweet.url || null, found, { tweet });
      continue;
    }
    const embedded = embedFromTag(tag);
    if (!embedded) continue;
    const end = tag.name === 'script' ? (tag.rawText?.elementEnd ?? tag.end) : tag.name === 'iframe' ? (elementEnd(tags, tag) ?? tag.end) : tag.end;
    add('html', tag.start, end, embedded.target, embedded.url, embedded.found);
  }

  // A URL inside a template expression (`{{ … }}`, `{% … %}`) is that expression's argument, read by its own rules.
  const templates = [...text.matchAll(TEMPLATE_EXPRESSION)].map((m): SkipRange => [m.index, m.index + m[0].length]);
  for (const match of text.matchAll(BARE_URL_LINE)) {
    const url = match[1]!;
    const at = match.index + match[0].indexOf(url);
    if (isInRanges(skip, at) || isClaimed(at) || isInRanges(templates, at) || insideHtmlElement(tags, at)) continue;
    const found = recognizeEmbedUrl(url);
    // A bare link to a profile or a channel is a link, not an embed.
    if (!found || (found.provider === 'twitter' && !/\/status/.test(url))) continue;
    add('url', at, at + url.length, at, url, found);
  }

  for (const code of findShortcodes(text)) {
    if (isInRanges(skip, code.start) || isClaimed(code.start)) continue;
    add(code.syntax, code.start, code.end, code.target, code.url, code.recognized, code.include ? { include: code.include } : {});
  }

  return embeds.sort((a, b) => a.start.offset - b.start.offset);
}

function defaultSkip(text: string): SkipRange[] {
  const { body } = splitFrontMatter(text);
  const bodyStart = text.length - body.length;
  return [...(bodyStart > 0 ? [[0, bodyStart] as const] : []), ...codeRanges(parseMarkdown(body), bodyStart)];
}

interface TagEmbed {
  found: RecognizedUrl;
  url: string | null;
  target: number;
}

/** Embeds a single HTML tag stands for: an iframe, a provider's embed script, or CodePen's placeholder. */
function embedFromTag(tag: HtmlTag): TagEmbed | null {
  if (tag.name === 'iframe') {
    const src = attribute(tag, 'src');
    const url = src?.value?.trim() ?? '';
    if (!url) return null; // srcdoc or empty frames are unsafe-html's business
    const found = recognizeEmbedUrl(url) ?? { provider: 'iframe', id: null, host: parseWebUrl(url)?.host ?? '', valid: true };
    return { found, url, target: src!.valueStart };
  }
  if (tag.name === 'script') {
    const src = attribute(tag, 'src');
    const url = src?.value?.trim() ?? '';
    const host = parseWebUrl(url)?.host;
    if (host === 'gist.github.com') {
      const found = recognizeEmbedUrl(url);
      return found ? { found, url, target: src!.valueStart } : null;
    }
    if (host === 'speakerdeck.com' && /speakerdeck-embed/.test(attribute(tag, 'class')?.value ?? '')) {
      const id = attribute(tag, 'data-id');
      return { found: { provider: 'speakerdeck', id: id?.value ?? null, host, valid: Boolean(id?.value), ...(id?.value ? {} : { problem: 'This Speaker Deck embed has no data-id.' }) }, url, target: id?.valueStart ?? tag.start };
    }
    return null;
  }
  if (/(^|\s)codepen(\s|$)/.test(attribute(tag, 'class')?.value ?? '')) {
    const hash = attribute(tag, 'data-slug-hash');
    const user = attribute(tag, 'data-user')?.value;
    if (!hash?.value) return null;
    return { found: { provider: 'codepen', id: user ? `${user}/${hash.value}` : hash.value, host: 'codepen.io', valid: true }, url: null, target: hash.valueStart };
  }
  return null;
}

/** True when `offset` sits between an open tag and its end tag of a block element (a URL inside a tweet, a div…). */
function insideHtmlElement(tags: readonly HtmlTag[], offset: number): boolean {
  let depth = 0;
  for (const tag of tags) {
    if (tag.start >= offset) break;
    if (tag.selfClosing || VOID.has(tag.name)) continue;
    depth = Math.max(0, depth + (tag.closing ? -1 : 1));
  }
  return depth > 0;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'script']);
