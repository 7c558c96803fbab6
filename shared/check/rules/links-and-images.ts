/**
 * empty-link, missing-image, missing-alt, and dangerous link schemes
 * (unsafe-html), for Markdown links and images, their HTML twins (`<a>`,
 * `<img>`) and image fields in the front matter.
 */
import type { Definition, Nodes } from 'mdast';
import { decodeEntities } from '../../html/entities';
import { attribute } from '../../html/tags';
import { isInRanges, walkMarkdown } from '../../markdown/parse-markdown';
import type { FrontMatterValue } from '../../model';
import { localFileCandidates } from '../local-files';
import { problemAt, type PostContext } from '../post-context';
import type { CaretFix, Problem } from '../types';
import { dangerousUrl } from './dangerous-url';
import { frontMatterValueOffset } from './front-matter-positions';

const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;

export function checkLinksAndImages(context: PostContext): Problem[] {
  const problems: Problem[] = [];
  const { bodyStart } = context;
  const definitions = new Map<string, Definition>();
  walkMarkdown(context.markdown, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
  });

  walkMarkdown(context.markdown, (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const at = bodyStart + start;
    const length = end - start;
    if (node.type === 'link' || node.type === 'definition') {
      if (node.url.trim() === '') {
        problems.push(problemAt(context, 'empty-link', at, length, node.type === 'link' ? `The link "${plainText(node)}" has no target.` : `The link definition [${node.label ?? node.identifier}] has no target.`));
      } else {
        const danger = dangerousUrl(node.url);
        if (danger) problems.push(problemAt(context, 'unsafe-html', at, length, `Unsafe link: ${danger}.`));
      }
    } else if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? node.url : definitions.get(node.identifier)?.url;
      if (!node.alt || node.alt.trim() === '') {
        const problem = problemAt(context, 'missing-alt', at, length, `The image ${url ? `${shorten(url)} ` : ''}has no alt text; describe it for readers who cannot see it.`);
        // The alt text sits between `![` and the first `]` (a blank one is selected, so typing replaces it).
        const close = context.text.indexOf(']', at + 2);
        if (context.text.startsWith('![', at) && close !== -1 && close < at + length) problem.caretFix = { title: WRITE_ALT, edits: [], select: { start: at + 2, end: close } };
        problems.push(problem);
      }
      if (url !== undefined) {
        const danger = dangerousUrl(url, true);
        if (danger) problems.push(problemAt(context, 'unsafe-html', at, length, `Unsafe image: ${danger}.`));
        else checkLocalImage(context, url, at, length, problems);
      }
    }
  });

  for (const tag of context.tags) {
    if (tag.closing) continue;
    if (tag.name === 'a') {
      const href = attribute(tag, 'href');
      if (href && (href.value ?? '').trim() === '') problems.push(problemAt(context, 'empty-link', tag.start, tag.end - tag.start, 'This link has an empty href.'));
    } else if (tag.name === 'img') {
      const src = attribute(tag, 'src');
      // alt="" is the deliberate mark of a decorative image; only a missing alt is a problem.
      if (!attribute(tag, 'alt')) {
        const problem = problemAt(context, 'missing-alt', tag.start, tag.end - tag.start, `The image ${src?.value ? `${shorten(src.value)} ` : ''}has no alt attribute; describe it for readers who cannot see it.`);
        problem.caretFix = altAttributeFix(tag.start);
        problems.push(problem);
      }
      if (src?.value && !dangerousUrl(src.value, true)) checkLocalImage(context, src.value, src.valueStart, src.valueEnd - src.valueStart, problems);
    }
  }

  checkLinksInRawHtml(context, problems);
  checkFrontMatterImages(context, problems);
  return problems;
}

const WRITE_ALT = 'Write alt text';
const ALT_ATTRIBUTE = ' alt=""';

/** Adds an empty `alt=""` right after `<img` and puts the caret between its quotes. */
function altAttributeFix(tagStart: number): CaretFix {
  const at = tagStart + '<img'.length;
  const caret = at + ALT_ATTRIBUTE.length - 1;
  return { title: WRITE_ALT, edits: [{ start: at, end: at, text: ALT_ATTRIBUTE }], select: { start: caret, end: caret } };
}

const MARKDOWN_DESTINATION = /\]\(\s*<?([^)\s>]+)/g;

/**
 * Markdown link syntax inside a raw HTML block is text to CommonMark but a
 * link to kramdown (Jekyll's renderer) and others, so a dangerous target
 * there is reported too (once: links remark already saw are skipped).
 */
function checkLinksInRawHtml(context: PostContext, problems: Problem[]): void {
  const linkRanges: [number, number][] = [];
  walkMarkdown(context.markdown, (node) => {
    if ((node.type === 'link' || node.type === 'image') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      linkRanges.push([context.bodyStart + node.position.start.offset, context.bodyStart + node.position.end.offset]);
    }
  });
  for (const match of context.text.matchAll(MARKDOWN_DESTINATION)) {
    const at = match.index;
    if (at < context.bodyStart || isInRanges(context.skip, at) || linkRanges.some(([s, e]) => at >= s && at < e)) continue;
    const danger = dangerousUrl(decodeEntities(match[1]!));
    if (!danger) continue;
    const start = context.text.lastIndexOf('[', at);
    const from = start === -1 || context.text.lastIndexOf('\n', at) > start ? at : start;
    problems.push(problemAt(context, 'unsafe-html', from, at + match[0].length - from + 1, `Unsafe link: ${danger}.`));
  }
}

function checkLocalImage(context: PostContext, url: string, offset: number, length: number, problems: Problem[]): void {
  const { fileExists, kind, folders } = context.input.site;
  if (!fileExists) return;
  const candidates = localFileCandidates(url, context.input.path, kind, folders, pageUrlOf(context.frontMatter?.data));
  if (candidates === null || candidates.some(fileExists)) return;
  problems.push(problemAt(context, 'missing-image', offset, length, `The image ${url} does not exist in the site${candidates[0] ? ` (looked for ${candidates[0]})` : ''}.`));
}

/** Top-level front-matter strings that name a local image file (`image: /images/cover.jpg`). */
function checkFrontMatterImages(context: PostContext, problems: Problem[]): void {
  const data = context.frontMatter?.data;
  if (!data) return;
  const imageKeys = new Set((context.input.schema?.fields ?? []).filter((f) => f.type === 'image').map((f) => f.key));
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !value.trim()) continue;
    if (!imageKeys.has(key) && !IMAGE_FILE.test(value.replace(/[?#].*$/, ''))) continue;
    const at = frontMatterValueOffset(context, key, value);
    if (at !== null) checkLocalImage(context, value, at, value.length, problems);
  }
}

/** The URL a page sets for itself (Zola `path`, Hugo `url`), which relative links resolve against. */
function pageUrlOf(data: Record<string, FrontMatterValue> | null | undefined): string | null {
  const url = data?.path ?? data?.url;
  return typeof url === 'string' && url.trim() && !/^[a-z]+:/i.test(url) ? url.trim() : null;
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

function shorten(url: string): string {
  return url.length > 80 ? url.slice(0, 77) + '…' : url;
}
