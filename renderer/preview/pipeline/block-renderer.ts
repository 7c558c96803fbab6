/**
 * The incremental preview: the body is split into blocks, each block's tree
 * is cached by its text, and only blocks never seen before are rendered.
 * Trees the receiver already holds are not sent again (`tree` omitted), so
 * typing in a 200 KB post renders and transfers one block, not the post.
 */
import type { Element, Root, RootContent } from 'hast';
import { renderBlock } from './render-block';
import { splitBlocks } from './split-blocks';

export interface RenderedBlock {
  /** Stable while the block's text (and the definitions it uses) stay the same. */
  id: string;
  /** 1-based body lines the block spans. */
  line: number;
  endLine: number;
  /** Present when the receiver has not been sent this block's tree yet. */
  tree?: Root;
}

/** Deeper trees are shown as text: rendering them would overflow the stack (a 3,000-deep `<div>` nest). */
const MAX_DEPTH = 200;

/** One block's tree, or the block as written when it cannot be rendered: one bad block never blanks the preview. */
export function renderSafely(text: string, definitions = ''): Root {
  try {
    const tree = renderBlock(text, definitions);
    if (depthOf(tree) <= MAX_DEPTH) return tree;
  } catch {
    // A parser's "Maximum call stack size exceeded" on hostile nesting: shown as text below.
  }
  const note: Element = { type: 'element', tagName: 'p', properties: { className: ['preview-note'] }, children: [{ type: 'text', value: 'This block is too deeply nested to preview; it is shown as written.' }] };
  const source: Element = { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: text }] };
  return { type: 'root', children: [note, source] };
}

/** Iterative, so measuring a hostile tree cannot overflow the stack itself. */
function depthOf(tree: Root): number {
  let deepest = 0;
  const stack: [Root | RootContent, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_DEPTH) break;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

export class BlockRenderer {
  private cache = new Map<string, { id: string; tree: Root }>();
  private sent = new Set<string>();
  private nextId = 1;

  /** `resend`: the receiver lost what it was sent; include every tree. */
  render(body: string, resend = false): RenderedBlock[] {
    if (resend) this.sent.clear();
    const blocks = splitBlocks(body);
    const definitions = (body.match(DEFINITION) ?? []).join('\n');
    const used = new Map<string, { id: string; tree: Root }>();
    const out: RenderedBlock[] = [];
    for (const block of blocks) {
      const key = definitions && block.text.includes('[') ? `${block.text}\u0000${definitions}` : block.text;
      let entry = used.get(key) ?? this.cache.get(key);
      if (!entry) entry = { id: `b${this.nextId++}`, tree: renderSafely(block.text, definitions) };
      used.set(key, entry);
      const rendered: RenderedBlock = { id: entry.id, line: block.line, endLine: block.endLine };
      if (!this.sent.has(entry.id)) rendered.tree = entry.tree;
      out.push(rendered);
    }
    // Keep only this version's blocks: the previous keystroke's are the only ones likely to come back.
    this.cache = used;
    this.sent = new Set([...used.values()].map((entry) => entry.id));
    return out;
  }
}
