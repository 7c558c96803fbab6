/**
 * insecure-url: `http://` where https works. Links to hosts known to serve
 * https get a quick fix; anything the page itself loads over http (frames,
 * scripts, images) is reported whatever the host, because an https site
 * blocks or flags that mixed content.
 */
import { isHttpsHost } from '../../embeds/providers';
import { isInRanges, walkMarkdown } from '../../markdown/parse-markdown';
import type { SkipRange } from '../../html/tags';
import { problemAt, type PostContext } from '../post-context';
import type { Problem } from '../types';

const HTTP_URL = /\bhttp:\/\/([^\s"'<>()[\]`]+)/gi;
const LOADING_TAGS = new Set(['iframe', 'script', 'img', 'embed', 'source', 'video', 'audio', 'track', 'object', 'input', 'link']);

export function checkInsecureUrls(context: PostContext): Problem[] {
  const problems: Problem[] = [];
  const codeOnly = context.skip.filter(([start]) => start >= context.bodyStart); // front-matter URLs count too
  const loaded = loadedRanges(context);
  for (const match of context.text.matchAll(HTTP_URL)) {
    const at = match.index;
    if (isInRanges(codeOnly, at)) continue;
    const host = /^([^/?#:]+)/.exec(match[1]!)?.[1]?.toLowerCase() ?? '';
    const knownHttps = isHttpsHost(host);
    const isLoaded = isInRanges(loaded, at);
    if (!knownHttps && !isLoaded) continue; // a plain link to a host we cannot vouch for: maybe it has no https
    const url = match[0];
    const message = isLoaded
      ? `${shorten(url)} is loaded over plain http; on an https site the browser blocks or flags it.${knownHttps ? ' Use https.' : ''}`
      : `${shorten(url)} uses plain http; ${host} serves https.`;
    const fix = knownHttps ? { title: 'Use https', edits: [{ start: at, end: at + 'http://'.length, text: 'https://' }] } : undefined;
    problems.push(problemAt(context, 'insecure-url', at, url.length, message, fix));
  }
  return problems;
}

/** File ranges of URLs the page loads by itself: src/href of loading tags and Markdown image destinations. */
function loadedRanges(context: PostContext): SkipRange[] {
  const ranges: SkipRange[] = [];
  for (const tag of context.tags) {
    if (tag.closing || !LOADING_TAGS.has(tag.name)) continue;
    for (const attr of tag.attributes) if (attr.name === 'src' || attr.name === 'href' || attr.name === 'data' || attr.name === 'poster') ranges.push([attr.valueStart, attr.valueEnd]);
  }
  walkMarkdown(context.markdown, (node) => {
    if (node.type === 'image' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push([context.bodyStart + node.position.start.offset, context.bodyStart + node.position.end.offset]);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

function shorten(url: string): string {
  return url.length > 80 ? url.slice(0, 77) + '…' : url;
}
