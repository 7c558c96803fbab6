/**
 * Markdown structure for the check and the embed finder: the mdast tree
 * with positions, and the code regions where nothing is HTML or an embed.
 * CommonMark only (no GFM): GFM's autolink literals invent `http://` URLs
 * that are not in the source, and its tables and strikethrough change no
 * link or image; the plain parser is also about 2.5 times faster.
 */
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SkipRange } from '../html/tags';
import { boundMarkdown } from './bound-markdown';

const parser = unified().use(remarkParse);

export function parseMarkdown(markdown: string): Root {
  return parser.parse(boundMarkdown(markdown));
}

/** Visits every node depth-first. */
export function walkMarkdown(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walkMarkdown(child, visit);
}

/** Offsets [start, end) of code blocks and code spans, sorted, shifted by `base`. */
export function codeRanges(root: Root, base = 0): SkipRange[] {
  const ranges: SkipRange[] = [];
  walkMarkdown(root, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push([node.position.start.offset + base, node.position.end.offset + base]);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function isInRanges(ranges: readonly SkipRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid]!;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}
