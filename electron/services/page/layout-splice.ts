/**
 * The layout chain's output as a function of `content`: when the layouts
 * only ever print `content` as it is (`{{ content }}`, no filter, not
 * captured) and no include reads `content` or `output` at all, the chain
 * writes the same text around it whatever the post's body is. Rendered once
 * with a marker in place of `content` and split there, the page for a new
 * body is the parts joined with the body — exactly what rendering the chain
 * again would write, as long as the front matter and the excerpt are the
 * same (the cache key, jekyll-site-cache.ts). Anything else renders in full.
 */
import { randomBytes } from 'node:crypto';
import { markRegion } from './content-region';
import type { Layout } from './jekyll-site';

export interface SplicedLayouts {
  /** The chain's output split where `content` was printed: the page is `parts.join(content)`. */
  parts: string[];
}

/** Stands in for `content` while the chain renders; random, so no template or post can contain it. */
export const CONTENT_MARK = `recap-content-${randomBytes(12).toString('hex')}`;

const MARKUP = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
/** Names through which a template could read the post's body: `content`, `page.content`, `post.output`… */
const BODY_NAMES = /(?<![\w-])(?:content|output)(?![\w-])/;
const PRINT_CONTENT = /^\s*content\s*$/;
const CAPTURED_CONTENT = /\{%-?\s*capture\b(?:(?!\{%-?\s*endcapture)[\s\S])*\{\{-?\s*content\s*-?\}\}/;

/** Whether the page can be spliced for these layouts (the post's chain, innermost first) and the site's includes. */
export function canSplice(chain: readonly Layout[], includes: Readonly<Record<string, string>>): boolean {
  return chain.every((layout) => readsBodyOnlyByPrinting(layout.body, true)) && Object.values(includes).every((include) => readsBodyOnlyByPrinting(include, false));
}

function readsBodyOnlyByPrinting(template: string, layout: boolean): boolean {
  for (const match of template.matchAll(MARKUP)) {
    const output = match[1];
    const inner = output ?? match[2] ?? '';
    if (!BODY_NAMES.test(inner)) continue;
    if (layout && output !== undefined && PRINT_CONTENT.test(output)) continue;
    return false;
  }
  return !(layout && CAPTURED_CONTENT.test(template));
}

/** Splits the chain's output rendered with CONTENT_MARK as `content`. */
export function spliceAt(rendered: string): SplicedLayouts {
  return { parts: rendered.split(CONTENT_MARK) };
}

/** The page for `content`: the parts joined with it, the content marked as the page's region when printed once. */
export function joinSpliced(spliced: SplicedLayouts, content: string): string {
  const { parts } = spliced;
  return parts.length === 2 ? parts[0]! + markRegion(content) + parts[1]! : parts.join(content);
}
