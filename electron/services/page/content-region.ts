/**
 * The page's content region: where the layouts printed the post's body,
 * between two marker comments. While the author types, usually only this
 * region changes; when everything around it (the shell) is the same as in
 * the shown frame, the frame replaces the region in place instead of
 * loading a new document (page-patcher.ts).
 *
 * The markers go in only where the layouts were spliced (layout-splice.ts:
 * they print `{{ content }}` once, as it is). They stay in the document only
 * when they end up siblings in an ordinary flow container after parsing, so
 * that the region parsed on its own in the frame gives the same nodes as in
 * the whole document; otherwise they are removed and the page reloads.
 */
import { randomBytes } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';

/** Random per process, so no template or post can contain them (the post's own comments are sanitised away). */
const MARK = randomBytes(9).toString('base64url');
export const REGION_START = `recap-content-start-${MARK}`;
export const REGION_END = `recap-content-end-${MARK}`;

const START_COMMENT = `<!--${REGION_START}-->`;
const END_COMMENT = `<!--${REGION_END}-->`;
/** Parents in which a fragment parses as it does inside the document (no table, paragraph or inline context). */
const FLOW_PARENTS = new Set(['body', 'main', 'article', 'section', 'div', 'aside', 'header', 'footer']);

/** The body as the layouts' `content`, between the markers. */
export function markRegion(content: string): string {
  return `${START_COMMENT}${content}${END_COMMENT}`;
}

/** In the parsed document: keeps the markers only if there is one of each, siblings in a flow container, else removes them. */
export function settleRegion(tree: Root): void {
  const found: { parent: Root | Element; node: RootContent; value: string }[] = [];
  const visit = (parent: Root | Element) => {
    for (const node of parent.children) {
      if (node.type === 'comment' && (node.value === REGION_START || node.value === REGION_END)) found.push({ parent, node, value: node.value });
      else if (node.type === 'element') visit(node);
    }
  };
  visit(tree);
  const [start, end] = found;
  const whole = found.length === 2 && start!.value === REGION_START && end!.value === REGION_END && start!.parent === end!.parent && start!.parent.type === 'element' && FLOW_PARENTS.has(start!.parent.tagName);
  if (whole) return;
  for (const { parent, node } of found) parent.children.splice((parent.children as RootContent[]).indexOf(node), 1);
}

export interface ContentRegion {
  /** The document without the region's content (markers kept): equal shells mean only the content changed. */
  shell: string;
  /** The region's markup, as it is in the document. */
  content: string;
}

/** The secured document split at its markers, or null when it has none (not spliced, or not a whole region). */
export function splitRegion(html: string): ContentRegion | null {
  const start = html.indexOf(START_COMMENT);
  if (start < 0) return null;
  const from = start + START_COMMENT.length;
  const end = html.indexOf(END_COMMENT, from);
  if (end < 0) return null;
  return { shell: html.slice(0, from) + html.slice(end), content: html.slice(from, end) };
}
