/**
 * Splits a post body into top-level blocks, separated by blank lines, so the
 * preview re-renders only the blocks that changed. The split never cuts a
 * construct a blank line does not end: fenced code, HTML comments, Liquid
 * and Hugo code blocks, and open HTML containers (`<details>`, `<div>`,
 * `<figure>`…). An indented chunk joins the one before it (a list item's
 * second paragraph, indented code after a paragraph), and consecutive list
 * chunks stay one list, so each block parses as it would in the whole post.
 */

export interface SourceBlock {
  text: string;
  /** 1-based line of the body where the block starts. */
  line: number;
  /** 1-based last line of the block (inclusive). */
  endLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINERS = 'details|div|figure|table|section|aside|blockquote|center|article|dl|ul|ol|picture|video|audio|nav|header|footer|main';
const OPEN_TAG = new RegExp(`<(${CONTAINERS})(?=[\\s>/])`, 'gi');
const CLOSE_TAG = new RegExp(`</(${CONTAINERS})\\s*>`, 'gi');
const CODE_TAG_START = /^\s*(\{%-?\s*(highlight|raw|comment)\b[^%]*%\}|\{\{<\s*highlight\b[^>]*>\}\})/;
const CODE_TAG_END: Record<string, RegExp> = {
  highlight: /\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/\s*highlight\s*>\}\}/,
  raw: /\{%-?\s*endraw\s*-?%\}/,
  comment: /\{%-?\s*endcomment\s*-?%\}/,
};
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** An unclosed `<div>` must not swallow the rest of a long post: past this many lines the block ends anyway. */
const MAX_HTML_SPAN = 400;

interface Chunk {
  lines: string[];
  line: number;
}

export function splitBlocks(body: string): SourceBlock[] {
  const lines = body.split('\n');
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let fence: { char: string; length: number } | null = null;
  let codeTagEnd: RegExp | null = null;
  let inComment = false;
  let htmlDepth = 0;
  let htmlSince = 0;

  lines.forEach((text, index) => {
    const blank = text.trim() === '';
    const open = fence !== null || codeTagEnd !== null || inComment || (htmlDepth > 0 && index - htmlSince < MAX_HTML_SPAN);
    if (blank && !open) {
      if (current) chunks.push(current);
      current = null;
      htmlDepth = 0;
      return;
    }
    current ??= { lines: [], line: index + 1 };
    current.lines.push(text);

    if (fence) {
      const close = FENCE.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && text.trim() === close[1]) fence = null;
      return;
    }
    if (codeTagEnd) {
      if (codeTagEnd.test(text)) codeTagEnd = null;
      return;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      return;
    }
    const opening = FENCE.exec(text);
    if (opening) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      return;
    }
    const codeTag = CODE_TAG_START.exec(text);
    if (codeTag) {
      const name = codeTag[2] ?? 'highlight';
      const end = CODE_TAG_END[name]!;
      if (!end.test(text.slice(codeTag.index + codeTag[0].length))) codeTagEnd = end;
      return;
    }
    const commentAt = text.lastIndexOf('<!--');
    if (commentAt !== -1 && !text.includes('-->', commentAt + 4)) inComment = true;
    const before = htmlDepth;
    htmlDepth = Math.max(0, htmlDepth + count(text, OPEN_TAG) - count(text, CLOSE_TAG));
    if (before === 0 && htmlDepth > 0) htmlSince = index;
  });
  if (current) chunks.push(current);
  return mergeContinuations(chunks, lines);
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

function mergeContinuations(chunks: Chunk[], lines: string[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let previousIsList = false;
  for (const chunk of chunks) {
    const first = chunk.lines[0] ?? '';
    const isList = LIST_ITEM.test(first);
    const last = blocks[blocks.length - 1];
    const continues = last !== undefined && (/^[ \t]/.test(first) || (isList && previousIsList));
    const endLine = chunk.line + chunk.lines.length - 1;
    if (continues) {
      // Keep the blank lines between them: a loose list or an indented continuation needs them.
      last.text = lines.slice(last.line - 1, endLine).join('\n');
      last.endLine = endLine;
    } else {
      blocks.push({ text: chunk.lines.join('\n'), line: chunk.line, endLine });
      previousIsList = isList;
    }
  }
  return blocks;
}
