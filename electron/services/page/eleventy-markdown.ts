/**
 * Markdown as Eleventy writes it: markdown-it with Eleventy's default
 * options (`html: true`, no typographer, no linkify). Headings get the ids
 * markdown-it-anchor would give them (most Eleventy blogs use it), so the
 * Page view can follow the editor by heading; the ids change nothing shown.
 */
import MarkdownIt from 'markdown-it';
import type { PageAnchor } from '../../../shared/page/page-preview';

const markdown = new MarkdownIt({ html: true });

/** markdown-it-anchor's default slug: lower case, spaces to dashes, percent-encoded. */
function slugOf(text: string): string {
  return encodeURIComponent(text.trim().toLowerCase().replace(/\s+/g, '-'));
}

function uniqueSlugs(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const slug = slugOf(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count === 0 ? slug : `${slug}-${count}`;
  };
}

/** Headings (1-based lines) with their ids, from markdown-it's tokens. */
function anchorsOf(tokens: ReturnType<MarkdownIt['parse']>): PageAnchor[] {
  const slug = uniqueSlugs();
  const anchors: PageAnchor[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.map) anchors.push({ line: token.map[0] + 1, id: slug(tokens[i + 1]?.content ?? '') });
  });
  return anchors;
}

/** The headings of the body as written (when Liquid changed it, the rendered text's lines are not the editor's). */
export function eleventyAnchors(body: string): PageAnchor[] {
  return anchorsOf(markdown.parse(body, {}));
}

/** The body as HTML, and its headings from the same parse. */
export function eleventyMarkdown(body: string): { html: string; anchors: PageAnchor[] } {
  const tokens = markdown.parse(body, {});
  const slug = uniqueSlugs();
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.attrGet('id') === null) token.attrSet('id', slug(tokens[i + 1]?.content ?? ''));
  });
  return { html: markdown.renderer.render(tokens, markdown.options, {}), anchors: anchorsOf(tokens) };
}
