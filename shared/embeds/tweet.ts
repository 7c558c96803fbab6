/**
 * Reads a tweet embed (`<blockquote class="twitter-tweet">…</blockquote>`)
 * into the facts an offline card shows. Twitter's markup is stable:
 * `<p>text</p>&mdash; Name (@handle) <a href="…/status/id">date</a>`.
 */
import { decodeEntities } from '../html/entities';
import { attribute, scanTags, type HtmlTag } from '../html/tags';
import type { Tweet } from './types';

export function isTweetBlockquote(tag: HtmlTag): boolean {
  return tag.name === 'blockquote' && !tag.closing && /(^|\s)twitter-(tweet|video)(\s|$)/.test(attribute(tag, 'class')?.value ?? '');
}

export function parseTweetBlockquote(html: string): Tweet {
  const tags = scanTags(html);
  const paragraphOpen = tags.find((t) => t.name === 'p' && !t.closing);
  const paragraphClose = paragraphOpen ? tags.find((t) => t.name === 'p' && t.closing && t.start > paragraphOpen.start) : undefined;
  const bodyStart = paragraphOpen?.end ?? tags[0]?.end ?? 0;
  const bodyEnd = paragraphClose?.start ?? bodyStart;

  const links: Tweet['links'] = [];
  const anchors = pairAnchors(html, tags);
  for (const a of anchors) if (a.start >= bodyStart && a.end <= bodyEnd) links.push({ text: a.text, href: a.href });

  // The byline and the date link follow the paragraph; the last link is the tweet's own.
  const tail = anchors.filter((a) => a.start >= (paragraphClose?.end ?? bodyEnd));
  const statusLink = tail[tail.length - 1] ?? anchors.filter((a) => /\/status(es)?\/\d+/.test(a.href)).pop();
  const bylineEnd = statusLink?.start ?? html.length;
  const byline = textOf(html.slice(paragraphClose?.end ?? bodyEnd, bylineEnd), scanTags(html.slice(paragraphClose?.end ?? bodyEnd, bylineEnd)));
  const who = /^[\s—–-]*(.*?)\s*\(@([A-Za-z0-9_]+)\)\s*$/s.exec(byline);

  const url = (statusLink?.href ?? '').replace(/\?.*$/, '');
  return {
    author: who?.[1]?.trim() ?? '',
    handle: who?.[2] ?? '',
    text: textOf(html.slice(bodyStart, bodyEnd), scanTags(html.slice(bodyStart, bodyEnd))).trim(),
    links,
    date: statusLink?.text ?? '',
    url,
    id: /\/status(?:es)?\/(\d+)/.exec(url)?.[1] ?? null,
    lang: (paragraphOpen && attribute(paragraphOpen, 'lang')?.value) || null,
  };
}

interface Anchor {
  href: string;
  text: string;
  start: number;
  end: number;
}

function pairAnchors(html: string, tags: HtmlTag[]): Anchor[] {
  const anchors: Anchor[] = [];
  tags.forEach((tag, index) => {
    if (tag.name !== 'a' || tag.closing) return;
    const close = tags.slice(index + 1).find((t) => t.name === 'a' && t.closing);
    const end = close?.start ?? tag.end;
    const inner = html.slice(tag.end, end);
    anchors.push({ href: hrefOf(html, tag), text: textOf(inner, scanTags(inner)).trim(), start: tag.start, end: close?.end ?? tag.end });
  });
  return anchors;
}

const TEMPLATE_URL = /^\{[{%]-?\s*["']([^"']+)["']/;

/**
 * The link's target. A template may write it (`href="{{ "https://twitter.com/…/status/1" | canonicalTwitterUrl }}"`):
 * its inner quotes end the attribute early, so the URL is read from the tag as written.
 */
function hrefOf(html: string, tag: HtmlTag): string {
  const href = attribute(tag, 'href')?.value ?? '';
  if (!/^\{[{%]/.test(href.trim())) return href;
  const written = /\bhref\s*=\s*["']?(\{[{%][\s\S]*?[}%]\})/.exec(html.slice(tag.start, tag.end))?.[1] ?? '';
  return TEMPLATE_URL.exec(written)?.[1] ?? href;
}

/** Text content: tags dropped, `<br>` kept as line breaks, entities decoded, runs of spaces collapsed. */
function textOf(html: string, tags: HtmlTag[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const tag of tags) {
    parts.push(collapse(html.slice(at, tag.start)));
    if (tag.name === 'br') parts.push('\n');
    at = tag.end;
  }
  parts.push(collapse(html.slice(at)));
  return parts.join('').replace(/ *\n */g, '\n');
}

function collapse(html: string): string {
  return decodeEntities(html.replace(/[\t\r\n ]+/g, ' '));
}
