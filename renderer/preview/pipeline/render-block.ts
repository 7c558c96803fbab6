/**
 * One block of Markdown → sanitised hast. Embeds (tweets, iframes, embed
 * scripts, bare provider URLs, shortcodes) are lifted out first and come
 * back as placeholders the main thread renders as components; everything
 * else goes through rehype-raw and rehype-sanitize, then template tags
 * become chips. Synchronous and pure, so it runs in the worker or in-thread.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { findEmbeds, type Embed } from '../../../shared/embeds';
import { codeRanges, parseMarkdown } from '../../../shared/markdown/parse-markdown';
import { EMBED_ATTRIBUTE, toPreviewEmbed } from '../embeds/embed-data';
import { embedPlaceholderTag, previewSchema } from '../../../shared/preview/sanitize-schema';
import { markTemplateTags, rewriteTemplateBlocks } from './template-tags';

// A fresh name per session, so a post cannot write a placeholder of its own.
const NONCE = Math.random().toString(36).slice(2, 10);
const PLACEHOLDER = embedPlaceholderTag(NONCE);

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, previewSchema(PLACEHOLDER))
  .freeze();

/** `definitions`: the post's link reference definitions, so `[text][ref]` resolves in any block. */
export function renderBlock(markdown: string, definitions = ''): Root {
  const rewritten = rewriteTemplateBlocks(markdown);
  const { text, embeds } = liftEmbeds(rewritten);
  const source = definitions && text.includes('[') ? `${text}\n\n${definitions}` : text;
  const tree = processor.runSync(processor.parse(source)) as Root;
  if (embeds.length > 0) restoreEmbeds(tree, embeds);
  markTemplateTags(tree);
  restrictDataImages(tree);
  stripPositions(tree);
  return tree;
}

function liftEmbeds(text: string): { text: string; embeds: Embed[] } {
  if (!/[<{]|\/\//.test(text)) return { text, embeds: [] };
  const embeds = findEmbeds(text, { skip: codeRanges(parseMarkdown(text)) });
  let out = text;
  for (let i = embeds.length - 1; i >= 0; i--) {
    const { start, end } = embeds[i]!;
    out = `${out.slice(0, start.offset)}<${PLACEHOLDER} data-i="${i}"></${PLACEHOLDER}>${out.slice(end.offset)}`;
  }
  return { text: out, embeds };
}

function embedElement(embed: Embed): Element {
  return { type: 'element', tagName: 'div', properties: { [toProperty(EMBED_ATTRIBUTE)]: JSON.stringify(toPreviewEmbed(embed)) }, children: [] };
}

function toProperty(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Placeholders become embed elements; a paragraph is split around them, since a card cannot live inside a `<p>`. */
function restoreEmbeds(tree: Root, embeds: readonly Embed[]): void {
  const resolve = (node: RootContent | ElementContent): Element | null => {
    if (node.type !== 'element' || node.tagName !== PLACEHOLDER) return null;
    const embed = embeds[Number(node.properties.dataI)];
    return embed ? embedElement(embed) : null;
  };
  const visit = (parent: Root | Element) => {
    const next: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      const embed = resolve(child);
      if (embed) {
        next.push(embed);
        continue;
      }
      if (child.type === 'element' && child.tagName === PLACEHOLDER) continue; // an index we never issued
      if (child.type === 'element' && child.tagName === 'p' && child.children.some((c) => c.type === 'element' && c.tagName === PLACEHOLDER)) {
        next.push(...splitParagraph(child, resolve));
        continue;
      }
      if (child.type === 'element') visit(child);
      next.push(child);
    }
    parent.children = next as typeof parent.children;
  };
  visit(tree);
}

function splitParagraph(paragraph: Element, resolve: (node: ElementContent) => Element | null): Element[] {
  const out: Element[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((c) => c.type !== 'text' || c.value.trim() !== '')) out.push({ ...paragraph, children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    const embed = resolve(child);
    if (embed) {
      flush();
      out.push(embed);
    } else if (!(child.type === 'element' && child.tagName === PLACEHOLDER)) {
      run.push(child);
    }
  }
  flush();
  return out;
}

const RASTER_DATA = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/** data: stays only as a raster image's source: it never leaves the machine and cannot run script. */
function restrictDataImages(tree: Root): void {
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const src = child.properties.src;
      if (typeof src === 'string' && /^\s*data:/i.test(src) && !(child.tagName === 'img' && RASTER_DATA.test(src.trim()))) delete child.properties.src;
      const href = child.properties.href;
      if (typeof href === 'string' && /^\s*data:/i.test(href)) delete child.properties.href;
      visit(child);
    }
  };
  visit(tree);
}

/** Positions are not rendered; dropping them halves what crosses to the main thread. */
function stripPositions(node: Root | RootContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
}
